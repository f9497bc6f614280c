// Entry point of the real-VS-Code harness:
//   npx tsx test/vscode/harness/run.ts integration [--grep <re>]
//   npx tsx test/vscode/harness/run.ts e2e [--grep <re>]
//   npx tsx test/vscode/harness/run.ts demo [--browsers N] [--port P]
// Any mode: --api-version chromemanagement-v1 (or env CBCM_API_VERSION) sets cbcm.apiVersion for the run.
// See test/vscode/README.md.
import { runDemo } from './demo';
import { cleanupAll, errorMessage, installSignalHandlers } from './processes';
import { runE2e } from './runE2e';
import { runIntegration } from './runIntegration';

interface Args {
  mode: string;
  grep?: string;
  browsers?: number;
  port?: number;
  emulatorPort?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { mode: argv[0] ?? '' };
  for (let i = 1; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = () => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) throw new Error(`${flag} needs a whole number`);
      return v;
    };
    if (flag === '--grep' || flag === '-g') args.grep = value();
    else if (flag === '--browsers') args.browsers = number();
    else if (flag === '--port') args.port = number();
    else if (flag === '--emulator-port') args.emulatorPort = number();
    // Read by emulatorHost.ts (settings.json and the extension host's environment).
    else if (flag === '--api-version') process.env.CBCM_API_VERSION = value();
    else throw new Error(`unknown option ${flag}`);
  }
  return args;
}

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

async function main(): Promise<number> {
  installSignalHandlers();
  // A stray rejection (e.g. from Playwright after the browser closed) must still stop every process.
  process.on('unhandledRejection', (reason) => {
    console.error(`[harness] FAILED: unhandled rejection: ${errorMessage(reason)}`);
    void cleanupAll().finally(() => process.exit(1));
  });
  const args = parseArgs(process.argv.slice(2));
  const grep = args.grep ?? process.env.CBCM_TEST_GREP;
  switch (args.mode) {
    case 'integration':
      return runIntegration({
        grep,
        browsers: args.browsers ?? 2000,
        totalTimeoutMs: envNumber('CBCM_INTEGRATION_TIMEOUT_MS', 5 * 60_000),
      });
    case 'e2e':
      return runE2e({ grep, browsers: args.browsers ?? 2000, testTimeoutMs: envNumber('CBCM_E2E_TEST_TIMEOUT_MS', 60_000) });
    case 'demo':
      return runDemo({ browsers: args.browsers ?? 2000, port: args.port ?? 0, emulatorPort: args.emulatorPort });
    default:
      throw new Error(`usage: run.ts integration|e2e|demo [--grep <re>] [--browsers N] [--port P] (got "${args.mode}")`);
  }
}

// The chain ends in process.exit: nothing is left to handle a rejection.
void main()
  .catch((err: unknown) => {
    console.error(`[harness] FAILED: ${err instanceof Error && process.env.CBCM_DEBUG ? err.stack : errorMessage(err)}`);
    return 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
