// Restartable page iterator. Google's page tokens live one hour, so a listing of a large fleet can outlive
// its token: instead of failing, the listing starts again from the first page and skips items it already
// yielded, so the caller sees every item once.
import { ApiError, ApiOperation, cancelledError } from './errors';

export interface RawPage<T> {
  items: T[];
  nextPageToken?: string;
}

export interface RestartablePagesOptions<T> {
  operation: ApiOperation;
  /** Fetches one page; `pageToken` undefined means the first page. */
  fetchPage(pageToken: string | undefined, signal?: AbortSignal): Promise<RawPage<T>>;
  /** Stable identity used to drop items already yielded after a restart. */
  keyOf(item: T): string;
  /** Where the caller asked to start (a token from an earlier listing). */
  startPageToken?: string;
  maxRestarts: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** Yields pages; a page whose items were all yielded before a restart is skipped. */
export async function* restartablePages<T>(o: RestartablePagesOptions<T>): AsyncGenerator<RawPage<T>, void, undefined> {
  // Until a restart, only the ids of yielded pages are kept (not the items, which may be large and which the
  // caller may have dropped); the id set is built when a restart first needs it, so a normal listing does no
  // hashing per item. Each page's ids are kept as one string, joined by a line break: 100,000 small strings held
  // for the whole listing are what the garbage collector copies and promotes (a profile showed it as the
  // biggest share of this client's CPU beyond a bare fetch loop); one flat string per page is a single leaf. A
  // page with an id that holds a line break keeps its ids as they are, so the split is always exact.
  const yielded: (string | string[])[] = [];
  let seen: Set<string> | undefined;
  let pageToken = o.startPageToken;
  // Only tokens this iterator obtained may be replaced by a restart: a caller's start token that expired
  // cannot be restarted without repeating what the caller already has.
  let ownToken = false;
  let restarts = 0;
  let yieldedAny = false;
  for (;;) {
    if (o.signal?.aborted) throw cancelledError(o.operation);
    let page: RawPage<T>;
    try {
      page = await o.fetchPage(pageToken, o.signal);
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'pageTokenExpired' && ownToken && restarts < o.maxRestarts) {
        restarts++;
        if (!seen) seen = new Set(yielded.flatMap((ids) => (typeof ids === 'string' ? ids.split('\n') : ids)));
        o.log?.(`${o.operation}: page token expired, restarting the listing (${restarts}/${o.maxRestarts}), ${seen.size} items already listed`);
        pageToken = o.startPageToken;
        ownToken = false;
        continue;
      }
      throw e;
    }
    let fresh = page.items;
    if (seen) {
      const known = seen;
      fresh = [];
      for (const item of page.items) {
        const key = o.keyOf(item);
        if (key && known.has(key)) continue;
        if (key) known.add(key);
        fresh.push(item);
      }
    } else {
      yielded.push(joinedIds(page.items.map((item) => o.keyOf(item))));
    }
    const last = !page.nextPageToken;
    // An empty listing still yields one (empty) page so callers can show "no results".
    if (fresh.length > 0 || (last && !yieldedAny)) {
      yieldedAny = true;
      yield { items: fresh, nextPageToken: page.nextPageToken };
    }
    if (last) return;
    pageToken = page.nextPageToken;
    ownToken = true;
  }
}

/** A page's ids as one string (see `yielded`), or as they are when one of them holds the separator. */
function joinedIds(ids: string[]): string | string[] {
  for (const id of ids) if (id.includes('\n')) return ids;
  return ids.join('\n');
}

/** Every item across pages, in order. */
export async function* itemsOf<P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[]): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) yield* pick(page);
}

/** Collects every item (bounded by `limit` when given). */
export async function collectItems<P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[], limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  for await (const item of itemsOf(pages, pick)) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/** Maps pages lazily. */
export async function* mapPages<A, B>(pages: AsyncIterable<A>, map: (a: A) => B): AsyncGenerator<B, void, undefined> {
  for await (const page of pages) yield map(page);
}
