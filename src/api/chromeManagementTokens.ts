// Chrome Management API v1 customers.enrollmentTokens: list, create, revoke (get exists too, unused by the UI).
// Differences from v1.1beta1 handled here: the org unit is an id in the body and in `filter`; tokens do not
// expire, so a lifetime is refused before any request; one active token per org unit (Google refuses a second);
// revoke returns the token. Token values are secrets: never logged.
import { convertTokenQueryToChromeManagementFilter } from '../query/chromeManagementFilter';
import { inputError } from './errors';
import type { HttpTransport } from './http';
import { cmTokensPath } from './chromeManagementPaths';
import type { OrgUnitIndex } from './chromeManagementOrgUnits';
import { tokenFromWire } from './chromeManagementWire';
import { listPages } from './listPages';
import { mapPages } from './paging';
import { seg } from './paths';
import type { CreateTokenOptions, EnrollmentToken, ListTokensOptions, TokenListPage } from './types';
import { checkCreateToken, checkListTokens, requireId } from './validation';

type Wire = Record<string, unknown>;

export const NO_EXPIRY_MESSAGE =
  'Enrollment tokens of the Chrome Management API v1 do not expire, so a lifetime or expiry time cannot be set. ' +
  'Create the token without one and revoke it when it is no longer needed (or switch "cbcm.apiVersion" back to v1.1beta1).';

export class ChromeManagementTokensApi {
  constructor(
    private readonly http: HttpTransport,
    private readonly customerId: string,
    private readonly orgUnits: OrgUnitIndex,
    private readonly maxPageRestarts: number,
    private readonly log?: (line: string) => void,
  ) {}

  list(options: ListTokensOptions, signal?: AbortSignal): AsyncIterable<TokenListPage> {
    checkListTokens(options);
    const { filter, untranslatable } = convertTokenQueryToChromeManagementFilter(options.query ?? '', { orgUnitPath: options.orgUnitPath });
    if (untranslatable.length > 0)
      throw inputError('tokens.list', `This token query cannot be sent to the Chrome Management API v1: ${untranslatable.join(' ')}`);
    const path = cmTokensPath(this.customerId);
    const query = { filter: filter || undefined, pageSize: options.pageSize };
    const pages = listPages<Wire, EnrollmentToken>(
      this.http,
      {
        operation: 'tokens.list',
        path,
        query,
        keyOf: (t) => t.tokenPermanentId,
        parse: async (wire, s) => {
          const items = Array.isArray(wire?.enrollmentTokens) ? (wire.enrollmentTokens as Wire[]) : [];
          await this.orgUnits.ensure(s, this.orgUnits.hasUnknown(items.map((w) => w.orgUnitId as string | undefined)));
          const next = typeof wire?.nextPageToken === 'string' && wire.nextPageToken ? wire.nextPageToken : undefined;
          return { items: items.map((w) => tokenFromWire(w, this.orgUnits.pathOf)), nextPageToken: next };
        },
      },
      { pageToken: options.pageToken, maxRestarts: this.maxPageRestarts, signal, log: this.log },
    );
    return mapPages(pages, (p) => ({ tokens: p.items, nextPageToken: p.nextPageToken }));
  }

  /** Never resent blindly (a second token could be created); see the v1.1beta1 client. */
  async create(options: CreateTokenOptions, signal?: AbortSignal): Promise<EnrollmentToken> {
    if (options.ttlSeconds !== undefined || options.expireTime !== undefined) throw inputError('tokens.create', NO_EXPIRY_MESSAGE);
    checkCreateToken(options);
    const body: Record<string, string> = { tokenType: 'ENROLLMENT_TOKEN_TYPE_CHROME_BROWSER' };
    // No org unit (or the root) means the root org unit, which is the API's default.
    if (options.orgUnitPath && options.orgUnitPath !== '/') body.orgUnitId = await this.orgUnits.idOf('tokens.create', options.orgUnitPath, signal);
    const wire = await this.http.send<Wire | undefined>(
      {
        operation: 'tokens.create',
        method: 'POST',
        path: cmTokensPath(this.customerId),
        body,
        idempotency: 'once',
        target: options.orgUnitPath,
        ifOutcomeUnknown: 'Check the enrollment token list before creating another token (an org unit can have only one active token).',
      },
      signal,
    );
    const token = tokenFromWire(wire ?? {}, this.orgUnits.pathOf);
    if (options.orgUnitPath && token.orgUnitPath === undefined) token.orgUnitPath = options.orgUnitPath;
    return token;
  }

  async revoke(tokenPermanentId: string, signal?: AbortSignal): Promise<EnrollmentToken | undefined> {
    requireId('tokens.revoke', 'token permanent ID', tokenPermanentId);
    const wire = await this.http.send<Wire | undefined>(
      {
        operation: 'tokens.revoke',
        method: 'POST',
        path: `${cmTokensPath(this.customerId)}/${seg(tokenPermanentId)}:revoke`,
        idempotency: 'idempotent',
        target: tokenPermanentId,
        doneIfAfterRetry: (err) => err.status === 400 && /already revoked/i.test(err.googleMessage ?? ''),
      },
      signal,
    );
    return wire ? tokenFromWire(wire, this.orgUnits.pathOf) : undefined;
  }
}
