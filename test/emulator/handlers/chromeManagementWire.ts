// The fleet in the Chrome Management API v1 JSON shapes (GoogleChromeManagementVersionsV1*): camelCase,
// int64 as strings, org unit ids instead of paths, enums spelled out, renamed sub-fields.
import type { BrowserExtension, BrowserInstall, BrowserProfile, Policy } from '../../../src/api/types';
import { project } from '../browserDetails';
import type { EmulatorContext } from '../context';
import type { FleetBrowser, FleetToken } from '../fleet';
import { bareOrgUnitId } from './chromeManagementFilter';

type Json = Record<string, unknown>;

export const browserName = (customer: string, id: string): string => `customers/${customer}/chromeBrowsers/${id}`;
export const tokenName = (customer: string, id: string): string => `customers/${customer}/enrollmentTokens/${id}`;

/** A counter as proto3 JSON sends it: 0 (the default) is omitted, like an unreported one. */
const count = (n: number | undefined): string | undefined => (n === undefined || n === 0 ? undefined : String(n));

function put(out: Json, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value) && value.length === 0) return;
  out[key] = value;
}

/** Old source names → the v1 `Policy.source` enum. */
const POLICY_SOURCE: Record<string, string> = {
  MACHINE_CLOUD: 'MACHINE_LEVEL_USER_CLOUD',
  MACHINE_PLATFORM: 'MACHINE_PLATFORM',
  USER_PLATFORM: 'USER_PLATFORM',
  USER_CLOUD: 'USER_CLOUD',
  MACHINE_MERGED: 'MACHINE_MERGED',
};

function policy(p: Policy): Json {
  const out: Json = {};
  put(out, 'policyName', p.name);
  put(out, 'value', p.value);
  put(out, 'error', p.error);
  put(out, 'source', p.source ? (POLICY_SOURCE[p.source] ?? 'POLICY_SOURCE_UNSPECIFIED') : undefined);
  return out;
}

function extension(e: BrowserExtension): Json {
  const out: Json = {};
  put(out, 'extensionId', e.extensionId);
  put(out, 'extensionName', e.name);
  put(out, 'version', e.version);
  put(out, 'description', e.description);
  put(out, 'appType', e.appType);
  put(out, 'installType', e.installType);
  // The old API carried the policy JSON; v1 reduces it to an enum.
  put(out, 'configuredAppPolicy', e.configuredAppPolicy ? 'CONFIGURED_APP_POLICY_SHOULD_FORCE' : undefined);
  put(out, 'disabled', e.disabled);
  put(out, 'homepageUri', e.homepageUrl);
  // v1 ExtensionIcon is {size, uri} (v1.1beta1: url).
  put(
    out,
    'icons',
    e.icons?.map((i) => ({ size: i.size, uri: i.url })),
  );
  put(out, 'permissions', e.permissions);
  return out;
}

function profile(p: BrowserProfile): Json {
  const out: Json = {};
  put(out, 'id', p.id);
  put(out, 'profileName', p.name);
  put(out, 'chromeSignedInUserEmail', p.chromeSignedinUserEmail);
  put(out, 'lastPolicyFetchTime', p.lastPolicyFetchTime);
  put(out, 'lastStatusReportTime', p.lastStatusReportTime);
  put(out, 'safeBrowsingWarnings', count(p.safeBrowsingWarnings));
  put(out, 'safeBrowsingWarningsClickThroughs', count(p.safeBrowsingWarningsClickThrough));
  put(out, 'safeBrowsingWarningsResetTime', p.safeBrowsingWarningsResetTime);
  put(out, 'extensions', p.extensions?.map(extension));
  put(
    out,
    'extensionPolicies',
    p.extensionPolicies?.map((x) => ({ extensionId: x.extensionId, extensionName: x.extensionName, policies: x.policies?.map(policy) })),
  );
  put(out, 'userPolicies', p.userPolicies?.map(policy));
  return out;
}

function install(i: BrowserInstall): Json {
  const out: Json = {};
  put(out, 'browserVersion', i.browserVersion);
  put(out, 'channel', i.channel ? `CHANNEL_${i.channel.toUpperCase()}` : undefined);
  put(out, 'executablePath', i.executablePath);
  put(out, 'lastPolicyFetchTime', i.lastPolicyFetchTime);
  put(out, 'lastStatusReportTime', i.lastStatusReportTime);
  put(out, 'pendingInstallVersion', i.installedBrowserVersion !== i.browserVersion ? i.installedBrowserVersion : undefined);
  // v1 Plugin is {pluginName, description, filename}.
  put(
    out,
    'plugins',
    i.plugins?.map((p) => ({ pluginName: p.name, description: p.description, filename: p.fileName })),
  );
  put(out, 'profiles', i.profiles?.map(profile));
  return out;
}

/** A full `ChromeBrowser` (v1 has no projection). */
export function toV1Browser(ctx: EmulatorContext, customer: string, b: FleetBrowser): Json {
  const full = project(b, 'FULL');
  const ou = ctx.fleet.orgUnits.resolve(b.orgUnitPath ?? '/');
  const out: Json = { name: browserName(customer, b.deviceId), browserPermanentId: b.deviceId };
  put(out, 'machineName', full.machineName);
  put(out, 'annotatedUser', full.annotatedUser);
  put(out, 'annotatedLocation', full.annotatedLocation);
  put(out, 'annotatedAssetId', full.annotatedAssetId);
  put(out, 'annotatedNotes', full.annotatedNotes);
  put(out, 'orgUnitId', ou ? bareOrgUnitId(ou.orgUnitId) : undefined);
  put(out, 'osPlatform', full.osPlatform);
  put(out, 'osArchitecture', full.osArchitecture);
  put(out, 'osVersion', full.osVersion);
  put(out, 'osPlatformVersion', full.osPlatformVersion);
  put(out, 'lastPolicyFetchTime', full.lastPolicyFetchTime);
  put(out, 'lastRegistrationTime', full.lastRegistrationTime);
  put(out, 'lastStatusReportTime', full.lastStatusReportTime);
  put(out, 'lastActivityTime', full.lastActivityTime);
  put(out, 'extensionCount', count(full.extensionCount));
  put(out, 'policyCount', count(full.policyCount));
  put(out, 'lastDeviceUser', full.lastDeviceUser);
  put(out, 'lastDeviceUsers', full.lastDeviceUsers);
  put(out, 'browserVersions', full.browserVersions);
  put(out, 'browsers', full.browsers?.map(install));
  put(out, 'machinePolicies', full.machinePolicies?.map(policy));
  put(out, 'serialNumber', full.serialNumber);
  put(out, 'virtualDeviceId', full.virtualDeviceId);
  const h = full.deviceIdentifiersHistory;
  if (h) out.deviceIdentifiersHistory = { deviceIdCollision: hasTrue(h.has_device_id_collision), records: h.records ?? [] };
  return out;
}

const hasTrue = (v: string | boolean | undefined): boolean => v === true || v === 'true';

const STATE: Record<string, string> = {
  active: 'ENROLLMENT_TOKEN_STATE_ACTIVE',
  expired: 'ENROLLMENT_TOKEN_STATE_EXPIRED',
  revoked: 'ENROLLMENT_TOKEN_STATE_REVOKED',
};

export function toV1Token(ctx: EmulatorContext, customer: string, t: FleetToken): Json {
  const ou = ctx.fleet.orgUnits.resolve(t.orgUnitPath);
  const out: Json = {
    name: tokenName(customer, t.tokenPermanentId),
    tokenPermanentId: t.tokenPermanentId,
    token: t.token,
    customerId: t.customerId,
    state: STATE[ctx.fleet.tokenState(t)],
    tokenType: 'ENROLLMENT_TOKEN_TYPE_CHROME_BROWSER',
    createTime: t.createTime,
    creatorId: t.creatorId,
  };
  put(out, 'orgUnitId', ou ? bareOrgUnitId(ou.orgUnitId) : undefined);
  put(out, 'revokeTime', t.revokeTime);
  put(out, 'revokerId', t.revokerId);
  return out;
}
