// The compact store behind the CSV-import preview (src/operations/importPreview.ts): every row it gives back is
// the row that went in (line, key, status, browser, changes, after, problem), its pages cut the filtered rows
// exactly at their boundaries, and what it keeps for 100,000 rows is a small fraction of one object per row.
import * as assert from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import type { BulkTarget } from '../../src/operations/bulkTargets';
import { buildFleetIndex, parseAnnotationCsv, type RowStatus } from '../../src/operations/csvImport';
import { matchImport, ROW_STATUSES } from '../../src/operations/importPreview';

const empty = { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: '' };

/** A fleet and a file where row i has status i % 6 (in ROW_STATUSES order), keyed by machine name. */
function mixedImport(n: number) {
  const fleet: BulkTarget[] = [];
  const lines = ['machineName,assetId,notes,orgUnitPath'];
  const expected: { status: RowStatus; deviceId?: string; problem?: RegExp }[] = [];
  for (let i = 0; i < n; i++) {
    const name = `HOST-${i}`;
    const status = ROW_STATUSES[i % 6];
    const add = (id: string, machineName: string) =>
      fleet.push({ deviceId: id, machineName, orgUnitPath: '/Lab', annotations: { ...empty, annotatedAssetId: `OLD-${i}` } });
    if (status === 'change') {
      add(`d${i}`, name);
      lines.push(`${name},NEW-${i},"note ${i}, line 2",${i % 4 === 0 ? '/HR' : ''}`);
      expected.push({ status, deviceId: `d${i}` });
    } else if (status === 'unchanged') {
      add(`d${i}`, name);
      lines.push(`${name},OLD-${i},,`);
      expected.push({ status, deviceId: `d${i}` });
    } else if (status === 'noMatch') {
      lines.push(`${name},X,,`);
      expected.push({ status, problem: new RegExp(`No browser has machineName "${name}"`) });
    } else if (status === 'ambiguous') {
      add(`d${i}a`, name);
      add(`d${i}b`, name.toLowerCase());
      lines.push(`${name},X,,`);
      expected.push({ status, problem: /2 browsers have machineName/ });
    } else if (status === 'invalid') {
      add(`d${i}`, name);
      lines.push(`${name},${'x'.repeat(201)},,`);
      expected.push({ status, deviceId: `d${i}`, problem: /Asset ID.*too long/ });
    } else {
      // The same browser as the "change" row five rows up.
      lines.push(`HOST-${i - 5},Y,,`);
      expected.push({ status, deviceId: `d${i - 5}`, problem: new RegExp(`Line ${i - 5 + 2} already sets this browser`) });
    }
  }
  const parsed = parseAnnotationCsv(lines.join('\r\n'));
  const index = buildFleetIndex(fleet, 'machineName');
  return { parsed, index, expected, preview: matchImport(parsed, index, { orgUnits: new Set(['/', '/Lab', '/HR']) }) };
}

describe('Import preview store', () => {
  it('gives back every row exactly as it went in: line, key, status, browser, changes, after and problem', () => {
    const { parsed, index, expected, preview } = mixedImport(600);
    assert.strictEqual(preview.length, 600);
    assert.deepStrictEqual(preview.counts, Object.fromEntries(ROW_STATUSES.map((s) => [s, 100])));
    const rows = [...preview];
    rows.forEach((r, i) => {
      const src = parsed.rows[i];
      const want = expected[i];
      assert.deepStrictEqual([r.line, r.key, r.status, r.deviceId], [i + 2, src.key, want.status, want.deviceId], `row ${i}`);
      assert.strictEqual(preview.status(i), r.status);
      assert.strictEqual(preview.line(i), r.line);
      if (want.problem) assert.match(r.problem ?? '', want.problem, `row ${i}`);
      else assert.strictEqual(r.problem, undefined, `row ${i}`);
      if (r.status === 'change') {
        const changes = [
          { field: 'annotatedAssetId', from: `OLD-${i}`, to: `NEW-${i}` },
          { field: 'annotatedNotes', from: '', to: `note ${i}, line 2` },
          ...(i % 4 === 0 ? [{ field: 'orgUnitPath', from: '/Lab', to: '/HR' }] : []),
        ];
        assert.deepStrictEqual(r.changes, changes, `row ${i}`);
        assert.deepStrictEqual(r.after, { ...empty, annotatedAssetId: `NEW-${i}`, annotatedNotes: `note ${i}, line 2` });
        // The after values start from the browser's own (the conflict check's base), not a copy made at matching.
        assert.deepStrictEqual(index.byId.get(r.deviceId!)!.annotations, { ...empty, annotatedAssetId: `OLD-${i}` });
      } else assert.deepStrictEqual(r.changes, [], `row ${i}`);
      if (r.status === 'ambiguous') assert.deepStrictEqual(r.candidates, [`d${i}a`, `d${i}b`]);
    });
    // Building a row twice gives the same row (nothing in the store changes when it is read).
    assert.deepStrictEqual(preview.row(6), rows[6]);
    assert.throws(() => preview.row(600), RangeError);
    assert.throws(() => preview.row(-1), RangeError);
  });

  it('pages the filtered rows in file order, cut exactly at the boundaries', () => {
    const { preview } = mixedImport(1_003);
    const filters: RowStatus[][] = [[...ROW_STATUSES], ['change'], ['noMatch', 'duplicate'], []];
    for (const statuses of filters) {
      const all = Array.from({ length: preview.length }, (_, i) => i).filter((i) => statuses.includes(preview.status(i)));
      for (const size of [1, 7, 100, 1_000]) {
        const seen: number[] = [];
        for (let offset = 0; offset < all.length; offset += size) {
          const page = preview.page(statuses, offset, size);
          assert.strictEqual(page.total, all.length);
          assert.strictEqual(page.positions.length, Math.min(size, all.length - offset), `page at ${offset} of ${size}`);
          seen.push(...page.positions);
        }
        assert.deepStrictEqual(seen, all, `${statuses.join('+') || 'nothing'} in pages of ${size}`);
      }
      // At and past the end: nothing; a zero-row page still says how many there are.
      assert.deepStrictEqual(preview.page(statuses, all.length, 10), { total: all.length, positions: [] });
      assert.deepStrictEqual(preview.page(statuses, all.length + 50, 10), { total: all.length, positions: [] });
      assert.deepStrictEqual(preview.page(statuses, 0, 0), { total: all.length, positions: [] });
      if (all.length) assert.deepStrictEqual(preview.page(statuses, all.length - 1, 10).positions, [all[all.length - 1]]);
    }
    // The order of the statuses asked for does not matter; switching filters back and forth gives the same pages.
    assert.deepStrictEqual(preview.page(['duplicate', 'noMatch'], 3, 5), preview.page(['noMatch', 'duplicate'], 3, 5));
    assert.deepStrictEqual(preview.page(['change'], 0, 3).positions, [0, 6, 12]);
  });

  it('keeps well under a tenth of one object per row for 100,000 rows (retained heap)', () => {
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    const fleet: BulkTarget[] = Array.from({ length: 100_000 }, (_, i) => ({
      deviceId: `device-${i}`,
      serialNumber: `SN${i}`,
      orgUnitPath: '/Lab',
      annotations: { ...empty },
    }));
    const parsed = parseAnnotationCsv(['serial,assetId,location', ...fleet.map((b, i) => `${b.serialNumber},A${i},Room ${i % 50}`)].join('\r\n'));
    const index = buildFleetIndex(fleet, 'serialNumber');
    gc();
    const before = process.memoryUsage().heapUsed;
    const preview = matchImport(parsed, index);
    gc();
    const retainedMb = (process.memoryUsage().heapUsed - before) / 1e6;
    assert.strictEqual(preview.counts.change, 100_000);
    assert.strictEqual(preview.row(99_999).changes.length, 2);
    // One PreviewRow per row (changes, after values, problem) held ~60 MB; a status byte and a reference ~1 MB.
    assert.ok(retainedMb < 6, `the preview of 100,000 rows retains ${retainedMb.toFixed(1)} MB`);
  });
});
