// The enrollment-token `query` dialect: device_type and token_state.
import { badRequest } from './errors';
import type { FleetToken } from './fleet';
import { splitTerms } from './queryTerms';
import type { TokenState } from '../../src/api/types';

export type TokenPredicate = (t: FleetToken, state: TokenState) => boolean;

export const TOKEN_QUERY_FIELDS = ['device_type', 'token_state'];

export function compileTokenQuery(query: string | undefined): TokenPredicate {
  const preds: TokenPredicate[] = [];
  for (const term of splitTerms(query ?? '')) {
    // The reference: without operators the search finds all tokens, so free words do not filter.
    if (term.field === undefined) continue;
    const v = term.value.trim().toUpperCase();
    if (term.field === 'device_type') {
      if (v !== 'CHROME_BROWSER') throw badRequest(`Invalid Input: device_type supports only CHROME_BROWSER, got "${term.value}"`);
      preds.push((t) => t.tokenType === 'chromeBrowser');
    } else if (term.field === 'token_state') {
      if (v !== 'ACTIVE' && v !== 'EXPIRED' && v !== 'REVOKED') {
        throw badRequest(`Invalid Input: token_state supports ACTIVE, EXPIRED or REVOKED, got "${term.value}"`);
      }
      const wanted = v.toLowerCase();
      preds.push((_t, state) => state === wanted);
    } else {
      const lower = TOKEN_QUERY_FIELDS.find((f) => f === term.field!.toLowerCase());
      const hint = lower ? ` Field names are case-sensitive: use ${lower}.` : ` Known fields: ${TOKEN_QUERY_FIELDS.join(', ')}.`;
      throw badRequest(`Invalid Input: unknown query field "${term.field}".${hint}`);
    }
  }
  return (t, s) => preds.every((p) => p(t, s));
}
