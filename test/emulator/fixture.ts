// One way for a mocha suite to get an emulator, instead of the same before/after/beforeEach block in every file:
// started once before the suite's tests, stopped after them, and brought back to its start-up state before each
// test so no test sees another's changes.
import { Emulator, type EmulatorOptions } from './emulator';

/** What runs before each test: `reset` (default) regenerates the fleet and clears faults, page tokens and the log. */
export type BeforeEachTest = 'reset' | 'clearFaults' | 'clearRequestLog' | 'nothing';

export interface EmulatorFixtureOptions extends EmulatorOptions {
  beforeEachTest?: BeforeEachTest;
}

/**
 * Registers the hooks in the calling `describe` and returns the suite's emulator. The emulator only exists while the
 * suite runs, so the value returned stands in for it: every property read or call goes to the running emulator
 * (that keeps tests written as `emu.fleet`, `makeClient(emu)` unchanged).
 */
export function useEmulator(options: EmulatorFixtureOptions = {}): Emulator {
  const { beforeEachTest = 'reset', ...emulatorOptions } = options;
  let current: Emulator | undefined;
  before(async () => {
    current = await Emulator.start(emulatorOptions);
  });
  after(async () => {
    await current?.stop();
    current = undefined;
  });
  if (beforeEachTest !== 'nothing') beforeEach(() => running()[beforeEachTest]());

  function running(): Emulator {
    if (!current) throw new Error('useEmulator: the emulator runs only inside the tests and hooks of the suite that asked for it');
    return current;
  }
  return new Proxy({} as Emulator, {
    get(_target, property) {
      const emu = running();
      const value: unknown = Reflect.get(emu, property, emu);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(emu) : value;
    },
    set(_target, property, value) {
      return Reflect.set(running(), property, value);
    },
  });
}

/**
 * For suites whose tests each need their own emulator (a different size or seed): `start(options)` inside a test,
 * stopped after that test whatever its outcome.
 */
export function emulatorPerTest(): (options?: EmulatorOptions) => Promise<Emulator> {
  const started: Emulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((e) => e.stop()));
  });
  return async (options = {}) => {
    const emu = await Emulator.start(options);
    started.push(emu);
    return emu;
  };
}
