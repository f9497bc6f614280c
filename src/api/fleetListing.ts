// Fast listing of a whole fleet. Paging through one listing costs one round-trip per 100 browsers, one after
// the other; here the fleet is cut into disjoint parts that are listed concurrently (a bounded number at a
// time), under a shared client-side rate limiter, and the result is de-duplicated by deviceId. No vscode import.
//
// How the fleet is cut, and why the result is exact:
// - By registration time (the default): one listing of the whole account (or of `options.orgUnitPath`), ordered
//   by enrollment_date (lastRegistrationTime) ascending, cut into time ranges. No org unit filter is involved,
//   so the two readings of one (see orgUnitScope.ts) cannot change what is listed or what it costs, and the org
//   units need not be listed first. Every part ends on a page it does not fill, so parts cost requests: only as
//   many are made as keep the quota busy (rate × round-trip, ~10 at 2,400/min and 250 ms, plus a margin), and a
//   running part is cut again only when that brings the end of the listing forward (fleetSplitPlan.ts: a part
//   left alone with many pages while the others finish).
//   Where to cut: browsers may cluster anywhere (a fleet enrolled in one week, two waves a year apart), and
//   equal time ranges up to now would leave nearly all of them in one range. So, beside the first page, one
//   request of a single browser ordered the other way tells the latest registration: the first cuts divide the
//   time between the first page and that browser, not up to now. A running part is cut again halfway through
//   what it has left while the fleet looks evenly spread; once a range has turned out empty (or began with a
//   long stretch of none), no further from where the part has got to than the geometric mean of the time its
//   own pages covered and the time it has left (fleetSplitPlan.ts cutDistance): halving blindly would take one
//   round-trip and one empty page per halving to find a cluster far smaller than the range; this takes a few.
//   A part's density counts from its first browser, so a gap before a cluster does not make it look sparse.
//   To cut a running part that has reached registration
//   second t and ends at hi (inclusive, or open), the running part keeps (t, m] and stops by itself at the first
//   browser registered after m (later ones follow in order); a new part lists `register:<m+1s>..<hi>`. The
//   query's time ranges are inclusive at second resolution, and each part also cuts at its own upper second
//   client-side, so [.., m] and [m+1s, ..] are disjoint and cover every instant. Browsers without a
//   registration time match no `register:` range: they stay with the part that has no lower bound, i.e. the
//   first listing, where they sort first (missing values sort first in ascending order, as in the emulator;
//   every enrolled browser registers, so this set is empty in practice).
// - By org unit, when the query already constrains `register` (or `splitByRegistration: false`): one part per
//   org unit, plus the root '/', when an org unit filter lists only that OU ('exact', like the admin console).
//   If the server includes sub-units ('subtree'), the root part alone holds the whole fleet: as soon as any page
//   shows a sub-unit's browser, the other org unit parts are dropped (queued ones never start, running ones
//   stop at their next page); the backend remembers it, so the next listing starts with the root part only.
//   De-duplication gives each browser once under both readings.
// - A browser that re-registers or moves OU during the listing may show up in two parts (dropped by dedupe)
//   or, like with any paged listing of live data, in none.
import { setMaxListeners } from 'events';
import type { CbcmBackend } from './backend';
import { cancelledError } from './errors';
import { bestSplit, cutDistance, type ListingPace } from './fleetSplitPlan';
import { knownOrgUnitScope, pageShowsSubtree, rememberOrgUnitScope } from './orgUnitScope';
import { TokenBucketLimiter, USER_REQUESTS_PER_MINUTE, type RateLimiter } from './rateLimiter';
import type { ChromeBrowser, ListBrowsersOptions, OrgUnit, Projection } from './types';
import { clock } from '../util/clock';

/**
 * Listings at once at most. In registration-time parts the quota decides how many actually run (about rate ×
 * round-trip); the org unit parts, which exist anyway, use them all.
 */
export const DEFAULT_FLEET_CONCURRENCY = 16;
/**
 * Listings at once until the root's first page has shown how org unit filters are read: under 'subtree' every
 * org unit part started before that lists its subtree's first page for nothing, so fewer start blind.
 */
const CONCURRENCY_BEFORE_READING_KNOWN = 10;
/**
 * Registration-time parts made after the first page, per request the quota lets through in one round-trip:
 * exactly enough to keep it busy. More are cut later only where they bring the end forward (fleetSplitPlan.ts).
 */
const PARTS_PER_QUOTA_ROUND_TRIP = 1;
const ROOT = '/';
const SECOND = 1000;
/** Ranges shorter than this are not split further (browsers registered within seconds of each other). */
const MIN_SPLIT_SPAN_MS = 10 * SECOND;

export interface FleetListingOptions {
  projection?: Projection;
  /** Filter query, as for one listing. */
  query?: string;
  /** Listings running at the same time at most (default 16). */
  concurrency?: number;
  /** Shared by every listing of this call; default one bucket per backend (2,400 requests/minute). */
  limiter?: RateLimiter;
  /** The customer's org units when the caller has them (saves one request when listing by org unit). */
  orgUnits?: readonly OrgUnit[];
  /** Only this org unit (split by registration time only); default the whole account. */
  orgUnitPath?: string;
  /** Page size, 1..100 (default 100). */
  maxResults?: number;
  /** Split by registration time (default true); false lists one part per org unit instead. */
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
  /** Undefined: the whole account (no org unit filter). */
  orgUnitPath?: string;
  /** Inclusive lower bound, start of a second (ms); undefined: none (browsers without a registration time too). */
  lo?: number;
  /** Inclusive upper bound, start of a second (ms); undefined: open. Lowered when the part is split. */
  hi?: number;
  /** Registration second of the first and of the last browser received (ordered parts). */
  firstReg?: number;
  lastReg?: number;
  items: number;
  hasMore: boolean;
  /** Browsers per ms of registration time: seen on its own pages, or its parent's until it has some. */
  density?: number;
  /** Another part already lists everything this one would (the 'subtree' reading): stop at the next page. */
  superseded?: boolean;
}

/** What the single-browser request in the other order said: the latest registration second, if any. */
type Latest = { known: false } | { known: true; second: number | undefined };

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

/** Start of the current second (ms): the end of an open range. */
function nowSecond(): number {
  return Math.floor(clock.now() / SECOND) * SECOND;
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
  /** Cut by registration time (one listing of the account or org unit), not by org unit. */
  private readonly byRegistration: boolean;
  private readonly pageSize: number;
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
  /** Round-trip of a page (ms), a moving average; undefined until the first page. */
  private latencyMs: number | undefined;
  private cutAfterFirstPage = false;
  /** The first part, once its first page has come and it still has more: waiting for `latest` to be cut. */
  private firstPart: Part | undefined;
  private latest: Latest = { known: false };
  /** A split-off range held no browser, or began with a long stretch of none: the fleet clusters in time. */
  private gapSeen = false;
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
    this.byRegistration = options.splitByRegistration !== false && !constrainsRegistration(options.query);
    this.readingKnown = this.byRegistration || this.subtree || Boolean(options.orgUnitPath);
    this.pageSize = options.maxResults ?? 100;
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
      if (this.byRegistration) {
        this.start({ orgUnitPath: this.options.orgUnitPath, items: 0, hasMore: true });
        this.probeLatest();
      } else await this.addOrgUnitParts();
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

  private start(part: Part): void {
    this.addPart(part);
    this.pump();
  }

  /** One part per org unit; the root starts at once, while the org units are being listed. */
  private async addOrgUnitParts(): Promise<void> {
    const start = (path: string): void => this.start({ orgUnitPath: path, items: 0, hasMore: true });
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
      const part = this.queue.shift() ?? (this.byRegistration ? this.splitOne() : undefined);
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

  /** The limiter that actually spaces the requests (the backend's own when its transport waits for it). */
  private pacingLimiter(): RateLimiter | undefined {
    return this.limiter === ALREADY_LIMITED ? this.backend.requestLimiter : this.limiter;
  }

  private pace(): ListingPace {
    const limiter = this.pacingLimiter();
    // A limiter that does not tell its rate stands for Google's per-user quota, the bound in any case.
    const perMinute = limiter?.requestsPerMinute ?? USER_REQUESTS_PER_MINUTE;
    return { latencyMs: this.latencyMs ?? 250, requestsPerMs: perMinute / 60_000, tokensAvailable: limiter?.available ?? 0 };
  }

  /**
   * Asks for the latest registered browser (one browser, the other order), alongside the first page: where the
   * fleet ends in time, so that the first cuts fall where the browsers are. Costs one request of the listing.
   */
  private probeLatest(): void {
    const probe = async (): Promise<void> => {
      await this.limiter.acquire(this.abort.signal);
      const pages = this.backend.listBrowsers(
        { ...this.listOptions(this.options.orgUnitPath, undefined), projection: 'BASIC', sortOrder: 'DESCENDING', maxResults: 1 },
        this.abort.signal,
      );
      const iterator = pages[Symbol.asyncIterator]();
      try {
        const next = await iterator.next();
        const b = next.done ? undefined : next.value.browsers[0];
        this.latest = { known: true, second: b && registrationSecond(b) };
      } finally {
        await iterator.return?.();
      }
      if (this.firstPart) this.cutAfterFirst(this.firstPart);
      this.pump();
    };
    // Only a hint: if it fails, the cuts go up to now as before (the listing's own requests report real errors).
    probe().catch(() => {
      if (this.abort.signal.aborted) return;
      this.latest = { known: true, second: undefined };
      if (this.firstPart) this.cutAfterFirst(this.firstPart);
      this.pump();
    });
  }

  /**
   * Registration-time end of a part's range. An open range ends at the latest registration the probe saw (later
   * browsers, registered during the listing, still come: the range stays open), or now when that is not known.
   */
  private endOf(part: Part): number {
    const latest = this.latest.known ? (this.latest.second ?? nowSecond()) : nowSecond();
    return part.hi ?? Math.max(latest, part.lastReg ?? part.lo ?? 0);
  }

  /** Pages a running part is expected to fetch still (at least the one it is waiting for). */
  private pagesLeft(part: Part): number {
    if (!part.hasMore) return 0;
    const from = part.lastReg ?? part.lo;
    if (part.density === undefined || from === undefined) return 1;
    return Math.max(1, (part.density * (this.endOf(part) - from)) / this.pageSize);
  }

  private canSplit(part: Part): boolean {
    return part.hasMore && part.lastReg !== undefined && this.endOf(part) - part.lastReg >= 2 * MIN_SPLIT_SPAN_MS;
  }

  /**
   * After the first page: cuts the rest of its range, up to the latest registration (probeLatest), into as many
   * equal time ranges as keep the quota busy. (Where browsers cluster in between is not known yet; the parts
   * that turn out big are cut again later, nearer once an empty range has shown the fleet clusters.)
   */
  private cutAfterFirst(part: Part): void {
    // Both the first page and the latest registration are needed; whichever comes second cuts.
    if (!this.latest.known) {
      this.firstPart = part;
      return;
    }
    this.firstPart = undefined;
    if (this.cutAfterFirstPage) return;
    this.cutAfterFirstPage = true;
    if (!this.canSplit(part)) return;
    const pace = this.pace();
    const from = part.lastReg!;
    const end = this.endOf(part);
    const wanted = Math.ceil(PARTS_PER_QUOTA_ROUND_TRIP * pace.requestsPerMs * pace.latencyMs);
    const count = Math.min(this.concurrency, wanted, Math.floor((end - from) / MIN_SPLIT_SPAN_MS));
    if (count < 2) return;
    const step = Math.floor((end - from) / count / SECOND) * SECOND;
    const hi = part.hi;
    // The running part keeps [.., from + step - 1 s] (it has yielded up to `from`); the others follow on.
    part.hi = from + step - SECOND;
    for (let k = 1; k < count; k++) {
      const lo = from + k * step;
      this.addPart({
        orgUnitPath: part.orgUnitPath,
        lo,
        hi: k === count - 1 ? hi : lo + step - SECOND,
        items: 0,
        hasMore: true,
        density: part.density,
      });
    }
  }

  /**
   * Halves the remaining registration-time range of the running part with most pages left, when that brings the
   * estimated end of the listing forward by at least a round-trip (fleetSplitPlan.ts). (Within a part, browsers
   * are taken as spread evenly over time: all that is known of it.)
   */
  private splitOne(): Part | undefined {
    if (!this.cutAfterFirstPage || this.firstPart) return undefined;
    const parts = [...this.running];
    const pace = this.pace();
    const choice = bestSplit(
      parts.map((p) => this.pagesLeft(p)),
      pace,
      pace.latencyMs,
      (i) => this.canSplit(parts[i]),
    );
    if (!choice) return undefined;
    const part = parts[choice.index];
    const lastReg = part.lastReg!;
    const end = this.endOf(part);
    const left = end - lastReg;
    // Halfway while the fleet looks evenly spread; once a gap has shown, no further than cutDistance puts it.
    const distance = this.gapSeen ? cutDistance(lastReg - (part.firstReg ?? lastReg), left, MIN_SPLIT_SPAN_MS) : left / 2;
    const mid = Math.floor((lastReg + distance) / SECOND) * SECOND;
    // The running part has already yielded up to lastReg, so it must keep at least that second.
    if (mid < lastReg || mid + SECOND > end) return undefined;
    const upper: Part = { orgUnitPath: part.orgUnitPath, lo: mid + SECOND, hi: part.hi, items: 0, hasMore: true, density: part.density };
    part.hi = mid;
    this.progress.parts++;
    return upper;
  }

  private async listPart(part: Part): Promise<void> {
    const signal = this.abort.signal;
    const pages = this.backend.listBrowsers(this.listOptions(part.orgUnitPath, registerTerm(part)), signal);
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (;;) {
        await this.waitForRoom();
        if (part.superseded) return;
        // One token per page request (retries inside the client back off on their own).
        await this.limiter.acquire(signal);
        // Let the consumer take what has arrived first: if it stops iterating on it, this request is not sent.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (signal.aborted) throw cancelledError('browsers.list');
        const sent = performance.now();
        const next = await iterator.next();
        if (signal.aborted) throw cancelledError('browsers.list');
        if (next.done) return;
        const took = performance.now() - sent;
        this.latencyMs = this.latencyMs === undefined ? took : 0.8 * this.latencyMs + 0.2 * took;
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
        if (this.byRegistration && !this.cutAfterFirstPage) this.cutAfterFirst(part);
        // A free slot may now find this part worth splitting.
        this.pump();
      }
    } finally {
      await iterator.return?.();
    }
  }

  private listOptions(orgUnitPath: string | undefined, term: string | undefined): ListBrowsersOptions {
    const query = [this.options.query?.trim(), term].filter(Boolean).join(' ') || undefined;
    return {
      projection: this.options.projection ?? 'BASIC',
      query,
      orgUnitPath,
      orderBy: this.byRegistration ? 'enrollment_date' : undefined,
      sortOrder: this.byRegistration ? 'ASCENDING' : undefined,
      maxResults: this.pageSize,
    };
  }

  private received(part: Part, items: readonly ChromeBrowser[]): void {
    if (!this.subtree && part.orgUnitPath !== undefined && pageShowsSubtree(part.orgUnitPath, items)) this.learnSubtree();
    if (part.orgUnitPath === ROOT) this.readingKnown = true;
    const fresh: ChromeBrowser[] = [];
    for (const b of items) {
      const reg = registrationSecond(b);
      if (reg !== undefined) {
        part.firstReg ??= reg;
        part.lastReg = reg;
      }
      if (this.seen.has(b.deviceId)) continue;
      this.seen.add(b.deviceId);
      fresh.push(b);
    }
    const firstPage = part.items === 0;
    part.items += items.length;
    if (firstPage && part.lo !== undefined) this.noteGap(part);
    // From its first browser, not from its lower bound: a range that starts with weeks of nothing (the gap before
    // a cluster) would otherwise look sparse, and be left to list the cluster alone.
    const from = part.firstReg ?? part.lo;
    if (from !== undefined && part.lastReg !== undefined) part.density = part.items / Math.max(SECOND, part.lastReg - from);
    if (fresh.length > 0) {
      this.progress.listed += fresh.length;
      this.batches.push(fresh);
    }
    this.onProgress?.({ ...this.progress });
    this.wake();
  }

  /**
   * After a split-off part's first page: a range with no browser, or one whose first browser comes after a
   * stretch of nothing ten times what its first page covered, shows the fleet clusters in time.
   */
  private noteGap(part: Part): void {
    if (part.firstReg === undefined || part.lastReg === undefined) {
      if (!part.hasMore) this.gapSeen = true;
      return;
    }
    if (part.firstReg - part.lo! > 10 * Math.max(MIN_SPLIT_SPAN_MS, part.lastReg - part.firstReg)) this.gapSeen = true;
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
