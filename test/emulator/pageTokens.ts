// Opaque page tokens. A listing's first page takes a snapshot (the filtered, sorted ids); its page
// tokens point into that snapshot, are bound to the request parameters, and expire with the listing
// (counted from its first page, as Google's "a listing running over an hour fails"). Snapshots are
// kept in a bounded LRU; if one was dropped, the listing is recomputed from the current fleet.
import { randomBytes } from 'node:crypto';
import { ApiError } from './errors';

/** Where a listing stands: its ids, the offset of the page to serve, and when it started. */
export interface ListingCursor {
  ids: string[];
  offset: number;
  createdAt: number;
  binding: string;
  snapshotId: number;
}

interface TokenEntry {
  binding: string;
  snapshotId: number;
  createdAt: number;
  offset: number;
}

export const PAGE_TOKEN_EXPIRED_MESSAGE =
  'Invalid page token: the page token has expired (page tokens live 1 hour). Start the listing again from the first page.';

export class PageTokens {
  private readonly tokens = new Map<string, TokenEntry>();
  private readonly snapshots = new Map<number, string[]>();
  private heldIds = 0;
  private nextSnapshotId = 1;
  /** Faults: the next n uses of any page token fail as expired. */
  forcedExpiries = 0;

  constructor(
    private readonly clock: () => number,
    public lifetimeMs: number,
    /** Upper bound on ids held by all snapshots together (~8 bytes each). */
    private readonly maxSnapshotIds = 3_000_000,
  ) {}

  /** First page of a listing: remembers its ids. */
  start(binding: string, ids: string[]): ListingCursor {
    const snapshotId = this.nextSnapshotId++;
    this.snapshots.set(snapshotId, ids);
    this.heldIds += ids.length;
    this.trimSnapshots(snapshotId);
    return { ids, offset: 0, createdAt: this.clock(), binding, snapshotId };
  }

  /** A follow-up page; throws Google-style 400s for unknown, foreign or expired tokens. */
  resume(token: string, binding: string, recompute: () => string[]): ListingCursor {
    const entry = this.tokens.get(token);
    if (!entry) throw new ApiError(400, 'invalid', 'Invalid page token.');
    if (entry.binding !== binding) {
      throw new ApiError(
        400,
        'invalid',
        'Invalid page token: it belongs to a different listing (the query, orgUnitPath, orderBy, sortOrder and projection must stay the same across pages).',
      );
    }
    if (this.forcedExpiries > 0) {
      this.forcedExpiries--;
      throw new ApiError(400, 'invalid', PAGE_TOKEN_EXPIRED_MESSAGE);
    }
    if (this.clock() - entry.createdAt > this.lifetimeMs) {
      this.tokens.delete(token);
      throw new ApiError(400, 'invalid', PAGE_TOKEN_EXPIRED_MESSAGE);
    }
    let ids = this.snapshots.get(entry.snapshotId);
    if (ids) {
      // Most recently used last, so the LRU trim drops idle listings first.
      this.snapshots.delete(entry.snapshotId);
      this.snapshots.set(entry.snapshotId, ids);
    } else {
      ids = recompute();
      this.snapshots.set(entry.snapshotId, ids);
      this.heldIds += ids.length;
      this.trimSnapshots(entry.snapshotId);
    }
    return { ids, offset: entry.offset, createdAt: entry.createdAt, binding, snapshotId: entry.snapshotId };
  }

  /** The token for the page starting at `offset`, or undefined when the listing is done. */
  issue(cursor: ListingCursor, offset: number): string | undefined {
    if (offset >= cursor.ids.length) return undefined;
    this.evictExpiredTokens();
    const token = randomBytes(18).toString('base64url');
    this.tokens.set(token, { binding: cursor.binding, snapshotId: cursor.snapshotId, createdAt: cursor.createdAt, offset });
    return token;
  }

  clear(): void {
    this.tokens.clear();
    this.snapshots.clear();
    this.heldIds = 0;
  }

  private trimSnapshots(keep: number): void {
    for (const [id, ids] of this.snapshots) {
      if (this.heldIds <= this.maxSnapshotIds) break;
      if (id === keep) continue;
      this.snapshots.delete(id);
      this.heldIds -= ids.length;
    }
  }

  private evictExpiredTokens(): void {
    if (this.tokens.size < 20_000) return;
    const now = this.clock();
    for (const [k, e] of this.tokens) if (now - e.createdAt > this.lifetimeMs) this.tokens.delete(k);
  }
}
