// Chrome Management API v1 customers.chromeBrowsers: list, get, patch (annotations), :move, delete.
// Same fleet as the v1.1beta1 handlers, so both backends see the same browsers.
import type { BrowserOrderBy } from '../../../src/api/types';
import { NEEDS } from '../auth';
import type { EmuRequest, EmulatorContext, Reply } from '../context';
import { badRequest, notFound } from '../errors';
import type { FleetBrowser } from '../fleet';
import { parseJsonObject } from '../httpUtil';
import { sortedDeviceIds } from '../sortKeys';
import { bareOrgUnitId, compileBrowserFilter, withIdPrefix } from './chromeManagementFilter';
import { toV1Browser } from './chromeManagementWire';
import { checkCustomer, intParam } from './common';
import { applyFieldMask, parseFieldMask } from '../fieldMask';

const MAX_MOVE = 600;

/**
 * orderBy names: the generated client's list, plus the newer names the REST page starts with
 * (last_policy_fetch_time, virtual_device_id...). Each maps to an existing sort key of the old API, or to a
 * timestamp sort of its own.
 */
const ORDER_BY: Record<string, BrowserOrderBy | 'report' | 'registration' | 'virtual'> = {
  browser_permanent_id: 'id',
  virtual_device_id: 'virtual',
  last_sync: 'last_sync',
  last_policy_fetch_time: 'last_sync',
  annotated_user: 'annotated_user',
  annotated_location: 'annotated_location',
  annotated_asset_id: 'annotated_asset_id',
  annotated_notes: 'notes',
  org_unit_path: 'org_unit',
  os_version: 'os_version',
  enrollment_date: 'enrollment_date',
  last_registration_time: 'registration',
  extension_count: 'extension_count',
  policy_count: 'policy_count',
  last_signed_in_user: 'last_signed_in_user',
  last_device_user: 'last_signed_in_user',
  machine_name: 'machine_name',
  browser_version_channel: 'browser_version_channel',
  os_platform_version: 'platform_major_version',
  last_activity_time: 'last_activity',
  browser_version: 'browser_version_sortable',
  last_status_report_time: 'report',
};

function authorize(ctx: EmulatorContext, req: EmuRequest, write: boolean) {
  const grant = ctx.accessTokens.authorize(req.raw, write ? NEEDS.cmBrowsersWrite : NEEDS.cmBrowsersRead, ctx.fleet);
  checkCustomer(ctx, req.params[0]);
  return grant;
}

/** `field` or `field desc` (one field). Without orderBy: last_status_report_time, newest first. */
function parseOrderBy(raw: string | null): { key: string; desc: boolean } {
  if (raw === null || raw.trim() === '') return { key: 'last_status_report_time', desc: true };
  const m = /^\s*([a-z_]+)(?:\s+(asc|desc))?\s*$/i.exec(raw);
  if (!m || !ORDER_BY[m[1]]) {
    throw badRequest(
      `Invalid orderBy "${raw}": give one field, optionally followed by " desc". Fields: ${Object.keys(ORDER_BY).join(', ')}.`,
      'INVALID_ARGUMENT',
    );
  }
  return { key: m[1], desc: (m[2] ?? '').toLowerCase() === 'desc' };
}

function sortIds(found: FleetBrowser[], key: string, desc: boolean): string[] {
  const mapped = ORDER_BY[key];
  const byTime = (get: (b: FleetBrowser) => string | undefined): string[] => {
    const keyed = found.map((b) => ({ id: b.deviceId, t: get(b) ? Date.parse(get(b)!) : -1 }));
    keyed.sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ids = keyed.map((k) => k.id);
    return desc ? ids.reverse() : ids;
  };
  if (mapped === 'report') return byTime((b) => b.lastStatusReportTime);
  if (mapped === 'registration') return byTime((b) => b.lastRegistrationTime);
  if (mapped === 'virtual') {
    const ids = [...found].sort((a, b) => ((a.virtualDeviceId ?? '') < (b.virtualDeviceId ?? '') ? -1 : 1)).map((b) => b.deviceId);
    return desc ? ids.reverse() : ids;
  }
  return sortedDeviceIds(found, mapped, desc ? 'DESCENDING' : 'ASCENDING');
}

export function listCmBrowsers(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, false);
  const q = req.query;
  const customer = req.params[0];
  for (const old of ['query', 'orgUnitPath', 'projection', 'maxResults', 'sortOrder']) {
    if (q.has(old)) throw badRequest(`Invalid JSON payload received. Unknown name "${old}": Cannot bind query parameter.`, 'INVALID_ARGUMENT');
  }
  const filter = q.get('filter') ?? '';
  const order = parseOrderBy(q.get('orderBy'));
  const pageSize = intParam(req, 'pageSize', 1, 100, 100);
  const matches = compileBrowserFilter(ctx, filter);
  const binding = JSON.stringify(['cm-browsers', filter, order.key, order.desc]);
  const computeIds = (): string[] => sortIds([...ctx.fleet.browsers.values()].filter(matches), order.key, order.desc);
  const pageToken = q.get('pageToken') || undefined;
  const cursor = pageToken ? ctx.pageTokens.resume(pageToken, binding, computeIds) : ctx.pageTokens.start(binding, computeIds());
  const end = Math.min(cursor.offset + pageSize, cursor.ids.length);
  const items = [];
  for (let i = cursor.offset; i < end; i++) {
    const b = ctx.fleet.browsers.get(cursor.ids[i]);
    if (b) items.push(toV1Browser(ctx, customer, b));
  }
  const nextPageToken = ctx.pageTokens.issue(cursor, end);
  // No kind, etag or totalSize in v1; empty lists are omitted like every proto3 repeated field.
  const json: Record<string, unknown> = {};
  if (items.length > 0) json.chromeBrowsers = items;
  if (nextPageToken) json.nextPageToken = nextPageToken;
  return { json: masked(req, json) };
}

/** Honours the `fields` system parameter (partial response), as Google does. */
function masked<T>(req: EmuRequest, json: T): T {
  const fields = req.query.get('fields');
  return fields ? (applyFieldMask(json, parseFieldMask(fields)) as T) : json;
}

function findBrowser(ctx: EmulatorContext, id: string): FleetBrowser {
  const b = ctx.fleet.browsers.get(id);
  if (!b) throw notFound(`Requested entity was not found: chromeBrowsers/${id}`);
  return b;
}

export function getCmBrowser(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, false);
  return { json: masked(req, toV1Browser(ctx, req.params[0], findBrowser(ctx, req.params[1]))) };
}

const ANNOTATIONS = ['annotatedUser', 'annotatedLocation', 'annotatedAssetId', 'annotatedNotes'] as const;
const SNAKE: Record<string, (typeof ANNOTATIONS)[number]> = {
  annotated_user: 'annotatedUser',
  annotated_location: 'annotatedLocation',
  annotated_asset_id: 'annotatedAssetId',
  annotated_notes: 'annotatedNotes',
};

/**
 * PATCH with updateMask. Assumptions (unverified in the reference): the mask accepts camelCase and
 * snake_case; without a mask the annotation fields present in the body are updated (AIP-134); a field in the
 * mask but absent from the body (or "") is cleared.
 */
export function patchCmBrowser(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, true);
  const id = req.params[1];
  findBrowser(ctx, id);
  const body = parseJsonObject(req.body);
  const maskRaw = req.query.get('updateMask');
  let fields: (typeof ANNOTATIONS)[number][];
  if (maskRaw === null || maskRaw.trim() === '') {
    fields = ANNOTATIONS.filter((f) => f in body);
  } else {
    fields = [];
    for (const part of maskRaw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const f = (ANNOTATIONS as readonly string[]).includes(part) ? (part as (typeof ANNOTATIONS)[number]) : SNAKE[part];
      if (!f)
        throw badRequest(`Invalid updateMask: "${part}" is not a writable field. Only ${ANNOTATIONS.join(', ')} can be updated.`, 'INVALID_ARGUMENT');
      fields.push(f);
    }
  }
  const changes: Record<string, string | undefined> = {};
  for (const f of fields) {
    const v = body[f];
    if (v !== undefined && v !== null && typeof v !== 'string')
      throw badRequest(`Invalid value at 'chrome_browser.${f}': expected a string.`, 'INVALID_ARGUMENT');
    changes[f] = typeof v === 'string' && v !== '' ? v : undefined;
  }
  ctx.fleet.patchBrowser(id, changes);
  return { json: toV1Browser(ctx, req.params[0], findBrowser(ctx, id)) };
}

export function deleteCmBrowser(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, true);
  findBrowser(ctx, req.params[1]);
  ctx.fleet.deleteBrowser(req.params[1]);
  return { json: {} };
}

export function moveCmBrowsers(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, true);
  const body = parseJsonObject(req.body);
  const dest = body.destinationOrgUnitId;
  if (typeof dest !== 'string' || dest === '')
    throw badRequest('Invalid argument: destinationOrgUnitId is required (the id of the destination org unit).', 'INVALID_ARGUMENT');
  const ids = body.resourceIds;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x) => typeof x === 'string')) {
    throw badRequest('Invalid argument: resourceIds must be a non-empty list of browser ids.', 'INVALID_ARGUMENT');
  }
  if (ids.length > MAX_MOVE)
    throw badRequest(`Invalid argument: at most ${MAX_MOVE} browsers may be moved per request (got ${ids.length}).`, 'INVALID_ARGUMENT');
  // The reference does not say whether an `id:` prefix is expected; both are accepted here.
  const ou = ctx.fleet.orgUnits.resolve(withIdPrefix(dest));
  if (!ou) throw badRequest(`Invalid argument: destinationOrgUnitId "${dest}" is not an existing organizational unit.`, 'INVALID_ARGUMENT');
  // All or nothing.
  for (const id of ids) {
    if (!ctx.fleet.browsers.has(id))
      throw badRequest(`Invalid argument: resourceIds contains an unknown browser id: ${id}. No browsers were moved.`, 'INVALID_ARGUMENT');
    if (ctx.faults.isBadDevice(id))
      throw badRequest(
        `Failed to move browser ${id} to org unit ${bareOrgUnitId(ou.orgUnitId)}: the browser cannot be moved. No browsers were moved.`,
        'FAILED_PRECONDITION',
      );
  }
  ctx.fleet.moveBrowsers(ids, ou.orgUnitPath);
  return { json: {} };
}
