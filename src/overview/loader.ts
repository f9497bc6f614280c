// Loads the overview's figures from a backend: the fast concurrent BASIC listing (aggregated batch by batch,
// as it streams), the enrollment tokens, and the device-id collision count (BASIC does not carry the
// collision flag, so it is counted with the API's own `has_device_id_collision:true` filter — a small listing).
// No vscode import.
import type { CbcmBackend } from '../api/backend';
import { listFleet, type FleetProgress } from '../api/fleetListing';
import { FleetAggregator } from './aggregator';
import type { FleetFigures, OverviewScope } from './figures';
import { clock } from '../util/clock';
import { knownOrgUnitScope } from '../api/orgUnitScope';
import type { ChromeBrowser } from '../api/types';
import { l10n } from '../util/l10n';

export interface OverviewProgress {
  browsers: number;
  pages: number;
}

export interface LoadOverviewOptions {
  scope: OverviewScope;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (p: OverviewProgress) => void;
  /** Called with partial figures at most every `partialEveryMs` (default 400 ms) while the listing streams. */
  onPartial?: (figures: FleetFigures) => void;
  partialEveryMs?: number;
  /** For tests and the benchmark: listings running at the same time. */
  concurrency?: number;
  /** The admin's stable major (0: assume it from the fleet), read whenever figures are taken. */
  stableMajorSetting?: () => number;
}

export interface OverviewResult {
  figures: FleetFigures;
  aggregator: FleetAggregator;
  /** CPU-side milliseconds spent aggregating (the benchmark's number; excludes waiting for the API). */
  aggregateMs: number;
  totalMs: number;
  /** Each browser listed (id and org unit only), for the tree's org unit counts: the listing is complete and unfiltered. */
  listed: ListedBrowser[];
  /**
   * For an org unit's overview: the API showed that its org unit filter includes sub-units, so the listing also
   * counted every sub-unit. False for the account (no org unit filter) and while the reading is not known.
   */
  includesSubUnits: boolean;
}

export type ListedBrowser = Pick<ChromeBrowser, 'deviceId' | 'orgUnitPath'>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && (error.name === 'AbortError' || (error as { kind?: string }).kind === 'cancelled'));
}

/**
 * Lists and aggregates. Throws when the browser listing fails or is cancelled (the caller keeps the partial
 * figures it received through `onPartial`); token and collision failures only add a warning.
 */
export async function loadOverview(backend: CbcmBackend, o: LoadOverviewOptions): Promise<OverviewResult> {
  const started = performance.now();
  const agg = new FleetAggregator({ scope: o.scope, now: o.now ?? clock.date(), stableMajorSetting: o.stableMajorSetting });
  const orgUnitPath = o.scope.kind === 'orgUnit' ? o.scope.orgUnitPath : undefined;
  const every = o.partialEveryMs ?? 400;
  let aggregateMs = 0;
  let lastPartial = performance.now();
  const listed: ListedBrowser[] = [];

  const side = Promise.all([countTokens(backend, agg, orgUnitPath, o.signal), countCollisions(backend, agg, orgUnitPath, o.signal)]);
  side.catch(() => undefined); // awaited below; never an unhandled rejection if the listing throws first

  const progress = (p: FleetProgress) => o.onProgress?.({ browsers: p.listed, pages: p.pages });
  for await (const batch of listFleet(backend, { projection: 'BASIC', orgUnitPath, concurrency: o.concurrency }, o.signal, progress)) {
    const t0 = performance.now();
    agg.addBrowsers(batch);
    for (const b of batch) listed.push({ deviceId: b.deviceId, orgUnitPath: b.orgUnitPath });
    aggregateMs += performance.now() - t0;
    if (o.onPartial && performance.now() - lastPartial >= every) {
      lastPartial = performance.now();
      o.onPartial(agg.figures(false));
    }
  }
  await side;
  const t0 = performance.now();
  const figures = agg.figures(true);
  aggregateMs += performance.now() - t0;
  const includesSubUnits = orgUnitPath !== undefined && knownOrgUnitScope(backend) === 'subtree';
  return { figures, aggregator: agg, aggregateMs, totalMs: performance.now() - started, listed, includesSubUnits };
}

async function countTokens(backend: CbcmBackend, agg: FleetAggregator, orgUnitPath: string | undefined, signal?: AbortSignal): Promise<void> {
  try {
    const tokens = [];
    for await (const page of backend.listTokens({ orgUnitPath, pageSize: 100 }, signal)) tokens.push(...page.tokens);
    agg.tokensListed();
    agg.addTokens(tokens);
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    agg.warn(l10n.t('Enrollment tokens could not be counted: {0}', describe(error)));
  }
}

async function countCollisions(backend: CbcmBackend, agg: FleetAggregator, orgUnitPath: string | undefined, signal?: AbortSignal): Promise<void> {
  try {
    let n = 0;
    for await (const page of backend.listBrowsers(
      { projection: 'BASIC', query: 'has_device_id_collision:true', orgUnitPath, maxResults: 100 },
      signal,
    )) {
      n += page.browsers.length;
    }
    agg.setCollisions(n);
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    agg.warn(l10n.t('Device-id collisions could not be counted: {0}', describe(error)));
  }
}
