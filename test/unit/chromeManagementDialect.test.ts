// The third query dialect: the Chrome Management API v1 `filter` (diagnostics, completions, documents).
import * as assert from 'assert';
import { complete, diagnose, dialectFromDocument, hover, type QueryDiagnostic } from '../../src/query';
import { chromeManagementFilterDocument, convertToChromeManagementFilter } from '../../src/query/chromeManagementFilter';

const D = 'chromemanagement' as const;
/** Codes other than the plain-value note (tested on its own below), which every plain text value carries. */
const codes = (q: string): string[] =>
  diagnose(q, D)
    .filter((d) => d.code !== 'plain-value')
    .map((d) => `${d.severity}:${d.code}`);
const plainValueNotes = (q: string): QueryDiagnostic[] => diagnose(q, D).filter((d) => d.code === 'plain-value');
const first = (q: string): QueryDiagnostic => diagnose(q, D).filter((d) => d.code !== 'plain-value')[0];
const applyFix = (q: string, d: QueryDiagnostic): string => {
  const e = d.fixes[0].edits[0];
  return q.slice(0, e.range.start) + e.newText + q.slice(e.range.end);
};

describe('query: chromemanagement dialect', () => {
  it('accepts the documented forms', () => {
    for (const q of [
      'machine_name:LAB-*',
      'annotated_asset_id="*1001"',
      'browser_version:"*6367*"',
      'org_unit_path=/Sales AND os_platform=Windows',
      'last_activity_time>="2026-01-01T00:00:00Z" AND last_activity_time<="2026-03-31T23:59:59.999Z"',
      'machine_name:LIX* AND last_registration_time>="2024-01-01T00:00:00-04:00"',
      'in_group("groups/01abcd2efgh3ijk") AND policy_count=0',
      'machine 73',
      '"front desk"',
      'device_id_collision=true',
    ])
      assert.deepStrictEqual(codes(q), [], q);
  });

  it('flags what the filter does not have, with fixes', () => {
    assert.deepStrictEqual(codes('os_platform:Windows OR os_platform:Mac'), ['error:or-unsupported']);
    // The documented rule (wildcards on three fields only) wins over the reference's own [I] example annotated_user:*.
    assert.deepStrictEqual(codes('annotated_user:*'), ['error:partial-word']);
    assert.deepStrictEqual(codes('extension_count>=3'), ['error:numeric-range']);
    assert.deepStrictEqual(codes('os_platform:Win*'), ['error:partial-word']);
    assert.deepStrictEqual(codes('machine_name:a*b'), ['error:partial-word']);
    assert.deepStrictEqual(codes('os_platform!=Mac'), ['error:not-unsupported']);
    assert.deepStrictEqual(codes('in_group(groups/x)'), ['error:bad-function']);
    assert.deepStrictEqual(codes('-kiosk'), ['error:not-unsupported']);
    assert.deepStrictEqual(codes('has_group("x")'), ['error:bad-function']);

    const colonTime = 'last_activity_time:"2026-01-01T00:00:00Z"';
    assert.strictEqual(applyFix(colonTime, first(colonTime)), 'last_activity_time>="2026-01-01T00:00:00Z"');
    const strict = 'last_activity_time>"2026-01-01T00:00:00Z"';
    assert.strictEqual(applyFix(strict, first(strict)), 'last_activity_time>="2026-01-01T00:00:00Z"');
    const oldDate = 'last_activity_time>=2026-01-01';
    assert.strictEqual(first(oldDate).code, 'bad-time');
    assert.strictEqual(applyFix(oldDate, first(oldDate)), 'last_activity_time>="2026-01-01T00:00:00Z"');
    const range = 'last_activity_time=2026-01-01..2026-01-31';
    assert.strictEqual(first(range).code, 'bad-range');
    assert.strictEqual(
      applyFix(range, first(range)),
      'last_activity_time>="2026-01-01T00:00:00Z" AND last_activity_time<="2026-01-31T23:59:59.999Z"',
    );
    const unquoted = 'last_activity_time>=2026-01-01T00:00:00Z';
    assert.deepStrictEqual(codes(unquoted), ['hint:bad-time']);
    const noAnd = 'os_platform=Windows machine_name:LAB';
    assert.strictEqual(applyFix(noAnd, first(noAnd)), 'os_platform=Windows AND machine_name:LAB');
  });

  it('says, for a plain text value, that the reference leaves its match open (with the "*value*" fix where documented)', () => {
    const [onWildcardField] = plainValueNotes('machine_name:LT');
    assert.strictEqual(onWildcardField.severity, 'info');
    assert.match(onWildcardField.message, /does not say what a plain value matches/);
    assert.strictEqual(applyFix('machine_name:LT', onWildcardField), 'machine_name:"*LT*"');
    const [onOtherField] = plainValueNotes('annotated_user:alice');
    assert.match(onOtherField.message, /exactly 'alice'.*no documented wildcard/);
    assert.deepStrictEqual(onOtherField.fixes, []);
    // The hover says the same, not the v1.1beta1 "contains the word".
    assert.match(hover('annotated_user:alice', 17, D)!.contents, /does not say whether as a whole word, the whole value, a prefix or a substring/);
    assert.match(hover('machine_name:"*LT*"', 16, D)!.contents, /wildcard/);
    for (const q of ['machine_name:"*LT*"', 'machine_name:LT*', 'org_unit_path=/Sales', 'browser_permanent_id=abc', 'policy_count=0', 'machine 73']) {
      assert.deepStrictEqual(plainValueNotes(q), [], q);
    }
  });

  it('names the v1 field for a v1.1beta1 name', () => {
    const d = first('user:alice');
    assert.strictEqual(d.code, 'unknown-field');
    assert.match(d.message, /v1\.1beta1 query name/);
    assert.strictEqual(applyFix('user:alice', d), 'annotated_user:alice');
  });

  it('completes fields with their operator and timestamps quoted', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const fields = complete('', 0, D, { now });
    assert.strictEqual(fields.find((c) => c.label === 'last_activity_time')?.insertText, 'last_activity_time>=');
    assert.strictEqual(fields.find((c) => c.label === 'policy_count')?.insertText, 'policy_count=');
    assert.strictEqual(fields.find((c) => c.label === 'machine_name')?.insertText, 'machine_name:');
    const q = 'last_activity_time>=';
    const times = complete(q, q.length, D, { now }).map((c) => c.insertText);
    assert.ok(times.includes('"2026-03-03T00:00:00Z"'), times.join(' '));
  });

  it('is chosen by "# dialect: chromemanagement"', () => {
    assert.strictEqual(dialectFromDocument('# dialect: chromemanagement'), D);
    assert.strictEqual(dialectFromDocument('# dialect: filter'), D);
  });

  it('every translation of a valid v1.1beta1 query is a clean filter in this dialect', () => {
    for (const query of [
      'machine_name:LAB user:alice location:"front desk"',
      'register:2024-01-01..2024-03-31 num_extensions:0',
      'sync:2024-01-05T10:00:00.. os:"Windows 10"',
      'report:..2024-06-30 has_device_id_collision:true machine 73',
    ]) {
      const { filter, untranslatable, caveats } = convertToChromeManagementFilter(query, { orgUnitPath: '/Sales/Americas/New York' });
      assert.deepStrictEqual(untranslatable, []);
      assert.deepStrictEqual(
        diagnose(filter, D).filter((d) => d.severity !== 'hint' && d.code !== 'plain-value'),
        [],
        filter,
      );
      // The converted line carries the same "may find fewer" notes as the translation, and none on a "*word*" term.
      assert.strictEqual(plainValueNotes(filter).length, caveats.length, filter);
    }
  });

  it('builds the conversion document without copying the original query', () => {
    const doc = chromeManagementFilterDocument('enrollment_token:TOPSECRET machine_name:LAB');
    const lines = doc.split('\n');
    assert.strictEqual(dialectFromDocument(lines[0]), D);
    assert.ok(lines.some((l) => l.startsWith('# Not translated: enrollment_token')));
    assert.ok(lines.includes('machine_name:"*LAB*"'));
    assert.ok(!doc.includes('TOPSECRET'));
  });
});
