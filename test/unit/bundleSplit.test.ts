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
const { extensionBuilds, VENDOR } = require(path.join(root, 'esbuild.js')) as {
  extensionBuilds: (o: { production: boolean; outdir: string }) => esbuild.BuildOptions[];
  VENDOR: Record<string, string>;
};

describe('bundle split (esbuild.js): activation loads only dist/extension.js', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-bundle-split-'));
    for (const options of extensionBuilds({ production: true, outdir: dir })) await esbuild.build(options);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves google-auth-library and csv-parse out of extension.js and requires their files lazily', () => {
    const main = fs.readFileSync(path.join(dir, 'extension.js'), 'utf8');
    for (const file of Object.values(VENDOR))
      assert.ok(main.includes(`require("./vendor/${file}")`), `extension.js does not require ./vendor/${file}`);
    // Text only these packages contain (their own error messages and names).
    assert.ok(!main.includes('Invalid Record Length'), 'csv-parse is bundled into extension.js');
    assert.ok(!main.includes('gcp-metadata') && !main.includes('GoogleAuthExceptionMessages'), 'google-auth-library is bundled into extension.js');
    assert.ok(fs.statSync(path.join(dir, 'extension.js')).size < 450 * 1024);
  });

  it('gives each vendor file the package API on its own', () => {
    const gal = require(path.join(dir, 'vendor', VENDOR['google-auth-library'])) as typeof import('google-auth-library');
    assert.strictEqual(typeof gal.JWT, 'function');
    assert.strictEqual(typeof gal.OAuth2Client, 'function');
    const csv = require(path.join(dir, 'vendor', VENDOR['csv-parse/sync'])) as typeof import('csv-parse/sync');
    assert.deepStrictEqual(csv.parse('a,b\n1,"2,3"\n'), [
      ['a', 'b'],
      ['1', '2,3'],
    ]);
  });

  it('ships the vendor files in the .vsix', () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes('!dist/extension.js') && ignore.includes('!dist/vendor/*.js'));
    for (const options of extensionBuilds({ production: true, outdir: path.join(root, 'dist') })) {
      assert.match(path.relative(root, options.outfile!), /^dist\/(extension\.js|vendor\/[^/]+\.js)$/);
    }
  });
});
