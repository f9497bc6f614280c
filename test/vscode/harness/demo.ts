import { packageExtension } from './buildExtension';
import { startSession } from './session';

export interface DemoOptions {
  browsers: number;
  /** VS Code server port (0 = any free one). */
  port: number;
  emulatorPort?: number;
}

/**
 * The one-command demo: the packaged extension installed in a real VS Code, the emulator with a big fleet, the
 * extension signed in automatically. Prints the URL and runs until Ctrl-C (the caller's signal handlers clean up).
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const vsix = await packageExtension();
  console.log(`[demo] starting the emulator with ${options.browsers} browsers and VS Code...`);
  const session = await startSession({
    name: 'demo',
    browsers: options.browsers,
    signedIn: true,
    vsix,
    port: options.port || undefined,
    emulatorPort: options.emulatorPort,
  });
  const url = session.server.workbenchUrl();
  console.log('');
  console.log('  CBCM Explorer demo is running.');
  console.log(`  Open in a browser:  ${url}`);
  console.log(`  Emulator (fake Google API): ${session.emulator.url}  (customer ${session.emulator.customerId}, admin ${session.emulator.adminEmail})`);
  console.log(`  Logs: ${session.artifactsDir}`);
  console.log('  From another machine, forward the port first, e.g. ssh -L ' + `${session.server.port}:127.0.0.1:${session.server.port} <this host>`);
  console.log('  Press Ctrl-C to stop everything.');
  console.log('');
  const reason = await session.server.died;
  console.error(`[demo] ${reason}`);
  return 1;
}
