// Inventory snapshots: written and read back unchanged, refused with a useful message when damaged, and compared:
// extensions new and removed, versions added, removed and moved, policies new, removed and changed; a
// comparison across scopes or with a partial side says so. Also the in-memory cache with its time.
import * as assert from 'assert';
import type { BrowserExtension, ChromeBrowser } from '../../src/api/types';
import {
  InventoryAggregator,
  InventoryCache,
  buildInventorySnapshot,
  diffInventorySnapshots,
  parseInventorySnapshot,
  serializeInventorySnapshot,
  type InventoryScope,
  type InventorySnapshot,
} from '../../src/inventory';

const ext = (id: string, version: string): BrowserExtension => ({
  extensionId: id,
  name: `Ext ${id}`,
  version,
  installType: 'NORMAL',
  permissions: ['tabs'],
});
const b = (id: string, exts: BrowserExtension[], policies: [string, string, string?][] = []): ChromeBrowser => ({
  deviceId: id,
  orgUnitPath: '/',
  machinePolicies: policies.map(([name, value, error]) => ({ name, value, source: 'MACHINE_PLATFORM', ...(error ? { error } : {}) })),
  browsers: [{ profiles: [{ extensions: exts }] }],
});

function snapshotOf(records: ChromeBrowser[], complete = true, scope: InventoryScope = { kind: 'account' }): InventorySnapshot {
  const agg = new InventoryAggregator({ scope });
  agg.addBrowsers(records);
  return buildInventorySnapshot(agg.inventory(complete, new Date('2026-03-01T10:00:00Z')));
}

describe('inventory snapshots', () => {
  const before = snapshotOf([
    b(
      '1',
      [ext('keep', '1.0'), ext('gone', '3.0')],
      [
        ['Home', 'a'],
        ['Old', 'x'],
      ],
    ),
    b('2', [ext('keep', '1.0')], [['Home', 'a']]),
  ]);
  const after = snapshotOf([
    b(
      '1',
      [ext('keep', '2.0'), ext('new', '0.1')],
      [
        ['Home', 'b', 'Ignored'],
        ['Fresh', 'y'],
      ],
    ),
    b('2', [ext('keep', '1.0')], [['Home', 'a']]),
    b('3', [ext('keep', '1.0')]),
  ]);

  it('round-trips through its text, with sorted keys for readable git diffs', () => {
    const text = serializeInventorySnapshot(after);
    assert.deepStrictEqual(parseInventorySnapshot(text), after);
    assert.deepStrictEqual(Object.keys(after.extensions), ['keep', 'new']);
    assert.deepStrictEqual(after.extensions.keep.versions, { '1.0': 2, '2.0': 1 });
    assert.ok(!/"deviceId"|"1"\s*:\s*\[/.test(text), 'no device ids in a snapshot');
  });

  it('refuses other files with a message that says what to do', () => {
    assert.throws(() => parseInventorySnapshot('not json'), /not JSON/);
    assert.throws(() => parseInventorySnapshot('{"format":"cbcm-fleet-overview-snapshot"}'), /not a fleet inventory snapshot/);
    assert.throws(() => parseInventorySnapshot(JSON.stringify({ ...after, version: 9 })), /format version 9.*Update the extension/);
    const damaged = JSON.parse(serializeInventorySnapshot(after)) as { extensions: { keep: { versions: unknown } } };
    damaged.extensions.keep.versions = { '1.0': 'two' };
    assert.throws(() => parseInventorySnapshot(JSON.stringify(damaged)), /damaged \(extension keep\)/);
  });

  it('names new and removed extensions and version changes', () => {
    const d = diffInventorySnapshots(before, after);
    assert.deepStrictEqual(d.extensions.added, [{ key: 'new', name: 'Ext new', before: 0, after: 1 }]);
    assert.deepStrictEqual(d.extensions.removed, [{ key: 'gone', name: 'Ext gone', before: 1, after: 0 }]);
    assert.deepStrictEqual(d.extensions.versionChanges, [
      {
        key: 'keep',
        name: 'Ext keep',
        before: 2,
        after: 3,
        added: [{ value: '2.0', before: 0, after: 1 }],
        removed: [],
        changed: [],
      },
    ]);
    assert.strictEqual(d.before.browsers, 2);
    assert.strictEqual(d.after.browsers, 3);
    assert.strictEqual(d.scopeMismatch, undefined);
    assert.strictEqual(d.partial, undefined);
  });

  it('names version counts that moved and versions that went', () => {
    const d = diffInventorySnapshots(after, before);
    const keep = d.extensions.versionChanges[0];
    assert.deepStrictEqual(keep.removed, [{ value: '2.0', before: 1, after: 0 }]);
    assert.deepStrictEqual(keep.changed, [], 'the 1.0 count is 2 on both sides');
    const moved = diffInventorySnapshots(
      before,
      snapshotOf([b('1', [ext('keep', '1.0')]), b('2', [ext('keep', '1.0')]), b('3', [ext('keep', '1.0')])]),
    );
    assert.deepStrictEqual(moved.extensions.versionChanges[0].changed, [{ value: '1.0', before: 2, after: 3 }]);
  });

  it('names new, removed and changed policies', () => {
    const d = diffInventorySnapshots(before, after);
    assert.deepStrictEqual(
      d.policies.added.map((p) => p.key),
      ['Fresh'],
    );
    assert.deepStrictEqual(
      d.policies.removed.map((p) => p.key),
      ['Old'],
    );
    assert.deepStrictEqual(d.policies.changed, [
      {
        key: 'Home',
        name: 'Home',
        browsers: { before: 2, after: 2 },
        errors: { before: 0, after: 1 },
        conflicts: { before: 0, after: 0 },
        valuesAdded: ['b'],
        valuesRemoved: [],
      },
    ]);
  });

  it('flags a comparison across scopes, and one with a partial side', () => {
    const ou = snapshotOf([b('1', [ext('keep', '1.0')])], true, { kind: 'orgUnit', orgUnitPath: '/Sales' });
    assert.match(diffInventorySnapshots(before, ou).scopeMismatch ?? '', /whole account.*org unit \/Sales/);
    const partial = snapshotOf([b('1', [ext('keep', '1.0')])], false);
    assert.match(diffInventorySnapshots(before, partial).partial ?? '', /The inventory was taken from a listing that did not finish/);
    assert.match(diffInventorySnapshots(partial, before).partial ?? '', /The snapshot was taken/);
  });

  it('caches the last inventory per scope with its time', () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const cache = new InventoryCache(() => now);
    const agg = new InventoryAggregator({ scope: { kind: 'account' } });
    const entry = cache.set({ kind: 'account' }, agg.inventory(true), agg);
    now = new Date('2026-03-01T10:05:00Z');
    assert.strictEqual(cache.get({ kind: 'account' }), entry);
    assert.strictEqual(cache.ageMs({ kind: 'account' }), 5 * 60_000);
    assert.strictEqual(cache.get({ kind: 'orgUnit', orgUnitPath: '/' }), undefined);
    for (const p of ['/a', '/b', '/c']) cache.set({ kind: 'orgUnit', orgUnitPath: p }, agg.inventory(true), agg);
    assert.strictEqual(cache.get({ kind: 'account' }), undefined, 'the oldest scope is dropped past three');
    cache.clear();
    assert.strictEqual(cache.ageMs({ kind: 'orgUnit', orgUnitPath: '/c' }), undefined);
  });
});
