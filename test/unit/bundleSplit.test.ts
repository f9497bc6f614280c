// The extension ships as more than one file (esbuild.js): activation loads dist/extension.js only, and the big
// npm packages some commands need sit in dist/vendor/, required on first use. Builds the production files into a
// temporary folder and checks that split: no vendor package inside the activation file, each vendor file loads on
// its own and gives the package's API, and the .vsix ships them (.vscodeignore).
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain-JS build script
const { extensionBuilds, ourFiles, VENDOR } = require(path.join(root, 'esbuild.js')) as {
  extensionBuilds: (o: { production: boolean; outdir: string }) => esbuild.BuildOptions[];
  ourFiles: (outdir: string) => string[];
  VENDOR: Record<string, string>;
};

/** Code only a panel, an export or a cbcm-query document needs: each must stay out of what activation loads. */
const DEFERRED = [
  'src/export/index.ts',
  'src/export/browserExport.ts',
  'src/export/columnChoice.ts',
  'src/export/columns.ts',
  'src/export/exportDestination.ts',
  'src/export/exportTarget.ts',
  'src/export/partialFile.ts',
  'src/export/rowExport.ts',
  'src/export/tokenExport.ts',
  'src/webview/importPreview/importPreviewPanel.ts',
  'src/webview/importPreview/protocol.ts',
  'src/webview/details/detailsPanel.ts',
  'src/webview/overview/overviewPanel.ts',
  'src/webview/inventory/inventoryPanel.ts',
  'src/language/providers.ts',
  'src/language/codeLens.ts',
  'src/language/completionProvider.ts',
  'src/language/diagnostics.ts',
  'src/language/hoverProvider.ts',
  'src/language/codeActions.ts',
  'src/language/formatter.ts',
];

/** Source files of the outputs activation loads: the entry and every chunk it imports statically, transitively. */
function loadedAtActivation(meta: esbuild.Metafile): Set<string> {
  const entry = Object.keys(meta.outputs).find((o) => o.endsWith('/extension.js'))!;
  const seen = new Set<string>();
  const sources = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const input of Object.keys(meta.outputs[output].inputs)) sources.add(input);
    for (const imp of meta.outputs[output].imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(entry);
  return sources;
}

describe('bundle split (esbuild.js): activation loads only dist/extension.js', function () {
  this.timeout(60_000);
  let dir: string;
  let splitMeta: esbuild.Metafile;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-bundle-split-'));
    for (const options of extensionBuilds({ production: true, outdir: dir })) {
      const result = await esbuild.build(options);
      splitMeta ??= result.metafile!;
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves google-auth-library and csv-parse out of extension.js and requires their files lazily', () => {
    // Our code is extension.js and its chunks (see the next test); the vendor packages are in none of them.
    const main = ourFiles(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    for (const file of Object.values(VENDOR)) assert.ok(main.includes(`("./vendor/${file}")`), `no file of ours requires ./vendor/${file}`);
    // Text only these packages contain (their own error messages and names).
    assert.ok(!main.includes('Invalid Record Length'), 'csv-parse is bundled into extension.js');
    assert.ok(!main.includes('gcp-metadata') && !main.includes('GoogleAuthExceptionMessages'), 'google-auth-library is bundled into extension.js');
    assert.ok(fs.statSync(path.join(dir, 'extension.js')).size < 450 * 1024);
  });

  it('leaves each webview host, the export code and the query language providers out of what activation loads and loads it on first use', () => {
    const atActivation = loadedAtActivation(splitMeta);
    assert.ok(atActivation.has('src/extension.ts') && atActivation.has('src/tree/explorerProvider.ts'), 'the metafile walk found nothing');
    const everything = new Set(Object.values(splitMeta.outputs).flatMap((o) => Object.keys(o.inputs)));
    for (const file of DEFERRED) {
      assert.ok(everything.has(file), `${file} is not in the build at all`);
      assert.ok(!atActivation.has(file), `${file} is loaded at activation (imported statically from activation code?)`);
    }
    // The CommonJS files the second pass wrote: the entry requires the deferred chunks only inside a promise.
    const main = fs.readFileSync(path.join(dir, 'extension.js'), 'utf8');
    assert.match(main, /Promise\.resolve\(\)\.then\(\(\)=>[\w$]+\(require\("\.\/chunk-[A-Z0-9]+\.js"\)\)\)/);
    assert.ok(!fs.existsSync(path.join(dir, 'esm')), 'the first pass left its ES modules behind');
  });

  it('writes every file the split files require of each other', () => {
    for (const f of ourFiles(dir).filter((f) => f.endsWith('.js'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(/require\("(\.\/[^"]+)"\)/g)) assert.ok(fs.existsSync(path.join(dir, m[1])), `${f} requires missing ${m[1]}`);
    }
  });

  it('gives each vendor file the package API on its own', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the vendor file as the bundle loads it
    const gal = require(path.join(dir, 'vendor', VENDOR['google-auth-library'])) as typeof import('google-auth-library');
    assert.strictEqual(typeof gal.JWT, 'function');
    assert.strictEqual(typeof gal.OAuth2Client, 'function');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the vendor file as the bundle loads it
    const csv = require(path.join(dir, 'vendor', VENDOR['csv-parse/sync'])) as typeof import('csv-parse/sync');
    assert.deepStrictEqual(csv.parse('a,b\n1,"2,3"\n'), [
      ['a', 'b'],
      ['1', '2,3'],
    ]);
  });

  it('ships the vendor files in the .vsix', () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes('!dist/extension.js') && ignore.includes('!dist/vendor/*.js'));
    assert.ok(ignore.includes('!dist/chunk-*.js'), 'the split chunks are not shipped');
    for (const f of ourFiles(dir)) assert.match(f, /^(extension|chunk-[A-Z0-9]+)\.js$/);
    for (const options of extensionBuilds({ production: true, outdir: path.join(root, 'dist') }).slice(1)) {
      assert.match(path.relative(root, options.outfile!), /^dist\/vendor\/[^/]+\.js$/);
    }
  });
});
