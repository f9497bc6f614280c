import * as path from 'path';
import { bundleSuite } from './bundleSuite';
import { buildDevExtension } from './buildExtension';
import { repoRoot } from './paths';
import { failureReason, printSummary, printTestLine, sourceMapper, waitForResults } from './results';
import { artifactsDirFor, startSession } from './session';

export interface IntegrationOptions {
  grep?: string;
  /** Whole-run limit in ms. */
  totalTimeoutMs: number;
  browsers: number;
}

/**
 * Mocha inside the real extension host: the development build of the extension (this repository, not the
 * .vsix: the extensions folder stays empty, so nothing shadows it) plus the bundled suite as
 * extensionTestsPath, both passed in the workbench URL's payload. Returns the exit code.
 */
export async function runIntegration(options: IntegrationOptions): Promise<number> {
  const t0 = Date.now();
  await buildDevExtension();
  const { outfile, files } = await bundleSuite();
  console.log(`[harness] bundled ${files.length} suite file(s) into ${path.relative(repoRoot, outfile)}`);

  const resultsFile = path.join(artifactsDirFor('integration'), 'results.json');
  const env: Record<string, string> = { CBCM_TEST_RESULTS: resultsFile };
  if (options.grep) env.CBCM_TEST_GREP = options.grep;
  // Only for the activation benchmark (bench/vscode.bench.ts): a bare baseline extension installed from its .vsix
  // like a user's, and the extension under test taken from the unpacked production .vsix instead of this
  // repository's development build, so both are activated in the same VS Code start from what users install.
  const benchVsix = process.env.CBCM_BENCH_BARE_VSIX;
  const extensionPath = process.env.CBCM_BENCH_EXTENSION_PATH ?? repoRoot;
  const session = await startSession({ name: 'integration', browsers: options.browsers, autoSignInVariables: false, env, vsix: benchVsix });
  try {
    const { server } = session;
    const url = server.workbenchUrl([
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(outfile)],
    ]);
    console.log(`[harness] VS Code server on ${server.origin}; opening the workbench (${Math.round((Date.now() - t0) / 1000)} s so far)`);
    const browser = await session.openBrowser(url);
    let failures = 0;
    const results = await waitForResults(resultsFile, {
      startTimeoutMs: 120_000,
      totalTimeoutMs: options.totalTimeoutMs,
      abort: Promise.race([server.died, new Promise<string>((resolve) => browser.page.once('crash', () => resolve('the workbench page crashed')))]),
      onTest: (test) => printTestLine(test, test.state === 'failed' ? ++failures : failures),
    });
    console.log(
      `\n[harness] VS Code ${results.vscodeVersion}, ${Math.round((Date.now() - t0) / 1000)} s in total; logs in ${path.relative(repoRoot, session.artifactsDir)}/`,
    );
    printSummary(results, sourceMapper(outfile));
    const reason = failureReason(results);
    if (reason) {
      console.error(`[harness] FAILED: ${reason}`);
      return 1;
    }
    return 0;
  } finally {
    await session.stop();
  }
}
