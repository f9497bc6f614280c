// The `cbcm.apiVersion` setting as the Settings editor shows it (package.json with its package.nls.json strings):
// v1.1beta1 still works, so the text must not call it retired, must say when it stops (Chrome 166, the
// reference's date: /work/shared/reference/chrome-management-api-v1.md) and must name both values one can pick.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface Setting {
  enum: string[];
  enumDescriptions: string[];
  markdownDescription: string;
}

function apiVersionSetting(): Setting {
  const manifest = readJson('package.json') as {
    contributes: { configuration: { properties: Record<string, Setting> }[] | { properties: Record<string, Setting> } };
  };
  const sections = ([] as { properties: Record<string, Setting> }[]).concat(manifest.contributes.configuration);
  const setting = sections.map((s) => s.properties['cbcm.apiVersion']).find(Boolean);
  assert.ok(setting, 'cbcm.apiVersion is contributed');
  const nls = readJson('package.nls.json') as Record<string, string>;
  // The manifest holds %key% placeholders; the user reads their entries.
  const text = (v: string) => v.replace(/^%([^%]+)%$/, (_, key: string) => nls[key] ?? assert.fail(`no package.nls.json entry for ${key}`));
  return { enum: setting.enum, enumDescriptions: setting.enumDescriptions.map(text), markdownDescription: text(setting.markdownDescription) };
}

describe('cbcm.apiVersion setting text', () => {
  it('offers both API values', () => {
    assert.deepStrictEqual(apiVersionSetting().enum, ['v1.1beta1', 'chromemanagement-v1']);
  });

  it('names both values in its description', () => {
    const { markdownDescription } = apiVersionSetting();
    assert.match(markdownDescription, /`v1\.1beta1`/);
    assert.match(markdownDescription, /`chromemanagement-v1`/);
  });

  it('does not call v1.1beta1 retired, and says it stops working as of Chrome 166', () => {
    const s = apiVersionSetting();
    for (const text of [s.markdownDescription, ...s.enumDescriptions]) {
      assert.doesNotMatch(text, /retired|deprecated and removed|no longer works|shut ?down/i, text);
    }
    assert.match(s.markdownDescription, /v1\.1beta1`? still works/);
    assert.match(s.markdownDescription, /as of Chrome 166\b/);
    assert.match(s.enumDescriptions[0], /Still works.*as of Chrome 166\b/);
  });
});
