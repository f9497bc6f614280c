// Projections. BASIC = the admin console's list columns (stored fields). FULL adds details that are
// derived on demand from the deviceId, so 200k devices stay cheap in memory; a seeded device that
// carries its own FULL fields keeps them.
import type {
  BrowserExtension,
  BrowserInstall,
  BrowserProfile,
  ChromeBrowser,
  DeviceIdentifiersHistory,
  ExtensionPolicies,
  Policy,
  Projection,
} from '../../src/api/types';
import type { FleetBrowser } from './fleet';
import { hashString, Prng } from './prng';

export const BASIC_FIELDS = [
  'deviceId',
  'kind',
  'osPlatform',
  'osPlatformVersion',
  'osArchitecture',
  'osVersion',
  'machineName',
  'annotatedLocation',
  'annotatedUser',
  'annotatedAssetId',
  'annotatedNotes',
  'lastPolicyFetchTime',
  'lastRegistrationTime',
  'lastActivityTime',
  'lastStatusReportTime',
  'virtualDeviceId',
  'serialNumber',
  'orgUnitPath',
  'extensionCount',
  'policyCount',
  'safeBrowsingClickThroughCount',
  'lastDeviceUser',
  'browserVersions',
] as const;

export function hasCollision(b: FleetBrowser): boolean {
  const v = b.deviceIdentifiersHistory?.has_device_id_collision;
  if (v !== undefined) return v === true || v === 'true';
  return b.deviceIdCollision === true;
}

export function project(b: FleetBrowser, projection: Projection): ChromeBrowser {
  const out: Record<string, unknown> = {};
  for (const f of BASIC_FIELDS) {
    const v = b[f];
    if (v !== undefined) out[f] = Array.isArray(v) ? [...v] : v;
  }
  out.kind = 'admin#directory#browserdevice';
  if (projection === 'FULL') {
    const p = new Prng(hashString(b.deviceId));
    out.lastDeviceUsers = b.lastDeviceUsers ?? generateDeviceUsers(b, p);
    out.machinePolicies = b.machinePolicies ?? generatePolicies(p, Math.round((b.policyCount ?? 0) * 0.6), 'MACHINE');
    out.browsers = b.browsers ?? generateInstalls(b, p);
    out.deviceIdentifiersHistory = b.deviceIdentifiersHistory ?? generateHistory(b);
  }
  return out as unknown as ChromeBrowser;
}

function generateDeviceUsers(b: FleetBrowser, p: Prng): ChromeBrowser['lastDeviceUsers'] {
  if (!b.lastDeviceUser) return [];
  const users = [{ userName: b.lastDeviceUser, lastStatusReportTime: b.lastStatusReportTime }];
  if (p.chance(0.2)) users.push({ userName: 'Administrator', lastStatusReportTime: shift(b.lastStatusReportTime, -p.int(1, 90) * 86_400_000) });
  return users;
}

const POLICY_NAMES = [
  'ExtensionInstallForcelist',
  'ExtensionInstallBlocklist',
  'HomepageLocation',
  'DefaultSearchProviderEnabled',
  'PasswordManagerEnabled',
  'SafeBrowsingProtectionLevel',
  'CloudReportingEnabled',
  'BrowserSignin',
  'SyncDisabled',
  'IncognitoModeAvailability',
  'DeveloperToolsAvailability',
  'URLBlocklist',
  'URLAllowlist',
  'AutofillAddressEnabled',
  'DownloadRestrictions',
  'ProxyMode',
  'RestoreOnStartup',
  'ShowHomeButton',
  'BookmarkBarEnabled',
  'PrintingEnabled',
];

function generatePolicies(p: Prng, count: number, scope: 'MACHINE' | 'USER'): Policy[] {
  const out: Policy[] = [];
  for (let i = 0; i < count; i++) {
    const base = POLICY_NAMES[i % POLICY_NAMES.length];
    const policy: Policy = {
      source: p.pick(scope === 'MACHINE' ? ['MACHINE_PLATFORM', 'MACHINE_CLOUD'] : ['USER_PLATFORM', 'USER_CLOUD']),
      name: i < POLICY_NAMES.length ? base : `${base}${Math.floor(i / POLICY_NAMES.length)}`,
      value: p.pick(['true', 'false', '1', '2', '"https://intranet.example.test"', '["*"]']),
    };
    if (p.chance(0.03)) policy.error = 'This policy is deprecated.';
    out.push(policy);
  }
  return out;
}

const KNOWN_EXTENSIONS: [string, string][] = [
  ['ghbmnnjooekpmoecnnnilnnbdlolhkhi', 'Google Docs Offline'],
  ['cjpalhdlnbpafiamejdnhcphjbkeiagm', 'uBlock Origin'],
  ['nmmhkkegccagdldgiimedpiccmgmieda', 'Chrome Web Store Payments'],
  ['aapbdbdomjkkjkaonfhkkikfgjllcleb', 'Google Translate'],
  ['hdokiejnpimakedhajhdlcegeplioahd', 'LastPass: Free Password Manager'],
  ['kbfnbcaeplbcioakkpcpgfkobkghlhen', 'Grammarly'],
  ['bmnlcjabgnpnenekpadlanbbkooimhnj', 'Honey'],
  ['pkedcjkdefgpdelpbcmbmeomcjbeemfm', 'Chrome Media Router'],
];

function extensionId(p: Prng): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += 'abcdefghijklmnop'[p.int(0, 15)];
  return s;
}

function generateExtensions(p: Prng, count: number): BrowserExtension[] {
  const out: BrowserExtension[] = [];
  for (let i = 0; i < count; i++) {
    const [id, name] = i < KNOWN_EXTENSIONS.length && p.chance(0.6) ? KNOWN_EXTENSIONS[i] : [extensionId(p), `Internal tool ${i + 1}`];
    const ext: BrowserExtension = {
      extensionId: id,
      version: `${p.int(1, 30)}.${p.int(0, 20)}.${p.int(0, 99)}`,
      permissions: p.chance(0.5) ? ['storage', 'tabs', '<all_urls>'].slice(0, p.int(1, 3)) : ['activeTab'],
      name,
      description: `${name} for the team`,
      appType: p.weighted([
        ['EXTENSION', 90],
        ['HOSTED_APP', 6],
        ['THEME', 4],
      ] as const),
      homepageUrl: `https://chromewebstore.google.com/detail/${id}`,
      installType: p.weighted([
        ['ADMIN', 30],
        ['NORMAL', 60],
        ['DEVELOPMENT', 4],
        ['SIDELOAD', 3],
        ['OTHER', 3],
      ] as const),
      disabled: p.chance(0.08),
      icons: [
        { size: 16, url: `https://lh3.googleusercontent.com/emu/${id}=s16` },
        { size: 128, url: `https://lh3.googleusercontent.com/emu/${id}=s128` },
      ],
    };
    if (ext.installType === 'ADMIN') ext.configuredAppPolicy = '{"installation_mode":"force_installed"}';
    out.push(ext);
  }
  return out;
}

function executablePath(platform: string | undefined, channel: string): string {
  const suffix = channel === 'stable' ? '' : channel === 'canary' ? ' SxS' : ` ${channel.charAt(0).toUpperCase()}${channel.slice(1)}`;
  switch (platform) {
    case 'Windows':
      return `C:\\Program Files\\Google\\Chrome${suffix}\\Application`;
    case 'Mac':
      return `/Applications/Google Chrome${suffix.replace(' SxS', ' Canary')}.app/Contents/MacOS`;
    default:
      return `/opt/google/chrome${channel === 'stable' ? '' : `-${channel}`}`;
  }
}

function generateInstalls(b: FleetBrowser, p: Prng): BrowserInstall[] {
  const versions = b.browserVersions ?? [];
  let extensionsLeft = b.extensionCount ?? 0;
  let userPoliciesLeft = Math.max(0, (b.policyCount ?? 0) - Math.round((b.policyCount ?? 0) * 0.6));
  return versions.map((version, i): BrowserInstall => {
    const channel = b.channels?.[i] ?? 'stable';
    const profileCount = i === 0 ? p.int(1, 3) : 1;
    const profiles: BrowserProfile[] = [];
    for (let j = 0; j < profileCount; j++) {
      const last = j === profileCount - 1;
      const extCount = last ? extensionsLeft : p.int(0, extensionsLeft);
      extensionsLeft -= extCount;
      const polCount = last ? userPoliciesLeft : p.int(0, userPoliciesLeft);
      userPoliciesLeft -= polCount;
      const extensions = generateExtensions(p, extCount);
      const extensionPolicies: ExtensionPolicies[] = extensions
        .filter((e) => e.installType === 'ADMIN')
        .map((e) => ({
          extensionId: e.extensionId,
          extensionName: e.name,
          policies: [{ source: 'USER_CLOUD', name: 'ManagedConfiguration', value: '{"mode":"enterprise"}' }],
        }));
      const user = (b.lastDeviceUser ?? 'user').replace(/^.*\\/, '');
      profiles.push({
        name: j === 0 ? 'Person 1' : `Work ${j}`,
        id: j === 0 ? 'Default' : `Profile ${j}`,
        lastStatusReportTime: b.lastStatusReportTime,
        lastPolicyFetchTime: b.lastPolicyFetchTime,
        safeBrowsingWarnings: p.int(0, 10),
        safeBrowsingWarningsClickThrough: j === 0 ? (b.safeBrowsingClickThroughCount ?? 0) : 0,
        chromeSignedinUserEmail: p.chance(0.7) ? `${user}@example.test` : '',
        extensionPolicies,
        extensions,
        userPolicies: generatePolicies(p, polCount, 'USER'),
        safeBrowsingWarningsResetTime: b.lastRegistrationTime,
      });
    }
    return {
      browserVersion: version,
      channel,
      lastStatusReportTime: b.lastStatusReportTime,
      lastPolicyFetchTime: b.lastPolicyFetchTime,
      executablePath: executablePath(b.osPlatform, channel),
      installedBrowserVersion: p.chance(0.1) ? bumpPatch(version) : version,
      plugins: p.chance(0.3) ? [{ name: 'Chrome PDF Viewer', description: 'Portable Document Format', fileName: 'internal-pdf-viewer' }] : [],
      profiles,
    };
  });
}

function generateHistory(b: FleetBrowser): DeviceIdentifiersHistory {
  const records: NonNullable<DeviceIdentifiersHistory['records']> = [
    {
      identifiers: { machineName: b.machineName, serialNumber: b.serialNumber },
      firstRecordTime: b.lastRegistrationTime,
      lastActivityTime: b.lastActivityTime ?? b.lastRegistrationTime,
    },
  ];
  if (b.deviceIdCollision) {
    records.push({
      identifiers: { machineName: `${b.machineName ?? 'MACHINE'}-CLONE`, serialNumber: b.serialNumber },
      firstRecordTime: b.lastRegistrationTime,
      lastActivityTime: b.lastRegistrationTime,
    });
  }
  return { records, has_device_id_collision: b.deviceIdCollision ? 'true' : 'false' };
}

function bumpPatch(version: string): string {
  const parts = version.split('.');
  parts[3] = String(Number(parts[3] ?? 0) + 1);
  return parts.join('.');
}

function shift(iso: string | undefined, deltaMs: number): string | undefined {
  return iso ? new Date(Date.parse(iso) + deltaMs).toISOString() : undefined;
}
