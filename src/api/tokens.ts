// Enrollment tokens: list, create, revoke (Directory API v1.1beta1). The reference shows the same fields in
// camelCase and snake_case, so responses are normalised here. Token values are secrets: never logged.
import { normalizeEnumValues } from '../query/normalize';
import type { HttpTransport } from './http';
import { listPages } from './listPages';
import { mapPages, type RawPage } from './paging';
import { seg, tokensPath } from './paths';
import { CreateTokenOptions, EnrollmentToken, ListTokensOptions, TokenListPage, TokenState } from './types';
import { checkCreateToken, checkListTokens, requireId } from './validation';

type WireRecord = Record<string, unknown>;

export class TokensApi {
  constructor(
    private readonly http: HttpTransport,
    private readonly customerId: string,
    private readonly maxPageRestarts: number,
    private readonly log?: (line: string) => void,
  ) {}

  list(options: ListTokensOptions, signal?: AbortSignal): AsyncIterable<TokenListPage> {
    checkListTokens(options);
    const path = tokensPath(this.customerId);
    // Enum values as documented (`active` → `ACTIVE`): stricter servers refuse other spellings.
    const query = {
      query: (options.query && normalizeEnumValues(options.query, 'tokens')) || undefined,
      orgUnitPath: options.orgUnitPath || undefined,
      pageSize: options.pageSize,
    };
    const pages = listPages<WireRecord, EnrollmentToken>(
      this.http,
      {
        operation: 'tokens.list',
        path,
        query,
        keyOf: (t) => t.tokenPermanentId,
        parse: (wire) => parseTokenList(wire),
      },
      { pageToken: options.pageToken, maxRestarts: this.maxPageRestarts, signal, log: this.log },
    );
    return mapPages(pages, (p) => ({ tokens: p.items, nextPageToken: p.nextPageToken }));
  }

  /**
   * Never resent blindly: a retry after the request may have reached Google could create a second token.
   * Only refusals that prove nothing happened (429, quota, connection refused) are retried.
   */
  async create(options: CreateTokenOptions, signal?: AbortSignal): Promise<EnrollmentToken> {
    checkCreateToken(options);
    const body: Record<string, string> = { token_type: 'CHROME_BROWSER' };
    if (options.orgUnitPath) body.org_unit_path = options.orgUnitPath;
    if (options.ttlSeconds !== undefined) body.ttl = `${options.ttlSeconds}s`;
    if (options.expireTime !== undefined) body.expire_time = options.expireTime;
    const wire = await this.http.send<WireRecord | undefined>(
      {
        operation: 'tokens.create',
        method: 'POST',
        path: tokensPath(this.customerId),
        body,
        idempotency: 'once',
        target: options.orgUnitPath,
        ifOutcomeUnknown: 'Check the enrollment token list before creating another token, so you do not end up with two.',
      },
      signal,
    );
    return normalizeToken(wire ?? {});
  }

  async revoke(tokenPermanentId: string, signal?: AbortSignal): Promise<void> {
    requireId('tokens.revoke', 'token permanent ID', tokenPermanentId);
    await this.http.send<unknown>(
      {
        operation: 'tokens.revoke',
        method: 'POST',
        path: `${tokensPath(this.customerId)}/${seg(tokenPermanentId)}:revoke`,
        idempotency: 'idempotent',
        target: tokenPermanentId,
        doneIfAfterRetry: (err) => err.status === 400 && /already revoked/i.test(err.googleMessage ?? ''),
      },
      signal,
    );
  }
}

export function parseTokenList(wire: WireRecord | undefined): RawPage<EnrollmentToken> {
  const raw = wire?.chromeEnrollmentTokens ?? wire?.chrome_enrollment_tokens ?? wire?.tokens;
  const list = Array.isArray(raw) ? (raw as WireRecord[]) : [];
  const next = wire?.nextPageToken ?? wire?.next_page_token;
  return { items: list.map(normalizeToken), nextPageToken: typeof next === 'string' && next ? next : undefined };
}

const STATES = new Set<string>(['active', 'expired', 'revoked']);

/** Maps the camelCase/snake_case variants of the reference onto `EnrollmentToken`. */
export function normalizeToken(raw: WireRecord): EnrollmentToken {
  const expiration = (raw.expiration ?? {}) as WireRecord;
  const state = str(raw.state, raw.tokenState, raw.token_state)?.toLowerCase();
  const token: EnrollmentToken = { tokenPermanentId: str(raw.tokenPermanentId, raw.token_permanent_id) ?? '' };
  assign(token, 'kind', str(raw.kind));
  assign(token, 'tokenId', str(raw.tokenId, raw.token_id));
  assign(token, 'token', str(raw.token));
  assign(token, 'customerId', str(raw.customerId, raw.customer_id));
  assign(token, 'orgUnitPath', str(raw.orgUnitPath, raw.org_unit_path));
  assign(token, 'state', state && STATES.has(state) ? (state as TokenState) : undefined);
  assign(token, 'tokenType', str(raw.tokenType, raw.token_type));
  assign(token, 'creatorId', str(raw.creatorId, raw.creator_id));
  assign(token, 'createTime', str(raw.creationTime, raw.createTime, raw.create_time, raw.creation_time));
  assign(token, 'expireTime', str(raw.expireTime, raw.expire_time, expiration.expireTime, expiration.expire_time));
  assign(token, 'ttl', str(raw.ttl, expiration.ttl));
  assign(token, 'revokerId', str(raw.revokerId, raw.revoker_id));
  assign(token, 'revokeTime', str(raw.revokeTime, raw.revoke_time));
  return token;
}

function str(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v !== '') return v;
  return undefined;
}

function assign<K extends keyof EnrollmentToken>(target: EnrollmentToken, key: K, value: EnrollmentToken[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
