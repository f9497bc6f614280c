// chromebrowsers: list, get, update (annotations), delete, moveChromeBrowsersToOu.
import { BROWSER_ORDER_BY, type Projection, type SortOrder } from '../../../src/api/types';
import { NEEDS } from '../auth';
import { project } from '../browserDetails';
import { compileBrowserQuery } from '../browserQuery';
import { inListedOrgUnit, type EmuRequest, type EmulatorContext, type Reply } from '../context';
import { badRequest, notFound } from '../errors';
import { parseJsonObject } from '../httpUtil';
import { isOrderBy, sortedDeviceIds } from '../sortKeys';
import { bodyString, checkCustomer, intParam, resolveOrgUnit } from './common';

const MAX_MOVE = 600;

function parseProjection(raw: string | null): Projection {
  if (raw === null || raw === '') return 'BASIC';
  const v = raw.toUpperCase();
  if (v !== 'BASIC' && v !== 'FULL') throw badRequest(`Invalid value '${raw}' for projection: use BASIC or FULL.`);
  return v;
}

function authorize(ctx: EmulatorContext, req: EmuRequest, write: boolean) {
  const grant = ctx.accessTokens.authorize(req.raw, write ? NEEDS.browsersWrite : NEEDS.browsersRead, ctx.fleet);
  checkCustomer(ctx, req.params[0]);
  return grant;
}

export function listBrowsers(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, false);
  const q = req.query;
  const projection = parseProjection(q.get('projection'));
  const orderByRaw = q.get('orderBy') || undefined;
  if (orderByRaw !== undefined && !isOrderBy(orderByRaw)) {
    throw badRequest(`Invalid value '${orderByRaw}' for orderBy. Allowed values: ${BROWSER_ORDER_BY.join(', ')}.`);
  }
  const orderBy = orderByRaw;
  const sortRaw = q.get('sortOrder') || undefined;
  let sortOrder: SortOrder = 'ASCENDING';
  if (sortRaw !== undefined) {
    const v = sortRaw.toUpperCase();
    if (v !== 'ASCENDING' && v !== 'DESCENDING') throw badRequest(`Invalid value '${sortRaw}' for sortOrder: use ASCENDING or DESCENDING.`);
    if (!orderBy) throw badRequest('Invalid Input: sortOrder must be used together with orderBy.');
    sortOrder = v;
  }
  const ouRaw = q.get('orgUnitPath') || undefined;
  const ou = ouRaw === undefined ? undefined : resolveOrgUnit(ctx, ouRaw, 'orgUnitPath');
  const maxResults = intParam(req, 'maxResults', 1, 100, 100);
  const query = q.get('query') ?? '';
  const binding = JSON.stringify(['browsers', query, ou?.orgUnitPath ?? null, orderBy ?? null, sortOrder, projection]);

  const pageToken = q.get('pageToken') || undefined;
  const computeIds = (): string[] => {
    const matches = compileBrowserQuery(query);
    const found = [];
    for (const b of ctx.fleet.browsers.values()) {
      if (ou && !inListedOrgUnit(ctx.orgUnitScope, b.orgUnitPath ?? '', ou.orgUnitPath)) continue;
      if (matches(b)) found.push(b);
    }
    return sortedDeviceIds(found, orderBy, sortOrder);
  };
  const cursor = pageToken ? ctx.pageTokens.resume(pageToken, binding, computeIds) : ctx.pageTokens.start(binding, computeIds());
  const { ids: snapshotIds, offset } = cursor;
  const browsers = [];
  const end = Math.min(offset + maxResults, snapshotIds.length);
  for (let i = offset; i < end; i++) {
    const b = ctx.fleet.browsers.get(snapshotIds[i]);
    if (b) browsers.push(project(b, projection));
  }
  const nextPageToken = ctx.pageTokens.issue(cursor, end);
  const json: Record<string, unknown> = { kind: 'admin#directory#browserdevices' };
  if (browsers.length > 0) json.browsers = browsers;
  if (nextPageToken) json.nextPageToken = nextPageToken;
  return { json };
}

function findBrowser(ctx: EmulatorContext, deviceId: string) {
  const b = ctx.fleet.browsers.get(deviceId);
  if (!b) throw notFound(`Resource Not Found: deviceId ${deviceId}`);
  return b;
}

export function getBrowser(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, false);
  const projection = parseProjection(req.query.get('projection'));
  return { json: project(findBrowser(ctx, req.params[1]), projection) };
}

const ANNOTATIONS = ['annotatedUser', 'annotatedLocation', 'annotatedAssetId', 'annotatedNotes'] as const;

export function updateBrowser(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, true);
  const id = req.params[1];
  const b = findBrowser(ctx, id);
  const body = parseJsonObject(req.body);
  const bodyId = bodyString(body, 'deviceId');
  if (bodyId !== undefined && bodyId !== id)
    throw badRequest(`Invalid Input: deviceId in the body (${bodyId}) does not match the device in the URL (${id}).`);
  const changes: Record<string, string | undefined> = {};
  for (const f of ANNOTATIONS) {
    if (!(f in body)) continue;
    const v = body[f];
    if (v !== null && typeof v !== 'string') throw badRequest(`Invalid value for ${f}: expected a string.`);
    changes[f] = v === null || v === '' ? undefined : v;
  }
  ctx.fleet.patchBrowser(id, changes);
  return { json: project(b, 'BASIC') };
}

export function deleteBrowser(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, true);
  findBrowser(ctx, req.params[1]);
  ctx.fleet.deleteBrowser(req.params[1]);
  return { empty: true };
}

export function moveBrowsers(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, true);
  const body = parseJsonObject(req.body);
  const path = bodyString(body, 'org_unit_path', 'orgUnitPath');
  if (!path) throw badRequest('Invalid Input: org_unit_path is required (the destination org unit path or "id:…").');
  const ids = body.resource_ids ?? body.resourceIds;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x) => typeof x === 'string')) {
    throw badRequest('Invalid Input: resource_ids must be a non-empty list of device ids.');
  }
  if (ids.length > MAX_MOVE) throw badRequest(`Invalid Input: a maximum of ${MAX_MOVE} browsers may be moved per request (got ${ids.length}).`);
  const ou = resolveOrgUnit(ctx, path, 'org_unit_path');
  // All or nothing: one unknown or unmovable id fails the whole call and moves nothing.
  for (const id of ids) {
    if (!ctx.fleet.browsers.has(id)) throw badRequest(`Invalid Input: resource_ids contains an unknown device id: ${id}. No devices were moved.`);
    if (ctx.faults.isBadDevice(id))
      throw badRequest(`Failed to move device ${id} to ${ou.orgUnitPath}: the device cannot be moved. No devices were moved.`);
  }
  ctx.fleet.moveBrowsers(ids, ou.orgUnitPath);
  return { json: {} };
}
