// Turns a ChromeBrowser (FULL projection) into the sections the details panel shows. Pure and DOM-free:
// the webview script renders this model with textContent only, and the benchmark runs it in Node.
//
// Every field comes from an end machine or the API and is untrusted: nothing here assumes a type. A field
// of the wrong type is shown as absent, never as an error.

import { hasDeviceIdCollision, type ChromeBrowser } from '../../api/types';
import { displayLocale } from '../../util/displayLocale';
import { relativeTime } from '../../util/relativeTime';
import { clock } from '../../util/clock';

/** A point in time, shown absolute (local) and relative; `iso` is the raw value for tooltips. */
export interface TimeText {
  iso: string;
  absolute: string;
  relative: string;
}

export interface Field {
  label: string;
  /** undefined → shown as "Not reported". */
  value?: string;
  time?: TimeText;
}

export interface PolicyModel {
  name?: string;
  value?: string;
  source?: string;
  error?: string;
  /** Lower-case text the search box matches. */
  search: string;
}

export interface ExtensionModel {
  name?: string;
  extensionId?: string;
  version?: string;
  installType?: string;
  appType?: string;
  description?: string;
  homepageUrl?: string;
  configuredAppPolicy?: string;
  disabled: boolean;
  permissions: string[];
  manifestVersion?: string;
  /**
   * Icons as reported (size in pixels, URL). Shown as text, never loaded: the URL comes from an end machine, and
   * fetching it would tell its host who looks at this browser (the panel's CSP allows no remote image anyway).
   */
  icons: ExtensionIconModel[];
  search: string;
}

export interface ExtensionIconModel {
  size?: string;
  url?: string;
}

export interface ExtensionPoliciesModel {
  extensionId?: string;
  extensionName?: string;
  policies: PolicyModel[];
}

export interface ProfileModel {
  title: string;
  fields: Field[];
  extensions: ExtensionModel[];
  extensionPolicies: ExtensionPoliciesModel[];
  userPolicies: PolicyModel[];
}

export interface PluginModel {
  name?: string;
  description?: string;
  fileName?: string;
}

export interface InstallModel {
  title: string;
  fields: Field[];
  plugins: PluginModel[];
  profiles: ProfileModel[];
}

export interface DeviceUserModel {
  userName?: string;
  lastStatusReport?: TimeText;
}

export interface IdentifierRecordModel {
  machineName?: string;
  serialNumber?: string;
  firstRecord?: TimeText;
  lastActivity?: TimeText;
}

/**
 * A header badge. `tone` picks the theme colours; the icon and the text carry the meaning too, so it never
 * rests on colour alone.
 */
export interface BadgeModel {
  tone: 'warning';
  icon: 'warning';
  text: string;
  /** Longer explanation (tooltip and accessible description). */
  detail: string;
}

export interface DetailsModel {
  deviceId: string;
  title: string;
  overview: Field[];
  installs: InstallModel[];
  machinePolicies: PolicyModel[];
  machinePolicyErrors: number;
  /** Extension policies set at machine level (Chrome Management API v1 only; empty otherwise). */
  machineExtensionPolicies: ExtensionPoliciesModel[];
  deviceUsers: DeviceUserModel[];
  identifierHistory: IdentifierRecordModel[];
  deviceIdCollision: boolean;
  /** Extensions listed in the sections below (counted here, over every profile). */
  extensionTotal: number;
  /** Policies listed below: machine policies, machine extension policies, and user and extension policies of every profile. */
  policyTotal: number;
  /** The header line; says that its figures count what is listed, unlike the reported totals in the overview. */
  summary: string;
  badges: BadgeModel[];
}

/** Overview labels of the totals Chrome itself reported, worded against the header's "listed below". */
export const REPORTED_EXTENSIONS_LABEL = 'Extensions (total reported by Chrome)';
export const REPORTED_POLICIES_LABEL = 'Policies (total reported by Chrome)';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A reported total, with the listed count beside it when the two differ (so neither figure looks wrong). */
function reportedTotal(reported: string | undefined, listed: number, noun: string): string | undefined {
  if (reported === undefined) return undefined;
  return reported === String(listed) ? reported : `${reported} (${listed} ${noun} listed below)`;
}

// ---------------------------------------------------------------- defensive readers

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function num(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return v; // int64 fields may arrive as strings
  return undefined;
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function searchKey(...parts: (string | undefined)[]): string {
  return parts
    .filter((p) => p !== undefined)
    .join('\u0000')
    .toLowerCase();
}

// ---------------------------------------------------------------- time

let absoluteFormat: { locale: string; format: Intl.DateTimeFormat } | undefined;

/** A time field; a value that is not a date is shown as reported, marked as unreadable. */
export function timeText(v: unknown, now: number): TimeText | undefined {
  const iso = str(v);
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { iso, absolute: iso, relative: 'not a valid time' };
  // One formatter per display language (VS Code's, see displayLocale.ts).
  const locale = displayLocale();
  if (absoluteFormat?.locale !== locale)
    absoluteFormat = { locale, format: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }) };
  // The same ages as the explorer's rows and tooltips ("3 days ago", "just now").
  return { iso, absolute: absoluteFormat.format.format(ms), relative: relativeTime(iso, now) ?? '' };
}

// ---------------------------------------------------------------- sections

function field(label: string, value: string | undefined): Field {
  return value === undefined ? { label } : { label, value };
}

function timeField(label: string, v: unknown, now: number): Field {
  const time = timeText(v, now);
  return time === undefined ? { label } : { label, time };
}

function policy(v: unknown): PolicyModel {
  const p = rec(v);
  const m: PolicyModel = { search: '' };
  const name = str(p.name);
  const value = str(p.value);
  const source = str(p.source);
  const error = str(p.error);
  if (name !== undefined) m.name = name;
  if (value !== undefined) m.value = value;
  if (source !== undefined) m.source = source;
  if (error !== undefined) m.error = error;
  m.search = searchKey(name, value, source, error);
  return m;
}

function extension(v: unknown): ExtensionModel {
  const e = rec(v);
  const permissions = arr(e.permissions)
    .map(str)
    .filter((p): p is string => p !== undefined);
  const icons = arr(e.icons).map((x): ExtensionIconModel => {
    const i = rec(x);
    const icon: ExtensionIconModel = {};
    const size = num(i.size);
    const url = str(i.url);
    if (size !== undefined) icon.size = size;
    if (url !== undefined) icon.url = url;
    return icon;
  });
  const m: ExtensionModel = { disabled: e.disabled === true, permissions, icons, search: '' };
  const manifestVersion = num(e.manifestVersion);
  if (manifestVersion !== undefined) m.manifestVersion = manifestVersion;
  const keys = ['name', 'extensionId', 'version', 'installType', 'appType', 'description', 'homepageUrl', 'configuredAppPolicy'] as const;
  for (const k of keys) {
    const s = str(e[k]);
    if (s !== undefined) m[k] = s;
  }
  m.search = searchKey(m.name, m.extensionId, m.version, m.installType, m.appType, ...permissions);
  return m;
}

function extensionPolicies(x: unknown): ExtensionPoliciesModel {
  const ep = rec(x);
  const m: ExtensionPoliciesModel = { policies: arr(ep.policies).map(policy) };
  const id = str(ep.extensionId);
  const n = str(ep.extensionName);
  if (id !== undefined) m.extensionId = id;
  if (n !== undefined) m.extensionName = n;
  return m;
}

function profile(v: unknown, index: number, now: number): ProfileModel {
  const p = rec(v);
  const email = str(p.chromeSignedinUserEmail);
  const name = str(p.name);
  return {
    title: name ?? email ?? str(p.id) ?? `Profile ${index + 1}`,
    fields: [
      field('Profile name', name),
      field('Profile ID', str(p.id)),
      field('Signed-in user', email),
      timeField('Last status report', p.lastStatusReportTime, now),
      timeField('Last policy fetch', p.lastPolicyFetchTime, now),
      field('Safe Browsing warnings', num(p.safeBrowsingWarnings)),
      field('Safe Browsing click-throughs', num(p.safeBrowsingWarningsClickThrough)),
      timeField('Safe Browsing counters reset', p.safeBrowsingWarningsResetTime, now),
    ],
    extensions: arr(p.extensions).map(extension),
    extensionPolicies: arr(p.extensionPolicies).map(extensionPolicies),
    userPolicies: arr(p.userPolicies).map(policy),
  };
}

function install(v: unknown, index: number, now: number): InstallModel {
  const b = rec(v);
  const version = str(b.browserVersion);
  const channel = str(b.channel);
  const installed = str(b.installedBrowserVersion);
  return {
    title: [version ?? `Install ${index + 1}`, channel].filter(Boolean).join(' · '),
    fields: [
      field('Version', version),
      field('Channel', channel),
      field('Executable path', str(b.executablePath)),
      // Differs from the running version when an update waits for a restart.
      field('Installed version (after restart)', installed !== undefined && installed !== version ? installed : undefined),
      timeField('Last status report', b.lastStatusReportTime, now),
      timeField('Last policy fetch', b.lastPolicyFetchTime, now),
    ],
    plugins: arr(b.plugins).map((x) => {
      const pl = rec(x);
      const m: PluginModel = {};
      const n = str(pl.name);
      const d = str(pl.description);
      // The reference spells it "fileame"; accept both.
      const f = str(pl.fileName) ?? str(pl.fileame) ?? str(pl.filename);
      if (n !== undefined) m.name = n;
      if (d !== undefined) m.description = d;
      if (f !== undefined) m.fileName = f;
      return m;
    }),
    profiles: arr(b.profiles).map((p, i) => profile(p, i, now)),
  };
}

export function buildDetailsModel(browser: ChromeBrowser, now: number = clock.now()): DetailsModel {
  const b = rec(browser);
  const osPlatform = str(b.osPlatform);
  const installs = arr(b.browsers).map((x, i) => install(x, i, now));
  const machinePolicies = arr(b.machinePolicies).map(policy);
  const machineExtensionPolicies = arr(b.machineExtensionPolicies).map(extensionPolicies);
  const history = rec(b.deviceIdentifiersHistory);
  // Chrome Management API v1 only: the Device Trust connector's key.
  const key = rec(b.attestationCredential);
  let extensionTotal = 0;
  let policyTotal = machinePolicies.length;
  for (const ep of machineExtensionPolicies) policyTotal += ep.policies.length;
  for (const i of installs) {
    for (const p of i.profiles) {
      extensionTotal += p.extensions.length;
      policyTotal += p.userPolicies.length;
      for (const ep of p.extensionPolicies) policyTotal += ep.policies.length;
    }
  }
  const machinePolicyErrors = machinePolicies.filter((p) => p.error !== undefined).length;
  const deviceIdCollision = hasDeviceIdCollision(browser);
  const badges: BadgeModel[] = [];
  if (deviceIdCollision) {
    badges.push({
      tone: 'warning',
      icon: 'warning',
      text: 'Device ID collision',
      detail: 'Several machines report this device ID; see "Identifier history".',
    });
  }
  if (machinePolicyErrors > 0) {
    badges.push({
      tone: 'warning',
      icon: 'warning',
      text: plural(machinePolicyErrors, 'policy error', 'policy errors'),
      detail: 'Chrome reported an error for some machine policies; they are marked in "Machine policies".',
    });
  }
  return {
    deviceId: browser.deviceId,
    title: str(b.machineName) ?? browser.deviceId,
    overview: [
      field('Machine name', str(b.machineName)),
      field('Organizational unit', str(b.orgUnitPath)),
      field('Device ID', str(b.deviceId)),
      field('Serial number', str(b.serialNumber)),
      field('OS platform', osPlatform),
      field('OS platform version', str(b.osPlatformVersion)),
      field('OS version', str(b.osVersion)),
      field('OS architecture', str(b.osArchitecture)),
      field('Chrome versions', arr(b.browserVersions).map(str).filter(Boolean).join(', ') || undefined),
      field('Last device user', str(b.lastDeviceUser)),
      field(REPORTED_EXTENSIONS_LABEL, reportedTotal(num(b.extensionCount), extensionTotal, extensionTotal === 1 ? 'extension' : 'extensions')),
      field(REPORTED_POLICIES_LABEL, reportedTotal(num(b.policyCount), policyTotal, policyTotal === 1 ? 'policy' : 'policies')),
      field('Safe Browsing click-throughs', num(b.safeBrowsingClickThroughCount)),
      timeField('Last activity', b.lastActivityTime, now),
      timeField('Registered', b.lastRegistrationTime, now),
      timeField('Last policy fetch', b.lastPolicyFetchTime, now),
      timeField('Last status report', b.lastStatusReportTime, now),
      field('Virtual device ID', str(b.virtualDeviceId)),
      // Only the Chrome Management API v1 reports these: shown when present, not as "Not reported" on v1.1beta1.
      ...[
        timeField('Last updater (Omaha) fetch', b.omahaRecentFetchTime, now),
        timeField('Last device-ID collision detected', history.lastDeviceIdCollisionDetectionTime, now),
        field('Device Trust key type', str(key.keyType)),
        field('Device Trust key trust level', str(key.keyTrustLevel)),
        timeField('Device Trust key rotated', key.keyRotationTime, now),
        field('Device Trust public key', str(key.publicKeyPem)),
      ].filter((f) => f.value !== undefined || f.time !== undefined),
    ],
    installs,
    machinePolicies,
    machinePolicyErrors,
    machineExtensionPolicies,
    deviceUsers: arr(b.lastDeviceUsers).map((x) => {
      const u = rec(x);
      const m: DeviceUserModel = {};
      const n = str(u.userName);
      const t = timeText(u.lastStatusReportTime, now);
      if (n !== undefined) m.userName = n;
      if (t !== undefined) m.lastStatusReport = t;
      return m;
    }),
    identifierHistory: arr(history.records).map((x) => {
      const r = rec(x);
      const ids = rec(r.identifiers);
      const m: IdentifierRecordModel = {};
      const mn = str(ids.machineName);
      const sn = str(ids.serialNumber);
      const first = timeText(r.firstRecordTime, now);
      const last = timeText(r.lastActivityTime, now);
      if (mn !== undefined) m.machineName = mn;
      if (sn !== undefined) m.serialNumber = sn;
      if (first !== undefined) m.firstRecord = first;
      if (last !== undefined) m.lastActivity = last;
      return m;
    }),
    deviceIdCollision,
    extensionTotal,
    policyTotal,
    summary: `${plural(extensionTotal, 'extension', 'extensions')} · ${plural(policyTotal, 'policy', 'policies')} listed below`,
    badges,
  };
}

/** Bidirectional-override and isolate characters: shown, but flagged, because they disguise text. */
export function hasBidiControls(text: string): boolean {
  return /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(text);
}
