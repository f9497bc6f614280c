// Bundles the extension (Node, CommonJS) and the webview scripts (browser, IIFE).
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
//
// The extension is more than one file, so that activation loads only what activation needs:
// - dist/extension.js: our code activation runs (auth, tree, command registrations);
// - dist/chunk-<hash>.js: our code loaded on first use (each webview host, export, the query language providers)
//   and the code they share with activation. The source says `await import('./x')` where a part may wait; esbuild
//   splits there. esbuild splits only ES modules and VS Code loads CommonJS, so the build has two passes: our code
//   as split ES modules into dist/esm/, then each of those files turned into CommonJS in dist/ (`import()` becomes
//   a `require()` inside a promise), reading the first pass's source maps so the maps still point at src/. Each
//   module exists once across the chunks: its state and classes are shared, `instanceof` holds across files.
// - dist/vendor/<package>.js: big npm packages only some commands need, each bundled on its own and required on
//   first use (google-auth-library with its HTTP stack: signing in and refreshing a token; csv-parse: the CSV
//   import). The source keeps `require('<package>')` inside the function that needs it; the plugin below points
//   that require at the vendor file next to the bundle. A vendor file holds only the package, none of our
//   modules, so no class or module state exists twice (an `instanceof` across files stays true).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

/** npm packages loaded on first use, and the file each becomes under dist/vendor/. */
const VENDOR = {
  'google-auth-library': 'google-auth-library.js',
  'csv-parse/sync': 'csv-parse-sync.js',
};

const aliasWhatwgUrl = (root) => ({ 'whatwg-url': path.join(root, 'src', 'shims', 'whatwgUrl.js') });

/** Rewrites `require('<vendor package>')` in our code to the separate file, left external. */
const vendorExternals = {
  name: 'vendor-externals',
  setup(build) {
    const filter = new RegExp(
      `^(${Object.keys(VENDOR)
        .map((k) => k.replace(/[/.]/g, '\\$&'))
        .join('|')})$`,
    );
    build.onResolve({ filter }, (args) => ({ path: `./vendor/${VENDOR[args.path]}`, external: true }));
  },
};

/** Our chunks in `outdir` (the entry and the split files; not the vendor files). */
function ourFiles(outdir) {
  if (!fs.existsSync(outdir)) return [];
  return fs.readdirSync(outdir).filter((f) => /^(extension|chunk-[A-Z0-9]+)\.js(\.map)?$/.test(f));
}

/**
 * The second pass (see the top): every ES module of `esmDir` becomes CommonJS in `outdir`; imports between the
 * files and of `vscode` stay imports (now `require`s). Files of an earlier build are removed first (hashed names).
 */
function toCommonJs({ production, outdir, esmDir }) {
  return {
    name: 'esm-chunks-to-commonjs',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        const entryPoints = fs
          .readdirSync(esmDir)
          .filter((f) => f.endsWith('.js'))
          .map((f) => path.join(esmDir, f));
        for (const f of ourFiles(outdir)) fs.rmSync(path.join(outdir, f));
        await esbuild.build({
          entryPoints,
          outdir,
          outbase: esmDir,
          bundle: true,
          minify: production,
          sourcemap: !production,
          logLevel: 'warning',
          format: 'cjs',
          platform: 'node',
          target: 'node20',
          // import() of our own chunks becomes Promise.resolve().then(() => require(...)).
          supported: { 'dynamic-import': false },
          plugins: [
            {
              name: 'keep-imports',
              setup(b) {
                b.onResolve({ filter: /^(\.\.?\/|vscode$)/ }, (args) =>
                  args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
                );
              },
            },
          ],
        });
        fs.rmSync(esmDir, { recursive: true, force: true });
      });
    },
  };
}

/**
 * esbuild options of every file of the extension's Node side, into `outdir` (default dist/). Shared with the
 * benchmarks (bench/bundleSize.bench.ts), which build the production files into a temporary folder. The first
 * build's metafile is the split's (which source file is in which chunk; test/unit/bundleSplit.test.ts reads it).
 */
function extensionBuilds({ production, outdir = path.join(__dirname, 'dist'), root = __dirname }) {
  const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', format: 'cjs', platform: 'node', target: 'node20' };
  const esmDir = path.join(outdir, 'esm');
  return [
    {
      ...common,
      format: 'esm',
      splitting: true,
      // Linked maps: the second pass reads them.
      sourcemap: production ? false : 'linked',
      entryPoints: { extension: path.join(root, 'src', 'extension.ts') },
      outdir: esmDir,
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      external: ['vscode'],
      alias: aliasWhatwgUrl(root),
      plugins: [vendorExternals, toCommonJs({ production, outdir, esmDir })],
      metafile: true,
    },
    ...Object.entries(VENDOR).map(([pkg, file]) => ({
      ...common,
      // A one-line entry re-exporting the package, resolved from the repository's node_modules.
      stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, loader: 'js' },
      outfile: path.join(outdir, 'vendor', file),
      alias: aliasWhatwgUrl(root),
      sourcemap: false,
    })),
  ];
}

/** Every `media/src/<name>.ts` becomes `media/dist/<name>.js`. */
function webviewEntries() {
  const dir = path.join(__dirname, 'media', 'src');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .map((f) => path.join(dir, f));
}

async function main() {
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  const contexts = [];
  for (const options of extensionBuilds({ production })) contexts.push(await esbuild.context(options));
  const webviews = webviewEntries();
  if (webviews.length > 0) {
    contexts.push(
      await esbuild.context({
        bundle: true,
        minify: production,
        sourcemap: !production,
        logLevel: 'warning',
        entryPoints: webviews,
        outdir: 'media/dist',
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
      }),
    );
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

module.exports = { extensionBuilds, ourFiles, VENDOR };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
