// Runs the emulator as a standalone process:
//   npx tsx test/emulator/cli.ts --browsers 10000 --port 8790 [--latency 250] [--seed 1] [--rate429 0.1] ...
// Prints its URL and the service-account key path, then runs until SIGINT/SIGTERM.
import { Emulator, type EmulatorOptions } from './emulator';
import { COLON_MATCHES, type ColonMatch } from './context';
import type { Faults } from './faults';

const USAGE = `Usage: npx tsx test/emulator/cli.ts [options]
  --browsers N          generated browsers (default 2000)
  --tokens N            generated enrollment tokens (default 40)
  --port N              port on 127.0.0.1 (default 0 = free port)
  --seed N              PRNG seed (default 1)
  --now ISO             fixed "now" of the generated fleet (default: real now)
  --latency MS          delay every API request
  --org-unit-scope S    exact (default) or subtree: does an org unit filter include sub-units?
  --colon-match M       word (default), exact, prefix or substring: what a plain v1 string value matches
  --rate429 P           probability of 429 rateLimitExceeded (0..1)
  --rate403quota P      probability of 403 userRateLimitExceeded
  --rate503 P           probability of 503 backendError
  --reset-rate P        probability of dropping the connection
  --retry-after S       Retry-After seconds sent with 429s (default 1)
  --page-token-lifetime MS   page token lifetime (default 3600000)
  --token-lifetime S    access token lifetime, expires_in (default 3599)
  --json                print the info as one JSON line instead of text`;

function parseArgs(argv: string[]): { options: EmulatorOptions; json: boolean } {
  const options: EmulatorOptions = {};
  const faults: Faults = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const number = (): number => {
      const v = Number(value());
      if (!Number.isFinite(v)) throw new Error(`${arg} needs a number`);
      return v;
    };
    switch (arg) {
      case '--browsers':
        options.browsers = number();
        break;
      case '--tokens':
        options.tokens = number();
        break;
      case '--port':
        options.port = number();
        break;
      case '--seed':
        options.seed = number();
        break;
      case '--now':
        options.now = value();
        break;
      case '--latency':
        faults.latencyMs = number();
        break;
      case '--org-unit-scope': {
        const scope = value();
        if (scope !== 'exact' && scope !== 'subtree') throw new Error(`--org-unit-scope must be exact or subtree (got ${scope})`);
        options.orgUnitScope = scope;
        break;
      }
      case '--colon-match': {
        const match = value();
        if (!COLON_MATCHES.includes(match as ColonMatch)) throw new Error(`--colon-match must be one of ${COLON_MATCHES.join(', ')} (got ${match})`);
        options.colonMatch = match as ColonMatch;
        break;
      }
      case '--rate429':
        faults.rate429 = number();
        break;
      case '--rate403quota':
        faults.rate403quota = number();
        break;
      case '--rate503':
        faults.rate503 = number();
        break;
      case '--reset-rate':
        faults.resetRate = number();
        break;
      case '--retry-after':
        faults.retryAfterSeconds = number();
        break;
      case '--page-token-lifetime':
        options.pageTokenLifetimeMs = number();
        break;
      case '--token-lifetime':
        options.accessTokenLifetimeSeconds = number();
        break;
      case '--json':
        json = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  options.faults = faults;
  return { options, json };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`cbcm-emulator: ${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  const emu = await Emulator.start(parsed.options);
  if (parsed.json) {
    console.log(JSON.stringify(emu.info()));
  } else {
    console.log(`CBCM emulator listening on ${emu.url}`);
    console.log(`  service-account key: ${emu.serviceAccountKeyPath}`);
    console.log(`  customer: ${emu.customerId}   admin: ${emu.adminEmail}   browsers: ${emu.fleet.browsers.size}`);
    console.log(`  control API: ${emu.url}/__emulator/info`);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`cbcm-emulator: ${signal}, stopping`);
    emu.stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`cbcm-emulator: could not start: ${(e as Error).message}`);
  process.exit(1);
});
