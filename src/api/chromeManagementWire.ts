// Chrome Management API v1 JSON (GoogleChromeManagementVersionsV1*) mapped onto the domain types the UI already
// uses, so the UI does not know which backend answered: browserPermanentId → deviceId, orgUnitId → orgUnitPath
// (through the org-unit index), int64 strings → numbers, renamed sub-fields back to their v1.1beta1 names,
// ENROLLMENT_TOKEN_STATE_* → active/expired/revoked.
import type {
  BrowserExtension,
  BrowserInstall,
  BrowserPlugin,
  BrowserProfile,
  ChromeBrowser,
  EnrollmentToken,
  ExtensionIcon,
  ExtensionPolicies,
  Policy,
  Projection,
  TokenState,
} from './types';

type Wire = Record<string, unknown>;

/** Resolves an org unit id as v1 sends it (bare, no `id:`) to its path; undefined when unknown. */
export type OrgUnitPathOf = (orgUnitId: string) => string | undefined;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const arr = (v: unknown): Wire[] => (Array.isArray(v) ? (v.filter((x) => x !== null && typeof x === 'object') as Wire[]) : []);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** int64 arrives as a JSON string; tolerate numbers too. */
export function int64(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

/**
 * A counter (int64/int32 count). proto3 JSON omits a field holding its default, so an absent counter of an object
 * that was sent IS zero, not "not reported". A value of the wrong type stays undefined.
 */
export function counter(v: unknown): number | undefined {
  return v === undefined || v === null ? 0 : int64(v);
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function policy(w: Wire): Policy {
  const p: Policy = {};
  set(p, 'name', str(w.policyName) ?? str(w.name));
  set(p, 'value', str(w.value));
  set(p, 'error', str(w.error));
  set(p, 'source', str(w.source));
  return p;
}

function extension(w: Wire): BrowserExtension {
  const e: BrowserExtension = {};
  set(e, 'extensionId', str(w.extensionId));
  set(e, 'name', str(w.extensionName) ?? str(w.name));
  set(e, 'version', str(w.version));
  set(e, 'description', str(w.description));
  set(e, 'appType', str(w.appType));
  set(e, 'installType', str(w.installType));
  set(e, 'configuredAppPolicy', str(w.configuredAppPolicy));
  set(e, 'homepageUrl', str(w.homepageUri) ?? str(w.homepageUrl));
  set(e, 'permissions', strings(w.permissions));
  if (typeof w.disabled === 'boolean') e.disabled = w.disabled;
  // v1 ExtensionIcon is {size, uri}; `url` is the v1.1beta1 spelling, tolerated.
  if (Array.isArray(w.icons)) {
    e.icons = arr(w.icons).map((i) => {
      const icon: ExtensionIcon = {};
      set(icon, 'size', int64(i.size));
      set(icon, 'url', str(i.uri) ?? str(i.url));
      return icon;
    });
  }
  set(e, 'manifestVersion', int64(w.manifestVersion));
  return e;
}

function extensionPolicies(w: Wire): ExtensionPolicies {
  const x: ExtensionPolicies = {};
  set(x, 'extensionId', str(w.extensionId));
  set(x, 'extensionName', str(w.extensionName));
  if (Array.isArray(w.policies)) x.policies = arr(w.policies).map(policy);
  return x;
}

function profile(w: Wire): BrowserProfile {
  const p: BrowserProfile = {};
  set(p, 'id', str(w.id));
  set(p, 'name', str(w.profileName) ?? str(w.name));
  set(p, 'chromeSignedinUserEmail', str(w.chromeSignedInUserEmail));
  set(p, 'lastPolicyFetchTime', str(w.lastPolicyFetchTime));
  set(p, 'lastStatusReportTime', str(w.lastStatusReportTime));
  // Counters: absent means 0 in proto3 JSON (issue 20 item 13: a profile with no click-through read "Not reported").
  set(p, 'safeBrowsingWarnings', counter(w.safeBrowsingWarnings));
  set(p, 'safeBrowsingWarningsClickThrough', counter(w.safeBrowsingWarningsClickThroughs));
  set(p, 'safeBrowsingWarningsResetTime', str(w.safeBrowsingWarningsResetTime));
  if (Array.isArray(w.extensions)) p.extensions = arr(w.extensions).map(extension);
  if (Array.isArray(w.extensionPolicies)) p.extensionPolicies = arr(w.extensionPolicies).map(extensionPolicies);
  if (Array.isArray(w.userPolicies)) p.userPolicies = arr(w.userPolicies).map(policy);
  return p;
}

/** CHANNEL_STABLE → stable (the v1.1beta1 spelling the UI shows). */
function channel(v: unknown): string | undefined {
  const s = str(v);
  if (!s || s === 'CHANNEL_UNSPECIFIED') return undefined;
  return s.replace(/^CHANNEL_/, '').toLowerCase();
}

function plugin(w: Wire): BrowserPlugin {
  const p: BrowserPlugin = {};
  set(p, 'name', str(w.pluginName) ?? str(w.name));
  set(p, 'description', str(w.description));
  set(p, 'fileName', str(w.filename) ?? str(w.fileName));
  return p;
}

function install(w: Wire): BrowserInstall {
  const i: BrowserInstall = {};
  set(i, 'browserVersion', str(w.browserVersion));
  set(i, 'channel', channel(w.channel));
  set(i, 'executablePath', str(w.executablePath));
  set(i, 'lastPolicyFetchTime', str(w.lastPolicyFetchTime));
  set(i, 'lastStatusReportTime', str(w.lastStatusReportTime));
  set(i, 'installedBrowserVersion', str(w.pendingInstallVersion));
  // v1 Plugin is {pluginName, description, filename}; `name`/`fileName` are the v1.1beta1 spellings, tolerated.
  if (Array.isArray(w.plugins)) i.plugins = arr(w.plugins).map(plugin);
  if (Array.isArray(w.profiles)) i.profiles = arr(w.profiles).map(profile);
  return i;
}

const TEXT_FIELDS = [
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
  'lastDeviceUser',
  'serialNumber',
  'virtualDeviceId',
  'omahaRecentFetchTime',
] as const;

/**
 * The v1 browser as the domain `ChromeBrowser`. v1 has no projection: BASIC drops the detail arrays so list
 * rows look the same whichever backend answered (the details panel asks for FULL).
 */
export function browserFromWire(w: Wire, orgUnitPathOf: OrgUnitPathOf, projection: Projection): ChromeBrowser {
  const id = str(w.browserPermanentId) ?? str(w.name)?.split('/').pop() ?? '';
  const b: ChromeBrowser = { deviceId: id };
  for (const f of TEXT_FIELDS) set(b, f, str(w[f]));
  const ouId = str(w.orgUnitId);
  if (ouId) set(b, 'orgUnitPath', orgUnitPathOf(ouId));
  // Counters: absent means 0 (proto3 JSON). BASIC asks for both in `fields`, so absence is never a trimmed field.
  set(b, 'extensionCount', counter(w.extensionCount));
  set(b, 'policyCount', counter(w.policyCount));
  set(b, 'browserVersions', strings(w.browserVersions));
  if (projection === 'FULL') {
    // proto3 JSON omits empty lists; a FULL v1.1beta1 answer has them, so the details panel gets [] either way.
    b.lastDeviceUsers = arr(w.lastDeviceUsers).map((u) => ({ userName: str(u.userName), lastStatusReportTime: str(u.lastStatusReportTime) }));
    b.machinePolicies = arr(w.machinePolicies).map(policy);
    b.browsers = arr(w.browsers).map(install);
    // v1 only (no v1.1beta1 counterpart): kept when sent, so the inventory and exports see them.
    if (Array.isArray(w.machineExtensionPolicies)) b.machineExtensionPolicies = arr(w.machineExtensionPolicies).map(extensionPolicies);
    if (w.attestationCredential && typeof w.attestationCredential === 'object' && !Array.isArray(w.attestationCredential)) {
      b.attestationCredential = { ...(w.attestationCredential as Wire) };
    }
    const h = w.deviceIdentifiersHistory as Wire | undefined;
    if (h && typeof h === 'object') {
      b.deviceIdentifiersHistory = {
        records: arr(h.records).map((r) => {
          const ids = (r.identifiers ?? {}) as Wire;
          return {
            identifiers: { machineName: str(ids.machineName), serialNumber: str(ids.serialNumber) },
            firstRecordTime: str(r.firstRecordTime),
            lastActivityTime: str(r.lastActivityTime),
          };
        }),
        // The domain type keeps the old "true"/"false" spelling; hasDeviceIdCollision() reads both.
        has_device_id_collision: h.deviceIdCollision === true ? 'true' : 'false',
      };
      set(b.deviceIdentifiersHistory, 'lastDeviceIdCollisionDetectionTime', str(h.lastDeviceIdCollisionDetectionTime));
    }
  }
  return b;
}

const STATES: Readonly<Record<string, TokenState>> = {
  ENROLLMENT_TOKEN_STATE_ACTIVE: 'active',
  ENROLLMENT_TOKEN_STATE_EXPIRED: 'expired',
  ENROLLMENT_TOKEN_STATE_REVOKED: 'revoked',
};

/** The v1 token as the domain `EnrollmentToken` (no expiry: v1 tokens do not expire by time). */
export function tokenFromWire(w: Wire, orgUnitPathOf: OrgUnitPathOf): EnrollmentToken {
  const t: EnrollmentToken = { tokenPermanentId: str(w.tokenPermanentId) ?? str(w.name)?.split('/').pop() ?? '' };
  set(t, 'token', str(w.token));
  set(t, 'customerId', str(w.customerId));
  const ouId = str(w.orgUnitId);
  set(t, 'orgUnitPath', ouId ? orgUnitPathOf(ouId) : '/');
  set(t, 'state', STATES[str(w.state) ?? '']);
  set(t, 'tokenType', str(w.tokenType) === 'ENROLLMENT_TOKEN_TYPE_CHROME_BROWSER' ? 'chromeBrowser' : str(w.tokenType));
  set(t, 'creatorId', str(w.creatorId));
  set(t, 'createTime', str(w.createTime));
  set(t, 'revokerId', str(w.revokerId));
  set(t, 'revokeTime', str(w.revokeTime));
  return t;
}
