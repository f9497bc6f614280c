// The chromebrowsers `query` language, implemented independently of src/query so the emulator can
// serve as an oracle for the client's own parser. Semantics are documented in README.md.
import { badRequest } from './errors';
import type { FleetBrowser } from './fleet';
import { hasCollision } from './browserDetails';
import { splitTerms, wordMatcher, type QueryTerm } from './queryTerms';

export type BrowserPredicate = (b: FleetBrowser) => boolean;

type TextGetter = (b: FleetBrowser) => (string | undefined)[];

const TEXT_FIELDS: Record<string, TextGetter> = {
  machine_name: (b) => [b.machineName],
  os_platform: (b) => [b.osPlatform],
  arch: (b) => [b.osArchitecture],
  os_version: (b) => [b.osVersion],
  location: (b) => [b.annotatedLocation],
  user: (b) => [b.annotatedUser],
  asset_id: (b) => [b.annotatedAssetId],
  note: (b) => [b.annotatedNotes],
  os: (b) => [osWithMajor(b)],
  browser_version: (b) => b.browserVersions ?? [],
  enrollment_token: (b) => [b.enrollmentToken],
  machine_user: (b) => [b.lastDeviceUser, ...(b.lastDeviceUsers ?? []).map((u) => u.userName)],
};

const TIME_FIELDS: Record<string, (b: FleetBrowser) => string | undefined> = {
  register: (b) => b.lastRegistrationTime,
  report: (b) => b.lastStatusReportTime,
  sync: (b) => b.lastPolicyFetchTime,
  last_activity: (b) => b.lastActivityTime,
};

const NUMBER_FIELDS: Record<string, (b: FleetBrowser) => number | undefined> = {
  num_extensions: (b) => b.extensionCount,
  num_policies: (b) => b.policyCount,
};

export const BROWSER_QUERY_FIELDS = [
  ...Object.keys(TEXT_FIELDS),
  ...Object.keys(TIME_FIELDS),
  ...Object.keys(NUMBER_FIELDS),
  'has_device_id_collision',
];

/** Text that free terms (no field) search: the visible text columns of a device (not its ids). */
const FREE_TEXT: TextGetter = (b) => [
  b.machineName,
  b.osPlatform,
  b.osPlatformVersion,
  b.osArchitecture,
  b.osVersion,
  b.annotatedLocation,
  b.annotatedUser,
  b.annotatedAssetId,
  b.annotatedNotes,
  b.serialNumber,
  b.lastDeviceUser,
  b.orgUnitPath,
  ...(b.browserVersions ?? []),
];

/** "Windows 10": platform plus the first component of the OS version. */
export function osWithMajor(b: FleetBrowser): string | undefined {
  if (!b.osPlatform) return undefined;
  const major = b.osVersion?.split(/[^0-9]/)[0];
  return major ? `${b.osPlatform} ${major}` : b.osPlatform;
}

export function compileBrowserQuery(query: string | undefined): BrowserPredicate {
  const predicates = splitTerms(query ?? '')
    .map(compileTerm)
    .filter((p): p is BrowserPredicate => p !== undefined);
  if (predicates.length === 0) return () => true;
  return (b) => predicates.every((p) => p(b));
}

function compileTerm(term: QueryTerm): BrowserPredicate | undefined {
  if (term.field === undefined) return textPredicate(FREE_TEXT, term.value);
  const f = term.field;
  if (TEXT_FIELDS[f]) {
    requireValue(term);
    return textPredicate(TEXT_FIELDS[f], term.value);
  }
  if (TIME_FIELDS[f]) return timePredicate(TIME_FIELDS[f], term);
  if (NUMBER_FIELDS[f]) return numberPredicate(NUMBER_FIELDS[f], term);
  if (f === 'has_device_id_collision') {
    const v = term.value.toLowerCase();
    if (v !== 'true' && v !== 'false') throw badRequest(`Invalid Input: has_device_id_collision accepts true or false, got "${term.value}"`);
    return (b) => hasCollision(b) === (v === 'true');
  }
  const sameIgnoringCase = BROWSER_QUERY_FIELDS.find((known) => known === f.toLowerCase());
  const hint = sameIgnoringCase ? ` Field names are case-sensitive: use ${sameIgnoringCase}.` : ` Known fields: ${BROWSER_QUERY_FIELDS.join(', ')}.`;
  throw badRequest(`Invalid Input: unknown query field "${f}".${hint}`);
}

function requireValue(term: QueryTerm): void {
  if (term.value.trim() === '') throw badRequest(`Invalid Input: query field ${term.field} needs a value (${term.field}:value)`);
}

function textPredicate(getter: TextGetter, value: string): BrowserPredicate | undefined {
  const match = wordMatcher(value);
  // A term without any letter or digit (e.g. "-") constrains nothing.
  if (!match) return undefined;
  return (b) => getter(b).some(match);
}

function numberPredicate(getter: (b: FleetBrowser) => number | undefined, term: QueryTerm): BrowserPredicate {
  const v = term.value.trim();
  if (/\.\.|^[<>]=?|^=/.test(v)) {
    throw badRequest(`Invalid Input: ${term.field}:${v} — range queries for numerical values are not supported; give an exact number`);
  }
  if (!/^\d+$/.test(v)) throw badRequest(`Invalid Input: ${term.field} expects a whole number, got "${v}"`);
  const n = Number(v);
  return (b) => getter(b) === n;
}

function timePredicate(getter: (b: FleetBrowser) => string | undefined, term: QueryTerm): BrowserPredicate {
  const [from, to] = parseTimeRange(term);
  return (b) => {
    const iso = getter(b);
    if (!iso) return false;
    const t = Date.parse(iso);
    return t >= from && t <= to;
  };
}

/** `d`, `d1..d2`, `d..`, `..d`; a date covers its whole (UTC) day, a datetime its whole second. */
export function parseTimeRange(term: QueryTerm): [number, number] {
  const v = term.value.trim();
  const bad = (): never => {
    throw badRequest(
      `Invalid Input: ${term.field}:${v} is not a valid time. Use YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (UTC), ` +
        'optionally as a range: a..b, a.. or ..b',
    );
  };
  if (v === '') bad();
  const parts = v.split('..');
  if (parts.length > 2) bad();
  if (parts.length === 1) {
    const t = parseTime(parts[0]) ?? bad();
    return t;
  }
  const [a, b] = parts;
  if (a === '' && b === '') bad();
  const from = a === '' ? -Infinity : (parseTime(a) ?? bad())[0];
  const to = b === '' ? Infinity : (parseTime(b) ?? bad())[1];
  return [from, to];
}

function parseTime(s: string): [number, number] | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    if (!validDate(t, +m[1], +m[2], +m[3])) return undefined;
    return [t, t + 86_400_000 - 1];
  }
  m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z?$/.exec(s);
  if (m) {
    const [h, mi, se] = [+m[4], +m[5], +m[6]];
    if (h > 23 || mi > 59 || se > 59) return undefined;
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3], h, mi, se);
    if (!validDate(t, +m[1], +m[2], +m[3])) return undefined;
    return [t, t + 999];
  }
  return undefined;
}

function validDate(t: number, y: number, mo: number, d: number): boolean {
  const date = new Date(t);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
