import * as path from 'path';

/** Absolute paths the harness works with; everything is derived from the repository root. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** code-server@4.100.3 (a real VS Code 1.100.3 server) installed by scripts/ensure-test-env.sh. */
export const codeServerDir = process.env.CBCM_CODE_SERVER_DIR ?? path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerPackageDir = path.join(codeServerDir, 'node_modules', 'code-server');
export const serverMain = path.join(codeServerPackageDir, 'lib', 'vscode', 'out', 'server-main.js');
export const ensureEnvScript = path.join(repoRoot, 'scripts', 'ensure-test-env.sh');

/** Debian's Chromium, driven by playwright-core (nothing is downloaded). */
export const chromiumPath = process.env.CBCM_CHROMIUM ?? '/usr/bin/chromium';

/** Artifacts kept after a run (gitignored): logs, result JSON, screenshots. */
export const testResultsDir = path.join(repoRoot, 'test-results');
export const screenshotsDir = path.join(testResultsDir, 'screenshots');

/** Built things (gitignored). */
export const suiteBundle = path.join(repoRoot, 'out', 'vscode-suite', 'index.js');
export const vsixPath = path.join(repoRoot, '.vscode-test', 'cbcm-explorer.vsix');

export const suiteDir = path.join(repoRoot, 'test', 'vscode', 'suite');
export const e2eDir = path.join(repoRoot, 'test', 'vscode', 'e2e');

/** The extension's id as VS Code knows it: `<publisher>.<name>` from package.json. */
export const extensionId = 'cbcm-explorer.cbcm-explorer';
