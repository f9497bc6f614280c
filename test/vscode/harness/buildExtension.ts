import * as fs from 'fs';
import * as path from 'path';
import { repoRoot, vsixPath } from './paths';
import { runToCompletion } from './processes';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Development build (dist/ with source maps) for the extensionDevelopmentPath used by integration tests. */
export async function buildDevExtension(): Promise<void> {
  await runToCompletion(npm, ['run', '--silent', 'build'], { cwd: repoRoot });
}

/**
 * The extension as users get it: `npm run package` (production build + `vsce package --no-dependencies`).
 * CBCM_VSIX=<file> uses an existing .vsix instead (e.g. one built by CI earlier).
 */
export async function packageExtension(): Promise<string> {
  const given = process.env.CBCM_VSIX;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`CBCM_VSIX=${given} does not exist`);
    return path.resolve(given);
  }
  fs.mkdirSync(path.dirname(vsixPath), { recursive: true });
  fs.rmSync(vsixPath, { force: true });
  await runToCompletion(npm, ['run', '--silent', 'package', '--', '-o', vsixPath], { cwd: repoRoot });
  if (!fs.existsSync(vsixPath)) throw new Error(`npm run package did not produce ${vsixPath}`);
  return vsixPath;
}
