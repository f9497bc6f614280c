// chrome/enrollmentTokens: list, create, revoke.
import { NEEDS } from '../auth';
import type { EmuRequest, EmulatorContext, Reply } from '../context';
import { ApiError, badRequest, notFound } from '../errors';
import type { FleetToken } from '../fleet';
import { parseJsonObject } from '../httpUtil';
import { compileTokenQuery } from '../tokenQuery';
import { bodyString, checkCustomer, intParam, resolveOrgUnit } from './common';

const KIND = 'admin#directory#chromeEnrollmentToken';
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function authorize(ctx: EmulatorContext, req: EmuRequest, write: boolean) {
  const grant = ctx.accessTokens.authorize(req.raw, write ? NEEDS.browsersWrite : NEEDS.browsersRead, ctx.fleet);
  checkCustomer(ctx, req.params[0]);
  return grant;
}

/** The list item shape of the reference (snake_case creator_id/create_time/expire_time). */
export function tokenListItem(ctx: EmulatorContext, t: FleetToken): Record<string, unknown> {
  const item: Record<string, unknown> = {
    tokenId: t.tokenId,
    tokenPermanentId: t.tokenPermanentId,
    kind: KIND,
    orgUnitPath: t.orgUnitPath,
    state: ctx.fleet.tokenState(t),
    creator_id: t.creatorId,
    create_time: t.createTime,
    tokenType: t.tokenType,
    token: t.token,
    customerId: t.customerId,
  };
  if (t.expireTime) item.expire_time = t.expireTime;
  if (t.revokerId) item.revokerId = t.revokerId;
  if (t.revokeTime) item.revokeTime = t.revokeTime;
  return item;
}

export function listTokens(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, false);
  const q = req.query;
  const query = q.get('query') ?? '';
  const matches = compileTokenQuery(query);
  const ouRaw = q.get('orgUnitPath') || undefined;
  const ou = ouRaw === undefined ? undefined : resolveOrgUnit(ctx, ouRaw, 'orgUnitPath');
  const pageSize = intParam(req, 'pageSize', 1, 100, 100);
  const binding = JSON.stringify(['tokens', query, ou?.orgUnitPath ?? null]);
  const pageToken = q.get('pageToken') || undefined;
  const computeIds = (): string[] =>
    [...ctx.fleet.tokens.values()]
      .filter((t) => (!ou || t.orgUnitPath === ou.orgUnitPath) && matches(t, ctx.fleet.tokenState(t)))
      // Newest first; ties by id keep paging stable.
      .sort((a, b) => (a.createTime === b.createTime ? (a.tokenPermanentId < b.tokenPermanentId ? -1 : 1) : a.createTime < b.createTime ? 1 : -1))
      .map((t) => t.tokenPermanentId);
  const cursor = pageToken ? ctx.pageTokens.resume(pageToken, binding, computeIds) : ctx.pageTokens.start(binding, computeIds());
  const { ids: snapshotIds, offset } = cursor;
  const end = Math.min(offset + pageSize, snapshotIds.length);
  const items = [];
  for (let i = offset; i < end; i++) {
    const t = ctx.fleet.tokens.get(snapshotIds[i]);
    if (t) items.push(tokenListItem(ctx, t));
  }
  const nextPageToken = ctx.pageTokens.issue(cursor, end);
  const json: Record<string, unknown> = { kind: 'admin#directory#chromeEnrollmentTokens' };
  if (items.length > 0) json.chrome_enrollment_tokens = items;
  if (nextPageToken) json.nextPageToken = nextPageToken;
  return { json };
}

function parseTtlSeconds(ttl: string): number {
  const m = /^(\d+)(\.\d{1,9})?s$/.exec(ttl);
  const seconds = m ? Number(m[1] + (m[2] ?? '')) : NaN;
  if (!m || !(seconds > 0)) throw badRequest(`Invalid value for ttl: "${ttl}". Give a duration in seconds with an "s" suffix, e.g. "3600s".`);
  return seconds;
}

function parseExpireTime(ctx: EmulatorContext, value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/.exec(value);
  const t = m ? Date.parse(value) : NaN;
  const valid = m && !Number.isNaN(t) && new Date(t).getUTCDate() === Number(m[3]) && Number(m[4]) < 24;
  if (!valid) throw badRequest(`Invalid value for expire_time: "${value}". Use RFC 3339 UTC, e.g. "2030-04-30T19:22:44Z".`);
  if (t <= ctx.clock()) throw badRequest(`Invalid value for expire_time: "${value}" is in the past.`);
  return t;
}

export function createToken(ctx: EmulatorContext, req: EmuRequest): Reply {
  const grant = authorize(ctx, req, true);
  const body = parseJsonObject(req.body);
  const tokenType = bodyString(body, 'token_type', 'tokenType');
  if (tokenType === undefined) throw badRequest('Invalid Input: token_type is required; use "CHROME_BROWSER".');
  if (tokenType !== 'CHROME_BROWSER') throw badRequest(`Invalid value for token_type: "${tokenType}". Only "CHROME_BROWSER" is supported.`);
  const ouRaw = bodyString(body, 'org_unit_path', 'orgUnitPath');
  const ou = ouRaw === undefined || ouRaw === '' ? ctx.fleet.orgUnits.root : resolveOrgUnit(ctx, ouRaw, 'org_unit_path');
  const ttl = bodyString(body, 'ttl');
  const expire = bodyString(body, 'expire_time', 'expireTime');
  if (ttl !== undefined && expire !== undefined) throw badRequest('Invalid Input: give either ttl or expire_time, not both.');
  let expireMs: number | undefined;
  if (ttl !== undefined) expireMs = ctx.clock() + parseTtlSeconds(ttl) * 1000;
  if (expire !== undefined) expireMs = parseExpireTime(ctx, expire);
  const creator = ctx.fleet.findUser(grant.subject);
  const t = ctx.fleet.addToken({
    orgUnitPath: ou.orgUnitPath,
    creatorId: creator?.id,
    createTime: isoSeconds(ctx.clock()),
    expireTime: expireMs === undefined ? undefined : isoSeconds(expireMs),
  });
  const json: Record<string, unknown> = {
    tokenId: t.tokenId,
    tokenPermanentId: t.tokenPermanentId,
    kind: KIND,
    orgUnitPath: t.orgUnitPath,
    state: 'active',
    creatorId: t.creatorId,
    create_time: t.createTime,
    tokenType: t.tokenType,
    token: t.token,
    customerId: t.customerId,
  };
  if (t.expireTime) json.expire_time = t.expireTime;
  return { json };
}

export function revokeToken(ctx: EmulatorContext, req: EmuRequest): Reply {
  const grant = authorize(ctx, req, true);
  const t = ctx.fleet.tokens.get(req.params[1]);
  if (!t) throw notFound(`Resource Not Found: enrollment token ${req.params[1]}`);
  if (t.revokeTime) throw new ApiError(400, 'failedPrecondition', `The enrollment token ${t.tokenPermanentId} is already revoked.`);
  t.revokerId = ctx.fleet.findUser(grant.subject)?.id ?? grant.subject;
  t.revokeTime = isoSeconds(ctx.clock());
  ctx.fleet.version++;
  return { json: {} };
}
