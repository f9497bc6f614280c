// What a bulk run shows and saves, in the real extension host: the per-browser preview of templated annotations
// (nothing sent yet), the summary line, the CSV of failures (formula-safe), and the import's failed rows, which
// import again as they are once fixed.
import * as assert from 'assert';
import { failuresCsv, summaryLine } from '../../../src/commands/bulkReport';
import { annotationPreviewText } from '../../../src/commands/bulkPreview';
import { failedRowsCsv } from '../../../src/commands/importCommand';
import { planAnnotations, type AnnotationChanges, type BulkSummary } from '../../../src/operations/bulkRun';
import type { BulkTarget } from '../../../src/operations/bulkTargets';
import { buildFleetIndex, parseAnnotationCsv } from '../../../src/operations/csvImport';
import { matchImport } from '../../../src/operations/importPreview';
import { parseTemplate } from '../../../src/operations/templates';

const empty = { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: '' };
const target = (i: number, notes: string, assetId = ''): BulkTarget => ({
  deviceId: `dev-${i}`,
  machineName: `PC-${i}`,
  serialNumber: `SN${i}`,
  orgUnitPath: '/Lab',
  annotations: { ...empty, annotatedNotes: notes, annotatedAssetId: assetId },
});

describe('Bulk previews and reports', () => {
  it('previews each browser with its own template values, current → new, before anything is sent', () => {
    const changes: AnnotationChanges = {
      annotatedUser: { mode: 'keep' },
      annotatedLocation: { mode: 'keep' },
      annotatedAssetId: { mode: 'set', template: parseTemplate('{serialNumber}') },
      annotatedNotes: { mode: 'set', template: parseTemplate('{notes} — returned {today}') },
    };
    const now = new Date('2026-12-03T12:00:00Z');
    const targets = [target(1, 'spare'), target(2, 'desk 4'), target(3, 'x'.repeat(1990), 'SN3')];
    // Its asset id already is its serial number: unchanged (planned with the asset id only).
    targets.push(target(4, 'kept', 'SN4'));
    const assetOnly = { ...changes, annotatedNotes: { mode: 'keep' as const } };
    const preview = annotationPreviewText(
      targets,
      (t) => planAnnotations(t, t.deviceId === 'dev-4' ? assetOnly : changes, now),
      'Set annotations on 4 browsers',
    );
    const lines = preview.text.split('\n');
    assert.ok(preview.text.startsWith('# Set annotations on 4 browsers\n'));
    assert.match(preview.text, /Nothing has been sent yet/);
    const rowOf = (name: string) => lines.find((l) => l.startsWith(`| ${name} |`)) ?? '';
    assert.strictEqual(rowOf('PC-1'), '| PC-1 | SN1 | Asset ID: ∅ → SN1; Notes: spare → spare — returned 2026-12-03 |');
    assert.strictEqual(rowOf('PC-2'), '| PC-2 | SN2 | Asset ID: ∅ → SN2; Notes: desk 4 → desk 4 — returned 2026-12-03 |');
    assert.match(rowOf('PC-3'), /^\| PC-3 \| SN3 \| ⚠ skipped: Notes is too long/);
    assert.strictEqual(rowOf('PC-4'), '| PC-4 | SN4 | unchanged |');
    assert.deepStrictEqual([preview.writes, preview.invalid], [2, 1]);
  });

  it('a value that would break the preview table stays in its cell', () => {
    const changes: AnnotationChanges = {
      annotatedUser: { mode: 'set', template: parseTemplate('a | b') },
      annotatedLocation: { mode: 'keep' },
      annotatedAssetId: { mode: 'keep' },
      annotatedNotes: { mode: 'keep' },
    };
    const preview = annotationPreviewText([target(1, '')], (t) => planAnnotations(t, changes, new Date()), 'T');
    assert.ok(preview.text.includes('User: ∅ → a \\| b'), preview.text);
  });

  it('the summary names done, unchanged, failed and not tried with why it stopped; the CSV lists each failure with its reason', () => {
    const s: BulkSummary = {
      done: [target(1, '')],
      unchanged: [target(2, '')],
      failed: [{ target: { ...target(3, ''), machineName: '=HYPERLINK("x")' }, reason: 'Changed by someone else, not overwritten.' }],
      notTried: [target(4, ''), target(5, '')],
      stoppedBy: 'Cancelled',
    };
    assert.strictEqual(summaryLine('Moved', s), 'Moved 1 · unchanged 1 · failed 1 · not tried 2 (stopped: Cancelled)');
    // csvField quotes every cell; the quotes are taken off to compare.
    const rows = failuresCsv(s)
      .split('\r\n')
      .map((r) => r.replace(/"/g, ''));
    assert.strictEqual(rows[0], 'deviceId,machineName,serialNumber,orgUnitPath,result,reason');
    assert.strictEqual(rows.length, 5, 'header, 3 rows, final line break');
    assert.match(rows[1], /^dev-3,"?'=HYPERLINK/, 'a formula is written as text');
    assert.match(rows[1], /failed,"?Changed by someone else, not overwritten\."?$/);
    assert.deepStrictEqual(
      rows.slice(2, 4).map((r) => r.split(',').slice(-2).join(',')),
      ['not tried,Cancelled', 'not tried,Cancelled'],
    );
  });

  it("the import's failed rows come back in the file's own columns and import again (the reason column is ignored)", () => {
    const csv = '\uFEFFSerial number;Asset ID;Notes;Org unit\r\nSN1;A-1;"one; two";/Lab\r\nSN2;A-2;"say ""hi""";\r\nSN3;A-3;three;/Lab\r\n';
    const parsed = parseAnnotationCsv(csv);
    const index = buildFleetIndex([1, 2, 3].map((i) => target(i, '')));
    const failed = new Map([
      [2, 'Changed by someone else since the preview; not overwritten.'],
      [3, 'not tried (Cancelled)'],
    ]);
    const again = failedRowsCsv(parsed, failed);
    const reparsed = parseAnnotationCsv(again);
    assert.strictEqual(reparsed.key, 'serialNumber');
    assert.deepStrictEqual(reparsed.fields, parsed.fields);
    assert.strictEqual(reparsed.hasOrgUnit, true);
    assert.deepStrictEqual(
      reparsed.rows.map((r) => [r.key, r.values, r.orgUnitPath]),
      [
        ['SN1', { annotatedAssetId: 'A-1', annotatedNotes: 'one; two' }, '/Lab'],
        ['SN2', { annotatedAssetId: 'A-2', annotatedNotes: 'say "hi"' }, undefined],
      ],
    );
    const rematched = matchImport(reparsed, index, { orgUnits: new Set(['/', '/Lab']) });
    assert.deepStrictEqual(
      [...rematched].map((r) => r.status),
      ['change', 'change'],
    );
  });
});
