// Bundles the extension (Node, CommonJS) and the webview scripts (browser, IIFE).
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Every `media/src/<name>.ts` becomes `media/dist/<name>.js`. */
function webviewEntries() {
  const dir = path.join(__dirname, 'media', 'src');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .map((f) => path.join(dir, f));
}

async function main() {
  const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning' };
  const contexts = [
    await esbuild.context({
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['vscode'],
      alias: { 'whatwg-url': './src/shims/whatwgUrl.js' },
      metafile: true,
    }),
  ];
  const webviews = webviewEntries();
  if (webviews.length > 0) {
    contexts.push(await esbuild.context({
      ...common,
      entryPoints: webviews,
      outdir: 'media/dist',
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
    }));
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  for (const c of contexts) {
    await c.rebuild();
    await c.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
