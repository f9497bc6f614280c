// A ChromeBrowser shaped exactly as chrome-management-api-v1.md §4.1 and its December update describe it (the
// GoogleChromeManagementVersionsV1* JSON: camelCase, int64 as strings, renamed sub-fields), fed through the v1
// mapping: every documented field must reach the domain browser and the details model. Plugins carry
// `pluginName`, extension icons `uri`; proto3 JSON omits zero counters, which must read as 0, not "Not reported".
import * as assert from 'assert';
import { browserFromWire } from '../../src/api/chromeManagementWire';
import { annotationValuesOf } from '../../src/model/annotations';
import { buildDetailsModel } from '../../src/webview/details/detailsModel';

const policy = (policyName: string, source = 'MACHINE_PLATFORM') => ({ policyName, value: `"${policyName}-value"`, error: 'bad value', source });

/** Every field the reference lists, with a distinct value each. */
const WIRE = {
  name: 'customers/my_customer/chromeBrowsers/perm-1',
  browserPermanentId: 'perm-1',
  machineName: 'LAB-0001',
  annotatedUser: 'jdoe',
  annotatedLocation: 'Montreal',
  annotatedAssetId: 'A-1001',
  annotatedNotes: 'loaner',
  orgUnitId: '03ph8a2z3v',
  osPlatform: 'Windows',
  osArchitecture: 'x86_64',
  osVersion: '10.0.19045',
  osPlatformVersion: 'Windows 10',
  lastPolicyFetchTime: '2026-09-01T10:00:00Z',
  lastRegistrationTime: '2025-01-02T03:04:05.123Z',
  lastStatusReportTime: '2026-09-02T10:00:00.123456Z',
  lastActivityTime: '2026-09-03T10:00:00.123456789Z',
  omahaRecentFetchTime: '2026-09-04T10:00:00Z',
  extensionCount: '7',
  policyCount: '12',
  lastDeviceUser: 'jdoe',
  lastDeviceUsers: [{ userName: 'jdoe', lastStatusReportTime: '2026-09-02T10:00:00Z' }],
  browserVersions: ['131.0.6778.86', '132.0.6834.15'],
  browsers: [
    {
      browserVersion: '131.0.6778.86',
      channel: 'CHANNEL_BETA',
      executablePath: 'C:\\Program Files\\Google\\Chrome\\Application',
      lastPolicyFetchTime: '2026-09-01T09:00:00Z',
      lastStatusReportTime: '2026-09-02T09:00:00Z',
      pendingInstallVersion: '132.0.6834.15',
      plugins: [{ pluginName: 'Chrome PDF Viewer', description: 'Portable Document Format', filename: 'internal-pdf-viewer' }],
      profiles: [
        {
          id: 'Default',
          profileName: 'Work',
          chromeSignedInUserEmail: 'jdoe@example.com',
          lastPolicyFetchTime: '2026-09-01T08:00:00Z',
          lastStatusReportTime: '2026-09-02T08:00:00Z',
          safeBrowsingWarnings: '5',
          safeBrowsingWarningsClickThroughs: '2',
          safeBrowsingWarningsResetTime: '2026-08-01T00:00:00Z',
          extensions: [
            {
              extensionId: 'ext-a',
              extensionName: 'Alpha',
              version: '1.2.3',
              description: 'Alpha extension',
              appType: 'EXTENSION',
              installType: 'ADMIN',
              configuredAppPolicy: 'CONFIGURED_APP_POLICY_SHOULD_FORCE',
              disabled: true,
              homepageUri: 'https://alpha.example.com/',
              icons: [{ size: 128, uri: 'https://alpha.example.com/icon128.png' }],
              manifestVersion: 3,
              permissions: ['tabs', 'storage'],
            },
          ],
          extensionPolicies: [{ extensionId: 'ext-a', extensionName: 'Alpha', policies: [policy('AlphaMode', 'USER_CLOUD')] }],
          userPolicies: [policy('HomepageLocation', 'USER_CLOUD')],
        },
      ],
    },
  ],
  machinePolicies: [policy('BrowserSignin')],
  machineExtensionPolicies: [{ extensionId: 'ext-b', extensionName: 'Beta', policies: [policy('BetaMode', 'MACHINE_MERGED')] }],
  serialNumber: 'SN-42',
  virtualDeviceId: 'vd-1',
  deviceIdentifiersHistory: {
    deviceIdCollision: true,
    lastDeviceIdCollisionDetectionTime: '2026-07-01T00:00:00Z',
    records: [
      {
        identifiers: { machineName: 'LAB-0001', serialNumber: 'SN-42' },
        firstRecordTime: '2025-01-02T03:04:05Z',
        lastActivityTime: '2026-09-03T10:00:00Z',
      },
    ],
  },
  attestationCredential: { keyType: 'RSA', keyTrustLevel: 'CHROME_BROWSER_OS_KEY', publicKeyPem: 'PEM', keyRotationTime: '2026-06-01T00:00:00Z' },
};

const OU_PATH = '/Sales/EMEA';
const pathOf = (id: string) => (id === '03ph8a2z3v' ? OU_PATH : undefined);

describe('Chrome Management API v1 browser mapping: a response shaped as the reference documents it', () => {
  const b = browserFromWire(WIRE, pathOf, 'FULL');
  const install = b.browsers?.[0];
  const profile = install?.profiles?.[0];
  const ext = profile?.extensions?.[0];

  it('keeps every top-level field', () => {
    assert.strictEqual(b.deviceId, 'perm-1');
    assert.strictEqual(b.orgUnitPath, OU_PATH);
    for (const f of [
      'machineName',
      'annotatedUser',
      'annotatedLocation',
      'annotatedAssetId',
      'annotatedNotes',
      'osPlatform',
      'osArchitecture',
      'osVersion',
      'osPlatformVersion',
      'lastPolicyFetchTime',
      'lastRegistrationTime',
      'lastStatusReportTime',
      'lastActivityTime',
      'omahaRecentFetchTime',
      'lastDeviceUser',
      'serialNumber',
      'virtualDeviceId',
    ] as const) {
      assert.strictEqual(b[f], WIRE[f], f);
    }
    assert.strictEqual(b.extensionCount, 7);
    assert.strictEqual(b.policyCount, 12);
    assert.deepStrictEqual(b.browserVersions, WIRE.browserVersions);
    assert.deepStrictEqual(b.lastDeviceUsers, WIRE.lastDeviceUsers);
    assert.deepStrictEqual(b.attestationCredential, WIRE.attestationCredential);
  });

  it('keeps machine policies and machine-level extension policies (policyName → name)', () => {
    assert.deepStrictEqual(b.machinePolicies, [
      { name: 'BrowserSignin', value: '"BrowserSignin-value"', error: 'bad value', source: 'MACHINE_PLATFORM' },
    ]);
    assert.deepStrictEqual(b.machineExtensionPolicies, [
      {
        extensionId: 'ext-b',
        extensionName: 'Beta',
        policies: [{ name: 'BetaMode', value: '"BetaMode-value"', error: 'bad value', source: 'MACHINE_MERGED' }],
      },
    ]);
  });

  it("keeps every install field, and a plugin's pluginName", () => {
    assert.deepStrictEqual(
      { ...install, profiles: undefined },
      {
        browserVersion: '131.0.6778.86',
        channel: 'beta',
        executablePath: WIRE.browsers[0].executablePath,
        lastPolicyFetchTime: '2026-09-01T09:00:00Z',
        lastStatusReportTime: '2026-09-02T09:00:00Z',
        installedBrowserVersion: '132.0.6834.15',
        plugins: [{ name: 'Chrome PDF Viewer', description: 'Portable Document Format', fileName: 'internal-pdf-viewer' }],
        profiles: undefined,
      },
    );
  });

  it('keeps every profile field', () => {
    assert.deepStrictEqual(
      { ...profile, extensions: undefined },
      {
        id: 'Default',
        name: 'Work',
        chromeSignedinUserEmail: 'jdoe@example.com',
        lastPolicyFetchTime: '2026-09-01T08:00:00Z',
        lastStatusReportTime: '2026-09-02T08:00:00Z',
        safeBrowsingWarnings: 5,
        safeBrowsingWarningsClickThrough: 2,
        safeBrowsingWarningsResetTime: '2026-08-01T00:00:00Z',
        extensions: undefined,
        extensionPolicies: [
          {
            extensionId: 'ext-a',
            extensionName: 'Alpha',
            policies: [{ name: 'AlphaMode', value: '"AlphaMode-value"', error: 'bad value', source: 'USER_CLOUD' }],
          },
        ],
        userPolicies: [{ name: 'HomepageLocation', value: '"HomepageLocation-value"', error: 'bad value', source: 'USER_CLOUD' }],
      },
    );
  });

  it("keeps every extension field, and an icon's uri", () => {
    assert.deepStrictEqual(ext, {
      extensionId: 'ext-a',
      name: 'Alpha',
      version: '1.2.3',
      description: 'Alpha extension',
      appType: 'EXTENSION',
      installType: 'ADMIN',
      configuredAppPolicy: 'CONFIGURED_APP_POLICY_SHOULD_FORCE',
      disabled: true,
      homepageUrl: 'https://alpha.example.com/',
      icons: [{ size: 128, url: 'https://alpha.example.com/icon128.png' }],
      manifestVersion: 3,
      permissions: ['tabs', 'storage'],
    });
  });

  it('keeps the device identifiers history', () => {
    assert.deepStrictEqual(b.deviceIdentifiersHistory, {
      has_device_id_collision: 'true',
      lastDeviceIdCollisionDetectionTime: '2026-07-01T00:00:00Z',
      records: [
        {
          identifiers: { machineName: 'LAB-0001', serialNumber: 'SN-42' },
          firstRecordTime: '2025-01-02T03:04:05Z',
          lastActivityTime: '2026-09-03T10:00:00Z',
        },
      ],
    });
  });

  it('reaches the details panel model', () => {
    const m = buildDetailsModel(b, Date.parse('2026-09-05T00:00:00Z'));
    const overview = new Map(m.overview.map((f) => [f.label, f.value ?? f.time?.iso]));
    assert.strictEqual(overview.get('Machine name'), 'LAB-0001');
    assert.strictEqual(overview.get('Organizational unit'), OU_PATH);
    assert.strictEqual(overview.get('Serial number'), 'SN-42');
    assert.strictEqual(overview.get('Virtual device ID'), 'vd-1');
    assert.strictEqual(overview.get('Last activity'), WIRE.lastActivityTime);
    assert.strictEqual(m.installs[0].plugins[0].name, 'Chrome PDF Viewer');
    assert.strictEqual(m.installs[0].plugins[0].fileName, 'internal-pdf-viewer');
    const p = m.installs[0].profiles[0];
    const pf = new Map(p.fields.map((f) => [f.label, f.value ?? f.time?.iso]));
    assert.strictEqual(pf.get('Safe Browsing warnings'), '5');
    assert.strictEqual(pf.get('Safe Browsing click-throughs'), '2');
    assert.strictEqual(p.extensions[0].name, 'Alpha');
    assert.strictEqual(p.extensions[0].homepageUrl, 'https://alpha.example.com/');
    assert.deepStrictEqual(p.extensions[0].permissions, ['tabs', 'storage']);
    assert.strictEqual(p.extensionPolicies[0].policies[0].name, 'AlphaMode');
    assert.strictEqual(m.machinePolicies[0].name, 'BrowserSignin');
    assert.deepStrictEqual(
      m.machineExtensionPolicies.map((ep) => [ep.extensionName, ep.policies.map((p) => p.name)]),
      [['Beta', ['BetaMode']]],
    );
    assert.strictEqual(m.policyTotal, 4, 'machine, machine extension, user and extension policies are all listed');
    assert.strictEqual(m.deviceIdCollision, true);
    assert.strictEqual(m.identifierHistory[0].serialNumber, 'SN-42');
    assert.strictEqual(m.deviceUsers[0].userName, 'jdoe');
  });
});

/** Every leaf of a JSON value with its path (`browsers.0.profiles.0.id`); an empty array or object is no leaf. */
function leaves(v: unknown, path = ''): [path: string, value: string | number | boolean][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}.${i}`));
  if (typeof v === 'object' && v !== null) return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [[path.replace(/^\./, ''), v as string | number | boolean]];
}

const isTime = (path: string) => /(Time|TimeStamp)$/.test(path);
/** Kept as they are: the mapping reads their meaning (enum, id → path, the resource name of the id). */
const KEEP = new Set(['name', 'browserPermanentId', 'orgUnitId', 'browsers.0.channel']);

/**
 * WIRE with a value no other leaf has in every leaf that the mapping carries as it is, so that finding a value
 * in the details model proves that this very field reached it. Times are distinct already; URLs stay URLs.
 */
function uniquified(): typeof WIRE {
  let n = 0;
  const walk = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}.${i}`));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, path ? `${path}.${k}` : k)]));
    const p = path.replace(/^\./, '');
    if (KEEP.has(p) || isTime(p) || typeof v === 'boolean') return v;
    n++;
    if (typeof v === 'number') return 90_000 + n;
    if (/^\d+$/.test(String(v))) return String(90_000 + n); // int64 as a string
    if (/^https:/.test(String(v))) return `${String(v)}?u=${n}`;
    return `${String(v)}~u${n}`;
  };
  return walk(WIRE, '') as typeof WIRE;
}

/** Every string the details panel is given for a browser: its model, and the annotation form's values. */
function panelStrings(wire: typeof WIRE): string[] {
  const b = browserFromWire(wire, pathOf, 'FULL');
  const m = buildDetailsModel(b, Date.parse('2026-09-05T00:00:00Z'));
  return [...leaves(m), ...leaves(annotationValuesOf(b))].map(([, v]) => String(v));
}

describe('Chrome Management API v1: every field of the reference reaches the details panel (issue 13)', () => {
  const wire = uniquified();
  const strings = panelStrings(wire);
  const b = browserFromWire(wire, pathOf, 'FULL');
  const m = buildDetailsModel(b, Date.parse('2026-09-05T00:00:00Z'));

  /** Leaves whose meaning, not their text, reaches the panel: what each becomes there. */
  const TRANSLATED: Record<string, () => void> = {
    name: () => assert.ok(wire.name.endsWith(`/${m.deviceId}`), 'the resource name names the browser the panel shows'),
    orgUnitId: () => assert.ok(strings.includes(OU_PATH), 'the org unit id is shown as its path'),
    'browsers.0.channel': () => assert.ok(strings.includes('beta'), 'CHANNEL_BETA'),
    'browsers.0.profiles.0.extensions.0.disabled': () => assert.strictEqual(m.installs[0].profiles[0].extensions[0].disabled, true),
    'deviceIdentifiersHistory.deviceIdCollision': () => assert.strictEqual(m.deviceIdCollision, true),
  };

  const documented = leaves(wire);
  it('walks the whole documented response', () => {
    assert.ok(documented.length >= 80, `${documented.length} leaves`);
  });

  for (const [path, value] of documented) {
    it(path, () => {
      const translated = TRANSLATED[path];
      if (translated) return translated();
      assert.notStrictEqual(typeof value, 'boolean', `${path}: a boolean needs its own check in TRANSLATED`);
      const text = String(value);
      // A counter the model shows beside the listed count ("90017 (1 extension listed below)").
      const found = strings.some((s) => s === text || s.startsWith(`${text} (`) || s.split(', ').includes(text));
      assert.ok(found, `${path} = ${JSON.stringify(value)} does not reach the details panel`);
    });
  }
});

describe('Chrome Management API v1 counters: proto3 JSON omits zero (issue 20 item 13)', () => {
  const zeroed = { browserPermanentId: 'perm-0', browsers: [{ profiles: [{ id: 'Default', profileName: 'Work' }] }] };

  it('absent counts read as 0 in the mapped browser', () => {
    const b = browserFromWire(zeroed, () => undefined, 'FULL');
    assert.strictEqual(b.extensionCount, 0);
    assert.strictEqual(b.policyCount, 0);
    const p = b.browsers?.[0].profiles?.[0];
    assert.strictEqual(p?.safeBrowsingWarnings, 0);
    assert.strictEqual(p?.safeBrowsingWarningsClickThrough, 0);
  });

  it('a BASIC row (fields mask asks for both counts) reads 0 too', () => {
    const b = browserFromWire({ browserPermanentId: 'perm-0' }, () => undefined, 'BASIC');
    assert.strictEqual(b.extensionCount, 0);
    assert.strictEqual(b.policyCount, 0);
  });

  it('the details panel shows 0, not "Not reported"', () => {
    const m = buildDetailsModel(browserFromWire(zeroed, () => undefined, 'FULL'));
    const pf = new Map(m.installs[0].profiles[0].fields.map((f) => [f.label, f.value]));
    assert.strictEqual(pf.get('Safe Browsing click-throughs'), '0');
    assert.strictEqual(pf.get('Safe Browsing warnings'), '0');
    assert.strictEqual(m.overview.find((f) => f.label.startsWith('Extensions'))?.value, '0');
    assert.strictEqual(m.overview.find((f) => f.label.startsWith('Policies'))?.value, '0');
  });

  it('a counter of the wrong type is still not invented', () => {
    const b = browserFromWire(
      { browserPermanentId: 'x', extensionCount: 'many', browsers: [{ profiles: [{ safeBrowsingWarningsClickThroughs: {} }] }] },
      () => undefined,
      'FULL',
    );
    assert.strictEqual(b.extensionCount, undefined);
    assert.strictEqual(b.browsers?.[0].profiles?.[0].safeBrowsingWarningsClickThrough, undefined);
  });
});
