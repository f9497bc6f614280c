// The localisation mechanism: l10n/bundle.l10n.json is what @vscode/l10n-dev exports from src today (a new
// vscode.l10n.t string without `npm run l10n` fails here), and the manifest's user-facing strings all come from
// package.nls.json (a plain title, or a %key% without its entry, fails here).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** Manifest properties a user reads (command palette, views, settings, walkthrough, menus). */
const USER_FACING = new Set([
  'title',
  'shortTitle',
  'category',
  'name',
  'label',
  'contextualTitle',
  'description',
  'markdownDescription',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'altText',
  'contents',
]);

/** Every string under a user-facing property, with its path in the manifest. */
function userFacingStrings(value: unknown, at: string, facing = false): { at: string; text: string }[] {
  if (typeof value === 'string') return facing ? [{ at, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => userFacingStrings(v, `${at}[${i}]`, facing));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      // `default` values and enum values are data, not text, even under a user-facing key.
      if (k === 'default' || k === 'enum') return [];
      return userFacingStrings(v, `${at}.${k}`, USER_FACING.has(k));
    });
  }
  return [];
}

describe('Localisation mechanism', () => {
  const manifest = readJson('package.json') as {
    l10n?: string;
    displayName: string;
    description: string;
    contributes: unknown;
    scripts: Record<string, string>;
  };
  const nls = readJson('package.nls.json') as Record<string, string>;

  it('declares the l10n folder, ships it and regenerates it with npm run l10n', () => {
    assert.strictEqual(manifest.l10n, './l10n');
    assert.strictEqual(manifest.scripts.l10n, 'node scripts/l10n-export.mjs --outDir l10n');
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!l10n/*.json'), '.vscodeignore must keep l10n/*.json in the .vsix');
  });

  it('l10n/bundle.l10n.json is up to date with the l10n.t strings in src and media/src (run `npm run l10n`)', function () {
    this.timeout(120_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-l10n-'));
    try {
      execFileSync(process.execPath, [path.join(root, 'scripts', 'l10n-export.mjs'), '--outDir', out], { stdio: 'pipe' });
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      const shipped = readJson('l10n/bundle.l10n.json') as Record<string, string>;
      assert.deepStrictEqual(shipped, fresh);
      assert.ok(Object.keys(fresh).length > 0);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('every %key% in package.json has its entry in package.nls.json', () => {
    const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const missing = [...text.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]).filter((key) => !(key in nls));
    assert.deepStrictEqual(missing, []);
  });

  it('every user-facing manifest string is a %key% (no plain titles, names or descriptions)', () => {
    const strings = [
      { at: 'displayName', text: manifest.displayName },
      { at: 'description', text: manifest.description },
      ...userFacingStrings(manifest.contributes, 'contributes'),
    ];
    const plain = strings.filter((s) => !/^%[^%]+%$/.test(s.text)).map((s) => `${s.at} = ${s.text}`);
    assert.deepStrictEqual(plain, []);
  });
});
