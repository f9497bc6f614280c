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

/**
 * "Another extension" (test/vscode/e2e/callerExtension), packaged like any .vsix: the E2E run installs it next to
 * CBCM Explorer to check that an installed CBCM Explorer ignores the automation arguments other extensions pass.
 */
export async function packageCallerExtension(): Promise<string> {
  const out = path.join(path.dirname(vsixPath), 'e2e-caller.vsix');
  fs.rmSync(out, { force: true });
  await runToCompletion(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', out], {
    cwd: path.join(repoRoot, 'test', 'vscode', 'e2e', 'callerExtension'),
  });
  if (!fs.existsSync(out)) throw new Error(`vsce package did not produce ${out}`);
  return out;
}
