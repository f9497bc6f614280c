// The same bundled suite, run by @vscode/test-electron in a desktop VS Code it downloads (for machines that can
// reach update.code.visualstudio.com; CI here cannot and uses `npm run test:vscode`). `npm run test:electron`.
import { runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundleSuite } from '../harness/bundleSuite';
import { buildDevExtension } from '../harness/buildExtension';
import { emulatorEnv, emulatorSettings, startEmulator } from '../harness/emulatorHost';
import { repoRoot, testResultsDir } from '../harness/paths';
import { cleanupAll, errorMessage, installSignalHandlers, onCleanup } from '../harness/processes';
import { failureReason, printSummary, readResults, sourceMapper } from '../harness/results';
import { writeUserSettings } from '../harness/vscodeServer';

/** Same VS Code version as the code-server harness, so both paths test the same API. */
const vscodeVersion = process.env.CBCM_VSCODE_VERSION ?? '1.100.3';

async function main(): Promise<number> {
  installSignalHandlers();
  await buildDevExtension();
  const { outfile } = await bundleSuite();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-vscode-electron-'));
  onCleanup('throw-away folders', () => fs.rmSync(root, { recursive: true, force: true }));
  const dirs = {
    serverDataDir: path.join(root, 'unused-server-data'),
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    workspaceDir: path.join(root, 'workspace'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });

  const emulator = await startEmulator({ browsers: 2000 });
  writeUserSettings(dirs, emulatorSettings(emulator));
  const resultsFile = path.join(testResultsDir, 'electron', 'results.json');
  fs.rmSync(resultsFile, { force: true });

  let exitError: string | undefined;
  try {
    await runTests({
      version: vscodeVersion,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: outfile,
      extensionTestsEnv: { ...emulatorEnv(emulator, false), CBCM_TEST_RESULTS: resultsFile, CBCM_TEST_GREP: process.env.CBCM_TEST_GREP },
      launchArgs: [
        dirs.workspaceDir,
        `--user-data-dir=${dirs.userDataDir}`,
        `--extensions-dir=${dirs.extensionsDir}`,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (err) {
    exitError = errorMessage(err); // non-zero exit of VS Code: failures are reported from the result file below
  }
  const results = readResults(resultsFile);
  if (!results) {
    console.error(`[electron] FAILED: no results from the test runner${exitError ? ` (${exitError})` : ''}`);
    return 1;
  }
  printSummary(results, sourceMapper(outfile));
  const reason = failureReason(results) ?? (exitError ? `VS Code exited with an error: ${exitError}` : undefined);
  if (reason) {
    console.error(`[electron] FAILED: ${reason}`);
    return 1;
  }
  return 0;
}

// The chain ends in process.exit: nothing is left to handle a rejection.
void main()
  .catch((err: unknown) => {
    console.error(`[electron] FAILED: ${errorMessage(err)}`);
    return 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
