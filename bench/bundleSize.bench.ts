// 4b. Size of the production bundle (dist/extension.js as `npm run package` builds it: minified, no source map),
//     built into a temporary folder so the development build in dist/ is left alone.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stat, type BenchRow } from './stats';

/** Builds the production bundle (same options as `node esbuild.js --production`) into `outfile`. */
export async function buildProductionBundle(outfile: string): Promise<void> {
  const root = path.join(__dirname, '..');
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'extension.ts')], outfile, bundle: true, minify: true, sourcemap: false,
    format: 'cjs', platform: 'node', target: 'node20', external: ['vscode'], logLevel: 'warning',
    alias: { 'whatwg-url': path.join(root, 'src', 'shims', 'whatwgUrl.js') },
  });
}

export async function benchBundleSize(): Promise<BenchRow> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-bench-bundle-'));
  try {
    const outfile = path.join(dir, 'extension.js');
    await buildProductionBundle(outfile);
    const kb = fs.statSync(outfile).size / 1024;
    return {
      name: '4b. Production bundle (dist/extension.js, minified)',
      unit: 'KB',
      ours: stat([kb]),
      target: '< 600 KB',
      pass: kb < 600,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchBundleSize().then((r) => console.log(JSON.stringify(r, null, 2)));
