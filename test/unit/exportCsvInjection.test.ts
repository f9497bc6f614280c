// CSV formula injection: device data comes from end machines, so an exported value must never become a formula in
// a spreadsheet. Every field is quoted, and a formula trigger gets an apostrophe wherever a spreadsheet could start a
// cell: at the start, after leading spaces, and after a character Excel or LibreOffice may split cells on.
// The export is parsed back with csv-parse the way spreadsheets read it (quotes honoured, with either delimiter),
// and again as an import that ignores quotes and splits on every separator; LibreOffice itself is the oracle in
// exportCsvSpreadsheet.test.ts.
import * as assert from 'assert';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { ChromeBrowser } from '../../src/api/types';
import { csvField, EXPORT_COLUMNS, writeBrowserExport } from '../../src/export/browserExport';
import { HOSTILE_VALUES } from './csvHostileValues';

/** Harmless values that must come back exactly as they were. */
const PLAIN_VALUES: readonly string[] = [
  'DESKTOP-01',
  'Room 4 - floor 2',
  'a-b',
  'jane@example.test',
  'x=1',
  '1.2.3',
  '',
  ' leading space',
  'tab\tinside',
];

const TRIGGER = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const SEPARATORS = /[,;\t|\r\n]/;

/** Undoes the neutralisation: every apostrophe the writer put in front of a trigger. */
function withoutInsertedApostrophes(cell: string): string {
  return cell.replace(/^'(?=[\t\r])/, '').replace(/(^|[,;|\t\r\n])(\s*)'(?=[=+\-@\uff1d\uff0b\uff0d\uff20])/g, '$1$2');
}

async function exportCsv(browsers: ChromeBrowser[]): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  async function* pages() {
    yield { browsers };
  }
  await writeBrowserExport(pages(), out, 'csv');
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** One browser per value, the value in a text column that comes from the device. */
function browsersWith(values: readonly string[]): ChromeBrowser[] {
  return values.map((v, i) => ({ deviceId: `dev-${i}`, machineName: v, annotatedNotes: v, extensionCount: i }));
}

describe('CSV export: formula injection', () => {
  it('quotes every field, headers included, and doubles quotes', () => {
    assert.strictEqual(csvField('plain'), '"plain"');
    assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvField(['1', '2']), '"1 2"');
    assert.strictEqual(csvField(undefined), '""');
    assert.strictEqual(csvField(7), '"7"');
  });

  it('neutralises a trigger at the start, after leading spaces, and after every cell break', () => {
    assert.strictEqual(csvField('=1+1'), `"'=1+1"`);
    assert.strictEqual(csvField('  =1+1'), `"  '=1+1"`);
    assert.strictEqual(csvField('a;=1+1'), `"a;'=1+1"`);
    assert.strictEqual(csvField('x\t=1+1'), `"x\t'=1+1"`);
    assert.strictEqual(csvField('a ; -2+3'), `"a ; '-2+3"`);
    assert.strictEqual(csvField('\tplain'), `"'\tplain"`);
    assert.strictEqual(csvField("=cmd|' /C calc'!A0"), `"'=cmd|' /C calc'!A0"`);
    // Numbers the API returns as numbers are not text a spreadsheet could run.
    assert.strictEqual(csvField(-5), '"-5"');
  });

  describe('every trigger at every cell start (expected fields written by hand)', () => {
    const TRIGGERS = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20'];
    const BREAKS = [',', ';', '|', '\t', '\r', '\n'];
    for (const t of TRIGGERS) {
      const name = JSON.stringify(t);
      it(`${name} at the start, after leading spaces, and after each of , ; | tab CR LF`, () => {
        assert.strictEqual(csvField(`${t}1`), `"'${t}1"`);
        assert.strictEqual(csvField(`   ${t}1`), `"   '${t}1"`);
        for (const b of BREAKS) {
          assert.strictEqual(csvField(`a${b}${t}1`), `"a${b}'${t}1"`, `after ${JSON.stringify(b)}`);
          assert.strictEqual(csvField(`a${b}  ${t}1`), `"a${b}  '${t}1"`, `after ${JSON.stringify(b)} and spaces`);
        }
        // A plain space is not a cell break, and a trigger inside a word is left alone.
        assert.strictEqual(csvField(`a ${t}1`), `"a ${t}1"`);
        assert.strictEqual(csvField(`a${t}1`), `"a${t}1"`);
        // Several triggers in one value: each one gets its apostrophe.
        assert.strictEqual(csvField(`${t}1,${t}2`), `"'${t}1,'${t}2"`);
      });
    }

    it('a tab or carriage return at the very start gets an apostrophe in front', () => {
      assert.strictEqual(csvField('\tx'), `"'\tx"`);
      assert.strictEqual(csvField('\rx'), `"'\rx"`);
      assert.strictEqual(csvField('x\ty'), '"x\ty"');
      assert.strictEqual(csvField('\nx'), '"\nx"');
    });

    it('booleans and arrays are written as text; numbers are never prefixed', () => {
      assert.strictEqual(csvField(true), '"true"');
      assert.strictEqual(csvField(['=1', '2']), `"'=1 2"`);
      assert.strictEqual(csvField(-1.5), '"-1.5"');
      assert.strictEqual(csvField(null), '""');
    });
  });

  it('parsed back as CSV (quotes honoured), no cell starts a formula and nothing but the apostrophes changes', async () => {
    const values = [...HOSTILE_VALUES, ...PLAIN_VALUES];
    const text = await exportCsv(browsersWith(values));
    const rows = parse(text, { relax_quotes: false });
    assert.deepStrictEqual(rows[0], [...EXPORT_COLUMNS]);
    assert.strictEqual(rows.length, values.length + 1, 'one row per browser: line breaks stay inside their quoted field');
    values.forEach((v, i) => {
      const row = rows[i + 1];
      for (const column of ['machineName', 'annotatedNotes'] as const) {
        const cell = row[EXPORT_COLUMNS.indexOf(column)];
        // A value that already starts with an apostrophe is kept as it is (and cannot be told apart when undoing).
        if (v.startsWith("'")) assert.strictEqual(cell, v);
        else assert.strictEqual(withoutInsertedApostrophes(cell), v, `value ${JSON.stringify(v)} changed beyond the apostrophes`);
        if (PLAIN_VALUES.includes(v)) assert.strictEqual(cell, v, `a harmless value was altered: ${JSON.stringify(v)}`);
      }
    });
    for (const cell of rows.flat()) {
      assert.ok(!TRIGGER.test(cell.trimStart()), `a cell starts a formula: ${JSON.stringify(cell)}`);
    }
  });

  it('read by an import that ignores quotes and splits on , ; tab | and line breaks, no piece starts a formula', async () => {
    const text = await exportCsv(browsersWith(HOSTILE_VALUES));
    // A field's opening quote is removed by a reader that honours quotes and kept as text by one that does not:
    // either way what follows it is what could start a formula.
    const pieces = text.split(SEPARATORS).map((p) => p.replace(/^"/, '').trimStart());
    const dangerous = pieces.filter((p) => TRIGGER.test(p));
    assert.deepStrictEqual(dangerous, []);
  });

  it('the old writer fails the same checks (the table is hostile enough to catch a regression)', async () => {
    const oldField = (v: string) => {
      const t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
      return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    };
    const text = HOSTILE_VALUES.map(oldField).join('\n');
    const pieces = text.split(SEPARATORS).map((p) => p.replace(/^"/, '').trimStart());
    assert.ok(pieces.filter((p) => TRIGGER.test(p)).length >= 5);
  });
});
