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
  const session = await startSession({ name: 'integration', browsers: options.browsers, autoSignInVariables: false, env });
  try {
    const { server } = session;
    const url = server.workbenchUrl([
      ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
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
    console.log(`\n[harness] VS Code ${results.vscodeVersion}, ${Math.round((Date.now() - t0) / 1000)} s in total; logs in ${path.relative(repoRoot, session.artifactsDir)}/`);
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
