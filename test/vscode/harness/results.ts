import * as fs from 'fs';
import { SourceMap } from 'module';
import * as path from 'path';
import { delay } from './processes';

/** The JSON the in-extension-host runner writes to CBCM_TEST_RESULTS (rewritten after every test). */
export interface SuiteResults {
  /** true once the run has finished (the harness stops waiting). */
  done: boolean;
  startedAt: string;
  finishedAt?: string;
  vscodeVersion: string;
  /** Set when the runner itself failed (e.g. a test file threw while loading). */
  runnerError?: TestError;
  stats: { tests: number; passes: number; failures: number; pending: number; durationMs: number };
  tests: TestResult[];
}

export interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: TestError;
}

export interface TestError {
  message: string;
  stack?: string;
  expected?: string;
  actual?: string;
}

export function readResults(file: string): SuiteResults | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined; // not written yet (the runner writes atomically, so never half-written)
  }
}

export interface WaitOptions {
  /** Fail if the runner has not written its first file within this time (VS Code did not start the tests). */
  startTimeoutMs: number;
  /** Fail if the whole run has not finished within this time. */
  totalTimeoutMs: number;
  /** Called for each test as soon as its result appears, for live progress. */
  onTest?: (test: TestResult) => void;
  /** Rejects the wait early, e.g. when the VS Code server died. */
  abort?: Promise<string>;
}

/** Polls the result file until the runner says done; throws on time-out or abort. */
export async function waitForResults(file: string, options: WaitOptions): Promise<SuiteResults> {
  const start = Date.now();
  let reported = 0;
  let aborted: string | undefined;
  void options.abort?.then((reason) => {
    aborted = reason;
  });
  for (;;) {
    const results = readResults(file);
    if (results) {
      for (; reported < results.tests.length; reported++) options.onTest?.(results.tests[reported]);
      if (results.done) return results;
    }
    const elapsed = Date.now() - start;
    if (aborted) throw new Error(aborted);
    if (!results && elapsed > options.startTimeoutMs) {
      throw new Error(`the test runner did not start inside VS Code within ${options.startTimeoutMs / 1000} s (see the logs in test-results/)`);
    }
    if (elapsed > options.totalTimeoutMs) {
      throw new Error(`the tests did not finish within ${options.totalTimeoutMs / 1000} s (see the logs in test-results/)`);
    }
    await delay(250);
  }
}

const green = (s: string) => (process.stdout.isTTY ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s: string) => (process.stdout.isTTY ? `\x1b[31m${s}\x1b[0m` : s);
const cyan = (s: string) => (process.stdout.isTTY ? `\x1b[36m${s}\x1b[0m` : s);

/** One line per test as it finishes, like mocha's spec reporter but flat (full titles). */
export function printTestLine(test: TestResult, failureIndex: number): void {
  const ms = `(${test.durationMs} ms)`;
  if (test.state === 'passed') console.log(`  ${green('✔')} ${test.fullTitle} ${ms}`);
  else if (test.state === 'pending') console.log(`  ${cyan('-')} ${test.fullTitle}`);
  else console.log(`  ${red(`${failureIndex}) ${test.fullTitle}`)} ${ms}`);
}

/**
 * Rewrites `…/<bundle>.js:line:col` in a stack trace to the TypeScript source, using the bundle's linked
 * source map (the extension host does not apply source maps itself).
 */
export function sourceMapper(bundleFile: string): (stack: string) => string {
  let map: SourceMap | undefined;
  try {
    map = new SourceMap(JSON.parse(fs.readFileSync(`${bundleFile}.map`, 'utf8')));
  } catch {
    return (stack) => stack;
  }
  const sourceMap = map;
  const name = path.basename(bundleFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(`(?:[^\\s(]*/)?${name}:(\\d+):(\\d+)`, 'g');
  const root = path.resolve(path.dirname(bundleFile), '..', '..');
  return (stack) =>
    stack.replace(frame, (whole, line: string, column: string) => {
      const entry = sourceMap.findEntry(Number(line) - 1, Number(column) - 1) as {
        originalSource?: string;
        originalLine?: number;
        originalColumn?: number;
      };
      if (!entry.originalSource || entry.originalLine === undefined) return whole;
      const source = entry.originalSource.startsWith('file://')
        ? new URL(entry.originalSource).pathname
        : path.resolve(path.dirname(bundleFile), entry.originalSource);
      return `${path.relative(root, source)}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
    });
}

/** The summary and failure details, in mocha's format ("N passing", "N failing"). */
export function printSummary(results: SuiteResults, mapStack: (stack: string) => string = (s) => s): void {
  const { stats } = results;
  console.log('');
  console.log(green(`  ${stats.passes} passing`) + ` (${Math.round(stats.durationMs)} ms)`);
  if (stats.pending > 0) console.log(cyan(`  ${stats.pending} pending`));
  if (stats.failures > 0) console.log(red(`  ${stats.failures} failing`));
  let n = 0;
  for (const test of results.tests) {
    if (test.state !== 'failed') continue;
    n++;
    console.log(`\n  ${n}) ${test.fullTitle}:`);
    printError(test.error, mapStack);
  }
  if (results.runnerError) {
    console.log(red('\n  The test runner failed:'));
    printError(results.runnerError, mapStack);
  }
  console.log('');
}

function printError(error: TestError | undefined, mapStack: (stack: string) => string): void {
  if (!error) return;
  // Node's assert messages already contain the expected/actual diff.
  console.log(red(indent(error.message, 5)));
  if (error.stack)
    console.log(
      indent(
        mapStack(error.stack)
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 8)
          .join('\n'),
        3,
      ),
    );
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(spaces) + l.trimStart())
    .join('\n');
}

/** The verdict: non-zero exit on any failure, a runner error, or no tests at all. */
export function failureReason(results: SuiteResults): string | undefined {
  if (results.runnerError) return `the test runner failed: ${results.runnerError.message}`;
  if (results.stats.tests === 0) return 'no tests ran (an empty suite is treated as a failure)';
  if (results.stats.failures > 0) return `${results.stats.failures} test(s) failed`;
  return undefined;
}
