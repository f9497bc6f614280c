// Undo planning from the change history (issue 14, unit tests: undo planning): what goes back, what cannot, and
// the per-browser preview shown before the confirmation.
import * as assert from 'assert';
import type { JournalOperation } from '../../src/operations/journalRecords';
import { planUndo, undoCount, undoPreviewText } from '../../src/operations/undo';

const values = (notes: string, assetId = '') => ({ annotatedUser: '', annotatedLocation: '', annotatedAssetId: assetId, annotatedNotes: notes });
const at = '2026-12-03T10:00:00.000Z';

function operation(items: JournalOperation['items']): JournalOperation {
  return {
    record: {
      t: 'op',
      op: 'op-1',
      at,
      account: 'admin@example.com',
      action: 'import',
      title: 'Import 5 rows of inventory.csv',
      planned: items.length,
    },
    items,
  };
}
const item = (target: string, change: JournalOperation['items'][number]['change'], extra: Partial<JournalOperation['items'][number]> = {}) => ({
  t: 'item' as const,
  op: 'op-1',
  at,
  target,
  change,
  ok: true,
  ...extra,
});

describe('undo planning', () => {
  const op = operation([
    item('a', { kind: 'annotations', before: values('old', 'A-0'), after: values('new', 'A-1') }),
    item('b', { kind: 'annotations', before: values('x'), after: values('y') }, { ok: false, reason: 'conflict' }),
    item('c', { kind: 'annotations', before: values('p'), after: values('q') }, { ok: false, uncertain: true, reason: 'may have saved it' }),
    item('d', { kind: 'move', before: '/Lab', after: '/Mac' }),
    item('e', { kind: 'move', before: '/Lab', after: '/Mac' }, { ok: false, uncertain: true, reason: 'may have moved it' }),
    item('f', { kind: 'move', before: '/Lab', after: '/Mac' }, { ok: false, reason: 'Device not found' }),
    item('g', { kind: 'move', before: undefined, after: '/Mac' }),
    item('h', { kind: 'delete', record: { deviceId: 'h', machineName: 'GONE' } }),
    item('t1', { kind: 'createToken', token: { tokenPermanentId: 't1', orgUnitPath: '/Lab' } }),
    item('t2', { kind: 'revokeToken', token: { tokenPermanentId: 't2', orgUnitPath: '/Lab' } }),
  ]);

  it('puts back what was (or may have been) done, never what failed, and says what cannot be undone', () => {
    const plan = planUndo(op);
    assert.deepStrictEqual(
      plan.annotations.map((a) => [a.target.deviceId, a.target.annotations?.annotatedNotes, a.restore.annotatedNotes]),
      [
        ['a', 'new', 'old'],
        ['c', 'q', 'p'],
      ],
      'the conflict base is what the operation wrote',
    );
    assert.deepStrictEqual(
      [...plan.moves].map(([back, ts]) => [back, ts.map((t) => [t.deviceId, t.orgUnitPath])]),
      [
        [
          '/Lab',
          [
            ['d', '/Mac'],
            ['e', '/Mac'],
          ],
        ],
      ],
    );
    assert.deepStrictEqual(plan.tokensToRevoke, ['t1']);
    assert.deepStrictEqual(
      plan.notUndoable.map((n) => n.target),
      ['g', 'h', 't2'],
    );
    assert.match(plan.notUndoable[1].reason, /full record/);
    assert.strictEqual(undoCount(plan), 5);
  });

  it('previews every browser: current → restored value, org unit back, and what is left as it is', () => {
    const text = undoPreviewText(planUndo(op));
    const rows = text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Target'));
    assert.match(text, /^# Undo: Import 5 rows of inventory\.csv\n/);
    assert.match(text, /Nothing has been sent yet/);
    assert.deepStrictEqual(rows, [
      '| a | Asset ID: A-1 → A-0; Notes: new → old |',
      '| c | Notes: q → p |',
      '| d | Org unit: /Mac → /Lab |',
      '| e | Org unit: /Mac → /Lab |',
      '| t1 | Enrollment token it created: revoked |',
      '| g | ⚠ not undone: its org unit before the move is not known |',
      `| h | ⚠ not undone: ${planUndo(op).notUndoable[1].reason} |`,
      '| t2 | ⚠ not undone: a revoked enrollment token cannot be reactivated; create a new one |',
    ]);
  });
});
