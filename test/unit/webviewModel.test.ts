import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { benchPanelModel } from '../../bench/webview.bench';
import { HOSTILE_STRINGS, makeHostileBrowser, makeLargeBrowser } from '../../bench/webviewFixtures';
import type { ChromeBrowser } from '../../src/api/types';
import {
  buildDetailsModel,
  hasBidiControls,
  REPORTED_EXTENSIONS_LABEL,
  REPORTED_POLICIES_LABEL,
  timeText,
} from '../../src/webview/details/detailsModel';
import { relativeTime } from '../../src/util/relativeTime';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

describe('details model', () => {
  it('organises a FULL device: overview, installs, profiles, policies, users, history', () => {
    const m = buildDetailsModel(makeLargeBrowser('d-1', 50, 300), NOW);
    assert.strictEqual(m.title, 'BENCH-PC-01');
    assert.strictEqual(m.extensionTotal, 50);
    assert.strictEqual(m.policyTotal, 300);
    assert.strictEqual(m.installs.length, 1);
    assert.strictEqual(m.installs[0].profiles[0].extensions.length, 50);
    assert.strictEqual(m.machinePolicies.length, 150);
    assert.strictEqual(m.machinePolicyErrors, 6); // every 25th of 150
    assert.strictEqual(m.deviceIdCollision, false);
    const ou = m.overview.find((f) => f.label === 'Organizational unit');
    assert.strictEqual(ou?.value, '/Engineering/Laptops');
    const activity = m.overview.find((f) => f.label === 'Last activity');
    assert.strictEqual(activity?.time?.iso, '2026-11-20T10:00:00.000Z');
    assert.match(activity?.time?.relative ?? '', /5 days ago/);
  });

  it('says which policy figure is which: the header counts what is listed, the overview what Chrome reported', () => {
    // 25 listed (20 machine + 5 user policies), 22 reported by Chrome: the two figures an admin saw side by side.
    const listed = makeLargeBrowser('d-2', 3, 40); // 20 machine policies
    const profile = listed.browsers![0].profiles![0];
    profile.userPolicies = Array.from({ length: 5 }, (_, i) => ({ name: `UserPolicy${i}`, value: 'true', source: 'USER_CLOUD' }));
    profile.extensionPolicies = [];
    listed.machinePolicies = listed.machinePolicies!.slice(0, 20);
    const m = buildDetailsModel({ ...listed, policyCount: 22, extensionCount: 3 }, NOW);
    assert.strictEqual(m.policyTotal, 25);
    assert.strictEqual(m.summary, '3 extensions · 25 policies listed below');
    assert.strictEqual(m.overview.find((f) => f.label === REPORTED_POLICIES_LABEL)?.value, '22 (25 policies listed below)');
    // Equal figures need no explanation; singulars read as such.
    assert.strictEqual(m.overview.find((f) => f.label === REPORTED_EXTENSIONS_LABEL)?.value, '3');
    const one = buildDetailsModel({ deviceId: 'one', machinePolicies: [{ name: 'P' }], policyCount: 1 }, NOW);
    assert.strictEqual(one.summary, '0 extensions · 1 policy listed below');
    assert.strictEqual(one.overview.find((f) => f.label === REPORTED_POLICIES_LABEL)?.value, '1');
    assert.ok(!m.overview.some((f) => /reported count/.test(f.label)), 'no label leaves open which count it is');
  });

  it('raises a warning badge with an icon and words for policy errors and device-id collisions', () => {
    const m = buildDetailsModel(makeLargeBrowser('d-3', 1, 300), NOW);
    assert.deepStrictEqual(
      m.badges.map((b) => [b.tone, b.icon, b.text]),
      [['warning', 'warning', '6 policy errors']],
    );
    assert.match(m.badges[0].detail, /Machine policies/);
    const single = buildDetailsModel({ deviceId: 's', machinePolicies: [{ name: 'P', error: 'bad' }] }, NOW);
    assert.deepStrictEqual(
      single.badges.map((b) => b.text),
      ['1 policy error'],
    );
    const clean = buildDetailsModel({ deviceId: 'c', machinePolicies: [{ name: 'P' }] }, NOW);
    assert.deepStrictEqual(clean.badges, []);
  });

  it('shows missing data as absent, not as an error', () => {
    const m = buildDetailsModel({ deviceId: 'bare' }, NOW);
    assert.strictEqual(m.title, 'bare');
    assert.deepStrictEqual(m.installs, []);
    assert.deepStrictEqual(m.machinePolicies, []);
    assert.deepStrictEqual(m.identifierHistory, []);
    const machine = m.overview.find((f) => f.label === 'Machine name')!;
    assert.strictEqual(machine.value, undefined);
    assert.strictEqual(machine.time, undefined);
  });

  it('survives fields of the wrong type from a misbehaving machine', () => {
    const weird = {
      deviceId: 'w',
      machineName: 42,
      browsers: 'not an array',
      machinePolicies: [null, 7, { name: ['x'], value: { a: 1 } }],
      lastDeviceUsers: { userName: 'x' },
      deviceIdentifiersHistory: 'yes',
      extensionCount: '12',
      lastActivityTime: 'yesterday',
    } as unknown as ChromeBrowser;
    const m = buildDetailsModel(weird, NOW);
    assert.strictEqual(m.title, '42');
    assert.deepStrictEqual(m.installs, []);
    assert.strictEqual(m.machinePolicies.length, 3);
    assert.strictEqual(m.machinePolicies[2].name, undefined);
    assert.deepStrictEqual(m.deviceUsers, []);
    assert.strictEqual(m.overview.find((f) => f.label === REPORTED_EXTENSIONS_LABEL)?.value, '12 (0 extensions listed below)');
    assert.deepStrictEqual(m.overview.find((f) => f.label === 'Last activity')?.time, {
      iso: 'yesterday',
      absolute: 'yesterday',
      relative: 'not a valid time',
    });
  });

  it('keeps hostile text verbatim (the renderer puts it in textContent) and flags direction overrides', () => {
    const m = buildDetailsModel(makeHostileBrowser(), NOW);
    assert.ok(m.title.includes(HOSTILE_STRINGS.script));
    assert.ok(m.title.includes(HOSTILE_STRINGS.img));
    assert.strictEqual(m.deviceIdCollision, true);
    assert.ok(hasBidiControls(m.title));
    assert.ok(!hasBidiControls('plain تل Hebrew עברית'));
    const ext = m.installs[0].profiles[0].extensions[0];
    assert.strictEqual(ext.homepageUrl, HOSTILE_STRINGS.js);
  });

  it('builds lower-case search keys over names, values and permissions', () => {
    const m = buildDetailsModel(makeLargeBrowser(), NOW);
    const ext = m.installs[0].profiles[0].extensions[7];
    assert.ok(ext.search.includes('extension 7'));
    assert.ok(ext.search.includes('https://site7.example.test/*'));
    assert.ok(m.machinePolicies[0].search.includes('machinepolicy0'));
  });

  it('formats times absolute and relative', () => {
    assert.strictEqual(relativeTime(new Date(NOW - 3 * 3600_000).toISOString(), NOW), '3 hours ago');
    assert.strictEqual(relativeTime(new Date(NOW + 2 * 86_400_000).toISOString(), NOW), 'in 2 days');
    assert.strictEqual(timeText(undefined, NOW), undefined);
    assert.strictEqual(timeText('', NOW), undefined);
    assert.ok(timeText('2026-11-25T11:59:30Z', NOW)!.absolute.includes('2026'));
  });

  // Its speed is measured by `npm run bench` (bench/webview.bench.ts), not asserted here.
  it("builds the model for 50 extensions and 300 policies (the benchmark's fixture)", () => {
    const r = benchPanelModel(1);
    assert.strictEqual(r.extensions, 50);
    assert.strictEqual(r.policies, 300);
  });
});

describe('webview scripts never parse device data as HTML', () => {
  const dir = path.join(__dirname, '..', '..', 'media', 'src');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    it(`${file} uses no HTML sinks`, () => {
      const src = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const sink of [
        'innerHTML',
        'outerHTML',
        'insertAdjacentHTML',
        'document.write',
        'createContextualFragment',
        'DOMParser',
        'eval(',
        'new Function',
      ]) {
        assert.ok(!src.includes(sink), `${file} must not use ${sink}`);
      }
    });
  }
});
