// 4b. Size of the production build (as `npm run package` builds it: minified, no source maps), built into a
//     temporary folder so the development build in dist/ is left alone. Ours: dist/extension.js and the chunks it
//     requires at load, what activation loads. Baseline (measured): every file of the build, i.e. what one bundle
//     would be; the rest (deferred chunks, dist/vendor/*.js, see esbuild.js) is loaded on first use.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measuredBaseline, stat, type BenchRow } from './stats';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild.js is the plain-JS build script
const { extensionBuilds, ourFiles } = require('../esbuild.js') as {
  extensionBuilds: (o: { production: boolean; outdir: string }) => esbuild.BuildOptions[];
  ourFiles: (outdir: string) => string[];
};

/** extension.js and the chunks it requires outside any function (at load), transitively: what activation loads. */
function loadedAtActivation(outdir: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // A deferred chunk is required inside `Promise.resolve().then(() => …(require(…)))`; the rest at load.
    const text = fs
      .readFileSync(path.join(outdir, file), 'utf8')
      .replace(/Promise\.resolve\(\)\.then\(\(\)\s*=>\s*[\w$]+\(require\("[^"]+"\)\)\)/g, '');
    for (const m of text.matchAll(/require\("\.\/(chunk-[A-Z0-9]+\.js)"\)/g)) visit(m[1]);
  };
  visit('extension.js');
  return seen;
}

/** Builds the production files (same options as `node esbuild.js --production`) into `outdir`; returns their sizes. */
export async function buildProduction(outdir: string): Promise<{ file: string; bytes: number }[]> {
  const builds = extensionBuilds({ production: true, outdir });
  for (const options of builds) await esbuild.build(options);
  const files = [...ourFiles(outdir).filter((f) => f.endsWith('.js')), ...builds.slice(1).map((b) => path.relative(outdir, b.outfile!))];
  return files.map((file) => ({ file, bytes: fs.statSync(path.join(outdir, file)).size }));
}

/** Builds the production extension.js (and the vendor files next to it) at `outfile`. */
export async function buildProductionBundle(outfile: string): Promise<void> {
  const outdir = path.dirname(outfile);
  await buildProduction(outdir);
  if (path.join(outdir, 'extension.js') !== outfile) fs.renameSync(path.join(outdir, 'extension.js'), outfile);
}

export async function benchBundleSize(): Promise<BenchRow> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-bench-bundle-'));
  try {
    const files = await buildProduction(dir);
    const atActivation = loadedAtActivation(dir);
    const kb = files.filter((f) => atActivation.has(f.file)).reduce((n, f) => n + f.bytes, 0) / 1024;
    const totalKb = files.reduce((n, f) => n + f.bytes, 0) / 1024;
    return {
      name: '4b. Production code loaded at activation (dist/extension.js and the chunks it requires at load, minified)',
      unit: 'KB',
      ours: stat([kb]),
      baseline: measuredBaseline('the whole build in one file (every file together)', stat([totalKb])),
      ratio: kb / totalKb,
      target: '< 600 KB',
      pass: kb < 600,
      note: `files: ${files.map((f) => `${f.file}${atActivation.has(f.file) ? ' (at activation)' : ''} ${(f.bytes / 1024).toFixed(0)} KB`).join(', ')}; the rest loads on first use (a webview panel, signing in, CSV import)`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchBundleSize().then((r) => console.log(JSON.stringify(r, null, 2)));
