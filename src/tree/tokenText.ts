// How enrollment tokens read in rows, tooltips and confirmations, and their order. No vscode import.
import type { EnrollmentToken } from '../api/types';
import { relativeTime } from '../util/relativeTime';
import { clock } from '../util/clock';

/** Neither API can sort tokens (no orderBy), so folders order what they loaded by creation time. */
export type TokenOrder = 'newestFirst' | 'oldestFirst';
export const DEFAULT_TOKEN_ORDER: TokenOrder = 'newestFirst';
export const TOKEN_ORDER_WORDS: Record<TokenOrder, string> = { newestFirst: 'newest first', oldestFirst: 'oldest first' };

/** Permanent ids are long UUIDs: the first block tells tokens apart in a list; the tooltip has the whole id. */
export function tokenLabel(t: EnrollmentToken): string {
  return `Token ${t.tokenPermanentId.slice(0, 8)}`;
}

/** "2026-03-01" (UTC, like the API's times), or undefined when the API sent no usable time. */
export function createdDate(t: EnrollmentToken): string | undefined {
  const ms = t.createTime ? Date.parse(t.createTime) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/**
 * "active · created 2026-03-01 · /Sales · expires in 3 days". The org unit only where the folder mixes them (the
 * account-wide listing; inside an org unit's folder it would repeat the folder); an expiry only when there is one.
 */
export function tokenRowDescription(t: EnrollmentToken, options: { showOrgUnit: boolean }, now = clock.now()): string {
  const state = t.state ?? 'active';
  const created = createdDate(t);
  const expiry = t.expireTime ? `${state === 'expired' ? 'expired' : 'expires'} ${relativeTime(t.expireTime, now)}` : undefined;
  return [state, created ? `created ${created}` : undefined, options.showOrgUnit ? t.orgUnitPath : undefined, expiry].filter(Boolean).join(' · ');
}

/** One line per token in a confirmation: what the admin needs to recognise it, not only an id. */
export function tokenSummary(t: EnrollmentToken, now = clock.now()): string {
  const created = createdDate(t);
  const age = relativeTime(t.createTime, now);
  return [
    `${tokenLabel(t)} (${t.tokenPermanentId})`,
    `org unit ${t.orgUnitPath ?? 'not reported'}`,
    created ? `created ${created}${age ? ` (${age})` : ''}` : 'creation date not reported',
    t.creatorEmail ? `by ${t.creatorEmail}` : t.creatorId ? `by user id ${t.creatorId}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Newest (or oldest) first; tokens without a creation time last; ties by id so the order is stable. */
export function compareTokens(order: TokenOrder): (a: EnrollmentToken, b: EnrollmentToken) => number {
  const time = (t: EnrollmentToken) => {
    const ms = t.createTime ? Date.parse(t.createTime) : NaN;
    return Number.isNaN(ms) ? undefined : ms;
  };
  return (a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== tb) {
      if (ta === undefined) return 1;
      if (tb === undefined) return -1;
      return order === 'newestFirst' ? tb - ta : ta - tb;
    }
    return a.tokenPermanentId < b.tokenPermanentId ? -1 : a.tokenPermanentId > b.tokenPermanentId ? 1 : 0;
  };
}
