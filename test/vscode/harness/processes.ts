import { ChildProcess, spawn, SpawnOptions } from 'child_process';
import * as fs from 'fs';

/**
 * Every process and resource the harness starts registers its clean-up here, so that success, failure,
 * time-out, SIGINT and SIGTERM all leave nothing behind. Clean-ups run last-registered first.
 */
type Cleanup = { name: string; run: () => Promise<void> | void };
const cleanups: Cleanup[] = [];
let cleaningUp: Promise<void> | undefined;

export function onCleanup(name: string, run: Cleanup['run']): () => void {
  const entry = { name, run };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** True once the harness has begun stopping everything (processes exiting then are expected). */
export function isCleaningUp(): boolean {
  return cleaningUp !== undefined;
}

export function cleanupAll(): Promise<void> {
  cleaningUp ??= (async () => {
    while (cleanups.length > 0) {
      const entry = cleanups.pop()!;
      try {
        await withTimeout(Promise.resolve(entry.run()), 10_000, `clean-up of ${entry.name}`);
      } catch (err) {
        console.error(`[harness] clean-up of ${entry.name} failed: ${errorMessage(err)}`);
      }
    }
  })();
  return cleaningUp;
}

let signalsInstalled = false;
/** Ctrl-C / kill: clean up, then exit with the conventional 128+signal code. */
export function installSignalHandlers(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  const handle = (signal: NodeJS.Signals, code: number) => {
    process.on(signal, () => {
      console.error(`\n[harness] ${signal}: stopping everything`);
      void cleanupAll().finally(() => process.exit(code));
    });
  };
  handle('SIGINT', 130);
  handle('SIGTERM', 143);
  handle('SIGHUP', 129);
}

export interface SpawnedProcess {
  child: ChildProcess;
  /** Resolves when the process has exited (with its code, or null after a signal). */
  exited: Promise<number | null>;
  /** SIGTERM the whole process group, SIGKILL after a grace period. */
  kill(): Promise<void>;
}

/**
 * Starts a process in its own process group (detached) so that it and all its children (VS Code's extension
 * host, file watcher, pty host...) can be killed together. stdout/stderr are appended to `logFile`.
 */
export function spawnInGroup(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { logFile: string; onOutput?: (text: string) => void },
): SpawnedProcess {
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (chunk: Buffer) => {
    log.write(chunk);
    options.onOutput?.(chunk.toString('utf8'));
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', (err) => {
      log.write(`\n[harness] ${name} failed to start: ${err.message}\n`);
      resolve(-1);
    });
  });
  log.on('error', () => undefined); // a full disk must not crash the harness
  child.on('close', () => log.end()); // 'close' comes after the last output, 'exit' may come before it
  let stopped = false;
  const kill = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child, 'SIGTERM');
    const gone = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
    // The leader may exit while children of the group linger: always finish with SIGKILL to the group.
    killGroup(child, 'SIGKILL');
    if (!gone) await Promise.race([exited, delay(2_000)]);
  };
  // Kept registered even after the leader exits: its group (extension host...) may live on.
  onCleanup(name, kill);
  return { child, exited, kill };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function runToCompletion(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}
