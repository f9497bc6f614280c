import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { suiteBundle, suiteDir } from './paths';

/** Every test/vscode/suite/**\/*.test.ts, relative to the suite folder, sorted for a stable order. */
export function findSuiteFiles(dir = suiteDir): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.ts')) found.push(path.relative(suiteDir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * Bundles the in-extension-host runner (suite/index.ts) and all suite test files into one CommonJS file,
 * out/vscode-suite/index.js, whose `run()` VS Code calls as the extensionTestsPath.
 *
 * The entry is generated: it hands the runner a list of (file, loader) pairs. The loaders are lazy
 * `require()`s, so each test file's top-level `describe()` runs only after the runner has installed mocha's
 * globals. `vscode` is provided by the extension host; `mocha` is loaded from node_modules (it does dynamic
 * requires that do not bundle well). Everything else (src/, test/emulator client code...) is bundled.
 */
export async function bundleSuite(outfile = suiteBundle): Promise<{ outfile: string; files: string[] }> {
  const files = findSuiteFiles();
  const entry = [
    "import { runSuite } from './index';",
    'export function run(): Promise<void> {',
    '  return runSuite([',
    ...files.map((f) => `    [${JSON.stringify(f)}, () => require(${JSON.stringify('./' + f)})],`),
    '  ]);',
    '}',
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: suiteDir, sourcefile: 'generated-suite-entry.ts', loader: 'ts' },
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    // VS Code's extension host replaces Error.prepareStackTrace, so Node cannot apply source maps there; the
    // harness maps the stack traces it prints with this file instead (results.ts).
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return { outfile, files };
}
