// Chrome Management API v1 customers.enrollmentTokens: create, get, list, revoke. Same fleet tokens as the
// v1.1beta1 handlers. No expiry on create; at most one active token per org unit; revoke returns the token.
import { NEEDS } from '../auth';
import type { EmuRequest, EmulatorContext, Reply } from '../context';
import { ApiError, badRequest, notFound } from '../errors';
import type { FleetToken } from '../fleet';
import { parseJsonObject } from '../httpUtil';
import { compileTokenFilter, withIdPrefix } from './chromeManagementFilter';
import { toV1Token } from './chromeManagementWire';
import { checkCustomer, intParam } from './common';

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const TOKEN_ID = /^[a-zA-Z0-9._-]{1,63}$/;

function authorize(ctx: EmulatorContext, req: EmuRequest, write: boolean) {
  const grant = ctx.accessTokens.authorize(req.raw, write ? NEEDS.cmTokensWrite : NEEDS.cmTokensRead, ctx.fleet);
  checkCustomer(ctx, req.params[0]);
  return grant;
}

function findToken(ctx: EmulatorContext, id: string): FleetToken {
  const t = ctx.fleet.tokens.get(id);
  if (!t) throw notFound(`Requested entity was not found: enrollmentTokens/${id}`);
  return t;
}

export function listCmTokens(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, false);
  const q = req.query;
  for (const old of ['query', 'orgUnitPath', 'orderBy']) {
    if (q.has(old)) throw badRequest(`Invalid JSON payload received. Unknown name "${old}": Cannot bind query parameter.`, 'INVALID_ARGUMENT');
  }
  const filter = q.get('filter') ?? '';
  const matches = compileTokenFilter(ctx, filter);
  const pageSize = intParam(req, 'pageSize', 1, 100, 100);
  const binding = JSON.stringify(['cm-tokens', filter]);
  const computeIds = (): string[] =>
    [...ctx.fleet.tokens.values()]
      .filter((t) => matches(t, ctx.fleet.tokenState(t)))
      .sort((a, b) => (a.createTime === b.createTime ? (a.tokenPermanentId < b.tokenPermanentId ? -1 : 1) : a.createTime < b.createTime ? 1 : -1))
      .map((t) => t.tokenPermanentId);
  const pageToken = q.get('pageToken') || undefined;
  const cursor = pageToken ? ctx.pageTokens.resume(pageToken, binding, computeIds) : ctx.pageTokens.start(binding, computeIds());
  const end = Math.min(cursor.offset + pageSize, cursor.ids.length);
  const items = [];
  for (let i = cursor.offset; i < end; i++) {
    const t = ctx.fleet.tokens.get(cursor.ids[i]);
    if (t) items.push(toV1Token(ctx, req.params[0], t));
  }
  const nextPageToken = ctx.pageTokens.issue(cursor, end);
  const json: Record<string, unknown> = {};
  if (items.length > 0) json.enrollmentTokens = items;
  if (nextPageToken) json.nextPageToken = nextPageToken;
  return { json };
}

export function getCmToken(ctx: EmulatorContext, req: EmuRequest): Reply {
  authorize(ctx, req, false);
  return { json: toV1Token(ctx, req.params[0], findToken(ctx, req.params[1])) };
}

export function createCmToken(ctx: EmulatorContext, req: EmuRequest): Reply {
  const grant = authorize(ctx, req, true);
  const body = parseJsonObject(req.body);
  for (const key of Object.keys(body)) {
    if (!['tokenType', 'orgUnitId', 'name'].includes(key)) {
      throw badRequest(`Invalid JSON payload received. Unknown name "${key}" at 'enrollment_token': Cannot find field.`, 'INVALID_ARGUMENT');
    }
  }
  const type = body.tokenType;
  if (type !== undefined && type !== 'ENROLLMENT_TOKEN_TYPE_CHROME_BROWSER') {
    throw badRequest(
      `Invalid value at 'enrollment_token.token_type': "${typeof type === 'string' ? type : JSON.stringify(type)}". Use ENROLLMENT_TOKEN_TYPE_CHROME_BROWSER.`,
      'INVALID_ARGUMENT',
    );
  }
  const ouRaw = body.orgUnitId;
  if (ouRaw !== undefined && typeof ouRaw !== 'string')
    throw badRequest("Invalid value at 'enrollment_token.org_unit_id': expected a string.", 'INVALID_ARGUMENT');
  const ou = ouRaw ? ctx.fleet.orgUnits.resolve(withIdPrefix(ouRaw)) : ctx.fleet.orgUnits.root;
  if (!ou) throw badRequest(`Invalid argument: orgUnitId "${String(ouRaw)}" is not an existing organizational unit.`, 'INVALID_ARGUMENT');
  const wantedId = req.query.get('enrollmentTokenId') || undefined;
  if (wantedId !== undefined) {
    if (!TOKEN_ID.test(wantedId))
      throw badRequest(`Invalid enrollmentTokenId "${wantedId}": 1-63 characters from [a-zA-Z0-9._-].`, 'INVALID_ARGUMENT');
    if (ctx.fleet.tokens.has(wantedId)) throw new ApiError(409, 'ALREADY_EXISTS', `Enrollment token ${wantedId} already exists.`);
  }
  const active = [...ctx.fleet.tokens.values()].find((t) => t.orgUnitPath === ou.orgUnitPath && ctx.fleet.tokenState(t) === 'active');
  if (active) {
    throw badRequest(
      `Precondition check failed: the org unit ${ou.orgUnitPath} already has an active enrollment token (${active.tokenPermanentId}). Revoke it before creating a new one.`,
      'FAILED_PRECONDITION',
    );
  }
  const creator = ctx.fleet.findUser(grant.subject);
  const t = ctx.fleet.addToken({
    orgUnitPath: ou.orgUnitPath,
    creatorId: creator?.id,
    createTime: isoSeconds(ctx.clock()),
    ...(wantedId ? { tokenPermanentId: wantedId } : {}),
  });
  return { json: toV1Token(ctx, req.params[0], t) };
}

export function revokeCmToken(ctx: EmulatorContext, req: EmuRequest): Reply {
  const grant = authorize(ctx, req, true);
  const t = findToken(ctx, req.params[1]);
  if (t.revokeTime)
    throw badRequest(`Precondition check failed: the enrollment token ${t.tokenPermanentId} is already revoked.`, 'FAILED_PRECONDITION');
  t.revokerId = ctx.fleet.findUser(grant.subject)?.id ?? grant.subject;
  t.revokeTime = isoSeconds(ctx.clock());
  ctx.fleet.version++;
  return { json: toV1Token(ctx, req.params[0], t) };
}
