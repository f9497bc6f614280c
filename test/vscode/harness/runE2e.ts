import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { packageCallerExtension, packageExtension } from './buildExtension';
import { createFixture, E2eFixture, screenshotName, setFixture } from './fixture';
import { repoRoot, screenshotsDir } from './paths';
import { SuiteResults, TestResult, TestError } from './results';
import { startSession } from './session';
import { signInThroughUi } from './uiSignIn';
import { e2eFilesFor, findE2eFiles } from './e2eScope';

export interface E2eOptions {
  grep?: string;
  browsers: number;
  /** Per-test limit in ms. */
  testTimeoutMs: number;
}

/**
 * Playwright against the real workbench with the packaged extension (.vsix) installed like a user's, signed in to
 * the emulator once through the UI (uiSignIn.ts). The automatic sign-in variables are set all the same, so that
 * signIn.e2e.ts can check that the installed extension ignores them. Mocha runs here, in Node; the tests get `e2e()`.
 * VS Code starts once for all E2E files. Returns the exit code.
 */
export async function runE2e(options: E2eOptions): Promise<number> {
  const t0 = Date.now();
  const files = e2eFilesFor(findE2eFiles());
  if (files.length === 0) {
    console.error('[harness] FAILED: no test/vscode/e2e/*.e2e.ts files');
    return 1;
  }
  const vsix = await packageExtension();
  // productionCaller.e2e.ts: another installed extension calling our commands with automation arguments.
  const caller = await packageCallerExtension();
  const session = await startSession({ name: 'e2e', browsers: options.browsers, autoSignInVariables: true, vsix, extraVsix: [caller] });
  // Stale screenshots would pass for this run's; keep them only while another E2E run (other folder) is live.
  if (path.basename(session.artifactsDir) === 'e2e') fs.rmSync(screenshotsDir, { recursive: true, force: true });
  try {
    const { server } = session;
    const browser = await session.openBrowser(server.workbenchUrl());
    const { page } = browser;
    const fixture = createFixture({ page, emulator: session.emulator, origin: server.origin, workspaceDir: session.dirs.workspaceDir });
    // The workbench is usable once the activity bar and status bar are rendered.
    await fixture.waitForWorkbench();
    setFixture(fixture);
    console.log(`[harness] workbench ready on ${server.origin} after ${Math.round((Date.now() - t0) / 1000)} s`);
    // Production mode has no automatic sign-in: sign in once through the UI, as an admin does.
    fixture.startup = await signInThroughUi(fixture, session.emulator, path.dirname(session.dirs.userDataDir)).catch(async (err: unknown) => {
      await fixture.screenshot('FAILED-harness-ui-sign-in').catch(() => undefined);
      throw err;
    });
    console.log(
      `[harness] signed in through the welcome view, the file dialog and the e-mail box in ${Math.round(fixture.startup.signInMs / 100) / 10} s`,
    );

    const results = await runMocha(files, fixture, options);
    fs.writeFileSync(path.join(session.artifactsDir, 'results.json'), JSON.stringify(results, null, 2));
    console.log(
      `[harness] ${Math.round((Date.now() - t0) / 1000)} s in total; screenshots in test-results/screenshots/, logs in ${path.relative(repoRoot, session.artifactsDir)}/`,
    );
    if (results.stats.tests === 0) {
      console.error('[harness] FAILED: no E2E tests ran');
      return 1;
    }
    return results.stats.failures > 0 ? 1 : 0;
  } finally {
    setFixture(undefined);
    await session.stop();
  }
}

async function runMocha(files: string[], fixture: E2eFixture, options: E2eOptions): Promise<SuiteResults> {
  const mocha = new Mocha({ ui: 'bdd', timeout: options.testTimeoutMs, reporter: 'spec', color: process.stdout.isTTY });
  if (options.grep) mocha.grep(options.grep);
  // Every test leaves a screenshot (FAILED-… when it failed), then the UI is reset for the next one.
  mocha.rootHooks({
    async afterEach(this: Mocha.Context) {
      const test = this.currentTest;
      if (!test) return;
      const file = path.basename(test.file ?? 'e2e', '.e2e.ts');
      const prefix = test.state === 'failed' ? 'FAILED-' : '';
      await fixture.screenshot(screenshotName(`${prefix}${file}--${test.fullTitle()}`)).catch(() => undefined);
      await fixture.page.keyboard.press('Escape').catch(() => undefined);
    },
  });
  for (const file of files) mocha.addFile(file);

  const started = Date.now();
  const results: SuiteResults = {
    done: false,
    startedAt: new Date().toISOString(),
    vscodeVersion: '',
    stats: { tests: 0, passes: 0, failures: 0, pending: 0, durationMs: 0 },
    tests: [],
  };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    const record = (test: Mocha.Runnable, state: TestResult['state'], err?: Error) => {
      const error: TestError | undefined = err ? { message: err.message, stack: err.stack } : undefined;
      results.tests.push({ title: test.title, fullTitle: test.fullTitle(), file: test.file, state, durationMs: test.duration ?? 0, error });
      results.stats.tests++;
      results.stats[state === 'passed' ? 'passes' : state === 'failed' ? 'failures' : 'pending']++;
    };
    runner.on('pass', (t) => record(t, 'passed'));
    runner.on('fail', (t, err: Error) => record(t, 'failed', err));
    runner.on('pending', (t) => record(t, 'pending'));
  });
  results.done = true;
  results.finishedAt = new Date().toISOString();
  results.stats.durationMs = Date.now() - started;
  return results;
}
