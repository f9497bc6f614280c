// Fast listing of a whole fleet. Paging through one listing costs one round-trip per 100 browsers, one after
// the other; here the fleet is cut into disjoint parts that are listed concurrently (a bounded number at a
// time), under a shared client-side rate limiter, and the result is de-duplicated by deviceId. No vscode import.
//
// How the fleet is cut, and why the result is exact:
// - One part per org unit, plus the root '/', when an org unit filter lists only that OU ('exact', like the
//   admin console). Google does not document whether sub-OUs are included (see orgUnitScope.ts). If they are
//   ('subtree'), the root part alone holds the whole fleet: as soon as any page shows a sub-unit's browser, the
//   other org unit parts are dropped (queued ones never start, running ones stop at their next page) and the
//   root part is split by registration time instead; the backend remembers it, so the next listing starts with
//   the root part only. De-duplication gives each browser once under both readings.
// - A part that turns out to be big is split further by registration time while it runs, so one OU holding
//   most of the fleet does not leave the other workers idle. Parts are listed ordered by enrollment_date
//   (lastRegistrationTime) ascending. To split a running part that has reached registration second t and
//   ends at hi (inclusive, or open), the running part keeps (t, m] and stops by itself at the first browser
//   registered after m (later ones follow in order); a new part lists `register:<m+1s>..<hi>`. The query's
//   time ranges are inclusive at second resolution, and each part also cuts at its own upper second
//   client-side, so [.., m] and [m+1s, ..] are disjoint and cover every instant. Browsers without a
//   registration time match no `register:` range: they stay with the part that has no lower bound, i.e. the
//   original listing of the OU, where they sort first (missing values sort first in ascending order, as in the
//   emulator; every enrolled browser registers, so this set is empty in practice). A query that already
//   constrains `register` is never split this way.
// - A browser that re-registers or moves OU during the listing may show up in two parts (dropped by dedupe)
//   or, like with any paged listing of live data, in none.
import { setMaxListeners } from 'events';
import type { CbcmBackend } from './backend';
import { cancelledError } from './errors';
import { knownOrgUnitScope, pageShowsSubtree, rememberOrgUnitScope } from './orgUnitScope';
import { TokenBucketLimiter, type RateLimiter } from './rateLimiter';
import type { ChromeBrowser, OrgUnit, Projection } from './types';
import { clock } from '../util/clock';

/**
 * 2,400 requests per minute is 40 per second; with Google's usual ~250 ms per page that is 10 requests in flight
 * exactly, so with 10 every page slower than 250 ms, and every part that ends, left quota unused (the listing
 * took ~1.3× its quota-bound time). More in flight make the limiter, not the round-trips, the bound; the limiter
 * still lets no more than the quota through, and splits (which cost extra pages) stay limited to 10 parts.
 */
export const DEFAULT_FLEET_CONCURRENCY = 16;
/**
 * Listings at once until the root's first page has shown how org unit filters are read: under 'subtree' every
 * org unit part started before that lists its subtree's first page for nothing, so fewer start blind.
 */
const CONCURRENCY_BEFORE_READING_KNOWN = 10;
/** Running parts up to which a registration-time split may add one (10 × 250 ms per page fill the quota). */
const SPLIT_CONCURRENCY = 10;
const ROOT = '/';
const SECOND = 1000;
/** Ranges shorter than this are not split further (browsers registered within seconds of each other). */
const MIN_SPLIT_SPAN_MS = 10 * SECOND;

export interface FleetListingOptions {
  projection?: Projection;
  /** Filter query, as for one listing. */
  query?: string;
  /** Listings running at the same time (default 10). */
  concurrency?: number;
  /** Shared by every listing of this call; default one bucket per backend (2,400 requests/minute). */
  limiter?: RateLimiter;
  /** The customer's org units when the caller has them (saves one request); listed otherwise. */
  orgUnits?: readonly OrgUnit[];
  /** Only this org unit (split by registration time only); default the whole account. */
  orgUnitPath?: string;
  /** Page size, 1..100 (default 100). */
  maxResults?: number;
  /** Split big parts by registration time (default true). */
  splitByRegistration?: boolean;
}

export interface FleetProgress {
  /** Distinct browsers yielded so far. */
  listed: number;
  /** Pages received across all parts. */
  pages: number;
  /** Parts created so far (org units + registration-time splits) and finished. */
  parts: number;
  partsDone: number;
}

interface Part {
  orgUnitPath: string;
  /** Inclusive lower bound, start of a second (ms); undefined: none (browsers without a registration time too). */
  lo?: number;
  /** Inclusive upper bound, start of a second (ms); undefined: open. Lowered when the part is split. */
  hi?: number;
  /** Registration second of the last browser received (ordered parts). */
  lastReg?: number;
  items: number;
  hasMore: boolean;
  /** Another part already lists everything this one would (the 'subtree' reading): stop at the next page. */
  superseded?: boolean;
}

/** One limiter per backend: concurrent listings of one account share the user's quota. */
const defaultLimiters = new WeakMap<CbcmBackend, RateLimiter>();

/** For a backend whose transport already waits for the account's budget on every request. */
const ALREADY_LIMITED: RateLimiter = {
  acquire: (signal) => (signal?.aborted ? Promise.reject(cancelledError('browsers.list')) : Promise.resolve()),
};

export function defaultLimiterFor(backend: CbcmBackend): RateLimiter {
  if (backend.requestLimiter) return ALREADY_LIMITED;
  let limiter = defaultLimiters.get(backend);
  if (!limiter) defaultLimiters.set(backend, (limiter = new TokenBucketLimiter()));
  return limiter;
}

/** Registration time truncated to its second (ms), or undefined. */
function registrationSecond(b: ChromeBrowser): number | undefined {
  if (!b.lastRegistrationTime) return undefined;
  const ms = Date.parse(b.lastRegistrationTime);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / SECOND) * SECOND;
}

/** `2024-01-31T12:00:00` (UTC, the query's second-resolution form). */
function queryTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * The query range of a split-off part. Its upper end is one second generous, and the part cuts at `hi` itself
 * (it is ordered): so the result is exact whether the server reads `..hi` as "up to the end of second hi" (the
 * emulator) or as "up to hi.000" (a translation to `<=`), which would otherwise lose browsers registered at
 * hi.001–hi.999.
 */
function registerTerm(part: Part): string | undefined {
  if (part.lo === undefined) return undefined;
  return `register:${queryTime(part.lo)}..${part.hi !== undefined ? queryTime(part.hi + SECOND) : ''}`;
}

/** True when the query already says something about registration time (then it is not split by it). */
function constrainsRegistration(query: string | undefined): boolean {
  return /(^|[\s(])register\s*:/i.test(query ?? '');
}

/**
 * Every browser of the account (or of `options.orgUnitPath`), in batches as they arrive, each browser once.
 * Order is not defined. Stops every listing when `signal` aborts, when the consumer stops iterating, or on the
 * first error (which it throws).
 */
export function listFleet(
  backend: CbcmBackend,
  options: FleetListingOptions = {},
  signal?: AbortSignal,
  onProgress?: (p: FleetProgress) => void,
): AsyncIterable<ChromeBrowser[]> {
  const concurrency = options.concurrency ?? DEFAULT_FLEET_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1 (got ${concurrency}).`);
  }
  return { [Symbol.asyncIterator]: () => new FleetListing(backend, options, concurrency, signal, onProgress).run() };
}

class FleetListing {
  private readonly abort = new AbortController();
  private readonly limiter: RateLimiter;
  private readonly split: boolean;
  private readonly queue: Part[] = [];
  private readonly running = new Set<Part>();
  private readonly seen = new Set<string>();
  private readonly batches: ChromeBrowser[][] = [];
  private readonly maxBuffered: number;
  private failure: { error: unknown } | undefined;
  /** Org unit filters include sub-units (learnt by this listing or an earlier one of the backend). */
  private subtree: boolean;
  /** The reading is known (from an earlier listing, or the root's first page), or does not matter. */
  private readingKnown: boolean;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducers: (() => void)[] = [];
  private readonly progress: FleetProgress = { listed: 0, pages: 0, parts: 0, partsDone: 0 };

  constructor(
    private readonly backend: CbcmBackend,
    private readonly options: FleetListingOptions,
    private readonly concurrency: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((p: FleetProgress) => void) | undefined,
  ) {
    this.limiter = options.limiter ?? defaultLimiterFor(backend);
    this.subtree = knownOrgUnitScope(backend) === 'subtree';
    this.readingKnown = this.subtree || Boolean(options.orgUnitPath);
    this.split = options.splitByRegistration !== false && !constrainsRegistration(options.query);
    this.maxBuffered = concurrency * 4;
    // Every running part (its request and its limiter wait) listens to the one abort signal: more than Node's
    // default of 10 listeners is expected here, not a leak.
    setMaxListeners(2 * concurrency + 4, this.abort.signal);
  }

  async *run(): AsyncGenerator<ChromeBrowser[], void, undefined> {
    const onAbort = (): void => this.stop(cancelledError('browsers.list'));
    if (this.signal?.aborted) throw cancelledError('browsers.list');
    this.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await this.addOrgUnitParts();
      for (;;) {
        const batch = this.batches.shift();
        if (batch) {
          this.releaseProducers();
          yield batch;
          continue;
        }
        if (this.failure) throw this.failure.error;
        if (this.running.size === 0 && this.queue.length === 0) return;
        await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
      }
    } finally {
      this.signal?.removeEventListener('abort', onAbort);
      // Consumer stopped early, failed, or finished: no listing may go on in the background.
      this.abort.abort();
      this.releaseProducers();
    }
  }

  /** One part per org unit; the root starts at once, while the org units are being listed. */
  private async addOrgUnitParts(): Promise<void> {
    const start = (path: string): void => {
      this.addPart({ orgUnitPath: path, items: 0, hasMore: true });
      this.pump();
    };
    if (this.options.orgUnitPath) return start(this.options.orgUnitPath);
    start(ROOT);
    // Org unit filters include sub-units: the root part lists the whole fleet, other parts would repeat it.
    if (this.subtree) return;
    let units = this.options.orgUnits;
    if (!units) {
      await this.limiter.acquire(this.abort.signal);
      units = await this.backend.listOrgUnits(this.abort.signal);
    }
    for (const path of new Set(units.map((u) => u.orgUnitPath))) if (path !== ROOT) start(path);
  }

  private addPart(part: Part): void {
    this.queue.push(part);
    this.progress.parts++;
  }

  /** Starts parts while slots are free: queued ones first, then splits of running ones. */
  private pump(): void {
    const slots = this.readingKnown ? this.concurrency : Math.min(this.concurrency, CONCURRENCY_BEFORE_READING_KNOWN);
    while (this.running.size < slots && !this.failure && !this.abort.signal.aborted) {
      // Parts that exist anyway (org units) use every slot; splits, which cost extra pages, only the first 10.
      const part = this.queue.shift() ?? (this.running.size < SPLIT_CONCURRENCY ? this.splitOne() : undefined);
      if (!part) return;
      this.running.add(part);
      this.listPart(part).then(
        () => {
          this.running.delete(part);
          this.progress.partsDone++;
          this.onProgress?.({ ...this.progress });
          this.pump();
          this.wake();
        },
        (error: unknown) => {
          this.running.delete(part);
          this.stop(error);
        },
      );
    }
  }

  /**
   * Halves the remaining registration-time range of the running part with the longest one. Called only when a
   * slot is idle, so a split costs at most a page request or two that would otherwise not be sent at all. (The
   * remaining count cannot be estimated well: registration times cluster in recent months with a long tail of
   * old devices, so halving time is the robust choice.)
   */
  private splitOne(): Part | undefined {
    if (!this.split) return undefined;
    // Requests already wait for the quota: another part would not list faster, only cost its extra pages.
    if (this.quotaSaturated()) return undefined;
    let best: { part: Part; end: number } | undefined;
    const now = Math.floor(clock.now() / SECOND) * SECOND;
    for (const part of this.running) {
      if (!part.hasMore || part.lastReg === undefined) continue;
      const end = part.hi ?? Math.max(now, part.lastReg);
      if (end - part.lastReg < MIN_SPLIT_SPAN_MS) continue;
      if (!best || end - part.lastReg > best.end - best.part.lastReg!) best = { part, end };
    }
    if (!best) return undefined;
    const { part, end } = best;
    const lastReg = part.lastReg!;
    const mid = Math.floor((lastReg + (end - lastReg) / 2) / SECOND) * SECOND;
    // The running part has already yielded up to lastReg, so it must keep at least that second.
    if (mid < lastReg || mid + SECOND > end) return undefined;
    const upper: Part = { orgUnitPath: part.orgUnitPath, lo: mid + SECOND, hi: part.hi, items: 0, hasMore: true };
    part.hi = mid;
    this.progress.parts++;
    return upper;
  }

  /** True while requests queue for the rate limiter (when it tells; a limiter that does not is never saturated). */
  private quotaSaturated(): boolean {
    const limiter = this.limiter === ALREADY_LIMITED ? this.backend.requestLimiter : this.limiter;
    return (limiter?.available ?? 0) < 0;
  }

  private async listPart(part: Part): Promise<void> {
    const signal = this.abort.signal;
    const base = this.options.query?.trim();
    const term = registerTerm(part);
    const query = [base, term].filter(Boolean).join(' ') || undefined;
    const pages = this.backend.listBrowsers(
      {
        projection: this.options.projection ?? 'BASIC',
        query,
        orgUnitPath: part.orgUnitPath,
        orderBy: this.split ? 'enrollment_date' : undefined,
        sortOrder: this.split ? 'ASCENDING' : undefined,
        maxResults: this.options.maxResults ?? 100,
      },
      signal,
    );
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (;;) {
        await this.waitForRoom();
        if (part.superseded) return;
        // One token per page request (retries inside the client back off on their own).
        await this.limiter.acquire(signal);
        const next = await iterator.next();
        if (signal.aborted) throw cancelledError('browsers.list');
        if (next.done) return;
        this.progress.pages++;
        let items = next.value.browsers;
        part.hasMore = Boolean(next.value.nextPageToken);
        if (part.hi !== undefined) {
          // Ordered by registration: everything from the first browser past `hi` belongs to a split-off part.
          const hi = part.hi;
          const cut = items.findIndex((b) => (registrationSecond(b) ?? -Infinity) > hi);
          if (cut >= 0) {
            items = items.slice(0, cut);
            part.hasMore = false;
          }
        }
        this.received(part, items);
        if (!part.hasMore) return;
        // A free slot may now find this part worth splitting.
        this.pump();
      }
    } finally {
      await iterator.return?.();
    }
  }

  private received(part: Part, items: readonly ChromeBrowser[]): void {
    if (!this.subtree && pageShowsSubtree(part.orgUnitPath, items)) this.learnSubtree();
    if (part.orgUnitPath === ROOT) this.readingKnown = true;
    const fresh: ChromeBrowser[] = [];
    for (const b of items) {
      const reg = registrationSecond(b);
      if (reg !== undefined) part.lastReg = reg;
      if (this.seen.has(b.deviceId)) continue;
      this.seen.add(b.deviceId);
      fresh.push(b);
    }
    part.items += items.length;
    if (fresh.length > 0) {
      this.progress.listed += fresh.length;
      this.batches.push(fresh);
    }
    this.onProgress?.({ ...this.progress });
    this.wake();
  }

  /** Back-pressure: a slow consumer (e.g. a file being written) pauses the listings instead of buffering the fleet. */
  private async waitForRoom(): Promise<void> {
    while (this.batches.length >= this.maxBuffered && !this.abort.signal.aborted) {
      await new Promise<void>((resolve) => this.wakeProducers.push(resolve));
    }
  }

  private releaseProducers(): void {
    const waiting = this.wakeProducers;
    this.wakeProducers = [];
    waiting.forEach((resolve) => resolve());
  }

  /** The server includes sub-units: in a whole-account listing, every part but the root's repeats it. */
  private learnSubtree(): void {
    this.subtree = true;
    rememberOrgUnitScope(this.backend, 'subtree');
    if (this.options.orgUnitPath) return;
    const kept = this.queue.filter((p) => p.orgUnitPath === ROOT);
    this.progress.partsDone += this.queue.length - kept.length;
    this.queue.splice(0, this.queue.length, ...kept);
    for (const p of this.running) if (p.orgUnitPath !== ROOT) p.superseded = true;
  }

  private stop(error: unknown): void {
    this.failure ??= { error };
    this.abort.abort();
    this.releaseProducers();
    this.wake();
  }

  private wake(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }
}
