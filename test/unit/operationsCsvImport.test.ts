// Reading annotation spreadsheets as Excel, LibreOffice and Google Sheets save them, and matching rows to browsers.
import * as assert from 'assert';
import { buildFleetIndex, CsvImportError, parseAnnotationCsv } from '../../src/operations/csvImport';
import { countByStatus, matchImport } from '../../src/operations/importPreview';
import type { BulkTarget } from '../../src/operations/bulkTargets';

const empty = { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: '' };
const fleet: BulkTarget[] = [
  { deviceId: 'dev-1', serialNumber: 'SN1', machineName: 'LAB-1', orgUnitPath: '/Lab', annotations: { ...empty, annotatedAssetId: 'A-1' } },
  { deviceId: 'dev-2', serialNumber: 'SN2', machineName: 'LAB-2', orgUnitPath: '/Lab', annotations: { ...empty } },
  { deviceId: 'dev-3', serialNumber: 'SN3', machineName: 'SHARED', orgUnitPath: '/HR', annotations: { ...empty } },
  { deviceId: 'dev-4', serialNumber: 'SN4', machineName: 'shared', orgUnitPath: '/HR', annotations: { ...empty, annotatedNotes: 'keep' } },
];
const index = buildFleetIndex(fleet);

describe('CSV annotation import', () => {
  it('reads an Excel file: BOM, ";" separator, CRLF, quoted fields holding separators, quotes and line breaks', () => {
    const text = '\uFEFFSerial Number;Asset ID;Notes\r\nSN1;A-1;"returned; boxed ""as is""\r\nsecond line"\r\nSN2;A-2;\r\n';
    const parsed = parseAnnotationCsv(text);
    assert.strictEqual(parsed.key, 'serialNumber');
    assert.strictEqual(parsed.delimiter, ';');
    assert.deepStrictEqual(parsed.fields, ['annotatedAssetId', 'annotatedNotes']);
    assert.deepStrictEqual(
      parsed.rows.map((r) => [r.line, r.key, r.values]),
      [
        [2, 'SN1', { annotatedAssetId: 'A-1', annotatedNotes: 'returned; boxed "as is"\r\nsecond line' }],
        [3, 'SN2', { annotatedAssetId: 'A-2' }],
      ],
    );
  });

  it('reads "," and tab files, and our own export (apostrophe before a formula trigger)', () => {
    assert.strictEqual(parseAnnotationCsv('deviceId,annotatedUser\ndev-1,ana\n').delimiter, ',');
    const tsv = parseAnnotationCsv('machineName\tlocation\nLAB-1\tRoom 4, floor 2\n');
    assert.deepStrictEqual([tsv.delimiter, tsv.key, tsv.rows[0].values], ['\t', 'machineName', { annotatedLocation: 'Room 4, floor 2' }]);
    const ours = parseAnnotationCsv('"deviceId","annotatedNotes"\n"dev-1","\'=1+1"\n');
    assert.strictEqual(ours.rows[0].values.annotatedNotes, '=1+1');
  });

  it('explains a file it cannot use', () => {
    assert.throws(
      () => parseAnnotationCsv(''),
      (e: Error) => e instanceof CsvImportError && /empty/.test(e.message),
    );
    assert.throws(() => parseAnnotationCsv('host,notes\nx,y\n'), /No column identifies the browsers.*deviceId, serialNumber or machineName/);
    assert.throws(() => parseAnnotationCsv('serial,colour\nSN1,red\n'), /No column to import/);
    assert.throws(() => parseAnnotationCsv('serial,notes\nSN1,"unclosed\n'), /not valid CSV.*Save it again/);
  });

  it('says per row what changes, and flags unmatched, ambiguous, duplicate, invalid and unchanged rows', () => {
    const parsed = parseAnnotationCsv(
      [
        'machineName,assetId,notes,orgUnitPath',
        'LAB-1,A-1,,', // same asset id, empty notes = no change: unchanged
        'lab-2,A-2,new,/HR', // case-insensitive name; two fields and an org unit change
        'SHARED,X,,', // two browsers share this name
        'NOPE,X,,', // nothing has it
        'LAB-2,A-9,,', // second row for the same browser
        ',A-3,,', // empty key
      ].join('\n'),
    );
    const index2 = buildFleetIndex([...fleet, { deviceId: 'dev-5', machineName: 'LAB-5', annotations: { ...empty } }]);
    const rows = [...matchImport(parsed, index2, { orgUnits: new Set(['/', '/Lab', '/HR']) })];
    assert.deepStrictEqual(
      rows.map((r) => r.status),
      ['unchanged', 'change', 'ambiguous', 'noMatch', 'duplicate', 'invalid'],
    );
    assert.deepStrictEqual(rows[1].changes, [
      { field: 'annotatedAssetId', from: '', to: 'A-2' },
      { field: 'annotatedNotes', from: '', to: 'new' },
      { field: 'orgUnitPath', from: '/Lab', to: '/HR' },
    ]);
    assert.deepStrictEqual(rows[2].candidates, ['dev-3', 'dev-4']);
    assert.match(rows[4].problem!, /Line 3 already sets this browser/);
    assert.deepStrictEqual(countByStatus(rows), { change: 1, unchanged: 1, noMatch: 1, ambiguous: 1, invalid: 1, duplicate: 1 });
  });

  it("applies the details panel's validation and knows the org units", () => {
    const parsed = parseAnnotationCsv(`deviceId,user,orgUnitPath\ndev-1,${'x'.repeat(201)},\ndev-2,ok\u202e,\ndev-3,ok,/Nowhere\n`);
    const rows = [...matchImport(parsed, index, { orgUnits: new Set(['/Lab', '/HR']) })];
    assert.deepStrictEqual(
      rows.map((r) => r.status),
      ['invalid', 'invalid', 'invalid'],
    );
    assert.match(rows[0].problem!, /User.*too long/);
    assert.match(rows[1].problem!, /text-direction/);
    assert.match(rows[2].problem!, /no org unit "\/Nowhere"/);
  });

  it('clears fields from empty cells only when asked to', () => {
    const parsed = parseAnnotationCsv('deviceId,notes\ndev-4,\n');
    assert.strictEqual(matchImport(parsed, index).row(0).status, 'unchanged');
    const cleared = matchImport(parsed, index, { emptyCellsClear: true }).row(0);
    assert.deepStrictEqual([cleared.status, cleared.changes], ['change', [{ field: 'annotatedNotes', from: 'keep', to: '' }]]);
  });

  it('matches 100,000 rows against 100,000 browsers', () => {
    const big: BulkTarget[] = Array.from({ length: 100_000 }, (_, i) => ({ deviceId: `d${i}`, serialNumber: `S${i}`, annotations: { ...empty } }));
    const lines = ['serial,assetId', ...big.map((b, i) => `${b.serialNumber},${i % 10 === 0 ? '' : `A${i}`}`)];
    const rows = matchImport(parseAnnotationCsv(lines.join('\r\n')), buildFleetIndex(big));
    assert.deepStrictEqual([rows.counts.change, rows.counts.unchanged], [90_000, 10_000]);
    assert.strictEqual(rows.row(99_999).deviceId, 'd99999');
  });
});
