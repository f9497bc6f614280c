import { packageExtension } from './buildExtension';
import { startSession } from './session';

export interface DemoOptions {
  browsers: number;
  /** VS Code server port (0 = any free one). */
  port: number;
  emulatorPort?: number;
}

/**
 * The one-command demo: the packaged extension installed in a real VS Code, the emulator with a big fleet. The
 * installed extension cannot sign in by itself (that exists only outside Production), so it prints how to sign in
 * as an admin would: the emulator's key file and admin address. Runs until Ctrl-C (the caller's signal handlers clean up).
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const vsix = await packageExtension();
  console.log(`[demo] starting the emulator with ${options.browsers} browsers and VS Code...`);
  const session = await startSession({
    name: 'demo',
    browsers: options.browsers,
    // The installed .vsix (Production mode) has no automatic sign-in: the person at the browser signs in.
    autoSignInVariables: false,
    vsix,
    port: options.port || undefined,
    emulatorPort: options.emulatorPort,
  });
  const url = session.server.workbenchUrl();
  console.log('');
  console.log('  CBCM Explorer demo is running.');
  console.log(`  Open in a browser:  ${url}`);
  console.log(
    `  Emulator (fake Google API): ${session.emulator.url}  (customer ${session.emulator.customerId}, admin ${session.emulator.adminEmail})`,
  );
  console.log('');
  console.log('  Sign in once (the account is kept across reloads):');
  console.log('    1. Click the "Chrome Browsers" icon in the activity bar, then "Sign In with a Service Account Key".');
  console.log('    2. Pick "Choose the JSON key file…" and enter this path in the file dialog:');
  console.log(`         ${session.emulator.serviceAccountKeyPath}`);
  console.log(`    3. Enter the admin to act as:  ${session.emulator.adminEmail}`);
  console.log('');
  console.log(`  Logs: ${session.artifactsDir}`);
  console.log('  From another machine, forward the port first, e.g. ssh -L ' + `${session.server.port}:127.0.0.1:${session.server.port} <this host>`);
  console.log('  Press Ctrl-C to stop everything.');
  console.log('');
  const reason = await session.server.died;
  console.error(`[demo] ${reason}`);
  return 1;
}
