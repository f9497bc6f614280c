// Loads the fleet inventory from a backend: the fast concurrent FULL listing (src/api/fleetListing.ts, the same
// the overview uses with BASIC), aggregated batch by batch as it streams, each batch dropped once read.
// Cancellation and failures do not throw: the result is then the partial inventory, marked `complete: false`
// with the reason, so what was already counted is not lost. No vscode import.
import type { CbcmBackend } from '../api/backend';
import { listFleet, type FleetProgress } from '../api/fleetListing';
import type { RateLimiter } from '../api/rateLimiter';
import type { OrgUnit } from '../api/types';
import { InventoryAggregator } from './aggregator';
import type { Inventory, InventoryScope } from './model';
import { displayLocale } from '../util/displayLocale';
import { l10n } from '../util/l10n';

export interface InventoryProgress {
  browsers: number;
  pages: number;
}

export interface LoadInventoryOptions {
  scope: InventoryScope;
  signal?: AbortSignal;
  onProgress?: (p: InventoryProgress) => void;
  /**
   * Called with the partial inventory at most every `partialEveryMs` (default 1,000 ms) while the listing streams,
   * and the aggregator behind it (it goes on growing: selections made from it are marked partial).
   */
  onPartial?: (inventory: Inventory, aggregator: InventoryAggregator) => void;
  partialEveryMs?: number;
  /** The customer's org units when the caller has them (saves a request). */
  orgUnits?: readonly OrgUnit[];
  /** For tests and the benchmark. */
  concurrency?: number;
  limiter?: RateLimiter;
}

export interface InventoryResult {
  inventory: Inventory;
  /** Holds the browser ids behind every count (for `selectBrowsers`), partial or not. */
  aggregator: InventoryAggregator;
  /** CPU-side milliseconds spent aggregating (excludes waiting for the API). */
  aggregateMs: number;
  totalMs: number;
}

function isCancellation(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && (error.name === 'AbortError' || (error as { kind?: string }).kind === 'cancelled'));
}

export async function loadInventory(backend: CbcmBackend, o: LoadInventoryOptions): Promise<InventoryResult> {
  const started = performance.now();
  const agg = new InventoryAggregator({ scope: o.scope });
  const every = o.partialEveryMs ?? 1000;
  let aggregateMs = 0;
  let lastPartial = performance.now();
  let interruption: Inventory['interruption'];
  const progress = (p: FleetProgress) => o.onProgress?.({ browsers: p.listed, pages: p.pages });
  try {
    const listing = listFleet(
      backend,
      {
        projection: 'FULL',
        orgUnitPath: o.scope.kind === 'orgUnit' ? o.scope.orgUnitPath : undefined,
        orgUnits: o.orgUnits,
        concurrency: o.concurrency,
        limiter: o.limiter,
      },
      o.signal,
      progress,
    );
    for await (const batch of listing) {
      const t0 = performance.now();
      agg.addBrowsers(batch);
      aggregateMs += performance.now() - t0;
      if (o.onPartial && performance.now() - lastPartial >= every) {
        lastPartial = performance.now();
        o.onPartial(agg.inventory(false), agg);
      }
    }
  } catch (error) {
    interruption = isCancellation(error, o.signal)
      ? {
          kind: 'cancelled',
          message: l10n.t('Cancelled after {0} browsers: the counts cover only those.', agg.browserCount.toLocaleString(displayLocale())),
        }
      : {
          kind: 'failed',
          message: l10n.t(
            'The listing stopped after {0} browsers: {1}',
            agg.browserCount.toLocaleString(displayLocale()),
            error instanceof Error ? error.message : String(error),
          ),
        };
  }
  const t0 = performance.now();
  const inventory = agg.inventory(interruption === undefined);
  if (interruption) inventory.interruption = interruption;
  aggregateMs += performance.now() - t0;
  return { inventory, aggregator: agg, aggregateMs, totalMs: performance.now() - started };
}
