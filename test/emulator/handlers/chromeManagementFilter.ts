// The Chrome Management API v1 `filter` language of chromeBrowsers.list and enrollmentTokens.list, written
// independently of src/query so the emulator is an oracle for the client's translation.
//
// Where the reference leaves a point open, the emulator picks the conservative reading (README, "Chrome
// Management API v1"): `=` and `:` behave the same; what a plain string value matches is the switch
// `ctx.colonMatch` (whole words like the old API by default, or the whole value, a prefix, a substring);
// `*` wildcards only on machine_name, annotated_asset_id and browser_version; org_unit_path matches that one
// org unit (no sub-units); OR, NOT, `<`, `>` and `!=` are rejected; in_group(...) keeps nothing (no groups here).
import { hasCollision } from '../browserDetails';
import { compileBrowserQuery, osWithMajor } from '../browserQuery';
import { inListedOrgUnit, type ColonMatch, type EmulatorContext } from '../context';
import { badRequest } from '../errors';
import type { FleetBrowser, FleetToken } from '../fleet';
import { wordMatcher } from '../queryTerms';
import type { TokenState } from '../../../src/api/types';

export interface FilterTerm {
  field?: string;
  op?: string;
  /** Unquoted value. */
  value: string;
  quoted: boolean;
  raw: string;
}

/** Splits on whitespace outside quotes and parentheses; drops `AND`; rejects OR/NOT. */
export function splitFilter(filter: string): FilterTerm[] {
  const out: FilterTerm[] = [];
  let i = 0;
  while (i < filter.length) {
    while (i < filter.length && /\s/.test(filter[i])) i++;
    if (i >= filter.length) break;
    const start = i;
    let quote = false;
    let depth = 0;
    while (i < filter.length && (quote || depth > 0 || !/\s/.test(filter[i]))) {
      if (filter[i] === '"') quote = !quote;
      else if (!quote && filter[i] === '(') depth++;
      else if (!quote && filter[i] === ')') depth--;
      i++;
    }
    const raw = filter.slice(start, i);
    if (quote) throw badRequest(`Invalid filter: unbalanced quote in ${raw}`, 'INVALID_ARGUMENT');
    if (raw === 'AND') continue;
    if (raw === 'OR' || raw === 'NOT' || raw.startsWith('-')) {
      throw badRequest(`Invalid filter: ${raw} is not supported; combine conditions with AND.`, 'INVALID_ARGUMENT');
    }
    out.push(toTerm(raw));
  }
  return out;
}

function toTerm(raw: string): FilterTerm {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(<=|>=|!=|=|:|<|>)(.*)$/s.exec(raw);
  if (!m) return { value: unquote(raw), quoted: raw.includes('"'), raw };
  return { field: m[1], op: m[2], value: unquote(m[3]), quoted: m[3].startsWith('"'), raw };
}

function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1);
  return s.replace(/"/g, '');
}

type Getter = (b: FleetBrowser) => (string | undefined)[];

const STRING_FIELDS: Record<string, Getter> = {
  browser_permanent_id: (b) => [b.deviceId],
  virtual_device_id: (b) => [b.virtualDeviceId],
  machine_name: (b) => [b.machineName],
  os_platform: (b) => [b.osPlatform],
  os_architecture: (b) => [b.osArchitecture],
  os_version: (b) => [b.osVersion],
  os_platform_version: (b) => [b.osPlatformVersion, osWithMajor(b)],
  browser_version: (b) => b.browserVersions ?? [],
  annotated_location: (b) => [b.annotatedLocation],
  annotated_user: (b) => [b.annotatedUser],
  annotated_asset_id: (b) => [b.annotatedAssetId],
  annotated_note: (b) => [b.annotatedNotes],
  last_device_user: (b) => [b.lastDeviceUser, ...(b.lastDeviceUsers ?? []).map((u) => u.userName)],
};
/** Identifiers match exactly, not by word. */
const EXACT_FIELDS = new Set(['browser_permanent_id', 'virtual_device_id']);
const WILDCARD_FIELDS = new Set(['machine_name', 'annotated_asset_id', 'browser_version']);
const INTEGER_FIELDS: Record<string, (b: FleetBrowser) => number | undefined> = {
  extension_count: (b) => b.extensionCount,
  policy_count: (b) => b.policyCount,
};
const TIME_FIELDS: Record<string, (b: FleetBrowser) => string | undefined> = {
  last_policy_fetch_time: (b) => b.lastPolicyFetchTime,
  last_registration_time: (b) => b.lastRegistrationTime,
  last_status_report_time: (b) => b.lastStatusReportTime,
  last_activity_time: (b) => b.lastActivityTime,
};
export const CM_BROWSER_FILTER_FIELDS = [
  ...Object.keys(STRING_FIELDS),
  ...Object.keys(INTEGER_FIELDS),
  ...Object.keys(TIME_FIELDS),
  'org_unit_path',
  'org_unit_id',
  'device_id_collision',
];

export type BrowserPredicate = (b: FleetBrowser) => boolean;

export function compileBrowserFilter(ctx: EmulatorContext, filter: string): BrowserPredicate {
  const preds = splitFilter(filter).map((t) => compileBrowserTerm(ctx, t));
  return (b) => preds.every((p) => p(b));
}

function compileBrowserTerm(ctx: EmulatorContext, t: FilterTerm): BrowserPredicate {
  if (t.field === undefined) {
    const call = /^in_group\(\s*"([^"]*)"\s*\)$/.exec(t.raw);
    if (call) {
      if (!/^groups\/[^/]+$/.test(call[1])) throw invalid(`in_group expects "groups/{groupId}", got "${call[1]}"`);
      return () => false;
    }
    if (t.raw.includes('(')) throw invalid(`unknown function in ${t.raw}; only in_group("groups/…") is supported`);
    // Global search: the old API's free-text semantics (every word in some indexed field).
    const p = compileBrowserQuery(t.quoted ? `"${t.value}"` : t.value);
    return p;
  }
  const f = t.field;
  const op = t.op!;
  if (f === 'org_unit_path' || f === 'org_unit_id') {
    requireOp(t, ['=', ':']);
    const ou = f === 'org_unit_path' ? ctx.fleet.orgUnits.resolve(t.value) : ctx.fleet.orgUnits.resolve(withIdPrefix(t.value));
    if (!ou) throw invalid(`${f} "${t.value}" is not an existing organizational unit`);
    return (b) => inListedOrgUnit(ctx.orgUnitScope, b.orgUnitPath ?? '', ou.orgUnitPath);
  }
  if (STRING_FIELDS[f]) {
    requireOp(t, ['=', ':']);
    if (t.value === '') throw invalid(`${f} needs a value`);
    const get = STRING_FIELDS[f];
    if (t.value.includes('*')) {
      if (!WILDCARD_FIELDS.has(f))
        throw invalid(`wildcards (*) are only supported on machine_name, annotated_asset_id and browser_version, not ${f}`);
      const re = globRegExp(t.value);
      return (b) => get(b).some((v) => v !== undefined && re.test(v));
    }
    if (EXACT_FIELDS.has(f)) return (b) => get(b).some((v) => v !== undefined && v.toLowerCase() === t.value.toLowerCase());
    const match = plainMatcher(ctx.colonMatch, t.value);
    if (!match) return () => true;
    return (b) => get(b).some(match);
  }
  if (INTEGER_FIELDS[f]) {
    if (op === '<=' || op === '>=') throw invalid(`${f} does not support ${op}; integer fields take = or : with an exact number`);
    requireOp(t, ['=', ':']);
    if (!/^\d+$/.test(t.value)) throw invalid(`${f} expects a whole number, got "${t.value}"`);
    const n = Number(t.value);
    const get = INTEGER_FIELDS[f];
    return (b) => get(b) === n;
  }
  if (TIME_FIELDS[f]) {
    requireOp(t, ['=', '<=', '>=']);
    const at = parseTimestamp(t.value);
    if (at === undefined) throw invalid(`${f}${op}${t.value}: use an RFC 3339 timestamp with a zone, e.g. "2026-01-01T00:00:00Z"`);
    const get = TIME_FIELDS[f];
    const sec = Math.floor(at / 1000) * 1000;
    return (b) => {
      const iso = get(b);
      if (!iso) return false;
      const v = Date.parse(iso);
      if (op === '>=') return v >= at;
      if (op === '<=') return v <= at;
      return v >= sec && v < sec + 1000;
    };
  }
  if (f === 'device_id_collision') {
    requireOp(t, ['=', ':']);
    const v = t.value.toLowerCase();
    if (v !== 'true' && v !== 'false') throw invalid(`device_id_collision accepts true or false, got "${t.value}"`);
    return (b) => hasCollision(b) === (v === 'true');
  }
  throw invalid(`unknown field "${f}". Known fields: ${CM_BROWSER_FILTER_FIELDS.join(', ')}`);
}

export type TokenPredicate = (t: FleetToken, state: TokenState) => boolean;

export function compileTokenFilter(ctx: EmulatorContext, filter: string): TokenPredicate {
  const preds: TokenPredicate[] = [];
  for (const t of splitFilter(filter)) {
    if (t.field === undefined) throw invalid(`"${t.raw}" needs a field: device_type, token_state, org_unit_path or org_unit_id`);
    requireOp(t, ['=', ':']);
    const v = t.value.trim();
    if (t.field === 'device_type') {
      if (v.toUpperCase() !== 'CHROME_BROWSER') throw invalid(`device_type supports only CHROME_BROWSER, got "${v}"`);
    } else if (t.field === 'token_state') {
      const s = v.toUpperCase();
      if (s !== 'ACTIVE' && s !== 'EXPIRED' && s !== 'REVOKED') throw invalid(`token_state supports ACTIVE, EXPIRED or REVOKED, got "${v}"`);
      preds.push((_t, state) => state === s.toLowerCase());
    } else if (t.field === 'org_unit_path' || t.field === 'org_unit_id') {
      const ou = t.field === 'org_unit_path' ? ctx.fleet.orgUnits.resolve(v) : ctx.fleet.orgUnits.resolve(withIdPrefix(v));
      if (!ou) throw invalid(`${t.field} "${v}" is not an existing organizational unit`);
      preds.push((tok) => tok.orgUnitPath === ou.orgUnitPath);
    } else {
      throw invalid(`unknown field "${t.field}". Known fields: device_type, token_state, org_unit_path, org_unit_id`);
    }
  }
  return (tok, state) => preds.every((p) => p(tok, state));
}

/** A plain (wildcard-free) string value under the reading in force; undefined: it constrains nothing. */
function plainMatcher(reading: ColonMatch, value: string): ((text: string | undefined) => boolean) | undefined {
  if (reading === 'word') return wordMatcher(value);
  const want = value.toLowerCase();
  if (reading === 'exact') return (text) => text !== undefined && text.toLowerCase() === want;
  if (reading === 'prefix') return (text) => text !== undefined && text.toLowerCase().startsWith(want);
  return (text) => text !== undefined && text.toLowerCase().includes(want);
}

function requireOp(t: FilterTerm, ops: string[]): void {
  if (!ops.includes(t.op!)) throw invalid(`${t.field} does not support the operator ${t.op}; use ${ops.join(' or ')}`);
}

function invalid(message: string) {
  return badRequest(`Invalid filter: ${message}.`, 'INVALID_ARGUMENT');
}

/** The v1 API shows bare org unit ids; the Directory API (and the fleet) prefix them with `id:`. */
export function withIdPrefix(id: string): string {
  return id.startsWith('id:') ? id : `id:${id}`;
}

export function bareOrgUnitId(id: string): string {
  return id.startsWith('id:') ? id.slice(3) : id;
}

function globRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** RFC 3339 with a zone (`Z` or ±hh:mm). Undefined when invalid. */
export function parseTimestamp(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i.exec(s);
  if (!m) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}
