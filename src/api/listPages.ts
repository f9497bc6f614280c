// One documented GET list call as a restartable listing (paging.ts). The four list calls (browsers and tokens, of
// both APIs) differ only in their path, query, item key and how a wire page becomes items; the rest is here once.
import type { ApiOperation } from './errors';
import type { HttpTransport, QueryValue } from './http';
import { restartablePages, type RawPage } from './paging';

export interface ListRequest<W, T> {
  operation: ApiOperation;
  path: string;
  /** Every parameter but `pageToken`, which the listing sets per page. */
  query: Record<string, QueryValue>;
  /** Stable identity used to drop items already yielded after a restart. */
  keyOf: (item: T) => string;
  /** A wire page (undefined: an empty answer) as items and the next page's token. */
  parse: (wire: W | undefined, signal?: AbortSignal) => RawPage<T> | Promise<RawPage<T>>;
}

export interface ListPaging {
  /** Where the caller asked to start (a token from an earlier listing). */
  pageToken?: string;
  maxRestarts: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export function listPages<W, T>(http: HttpTransport, request: ListRequest<W, T>, paging: ListPaging): AsyncGenerator<RawPage<T>, void, undefined> {
  const { operation, path, query } = request;
  return restartablePages<T>({
    operation,
    startPageToken: paging.pageToken,
    maxRestarts: paging.maxRestarts,
    signal: paging.signal,
    log: paging.log,
    keyOf: request.keyOf,
    fetchPage: async (pageToken, signal) => {
      const wire = await http.send<W | undefined>(
        { operation, method: 'GET', path, query: { ...query, pageToken }, idempotency: 'idempotent' },
        signal,
      );
      return request.parse(wire, signal);
    },
  });
}
