// Devices for the details-panel benchmark and tests: a large one (many extensions and policies) and a
// hostile one (markup, script URLs and direction overrides in every text field).
import type { BrowserExtension, ChromeBrowser, Policy } from '../src/api/types';

/** One string per attack the panel must render as inert text. */
export const HOSTILE_STRINGS = {
  script: '<script>window.__pwned = 1</script>',
  img: '"><img src=x onerror="window.__pwned=2">',
  js: 'javascript:window.__pwned=3',
  rlo: 'invoice\u202Egpj.exe',
  style: '<style>body{display:none}</style>',
  long: 'W'.repeat(3000),
};

export function hostileText(label: string): string {
  return `${label} ${HOSTILE_STRINGS.script}${HOSTILE_STRINGS.img} ${HOSTILE_STRINGS.js} ${HOSTILE_STRINGS.rlo}`;
}

export function makeLargeBrowser(deviceId = 'bench-device-1', extensions = 50, policies = 300): ChromeBrowser {
  const t = '2026-11-20T10:00:00.000Z';
  const exts: BrowserExtension[] = [];
  for (let i = 0; i < extensions; i++) {
    exts.push({
      extensionId: `ext${String(i).padStart(29, 'a')}`,
      name: `Extension ${i}`,
      version: `1.${i}.0`,
      installType: i % 3 === 0 ? 'ADMIN' : 'NORMAL',
      appType: 'EXTENSION',
      permissions: ['tabs', 'storage', `https://site${i}.example.test/*`],
      disabled: i % 10 === 0,
      description: `Description of extension ${i}`,
    });
  }
  const policy = (prefix: string, i: number): Policy => ({
    name: `${prefix}Policy${i}`,
    value: i % 7 === 0 ? JSON.stringify({ list: Array.from({ length: 5 }, (_, k) => `https://u${k}.example.test`) }) : 'true',
    source: i % 2 ? 'MACHINE_PLATFORM' : 'USER_CLOUD',
    ...(i % 25 === 0 ? { error: 'This policy is deprecated.' } : {}),
  });
  // Split the policies: half machine, a third user, the rest extension policies.
  const machine = Math.floor(policies / 2);
  const user = Math.floor(policies / 3);
  const ext = policies - machine - user;
  return {
    deviceId,
    kind: 'admin#directory#browserdevice',
    machineName: 'BENCH-PC-01',
    orgUnitPath: '/Engineering/Laptops',
    osPlatform: 'Windows',
    osPlatformVersion: 'Windows 11',
    osArchitecture: 'x86_64',
    osVersion: '10.0.22631',
    serialNumber: 'SN-0001',
    lastActivityTime: t,
    lastRegistrationTime: '2025-01-02T03:04:05.000Z',
    lastPolicyFetchTime: t,
    lastStatusReportTime: t,
    extensionCount: extensions,
    policyCount: policies,
    browserVersions: ['131.0.6778.86'],
    annotatedUser: 'alice@example.test',
    lastDeviceUsers: [{ userName: 'alice', lastStatusReportTime: t }],
    machinePolicies: Array.from({ length: machine }, (_, i) => policy('Machine', i)),
    browsers: [
      {
        browserVersion: '131.0.6778.86',
        channel: 'STABLE',
        executablePath: 'C:\\Program Files\\Google\\Chrome\\Application',
        lastStatusReportTime: t,
        profiles: [
          {
            name: 'Person 1',
            id: 'profile-1',
            chromeSignedinUserEmail: 'alice@example.test',
            safeBrowsingWarnings: 3,
            safeBrowsingWarningsClickThrough: 1,
            extensions: exts,
            userPolicies: Array.from({ length: user }, (_, i) => policy('User', i)),
            extensionPolicies: [
              { extensionId: exts[0]?.extensionId, extensionName: 'Extension 0', policies: Array.from({ length: ext }, (_, i) => policy('Ext', i)) },
            ],
          },
        ],
      },
    ],
    deviceIdentifiersHistory: {
      records: [{ identifiers: { machineName: 'BENCH-PC-01', serialNumber: 'SN-0001' }, firstRecordTime: t, lastActivityTime: t }],
      has_device_id_collision: 'false',
    },
  };
}

/** Hostile text in every text field an end machine reports (annotations included). */
export function makeHostileBrowser(deviceId = 'hostile-device-1'): ChromeBrowser {
  const h = hostileText;
  return {
    deviceId,
    kind: 'admin#directory#browserdevice',
    machineName: h('machine'),
    orgUnitPath: '/',
    osPlatform: h('platform'),
    osPlatformVersion: h('platformVersion'),
    osArchitecture: h('arch'),
    osVersion: h('osVersion'),
    serialNumber: h('serial'),
    virtualDeviceId: h('virtual'),
    lastDeviceUser: h('lastUser'),
    annotatedUser: h('user'),
    annotatedLocation: h('location'),
    annotatedAssetId: h('asset'),
    annotatedNotes: `${h('notes')}\n${HOSTILE_STRINGS.style}\n${HOSTILE_STRINGS.long}`,
    lastActivityTime: '2026-11-20T10:00:00.000Z',
    lastRegistrationTime: '2025-01-02T03:04:05.000Z',
    browserVersions: [h('bv')],
    lastDeviceUsers: [{ userName: h('deviceUser'), lastStatusReportTime: h('time') }],
    machinePolicies: [{ name: h('policy'), value: h('value'), source: h('source'), error: h('error') }],
    browsers: [
      {
        browserVersion: h('version'),
        channel: h('channel'),
        executablePath: h('path'),
        plugins: [{ name: h('plugin'), description: h('pdesc'), fileName: h('pfile') }],
        profiles: [
          {
            name: h('profile'),
            id: h('pid'),
            chromeSignedinUserEmail: h('email'),
            extensions: [
              {
                extensionId: h('extid'),
                name: h('extname'),
                version: h('extver'),
                installType: h('inst'),
                homepageUrl: HOSTILE_STRINGS.js,
                permissions: [h('perm'), HOSTILE_STRINGS.js],
                icons: [{ size: 16, url: HOSTILE_STRINGS.js }],
              },
            ],
            userPolicies: [{ name: h('upol'), value: h('uval') }],
            extensionPolicies: [{ extensionId: h('epid'), extensionName: h('epname'), policies: [{ name: h('epol'), value: h('epval') }] }],
          },
        ],
      },
    ],
    deviceIdentifiersHistory: {
      records: [{ identifiers: { machineName: h('histMachine'), serialNumber: h('histSerial') }, firstRecordTime: h('t1') }],
      has_device_id_collision: 'true',
    },
  };
}
