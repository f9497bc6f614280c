// Snapshots: round trip, git-friendly layout, validation with useful messages, and the comparison
// (new, gone, upgraded, downgraded, figure deltas, caps, scope mismatch).
import * as assert from 'assert';
import type { ChromeBrowser } from '../../src/api/types';
import { FleetAggregator } from '../../src/overview/aggregator';
import type { OverviewScope } from '../../src/overview/figures';
import {
  buildSnapshot,
  diffSnapshots,
  DIFF_LIST_CAP,
  parseSnapshot,
  serializeSnapshot,
  SNAPSHOT_FORMAT,
  type FleetSnapshot,
} from '../../src/overview/snapshot';

function snapshotOf(browsers: ChromeBrowser[], scope: OverviewScope = { kind: 'account' }): FleetSnapshot {
  const a = new FleetAggregator({ scope, now: new Date('2026-01-01T00:00:00Z') });
  a.addBrowsers(browsers);
  return buildSnapshot(a.figures(true, new Date('2026-01-01T00:00:05Z')), a.devicesByMajor());
}

const v = (major: number) => [`${major}.0.1000.1`];

describe('overview snapshots', () => {
  it('round-trips through JSON with sorted ids, one per line', () => {
    const s = snapshotOf([
      { deviceId: 'b', browserVersions: v(131) },
      { deviceId: 'a', browserVersions: v(131) },
      { deviceId: 'c', browserVersions: v(120) },
      { deviceId: 'd' },
    ]);
    const text = serializeSnapshot(s);
    assert.deepStrictEqual(parseSnapshot(text), JSON.parse(JSON.stringify(s)));
    assert.deepStrictEqual(s.devices, { 131: ['a', 'b'], 120: ['c'], none: ['d'] });
    assert.match(text, /\n {6}"a",\n {6}"b"\n/);
    assert.strictEqual(JSON.parse(text).format, SNAPSHOT_FORMAT);
    assert.strictEqual(JSON.parse(text).figures.activity.length, 5);
    assert.strictEqual(JSON.parse(text).totals.browsers, 4);
  });

  it('explains what is wrong with a file that is not a usable snapshot', () => {
    assert.throws(() => parseSnapshot('{'), /not JSON/);
    assert.throws(() => parseSnapshot('{"a":1}'), /not a fleet overview snapshot/);
    const good = JSON.parse(serializeSnapshot(snapshotOf([{ deviceId: 'a', browserVersions: v(1) }])));
    assert.throws(() => parseSnapshot(JSON.stringify({ ...good, version: 9 })), /format version 9/);
    assert.throws(() => parseSnapshot(JSON.stringify({ ...good, devices: { abc: ['x'] } })), /damaged \(devices of "abc"\)/);
    assert.throws(() => parseSnapshot(JSON.stringify({ ...good, devices: { 1: [3] } })), /damaged/);
    assert.throws(() => parseSnapshot(JSON.stringify({ ...good, scope: { kind: 'galaxy' } })), /damaged \(scope\)/);
    assert.throws(() => parseSnapshot(JSON.stringify({ ...good, figures: { versions: [{ label: 1 }] } })), /damaged \(figures\)/);
  });

  it('finds new, gone, upgraded and downgraded devices, and the figures that changed', () => {
    const before = snapshotOf([
      { deviceId: 'stay', browserVersions: v(130) },
      { deviceId: 'up', browserVersions: v(129) },
      { deviceId: 'down', browserVersions: v(131) },
      { deviceId: 'gone', browserVersions: v(128) },
      { deviceId: 'lost-version', browserVersions: v(128) },
    ]);
    const after = snapshotOf([
      { deviceId: 'stay', browserVersions: v(130) },
      { deviceId: 'up', browserVersions: v(131) },
      { deviceId: 'down', browserVersions: v(130) },
      { deviceId: 'new', browserVersions: v(131) },
      { deviceId: 'lost-version' },
    ]);
    const d = diffSnapshots(before, after);
    assert.deepStrictEqual(d.counts, { new: 1, gone: 1, upgraded: 1, downgraded: 1, unchanged: 2 });
    assert.deepStrictEqual(d.lists.new, [{ deviceId: 'new', to: 131 }]);
    assert.deepStrictEqual(d.lists.gone, [{ deviceId: 'gone', from: 128 }]);
    assert.deepStrictEqual(d.lists.upgraded, [{ deviceId: 'up', from: 129, to: 131 }]);
    assert.deepStrictEqual(d.lists.downgraded, [{ deviceId: 'down', from: 131, to: 130 }]);
    const versions = d.charts.find((c) => c.id === 'versions')!;
    assert.deepStrictEqual(
      versions.rows.find((r) => r.label === '131'),
      { label: '131', before: 1, after: 2 },
    );
    assert.deepStrictEqual(
      versions.rows.find((r) => r.label === '128'),
      { label: '128', before: 2, after: 0 },
    );
    assert.strictEqual(d.scopeMismatch, undefined);
  });

  it('caps the lists but not the counts, and flags a different scope', () => {
    const many = Array.from({ length: DIFF_LIST_CAP + 50 }, (_, i) => ({ deviceId: `n${String(i).padStart(4, '0')}`, browserVersions: v(1) }));
    const d = diffSnapshots(snapshotOf([], { kind: 'orgUnit', orgUnitPath: '/Sales' }), snapshotOf(many));
    assert.strictEqual(d.counts.new, DIFF_LIST_CAP + 50);
    assert.strictEqual(d.lists.new.length, DIFF_LIST_CAP);
    assert.strictEqual(d.lists.new[0].deviceId, 'n0000');
    assert.match(d.scopeMismatch ?? '', /org unit \/Sales.*whole account/);
  });

  it('stays compact: under 48 bytes per device (a 36-character id on its own line)', () => {
    const list = Array.from({ length: 5000 }, (_, i) => ({
      deviceId: `0a1b2c3d-0000-4000-8000-${String(i).padStart(12, '0')}`,
      browserVersions: v(100 + (i % 20)),
    }));
    const text = serializeSnapshot(snapshotOf(list));
    const perDevice = text.length / list.length;
    assert.ok(perDevice < 48, `${perDevice.toFixed(1)} bytes per device`);
  });
});
