// orderBy: a sort key for each of the 19 documented values. Ties fall back to deviceId so that
// paging through an ordered listing is stable. DESCENDING is the exact reverse of ASCENDING.
// Keys are encoded into one string per device so 200k devices sort with the native string sort.
import { BROWSER_ORDER_BY, type BrowserOrderBy, type SortOrder } from '../../src/api/types';
import type { FleetBrowser } from './fleet';

const SEP = '\u0000';
const CHANNEL_RANK: Record<string, number> = { stable: 0, beta: 1, dev: 2, canary: 3 };

const text = (s: string | undefined): string => (s ?? '').toLowerCase().replaceAll('\u0000', '\u0001');
/** Non-negative numbers as fixed-width digits; missing values sort first. */
const num = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '' : String(Math.max(0, Math.floor(n))).padStart(16, '0'));
const time = (iso: string | undefined): string => (iso ? num(Date.parse(iso)) : '');

/** "131.0.5860.69" → fixed-width text that sorts numerically. */
export function versionKey(version: string | undefined): string {
  if (!version) return '';
  return version
    .split(/[^0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p.padStart(8, '0'))
    .join('.');
}

function newestVersionIndex(b: FleetBrowser): number {
  const v = b.browserVersions ?? [];
  let best = -1;
  for (let i = 0; i < v.length; i++) if (best < 0 || versionKey(v[i]) > versionKey(v[best])) best = i;
  return best;
}

const maxTime = (...isos: (string | undefined)[]): number | undefined => {
  const ts = isos.filter((x): x is string => !!x).map((x) => Date.parse(x));
  return ts.length ? Math.max(...ts) : undefined;
};

const KEYS: Record<BrowserOrderBy, (b: FleetBrowser) => string> = {
  id: () => '',
  last_sync: (b) => num(maxTime(b.lastRegistrationTime, b.lastPolicyFetchTime, b.lastStatusReportTime)),
  machine_name: (b) => text(b.machineName),
  extension_count: (b) => num(b.extensionCount),
  policy_count: (b) => num(b.policyCount),
  os_version: (b) => text(b.osVersion),
  last_signed_in_user: (b) => text(b.lastDeviceUser),
  annotated_user: (b) => text(b.annotatedUser),
  annotated_location: (b) => text(b.annotatedLocation),
  annotated_asset_id: (b) => text(b.annotatedAssetId),
  notes: (b) => text(b.annotatedNotes),
  browser_version_channel: (b) => {
    const i = newestVersionIndex(b);
    return i < 0 ? '' : `${versionKey(b.browserVersions![i])}${SEP}${CHANNEL_RANK[b.channels?.[i] ?? 'stable'] ?? 9}`;
  },
  org_unit: (b) => text(b.orgUnitPath),
  enrollment_date: (b) => time(b.lastRegistrationTime),
  save_browsing_clickthrough: (b) => num(b.safeBrowsingClickThroughCount),
  platform_major_version: (b) => `${text(b.osPlatform)}${SEP}${num(Number(b.osVersion?.split(/[^0-9]/)[0] || NaN))}`,
  last_activity: (b) => time(b.lastActivityTime),
  browser_version_sortable: (b) => {
    const v = b.browserVersions ?? [];
    return v.length === 0 ? '' : v.map(versionKey).sort()[0];
  },
  os_version_sortable: (b) => `${text(b.osPlatform)}${SEP}${versionKey(b.osVersion)}`,
};

export function isOrderBy(value: string): value is BrowserOrderBy {
  return (BROWSER_ORDER_BY as readonly string[]).includes(value);
}

/** The deviceIds of `browsers` in the requested order. */
export function sortedDeviceIds(browsers: FleetBrowser[], orderBy: BrowserOrderBy | undefined, sortOrder: SortOrder): string[] {
  let ids: string[];
  if (!orderBy || orderBy === 'id') {
    ids = browsers.map((b) => b.deviceId).sort();
  } else {
    const keyOf = KEYS[orderBy];
    const keyed = browsers.map((b) => `${keyOf(b)}${SEP}${SEP}${b.deviceId}`).sort();
    ids = keyed.map((k) => k.slice(k.lastIndexOf(SEP) + 1));
  }
  return sortOrder === 'DESCENDING' ? ids.reverse() : ids;
}

/** The sort key of one device (tests use it to check orders). */
export function sortKeyOf(b: FleetBrowser, orderBy: BrowserOrderBy): string {
  return KEYS[orderBy](b);
}
