// Input checks run before any request, so a mistake costs no quota and gets a message saying what to fix.
import { ApiOperation, describeOperation as describe, inputError } from './errors';
import { BROWSER_SORT_KEYS, CreateTokenOptions, ListBrowsersOptions, ListTokensOptions } from './types';
import { clock } from '../util/clock';

const ORDER_BY = new Set<string>(BROWSER_SORT_KEYS);
const RFC3339_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * An id that becomes one URL path segment (device id, token permanent id). Besides empty ones, "." and ".." are
 * refused — URL normalisation would drop or climb them, so a DELETE of `/devices/chromebrowsers/..` would go to
 * `/devices/` — and so are slashes, backslashes and control characters, which no Google id contains.
 */
export function requireId(op: ApiOperation, what: string, id: unknown): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw inputError(op, `A ${what} is required to ${describe(op)}; it was empty. Pick the item again from the list.`);
  }
  // eslint-disable-next-line no-control-regex
  if (id === '.' || id === '..' || /[/\\\u0000-\u001f\u007f]/.test(id)) {
    const shown = JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);
    throw inputError(
      op,
      `${shown} is not a valid ${what}, so nothing was sent to ${describe(op)}: an id cannot be "." or "..", or contain "/", "\\" or control characters. Pick the item again from the list.`,
    );
  }
  return id;
}

/** Longest enrollment-token lifetime accepted: 10 years. The reference gives none; a longer one is surely a typo. */
export const MAX_TOKEN_TTL_SECONDS = 10 * 365 * 24 * 60 * 60;

export function checkPageSize(op: ApiOperation, name: 'maxResults' | 'pageSize', value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw inputError(op, `${name} must be a whole number from 1 to 100 (got ${String(value)}).`);
  }
}

export function checkListBrowsers(o: ListBrowsersOptions): void {
  const op: ApiOperation = 'browsers.list';
  checkPageSize(op, 'maxResults', o.maxResults);
  if (o.projection !== undefined && o.projection !== 'BASIC' && o.projection !== 'FULL') {
    throw inputError(op, `projection must be BASIC or FULL (got ${String(o.projection)}).`);
  }
  if (o.orderBy !== undefined && !ORDER_BY.has(o.orderBy)) {
    throw inputError(op, `orderBy "${String(o.orderBy)}" is not one of the documented values: ${BROWSER_SORT_KEYS.join(', ')}.`);
  }
  if (o.sortOrder !== undefined) {
    if (o.sortOrder !== 'ASCENDING' && o.sortOrder !== 'DESCENDING') {
      throw inputError(op, `sortOrder must be ASCENDING or DESCENDING (got ${String(o.sortOrder)}).`);
    }
    if (o.orderBy === undefined) {
      throw inputError(op, 'sortOrder only works together with orderBy: choose a column to sort by as well.');
    }
  }
  if (o.pageToken !== undefined && o.pageToken === '') throw inputError(op, 'pageToken was empty; omit it to start from the first page.');
}

export function checkListTokens(o: ListTokensOptions): void {
  checkPageSize('tokens.list', 'pageSize', o.pageSize);
  if (o.pageToken !== undefined && o.pageToken === '') {
    throw inputError('tokens.list', 'pageToken was empty; omit it to start from the first page.');
  }
}

/** `now` is the clock an expiry time is checked against (ms since the epoch). */
export function checkCreateToken(o: CreateTokenOptions, now: number = clock.now()): void {
  const op: ApiOperation = 'tokens.create';
  if (o.ttlSeconds !== undefined && o.expireTime !== undefined) {
    throw inputError(op, 'Give either a lifetime (ttl) or an expiry time (expire_time) for the enrollment token, not both.');
  }
  if (o.ttlSeconds !== undefined && (!Number.isInteger(o.ttlSeconds) || o.ttlSeconds <= 0 || o.ttlSeconds > MAX_TOKEN_TTL_SECONDS)) {
    throw inputError(
      op,
      `The token lifetime must be a whole number of seconds from 1 to ${MAX_TOKEN_TTL_SECONDS} (10 years) (got ${String(o.ttlSeconds)}). ` +
        'For a token that never expires, give no lifetime at all.',
    );
  }
  if (o.expireTime !== undefined && !isRfc3339Utc(o.expireTime)) {
    throw inputError(
      op,
      `The expiry time must be a UTC time in the form yyyy-MM-ddThh:mm:ssZ, e.g. 2026-12-31T23:59:59Z (got "${String(o.expireTime)}").`,
    );
  }
  if (o.expireTime !== undefined && Date.parse(o.expireTime) <= now) {
    throw inputError(op, `The expiry time ${o.expireTime} is not in the future, so the token could never be used. Choose a later time (UTC).`);
  }
  if (o.orgUnitPath !== undefined) checkOrgUnitPath(op, o.orgUnitPath);
}

/** Full path (`/Sales/EMEA`) or an id (`id:03ph8a2z...`), as the reference documents. */
export function checkOrgUnitPath(op: ApiOperation, path: unknown): string {
  if (typeof path !== 'string' || path.trim() === '') {
    throw inputError(op, `An org unit is required to ${describe(op)}: give its full path (e.g. /Sales) or "id:<orgUnitId>".`);
  }
  if (!path.startsWith('/') && !path.startsWith('id:')) {
    throw inputError(op, `Org unit "${path}" must be a full path starting with "/" (e.g. /Sales) or "id:<orgUnitId>".`);
  }
  return path;
}

export function isRfc3339Utc(value: string): boolean {
  const m = RFC3339_UTC.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2026-02-30 over to March: round-tripping rejects impossible dates.
  return (
    t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && s < 60
  );
}
