// The details model of one small, hand-written FULL device, compared field by field with what the panel must show
// (every label, value, fallback title and count), so no section, label or fallback can change unnoticed.
import * as assert from 'assert';
import type { ChromeBrowser } from '../../src/api/types';
import { buildDetailsModel, hasBidiControls, timeText } from '../../src/webview/details/detailsModel';
import { relativeTime } from '../../src/util/relativeTime';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const T = '2026-11-24T12:00:00.000Z'; // one day before NOW

const DEVICE = {
  deviceId: 'dev-1',
  machineName: 'PC-1',
  orgUnitPath: '/IT',
  serialNumber: 'SN1',
  osPlatform: 'Windows',
  osPlatformVersion: '10.0',
  osVersion: '10.0.19045',
  osArchitecture: 'x86_64',
  browserVersions: ['131.0.1', '', '130.0.2'],
  lastDeviceUser: 'jane',
  extensionCount: 2,
  policyCount: '4',
  safeBrowsingClickThroughCount: 0,
  lastActivityTime: T,
  virtualDeviceId: 'v-1',
  browsers: [
    {
      browserVersion: '131.0.1',
      channel: 'STABLE',
      executablePath: 'C:\\chrome.exe',
      installedBrowserVersion: '132.0.0',
      lastStatusReportTime: T,
      plugins: [{ name: 'PDF', description: 'Viewer', fileame: 'pdf.dll' }, { fileName: 'a.dll' }, { filename: 'b.dll' }, {}],
      profiles: [
        {
          name: 'Work',
          id: 'p1',
          chromeSignedinUserEmail: 'jane@example.test',
          safeBrowsingWarnings: 3,
          safeBrowsingWarningsClickThrough: '1',
          extensions: [
            {
              name: 'Ext A',
              extensionId: 'aaa',
              version: '1.0',
              installType: 'ADMIN',
              appType: 'EXTENSION',
              description: 'Does A',
              homepageUrl: 'https://a.test',
              configuredAppPolicy: '{}',
              disabled: true,
              permissions: ['tabs', 7, 'storage'],
            },
            { extensionId: 'bbb' },
          ],
          userPolicies: [{ name: 'UP', value: 'on', source: 'USER_CLOUD' }],
          extensionPolicies: [{ extensionId: 'aaa', extensionName: 'Ext A', policies: [{ name: 'EP', value: '1' }] }],
        },
        { chromeSignedinUserEmail: 'bob@example.test' },
        { id: 'p3' },
        {},
      ],
    },
    { browserVersion: '130.0.2', installedBrowserVersion: '130.0.2' },
    { channel: 'BETA' },
  ],
  machinePolicies: [
    { name: 'MP', value: 'x', source: 'MACHINE', error: 'Bad value' },
    { name: 'MP2', value: 'y' },
  ],
  machineExtensionPolicies: [{ extensionId: 'ccc', policies: [{ name: 'MEP', value: 'z' }] }],
  lastDeviceUsers: [{ userName: 'jane', lastStatusReportTime: T }, { userName: 'bob' }, {}],
  deviceIdentifiersHistory: {
    records: [
      { identifiers: { machineName: 'PC-1', serialNumber: 'SN1' }, firstRecordTime: T, lastActivityTime: T },
      { identifiers: { machineName: 'PC-OLD' } },
    ],
    has_device_id_collision: 'true',
  },
} as unknown as ChromeBrowser;

describe('details model: one device, every field (hand-written expectations)', () => {
  // Built inside each test, not when the suite is declared: Stryker activates a mutant for the test that runs, so a
  // model built at load time would come from the unmutated code and no test could kill anything in it.
  const model = () => buildDetailsModel(DEVICE, NOW);
  const values = (fields: { label: string; value?: string; time?: { relative: string } }[]) =>
    fields.map((f) => [f.label, f.value ?? f.time?.relative]);

  it('the overview: labels in order, values, reported totals beside the listed ones', () => {
    const m = model();
    assert.deepStrictEqual(values(m.overview), [
      ['Machine name', 'PC-1'],
      ['Organizational unit', '/IT'],
      ['Device ID', 'dev-1'],
      ['Serial number', 'SN1'],
      ['OS platform', 'Windows'],
      ['OS platform version', '10.0'],
      ['OS version', '10.0.19045'],
      ['OS architecture', 'x86_64'],
      ['Chrome versions', '131.0.1, 130.0.2'],
      ['Last device user', 'jane'],
      ['Extensions (total reported by Chrome)', '2'],
      ['Policies (total reported by Chrome)', '4 (5 policies listed below)'],
      ['Safe Browsing click-throughs', '0'],
      ['Last activity', 'yesterday'],
      ['Registered', undefined],
      ['Last policy fetch', undefined],
      ['Last status report', undefined],
      ['Virtual device ID', 'v-1'],
    ]);
    assert.strictEqual(m.title, 'PC-1');
    assert.strictEqual(m.deviceId, 'dev-1');
  });

  it('counts what is listed: extensions of every profile, policies of every kind', () => {
    const m = model();
    assert.strictEqual(m.extensionTotal, 2);
    assert.strictEqual(m.policyTotal, 5); // 2 machine + 1 machine extension + 1 user + 1 extension policy
    assert.strictEqual(m.summary, '2 extensions · 5 policies listed below');
    assert.strictEqual(m.machinePolicyErrors, 1);
    assert.deepStrictEqual(
      m.badges.map((b) => b.text),
      ['Device ID collision', '1 policy error'],
    );
    assert.match(m.badges[0].detail, /Identifier history/);
    assert.strictEqual(m.deviceIdCollision, true);
  });

  it('installs: titles with version and channel, fallbacks, the pending update only when it differs', () => {
    const m = model();
    assert.deepStrictEqual(
      m.installs.map((i) => i.title),
      ['131.0.1 · STABLE', '130.0.2', 'Install 3 · BETA'],
    );
    assert.deepStrictEqual(values(m.installs[0].fields), [
      ['Version', '131.0.1'],
      ['Channel', 'STABLE'],
      ['Executable path', 'C:\\chrome.exe'],
      ['Installed version (after restart)', '132.0.0'],
      ['Last status report', 'yesterday'],
      ['Last policy fetch', undefined],
    ]);
    assert.strictEqual(m.installs[1].fields[3].value, undefined, 'same version: no pending update');
    assert.deepStrictEqual(m.installs[0].plugins, [
      { name: 'PDF', description: 'Viewer', fileName: 'pdf.dll' },
      { fileName: 'a.dll' },
      { fileName: 'b.dll' },
      {},
    ]);
  });

  it('profiles: title from name, else e-mail, else id, else its number; every field', () => {
    const m = model();
    const profiles = m.installs[0].profiles;
    assert.deepStrictEqual(
      profiles.map((p) => p.title),
      ['Work', 'bob@example.test', 'p3', 'Profile 4'],
    );
    assert.deepStrictEqual(values(profiles[0].fields), [
      ['Profile name', 'Work'],
      ['Profile ID', 'p1'],
      ['Signed-in user', 'jane@example.test'],
      ['Last status report', undefined],
      ['Last policy fetch', undefined],
      ['Safe Browsing warnings', '3'],
      ['Safe Browsing click-throughs', '1'],
      ['Safe Browsing counters reset', undefined],
    ]);
    assert.deepStrictEqual(profiles[0].extensions, [
      {
        name: 'Ext A',
        extensionId: 'aaa',
        version: '1.0',
        installType: 'ADMIN',
        appType: 'EXTENSION',
        description: 'Does A',
        homepageUrl: 'https://a.test',
        configuredAppPolicy: '{}',
        disabled: true,
        permissions: ['tabs', '7', 'storage'],
        search: ['ext a', 'aaa', '1.0', 'admin', 'extension', 'tabs', '7', 'storage'].join('\u0000'),
      },
      { extensionId: 'bbb', disabled: false, permissions: [], search: 'bbb' },
    ]);
    assert.deepStrictEqual(profiles[0].userPolicies, [{ name: 'UP', value: 'on', source: 'USER_CLOUD', search: 'up\u0000on\u0000user_cloud' }]);
    assert.deepStrictEqual(profiles[0].extensionPolicies, [
      { extensionId: 'aaa', extensionName: 'Ext A', policies: [{ name: 'EP', value: '1', search: 'ep\u00001' }] },
    ]);
    assert.deepStrictEqual(profiles[3].extensions, []);
  });

  it('machine policies, machine extension policies, device users and identifier history', () => {
    const m = model();
    assert.deepStrictEqual(m.machinePolicies, [
      { name: 'MP', value: 'x', source: 'MACHINE', error: 'Bad value', search: 'mp\u0000x\u0000machine\u0000bad value' },
      { name: 'MP2', value: 'y', search: 'mp2\u0000y' },
    ]);
    assert.deepStrictEqual(m.machineExtensionPolicies, [{ extensionId: 'ccc', policies: [{ name: 'MEP', value: 'z', search: 'mep\u0000z' }] }]);
    assert.deepStrictEqual(
      m.deviceUsers.map((u) => [u.userName, u.lastStatusReport?.relative]),
      [
        ['jane', 'yesterday'],
        ['bob', undefined],
        [undefined, undefined],
      ],
    );
    assert.deepStrictEqual(m.deviceUsers[2], {});
    assert.deepStrictEqual(
      m.identifierHistory.map((r) => [r.machineName, r.serialNumber, r.firstRecord?.relative, r.lastActivity?.relative]),
      [
        ['PC-1', 'SN1', 'yesterday', 'yesterday'],
        ['PC-OLD', undefined, undefined, undefined],
      ],
    );
    assert.deepStrictEqual(m.identifierHistory[1], { machineName: 'PC-OLD' });
  });

  it('readers: empty text, non-finite and non-integer numbers are absent', () => {
    const odd = buildDetailsModel(
      {
        deviceId: 'o',
        machineName: '',
        extensionCount: Number.NaN,
        policyCount: '1.5',
        safeBrowsingClickThroughCount: '-3',
        serialNumber: 12,
      } as unknown as ChromeBrowser,
      NOW,
    );
    const v = Object.fromEntries(values(odd.overview));
    assert.strictEqual(odd.title, 'o');
    assert.strictEqual(v['Machine name'], undefined);
    assert.strictEqual(v['Extensions (total reported by Chrome)'], undefined);
    assert.strictEqual(v['Policies (total reported by Chrome)'], undefined);
    assert.strictEqual(v['Safe Browsing click-throughs'], '-3');
    assert.strictEqual(v['Serial number'], '12');
    assert.strictEqual(v['Chrome versions'], undefined);
    assert.strictEqual(odd.summary, '0 extensions · 0 policies listed below');
    const one = buildDetailsModel({ deviceId: 'x', extensionCount: 5, browsers: [{ profiles: [{ extensions: [{ name: 'only' }] }] }] }, NOW);
    assert.strictEqual(Object.fromEntries(values(one.overview))['Extensions (total reported by Chrome)'], '5 (1 extension listed below)');
    assert.strictEqual(one.summary, '1 extension · 0 policies listed below');
  });

  it('leaves an absent value out rather than setting it to undefined, and reads no wrong type as a value', () => {
    const m = buildDetailsModel(
      {
        deviceId: 'z',
        policyCount: 3,
        serialNumber: Number.NaN,
        orgUnitPath: {},
        safeBrowsingClickThroughCount: 'many',
        machinePolicies: [{ error: 'E' }],
        machineExtensionPolicies: [{ extensionName: 'N', policies: [] }],
        browsers: [{ profiles: [{ extensions: [{ permissions: [null, 'a'] }] }] }],
        deviceIdentifiersHistory: { records: [{ identifiers: { serialNumber: 'S' } }] },
      } as unknown as ChromeBrowser,
      NOW,
    );
    const byLabel = (label: string) => m.overview.find((f) => f.label === label);
    for (const label of ['Machine name', 'Serial number', 'Organizational unit', 'Safe Browsing click-throughs', 'Registered'])
      assert.deepStrictEqual(byLabel(label), { label });
    assert.deepStrictEqual(byLabel('Policies (total reported by Chrome)'), {
      label: 'Policies (total reported by Chrome)',
      value: '3 (1 policy listed below)',
    });
    assert.deepStrictEqual(m.machinePolicies, [{ error: 'E', search: 'e' }]);
    assert.deepStrictEqual(m.machineExtensionPolicies, [{ extensionName: 'N', policies: [] }]);
    assert.deepStrictEqual(m.installs[0].profiles[0].extensions[0].permissions, ['a']);
    assert.deepStrictEqual(m.identifierHistory, [{ serialNumber: 'S' }]);
  });

  it('relative times in every unit, past and future', () => {
    const H = 3600_000,
      D = 24 * H;
    const cases: [number, string][] = [
      [-2 * 365 * D, '2 years ago'],
      [-60 * D, '2 months ago'],
      [-14 * D, '2 weeks ago'],
      [-D, 'yesterday'],
      [-2 * H, '2 hours ago'],
      [-5 * 60_000, '5 minutes ago'],
      [-30_000, 'just now'],
      [0, 'just now'],
      [3 * D, 'in 3 days'],
      [365 * D, 'next year'],
    ];
    for (const [delta, text] of cases) assert.strictEqual(relativeTime(new Date(NOW + delta).toISOString(), NOW), text, String(delta));
    assert.deepStrictEqual(timeText(17, NOW)?.relative, 'not a valid time');
    assert.strictEqual(timeText(null, NOW), undefined);
  });

  it('flags every bidirectional control character, and nothing else', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']) {
      assert.ok(hasBidiControls(`a${c}b`), c.codePointAt(0)!.toString(16));
    }
    for (const c of ['\u2029', '\u202f', '\u2065', '\u206a', '\u200d', '\u061b'])
      assert.ok(!hasBidiControls(`a${c}b`), c.codePointAt(0)!.toString(16));
  });
});
