// Deterministic fleet generation: the same seed, size and "now" always give the same devices and tokens.
// Only the BASIC fields are stored; FULL details are derived lazily from the deviceId (browserDetails.ts).
import type { Fleet, FleetBrowser, FleetToken } from './fleet';
import { Prng } from './prng';

const DAY = 86_400_000;
/** The newest stable Chrome major in the generated fleet (beta = +1, dev = +2, canary = +3). */
export const STABLE_MAJOR = 131;

const FIRST_NAMES = [
  'ana',
  'ben',
  'chloe',
  'dev',
  'emma',
  'farid',
  'grace',
  'hiro',
  'ines',
  'jon',
  'kofi',
  'lena',
  'mateo',
  'nora',
  'omar',
  'priya',
  'quinn',
  'rosa',
  'sven',
  'tara',
  'umar',
  'vera',
  'wei',
  'yara',
  'zoe',
];
const LAST_NAMES = [
  'doe',
  'smith',
  'garcia',
  'muller',
  'tanaka',
  'okafor',
  'rossi',
  'kowalski',
  'nguyen',
  'silva',
  'dubois',
  'jensen',
  'patel',
  'kim',
  'haddad',
];
const LOCATIONS = [
  'London, 3rd floor',
  'Building 4 / Room 210',
  'Paris HQ',
  'Zürich lab',
  'Remote',
  'New York, desk 17',
  'Tokyo office',
  'Warehouse B',
  'Sydney - hot desks',
];
const NOTES = [
  'Loaner; return by Q3',
  'Kiosk mode',
  'Replaced screen 2025-02',
  'VIP user',
  'Scheduled for refresh',
  'Shared machine (night shift)',
  'Do not wipe: legal hold',
];

interface OsChoice {
  platform: string;
  platformVersion: string;
  version: string;
  arch: string;
}

function pickOs(p: Prng): OsChoice {
  const platform = p.weighted([
    ['Windows', 62],
    ['Mac', 25],
    ['Linux', 10],
    ['ChromeOS', 3],
  ] as const);
  switch (platform) {
    case 'Windows': {
      const base = p.weighted([
        ['10.0.19045', 45],
        ['10.0.22631', 35],
        ['10.0.26100', 15],
        ['6.3.9600', 5],
      ] as const);
      const name = base === '6.3.9600' ? 'Windows Server 2012 R2' : base === '10.0.19045' ? 'Windows 10' : 'Windows 11';
      return {
        platform,
        platformVersion: `${name} ${p.pick(['Enterprise', 'Pro', 'Education'])}`,
        version: `${base}.${p.int(1000, 5300)}`,
        arch: p.weighted([
          ['x86_64', 88],
          ['x86', 6],
          ['arm64', 6],
        ] as const),
      };
    }
    case 'Mac': {
      const v = p.pick(['15.1.1', '15.0.1', '14.7.1', '14.6.1', '13.7.1', '12.7.6']);
      return { platform, platformVersion: `macOS ${v}`, version: v, arch: p.chance(0.7) ? 'arm64' : 'x86_64' };
    }
    case 'Linux': {
      const distro = p.pick(['Ubuntu 24.04.1 LTS', 'Ubuntu 22.04.5 LTS', 'Debian GNU/Linux 12 (bookworm)', 'Fedora Linux 40']);
      const kernel = p.pick(['6.8.0-49-generic', '5.15.0-126-generic', '6.1.0-27-amd64', '6.11.5-300.fc40.x86_64']);
      return { platform, platformVersion: distro, version: kernel, arch: p.chance(0.9) ? 'x86_64' : 'arm64' };
    }
    default: {
      const v = p.pick(['16002.51.0', '15917.71.0', '15886.44.0']);
      return { platform, platformVersion: `ChromeOS Flex ${v}`, version: v, arch: 'x86_64' };
    }
  }
}

export function chromeVersion(p: Prng, major: number): string {
  const build = 4000 + (major - 100) * 60;
  return `${major}.0.${build}.${p.pick([0, 33, 69, 85, 108, 139, 204])}`;
}

function machineNameFor(p: Prng, os: OsChoice, ouPath: string, user: string): string {
  const code = (ouPath.split('/')[1] || 'HQ').slice(0, 3).toUpperCase();
  switch (os.platform) {
    case 'Windows':
      return p.chance(0.35) ? `DESKTOP-${p.alnum(7)}` : `${code}-${p.pick(['LT', 'WS', 'VM'])}-${String(p.int(1, 9999)).padStart(4, '0')}`;
    case 'Mac':
      return p.chance(0.5) ? `${cap(user.split('.')[0])}s-MacBook-Pro` : `MBP-${user.toUpperCase().replace('.', '')}`;
    case 'Linux':
      return `${p.pick(['lnx', 'ubuntu', 'build'])}-${p.pick(['ws', 'build', 'dev'])}-${String(p.int(1, 999)).padStart(3, '0')}`;
    default:
      return `chromebook-${p.alnum(5).toLowerCase()}`;
  }
}

const CHANNEL_OFFSET = { stable: 0, beta: 1, dev: 2, canary: 3 } as const;

/** Repeated values share one string, which keeps 200k devices small. */
const internPool = new Map<string, string>();
function intern(s: string): string {
  const hit = internPool.get(s);
  if (hit !== undefined) return hit;
  if (internPool.size < 200_000) internPool.set(s, s);
  return s;
}

const channelPairs = new Map<string, string[]>();
/** Shared (never mutated) channel arrays. */
function channelPair(a: string, b?: string): string[] {
  const key = b ? `${a},${b}` : a;
  let v = channelPairs.get(key);
  if (!v) channelPairs.set(key, (v = b ? [a, b] : [a]));
  return v;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** lastActivityTime age: mostly fresh, a long stale tail, some over a year, a few never active (undefined). */
function activityAge(p: Prng): number | undefined {
  const bucket = p.weighted([
    ['fresh', 55],
    ['week', 20],
    ['month', 12],
    ['year', 8],
    ['ancient', 3],
    ['never', 2],
  ] as const);
  switch (bucket) {
    case 'fresh':
      return p.int(60_000, DAY);
    case 'week':
      return p.int(DAY, 7 * DAY);
    case 'month':
      return p.int(7 * DAY, 60 * DAY);
    case 'year':
      return p.int(60 * DAY, 365 * DAY);
    case 'ancient':
      return p.int(366 * DAY, 900 * DAY);
    default:
      return undefined;
  }
}

export function generateTokens(fleet: Fleet, count: number, prng: Prng, now: number): FleetToken[] {
  const ous = ['/', ...fleet.orgUnits.list().map((o) => o.orgUnitPath)];
  const admin = fleet.adminUser();
  const out: FleetToken[] = [];
  for (let i = 0; i < count; i++) {
    const created = now - prng.int(DAY, 700 * DAY);
    const state =
      i < 3
        ? (['active', 'expired', 'revoked'] as const)[i]
        : prng.weighted([
            ['active', 60],
            ['expired', 20],
            ['revoked', 20],
          ] as const);
    const t: Partial<FleetToken> = {
      orgUnitPath: prng.pick(ous),
      creatorId: admin.id,
      createTime: new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    if (state === 'expired')
      t.expireTime = new Date(created + prng.int(DAY, Math.max(DAY + 1, now - created - 1))).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (state === 'active' && prng.chance(0.4)) t.expireTime = new Date(now + prng.int(DAY, 365 * DAY)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (state === 'revoked') {
      t.revokerId = admin.id;
      t.revokeTime = new Date(created + Math.floor((now - created) * prng.next())).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    if (state === 'expired' && Date.parse(t.expireTime!) >= now) t.expireTime = new Date(now - DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
    out.push(fleet.addToken(t));
  }
  return out;
}

export function generateBrowsers(fleet: Fleet, count: number, prng: Prng, now: number): void {
  const ous = ['/', ...fleet.orgUnits.list().map((o) => o.orgUnitPath)];
  // Some OUs are much bigger than others, like real fleets.
  const ouWeights = ous.map((path, i) => [path, path === '/' ? 2 : 1 + ((i * 7919) % 11)] as const);
  const tokensByOu = new Map<string, string[]>();
  for (const t of fleet.tokens.values()) {
    const list = tokensByOu.get(t.orgUnitPath) ?? [];
    list.push(t.token);
    tokensByOu.set(t.orgUnitPath, list);
  }
  const allTokens = [...fleet.tokens.values()].map((t) => t.token);
  const collisionEvery = Math.max(2, Math.floor(count / Math.max(2, Math.floor(count / 250))));
  const iso = (ms: number): string => new Date(ms).toISOString();

  for (let i = 0; i < count; i++) {
    const ouPath = prng.weighted(ouWeights);
    const os = pickOs(prng);
    const first = prng.pick(FIRST_NAMES);
    const userName = `${first}.${prng.pick(LAST_NAMES)}`;
    const age = activityAge(prng);
    const lastActivity = age === undefined ? undefined : now - age;
    const registered = (lastActivity ?? now - prng.int(DAY, 200 * DAY)) - prng.int(6 * 3_600_000, 800 * DAY);
    const stale = age === undefined || age > 30 * DAY;
    // Every device gets the same property order (and no `delete`), so V8 keeps one compact shape.
    const b: FleetBrowser = {
      kind: 'admin#directory#browserdevice',
      deviceId: prng.uuid(),
      osPlatform: os.platform,
      osPlatformVersion: undefined,
      osArchitecture: undefined,
      osVersion: undefined,
      machineName: intern(machineNameFor(prng, os, ouPath, userName)),
      annotatedLocation: undefined,
      annotatedUser: undefined,
      annotatedAssetId: undefined,
      annotatedNotes: undefined,
      lastPolicyFetchTime: undefined,
      lastRegistrationTime: iso(registered),
      lastActivityTime: undefined,
      lastStatusReportTime: undefined,
      virtualDeviceId: prng.uuid(),
      serialNumber: prng.chance(0.9) ? prng.alnum(prng.int(10, 12)) : undefined,
      orgUnitPath: ouPath,
      extensionCount: undefined,
      policyCount: undefined,
      safeBrowsingClickThroughCount: undefined,
      lastDeviceUser: undefined,
      browserVersions: undefined,
      enrollmentToken: undefined,
      channels: undefined,
      deviceIdCollision: false,
    };
    const tokensHere = tokensByOu.get(ouPath) ?? allTokens;
    if (tokensHere.length > 0) b.enrollmentToken = prng.pick(tokensHere);
    if (lastActivity !== undefined) {
      b.osPlatformVersion = intern(os.platformVersion);
      b.osArchitecture = os.arch;
      b.osVersion = intern(os.version);
      b.lastActivityTime = iso(lastActivity);
      b.lastPolicyFetchTime = iso(lastActivity - prng.int(0, 3_600_000));
      b.lastStatusReportTime = iso(lastActivity - prng.int(0, 6 * 3_600_000));
      b.extensionCount = prng.chance(0.1) ? 0 : Math.min(60, Math.floor(-Math.log(1 - prng.next()) * 9));
      b.policyCount = prng.chance(0.05) ? 0 : Math.min(300, Math.floor(-Math.log(1 - prng.next()) * 45));
      b.safeBrowsingClickThroughCount = prng.chance(0.85) ? 0 : prng.int(1, 25);
      b.lastDeviceUser = intern(os.platform === 'Windows' && prng.chance(0.3) ? `CORP\\${userName}` : userName);
      const channel = prng.weighted([
        ['stable', 85],
        ['beta', 7],
        ['dev', 4],
        ['canary', 4],
      ] as const);
      const offset = CHANNEL_OFFSET[channel];
      const lag = stale
        ? prng.int(2, 25)
        : prng.weighted([
            [0, 60],
            [1, 22],
            [2, 10],
            [4, 5],
            [9, 3],
          ] as const);
      const major = STABLE_MAJOR + offset - (channel === 'stable' ? lag : Math.min(lag, 2));
      const mainVersion = intern(chromeVersion(prng, major));
      if (prng.chance(0.12)) {
        const second = prng.pick(['beta', 'canary', 'stable'] as const);
        const secondMajor = STABLE_MAJOR + (second === 'stable' ? -prng.int(1, 6) : CHANNEL_OFFSET[second]);
        b.browserVersions = [mainVersion, intern(chromeVersion(prng, secondMajor))];
        b.channels = channelPair(channel, second);
      } else {
        b.browserVersions = [mainVersion];
        b.channels = channelPair(channel);
      }
    }
    if (prng.chance(0.35)) {
      b.annotatedUser = intern(prng.chance(0.5) ? `${cap(first)} ${cap(userName.split('.')[1])}` : `${userName}@example.test`);
      if (prng.chance(0.6)) b.annotatedLocation = prng.pick(LOCATIONS);
      if (prng.chance(0.7)) b.annotatedAssetId = `ASSET-${String(prng.int(1, 999999)).padStart(6, '0')}`;
      if (prng.chance(0.3)) b.annotatedNotes = prng.pick(NOTES);
    }
    b.deviceIdCollision = i % collisionEvery === collisionEvery - 1;
    fleet.browsers.set(b.deviceId, b);
  }
  fleet.version++;
}
