// When the fleet listing should cut a running registration-time part in two. A cut costs requests: the lower
// half ends on a page it does not fill (about half a page on average, thrown away), so every part beyond the
// first costs about half a request. It only pays when it brings the end of the listing forward, and that is
// judged by an estimate of when the listing ends: no sooner than the quota allows for the pages left, no sooner
// than the parts running now can fetch them one round-trip at a time, and no sooner than the longest part
// alone. No vscode import.

/** The part that halves, and what the listing is expected to gain from it. */
export interface SplitChoice {
  index: number;
  gainMs: number;
}

export interface ListingPace {
  /** Round-trip of one page (ms). */
  latencyMs: number;
  /** The quota, in requests per ms (Infinity: none known). */
  requestsPerMs: number;
  /** Requests the limiter lets through at once now (its burst); the quota term does not wait for those. */
  tokensAvailable: number;
}

/** Half a page: what the lower half of a cut throws away on its last page, on average. */
export const PAGES_LOST_PER_CUT = 0.5;

/** Estimated ms until the last page of `remaining` (pages left per running part) has arrived. */
export function finishMs(remaining: readonly number[], pace: ListingPace): number {
  if (remaining.length === 0) return 0;
  let total = 0;
  let longest = 0;
  for (const r of remaining) {
    total += r;
    longest = Math.max(longest, r);
  }
  const quotaBound = Math.max(0, total - Math.max(0, pace.tokensAvailable)) / pace.requestsPerMs;
  const roundTripBound = (total / remaining.length) * pace.latencyMs;
  return Math.max(quotaBound, roundTripBound, longest * pace.latencyMs);
}

/**
 * The part (of those `canSplit` allows) to halve next, or undefined when halving does not pay: `minGainMs` per
 * cut at least. It is always the part with most pages left, but one cut alone may gain nothing when several
 * parts are about as long (the end waits for the others), so cutting the j longest together is judged too,
 * j = 1.. all of them, and the best gain per cut counts. A half keeps half the pages; the lower one also the
 * half page the cut wastes.
 */
export function bestSplit(
  remaining: readonly number[],
  pace: ListingPace,
  minGainMs: number,
  canSplit: (index: number) => boolean = () => true,
): SplitChoice | undefined {
  const order = remaining
    .map((pages, index) => ({ pages, index }))
    .filter((c) => c.pages > 0 && canSplit(c.index))
    .sort((a, b) => b.pages - a.pages);
  if (order.length === 0) return undefined;
  const before = finishMs(remaining, pace);
  const after = [...remaining];
  let best: SplitChoice | undefined;
  for (let j = 0; j < order.length; j++) {
    const { pages, index } = order[j];
    after[index] = pages / 2 + PAGES_LOST_PER_CUT;
    after.push(pages / 2);
    const perCut = (before - finishMs(after, pace)) / (j + 1);
    if (perCut >= minGainMs && (!best || perCut > best.gainMs)) best = { index: order[0].index, gainMs: perCut };
  }
  return best;
}

/**
 * How far past where a running part has got to (ms of registration time) to cut it, given the time its own pages
 * have covered and the time it has left. Halfway when it has covered at least as much as it has left (the
 * browsers seen are a fair sample of the rest); less when it has seen little of a long range, since the
 * browsers may cluster in a sliver of it: the geometric mean of the two then puts the cut within reach of the
 * cluster after a few cuts, not after one empty page per halving. Never under `minMs` (or the time left).
 */
export function cutDistance(coveredMs: number, leftMs: number, minMs: number): number {
  if (leftMs <= 0) return 0;
  const geometric = Math.sqrt(Math.max(coveredMs, minMs) * leftMs);
  return Math.min(leftMs, Math.max(minMs, Math.min(leftMs / 2, geometric)));
}
