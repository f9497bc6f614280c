// The test runner VS Code loads as the extensionTestsPath (bundled with all *.test.ts into out/vscode-suite/index.js
// by test/vscode/harness/bundleSuite.ts). It runs inside the real extension host: tests can `import * as vscode`.
// Results go to the JSON file named by CBCM_TEST_RESULTS, rewritten after every test so the harness can show
// progress and knows the runner started; `done: true` marks the end.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SuiteResults, TestError, TestResult } from '../harness/results';

/** A suite file's path (relative to test/vscode/suite) and a function that loads it. */
export type SuiteFile = [file: string, load: () => unknown];

export async function runSuite(files: SuiteFile[]): Promise<void> {
  const resultsFile = process.env.CBCM_TEST_RESULTS;
  const results: SuiteResults = {
    done: false,
    startedAt: new Date().toISOString(),
    vscodeVersion: vscode.version,
    stats: { tests: 0, passes: 0, failures: 0, pending: 0, durationMs: 0 },
    tests: [],
  };
  const save = () => {
    if (!resultsFile) return;
    // Atomic: the harness polls this file and must never read half of it.
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${resultsFile}.tmp`, resultsFile);
  };
  save();

  const mocha = new Mocha({
    ui: 'bdd',
    timeout: Number(process.env.CBCM_TEST_TIMEOUT_MS ?? 30_000),
    color: false,
    // The spec reporter writes to the extension host's stdout, which nobody reads: the harness reports from the
    // JSON. console.* calls of tests and extension, however, reach the workbench console, which the harness
    // keeps in test-results/<mode>/browser-console.log, with a "[test] ▶ <title>" line before each test.
    reporter: 'spec',
  });
  if (process.env.CBCM_TEST_GREP) mocha.grep(process.env.CBCM_TEST_GREP);

  const started = Date.now();
  try {
    loadFiles(mocha, files);
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      const record = (test: Mocha.Runnable, state: TestResult['state'], err?: unknown) => {
        results.tests.push({
          title: test.title,
          fullTitle: test.fullTitle(),
          file: test.file,
          state,
          durationMs: test.duration ?? 0,
          error: err === undefined ? undefined : toTestError(err),
        });
        results.stats.tests = results.tests.length;
        results.stats[state === 'passed' ? 'passes' : state === 'failed' ? 'failures' : 'pending']++;
        save();
      };
      runner.on('test', (test) => console.info(`[test] ▶ ${test.fullTitle()}`));
      runner.on('pass', (test) => record(test, 'passed'));
      runner.on('fail', (test, err) => record(test, 'failed', err)); // also hook failures
      runner.on('pending', (test) => record(test, 'pending'));
    });
    results.stats.durationMs = Date.now() - started;
    if (failures > 0) throw new Error(`${failures} test(s) failed`);
  } catch (err) {
    if (results.stats.failures === 0) results.runnerError = toTestError(err);
    throw err; // a rejected run() makes @vscode/test-electron exit non-zero
  } finally {
    results.stats.durationMs = Date.now() - started;
    results.done = true;
    results.finishedAt = new Date().toISOString();
    save();
  }
}

/** What `mocha.loadFiles()` does, for modules that are already bundled: globals first, then the file's body. */
function loadFiles(mocha: Mocha, files: SuiteFile[]): void {
  for (const [file, load] of files) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', load(), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }
}

function toTestError(err: unknown): TestError {
  if (err instanceof Error) {
    const e = err as Error & { expected?: unknown; actual?: unknown; showDiff?: boolean };
    return {
      message: e.message,
      stack: e.stack,
      expected: e.showDiff === false || e.expected === undefined ? undefined : stringify(e.expected),
      actual: e.showDiff === false || e.actual === undefined ? undefined : stringify(e.actual),
    };
  }
  return { message: String(err) };
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
}
