import * as assert from 'assert';
import { BROWSER_FIELDS, complete, TOKEN_FIELDS, type CompletionContext, type Dialect } from '../../src/query';

const now = new Date('2026-11-25T18:04:05Z');
const recentValues = {
  machine_name: ['LAB-PC-01', 'LAB-PC-02', 'Front desk PC', 'LAB-PC-01'],
  num_extensions: ['3', '0'],
};
const BROWSER_NAMES = BROWSER_FIELDS.map((f) => f.name);
// Relative bounds (-7d…) are resolved when the query runs (relativeDates.ts).
const TIME_TEMPLATES = [
  '2026-11-25',
  '2026-11-18..',
  '2026-10-26..',
  '2026-08-27..',
  '..2026-10-26',
  '..2026-08-27',
  '-7d..',
  '-30d..',
  '-90d..',
  '..-90d',
  '2026-10-26..2026-11-25',
  '2026-11-25T18:04:05',
];
const BOUND_DATES = ['2026-11-25', '2026-11-18', '2026-10-26', '2026-08-27', '2026-11-25T18:04:05', '-7d', '-30d', '-90d'];

interface Case {
  name: string;
  dialect?: Dialect;
  /** The cursor is where `|` is (removed before completing). */
  text: string;
  context?: Partial<CompletionContext>;
  labels: string[];
  range?: [number, number];
  insertText?: string[];
}

const CASES: Case[] = [
  { name: 'empty query: every field', text: '|', labels: BROWSER_NAMES, range: [0, 0], insertText: BROWSER_NAMES.map((n) => `${n}:`) },
  { name: 'start of a word: fields replacing the word', text: 'mach|', labels: BROWSER_NAMES, range: [0, 4] },
  {
    name: 'inside a field name: fields without a second colon',
    text: 'mac|hine_name:LIX',
    labels: BROWSER_NAMES,
    range: [0, 12],
    insertText: BROWSER_NAMES,
  },
  { name: 'after a space: fields at the cursor', text: 'machine_name:LIX |', labels: BROWSER_NAMES, range: [17, 17] },
  { name: 'between two spaces: fields at the cursor', text: 'a |  b', labels: BROWSER_NAMES, range: [2, 2] },
  { name: 'before the first term', text: '| machine_name:LIX', labels: BROWSER_NAMES, range: [0, 0] },
  { name: "after 'field:' of a text field without fleet values: nothing", text: 'machine_name:|', labels: [] },
  {
    name: "after 'field:' of a text field: fleet values, distinct, quoted when needed",
    text: 'machine_name:|',
    context: { recentValues },
    labels: ['LAB-PC-01', 'LAB-PC-02', 'Front desk PC'],
    range: [13, 13],
    insertText: ['LAB-PC-01', 'LAB-PC-02', '"Front desk PC"'],
  },
  {
    name: 'inside a value: fleet values replace the value',
    text: 'machine_name:LA|B',
    context: { recentValues },
    labels: ['LAB-PC-01', 'LAB-PC-02', 'Front desk PC'],
    range: [13, 16],
  },
  { name: 'boolean field: true and false', text: 'has_device_id_collision:|', labels: ['true', 'false'], range: [24, 24] },
  { name: 'boolean field, partly typed', text: 'has_device_id_collision:tr|', labels: ['true', 'false'], range: [24, 26] },
  { name: 'number field: 0 and fleet values', text: 'num_extensions:|', context: { recentValues }, labels: ['0', '3'], range: [15, 15] },
  { name: 'time field: date and range templates with concrete dates', text: 'register:|', labels: TIME_TEMPLATES, range: [9, 9] },
  { name: 'inside a time value: the templates replace it', text: 'last_activity:2024-0|', labels: TIME_TEMPLATES, range: [14, 20] },
  { name: "after 'a..': the upper bound only", text: 'register:2024-01-01..|', labels: BOUND_DATES, range: [21, 21] },
  { name: "after '..': the upper bound of an open range", text: 'sync:..20|24', labels: BOUND_DATES, range: [7, 11] },
  { name: 'inside the lower bound of a closed range', text: 'report:202|4-01-01..2024-02-01', labels: BOUND_DATES, range: [7, 17] },
  { name: 'unknown field: nothing', text: 'colour:|', labels: [] },
  { name: 'inside a quoted free term: nothing', text: '"front d|', labels: [] },
  { name: 'inside a free term with punctuation: nothing', text: 'LAB-P|', labels: [] },
  { name: 'on the operator itself: nothing', text: 'register>|=2024-01-01', labels: [] },
  { name: 'tokens: the two fields', dialect: 'tokens', text: '|', labels: TOKEN_FIELDS.map((f) => f.name), range: [0, 0] },
  { name: 'tokens: after a space', dialect: 'tokens', text: 'token_state:ACTIVE |', labels: ['device_type', 'token_state'], range: [19, 19] },
  { name: 'tokens: token states', dialect: 'tokens', text: 'token_state:|', labels: ['ACTIVE', 'EXPIRED', 'REVOKED'], range: [12, 12] },
  { name: 'tokens: device type, partly typed', dialect: 'tokens', text: 'device_type:CH|', labels: ['CHROME_BROWSER'], range: [12, 14] },
];

describe('query completions', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const offset = c.text.indexOf('|');
      const text = c.text.slice(0, offset) + c.text.slice(offset + 1);
      const items = complete(text, offset, c.dialect ?? 'browsers', { now, ...c.context });
      assert.deepStrictEqual(
        items.map((i) => i.label),
        c.labels,
      );
      if (c.range) for (const i of items) assert.deepStrictEqual([i.range.start, i.range.end], c.range, i.label);
      if (c.insertText)
        assert.deepStrictEqual(
          items.map((i) => i.insertText),
          c.insertText,
        );
    });
  }

  it('documents fields and reopens suggestions after inserting field:', () => {
    const [first] = complete('', 0, 'browsers', { now });
    assert.strictEqual(first.kind, 'field');
    assert.match(first.documentation ?? '', /machine name/i);
    assert.match(first.documentation ?? '', /Example: `machine_name:CLIENT2012`/);
    assert.strictEqual(first.retrigger, true);
    const enumField = complete('', 0, 'tokens', { now }).find((i) => i.label === 'token_state');
    assert.strictEqual(enumField?.detail, 'enum: ACTIVE | EXPIRED | REVOKED');
  });

  it('offers the closed range as a snippet with both ends as placeholders', () => {
    const range = complete('register:', 9, 'browsers', { now }).find((i) => i.isSnippet);
    assert.strictEqual(range?.insertText, '${1:2026-10-26}..${2:2026-11-25}');
  });

  it('computes dates in UTC from the injected clock', () => {
    const lateEvening = new Date('2026-01-01T00:30:00Z');
    const items = complete('sync:', 5, 'browsers', { now: lateEvening });
    assert.deepStrictEqual(
      items.slice(0, 2).map((i) => i.label),
      ['2026-01-01', '2025-12-25..'],
    );
  });

  it('caps fleet values at 20', () => {
    const many = { machine_name: Array.from({ length: 50 }, (_, i) => `PC${i}`) };
    assert.strictEqual(complete('machine_name:', 13, 'browsers', { now, recentValues: many }).length, 20);
  });

  it('clamps an offset past the end', () => {
    assert.deepStrictEqual(
      complete('register:', 99, 'browsers', { now }).map((i) => i.label),
      TIME_TEMPLATES,
    );
  });
});
