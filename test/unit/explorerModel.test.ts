import * as assert from 'assert';
import { PassThrough } from 'node:stream';
import type { BrowserListPage, OrgUnit } from '../../src/api/types';
import { csvField, EXPORT_COLUMNS, writeBrowserExport } from '../../src/export/browserExport';
import { describeState, queryFor } from '../../src/tree/explorerState';
import { buildOrgUnitChildren, ouDisplayName } from '../../src/tree/orgUnitTree';
import { relativeTime } from '../../src/util/relativeTime';
import { expiryFromDate } from '../../src/util/tokenExpiry';

const ou = (path: string, parent: string, name = ouDisplayName(path)): OrgUnit => ({
  name,
  orgUnitPath: path,
  orgUnitId: `id:${path}`,
  parentOrgUnitPath: parent,
});

describe('org unit tree', () => {
  it('nests OUs under their parents, sorted by display name, orphans under the root', () => {
    const children = buildOrgUnitChildren([
      ou('/Sales', '/'),
      ou('/Engineering', '/'),
      ou('/Sales/EMEA', '/Sales'),
      ou('/Sales/AMER', '/Sales'),
      ou('/Hidden/Child', '/Hidden'),
    ]);
    assert.deepStrictEqual(
      children.get('/')?.map((u) => u.orgUnitPath),
      ['/Hidden/Child', '/Engineering', '/Sales'],
    );
    assert.deepStrictEqual(
      children.get('/Sales')?.map((u) => u.orgUnitPath),
      ['/Sales/AMER', '/Sales/EMEA'],
    );
    assert.strictEqual(children.get('/Engineering'), undefined);
  });

  it('names OUs by their last segment', () => {
    assert.strictEqual(ouDisplayName('/Sales/EMEA'), 'EMEA');
    assert.strictEqual(ouDisplayName('/'), '/');
  });
});

describe('explorer view state', () => {
  const cases: { name: string; ou: string | undefined; expect: string | undefined }[] = [
    { name: 'account-wide filter applies to the account listing', ou: undefined, expect: 'os:Windows' },
    { name: 'account-wide filter applies to every OU', ou: '/Sales', expect: 'os:Windows' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.strictEqual(queryFor({ browserFilter: { query: 'os:Windows' } }, 'browsers', c.ou), c.expect));
  }
  it('an OU filter applies to that OU only', () => {
    const state = { browserFilter: { query: 'user:kim', orgUnitPath: '/Sales' } };
    assert.strictEqual(queryFor(state, 'browsers', '/Sales'), 'user:kim');
    assert.strictEqual(queryFor(state, 'browsers', '/Sales/EMEA'), undefined);
    assert.strictEqual(queryFor(state, 'browsers', undefined), undefined);
    assert.strictEqual(queryFor(state, 'tokens', '/Sales'), undefined);
  });
  it('describes filter and sort for the view description', () => {
    assert.strictEqual(describeState({}), undefined);
    assert.strictEqual(
      describeState({ browserFilter: { query: 'arch:x86_64' }, sort: { orderBy: 'machine_name', sortOrder: 'DESCENDING' } }),
      'browsers: arch:x86_64 · sorted by Machine name, Z to A',
    );
  });
});

describe('relative time', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  const cases: [string | undefined, string | undefined][] = [
    ['2026-11-25T11:59:30Z', 'just now'],
    ['2026-11-25T09:00:00Z', '3 hours ago'],
    ['2026-11-22T12:00:00Z', '3 days ago'],
    ['2025-11-01T12:00:00Z', 'last year'],
    ['2026-11-26T12:00:00Z', 'tomorrow'],
    [undefined, undefined],
    ['not a date', undefined],
  ];
  for (const [iso, expected] of cases) it(`${iso} → ${expected}`, () => assert.strictEqual(relativeTime(iso, now), expected));
});

describe('token expiry input', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('ends the given day in UTC', () => assert.strictEqual(expiryFromDate('2027-01-31', now), '2027-01-31T23:59:59Z'));
  for (const bad of ['2026-11-24', '2027-02-30', '27-01-01', '2027-1-1', '']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.strictEqual(expiryFromDate(bad, now), undefined));
  }
});

describe('browser export', () => {
  it('escapes CSV and defuses spreadsheet formulas from device data', () => {
    // Every field is quoted (exportCsvInjection.test.ts has the full table of hostile values).
    assert.strictEqual(csvField('plain'), '"plain"');
    assert.strictEqual(csvField('a,b'), '"a,b"');
    assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.strictEqual(csvField('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.strictEqual(csvField(['1', '2']), '"1 2"');
    assert.strictEqual(csvField(undefined), '""');
  });

  async function exportPages(format: 'csv' | 'json', pages: BrowserListPage[]): Promise<{ text: string; count: number }> {
    async function* gen() {
      yield* pages;
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const count = await writeBrowserExport(gen(), out, format);
    out.end();
    return { text: Buffer.concat(chunks).toString('utf8'), count };
  }

  const pages: BrowserListPage[] = [
    {
      browsers: [
        { deviceId: 'd1', machineName: 'A' },
        { deviceId: 'd2', machineName: 'B,2' },
      ],
      nextPageToken: 't',
    },
    { browsers: [{ deviceId: 'd3', annotatedNotes: 'line1\nline2' }] },
  ];

  it('streams every page as CSV with a header', async () => {
    const { text, count } = await exportPages('csv', pages);
    assert.strictEqual(count, 3);
    const lines = text.split('\n');
    assert.strictEqual(lines[0], EXPORT_COLUMNS.map((c) => `"${c}"`).join(','));
    assert.ok(lines[1].startsWith('"d1","A",'));
    assert.ok(lines[2].startsWith('"d2","B,2",'));
    assert.ok(text.includes('"line1\nline2"'));
  });

  it('writes valid JSON', async () => {
    const { text } = await exportPages('json', pages);
    assert.deepStrictEqual(
      JSON.parse(text).map((b: { deviceId: string }) => b.deviceId),
      ['d1', 'd2', 'd3'],
    );
    assert.deepStrictEqual(JSON.parse((await exportPages('json', [])).text), []);
  });
});
