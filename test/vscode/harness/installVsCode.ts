import * as fs from 'fs';
import { codeServerPackageDir, ensureEnvScript, serverMain } from './paths';
import { runToCompletion } from './processes';

export const expectedCodeServerVersion = '4.100.3';

/**
 * Makes sure the VS Code server exists, running scripts/ensure-test-env.sh when it does not (or when
 * CBCM_ENSURE_ENV=1 asks for the full check). The script is idempotent; `npm test` runs it anyway.
 */
export async function ensureVsCode(): Promise<void> {
  if (process.env.CBCM_ENSURE_ENV === '1' || installedVersion() !== expectedCodeServerVersion || !fs.existsSync(serverMain)) {
    await runToCompletion('bash', [ensureEnvScript]);
  }
  if (!fs.existsSync(serverMain)) {
    throw new Error(`VS Code server not found at ${serverMain}; run scripts/ensure-test-env.sh`);
  }
}

function installedVersion(): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(`${codeServerPackageDir}/package.json`, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Installs a .vsix offline into `extensionsDir`, exactly as a user's `code --install-extension` would. */
export async function installVsix(vsix: string, extensionsDir: string, serverDataDir: string): Promise<void> {
  await runToCompletion(
    process.execPath,
    [
      serverMain,
      '--install-extension',
      vsix,
      '--extensions-dir',
      extensionsDir,
      '--server-data-dir',
      serverDataDir,
      '--accept-server-license-terms',
      '--force',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
}
