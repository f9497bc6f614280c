// "Which browsers have this extension (this version, this permission, this policy)?" as a set of device ids and
// the cheapest way to list them. No vscode import.
//
// Neither API can filter by extension or policy: the v1.1beta1 `query` fields (chrome-browser-api.txt, "Filter
// Query Language") and the v1 `filter` fields (chrome-management-api-v1.md §5.2) only count them
// (`num_extensions`, `num_policies`; v1 `extension_count`, `policy_count`), and free-text search does not look
// into extensions or policies either. So the inventory's id set drives the listing: either each browser is
// fetched by id, or the org units that hold them are listed again and the listing is cut down to the set,
// whichever costs fewer requests.
import type { CbcmBackend } from '../api/backend';
import { isApiError } from '../api/errors';
import { defaultLimiterFor, listFleet } from '../api/fleetListing';
import type { RateLimiter } from '../api/rateLimiter';
import type { ChromeBrowser, OrgUnit, Projection } from '../api/types';
import type { InventoryAggregator } from './aggregator';
import type { BrowserIdSet } from './idSet';
import type { ExtensionDimension, InventoryScope } from './model';
import { l10n } from '../util/l10n';

export type InventoryTarget =
  /** An extension, or one value of one of its dimensions (a version, an install type, a permission, a state). */
  | { kind: 'extension'; key: string; dimension?: ExtensionDimension; value?: string }
  /** Any extension asking for this permission. */
  | { kind: 'permission'; permission: string }
  /** A policy; `problems`: only the browsers where it reports an error or a conflict. */
  | { kind: 'policy'; key: string; problems?: boolean };

export const noExtensionFilter = (): string =>
  l10n.t('The API cannot filter browsers by extension or policy, so these browsers are listed by their ids.');

/** Browsers per page of a listing (the maximum both APIs allow). */
const PAGE = 100;

export type ListingPlan =
  /** One `get` per browser. */
  | { kind: 'byId'; requests: number }
  /** List these org units (all of the scope when undefined) and keep only the selected browsers. */
  | { kind: 'scan'; orgUnitPaths?: string[]; requests: number };

export interface BrowserSelection {
  target: InventoryTarget;
  scope: InventoryScope;
  /** What the selection is, for a title ("Browsers with uBlock Origin 1.58.0"). */
  description: string;
  /** Policies: browsers with an error or a conflict first. Otherwise in the order they were listed. */
  deviceIds: string[];
  orgUnits: { orgUnitPath: string; browsers: number }[];
  /** False when the inventory behind it was partial: browsers not listed yet are missing. */
  complete: boolean;
  /** Always the id set (see noExtensionFilter); how it is cheapest to list. */
  listing: ListingPlan;
}

function setOf(agg: InventoryAggregator, target: InventoryTarget): { set?: BrowserIdSet; first?: BrowserIdSet[]; label: string } {
  switch (target.kind) {
    case 'extension': {
      const e = agg.extension(target.key);
      const name = e ? agg.extensionSummary(e).name || e.extensionId || target.key : target.key;
      if (!e) return { label: name };
      if (!target.dimension) return { set: e.all.browsers, label: l10n.t('Browsers with {0}', name) };
      const facet = e.dims[target.dimension].values.get(target.value ?? '');
      const what = target.value ? target.value : l10n.t('not reported');
      const label = {
        version: () => l10n.t('Browsers with {0} version {1}', name, what),
        installType: () => l10n.t('Browsers with {0} installed as {1}', name, what),
        permission: () => l10n.t('Browsers where {0} asks for {1}', name, what),
        state: () => l10n.t('Browsers with {0} {1}', name, target.value || l10n.t('(state not reported)')),
      }[target.dimension]();
      return { set: facet?.browsers, label };
    }
    case 'permission':
      return { set: agg.permission(target.permission)?.browsers, label: l10n.t('Browsers with an extension asking for {0}', target.permission) };
    case 'policy': {
      const p = agg.policy(target.key);
      const name = p ? (p.extensionName ? l10n.t('{0} of {1}', p.name, p.extensionName) : p.name) : target.key;
      if (!p) return { label: name };
      if (target.problems) return { first: [p.errors, p.conflicts], label: l10n.t('Browsers where {0} reports an error or a conflict', name) };
      return { set: p.all, first: [p.errors, p.conflicts], label: l10n.t('Browsers with {0}', name) };
    }
  }
}

/**
 * The browsers of `target` in the inventory (empty when the inventory has no such entry). Costs one pass over
 * the set; `complete` is the inventory's own completeness.
 */
export function selectBrowsers(agg: InventoryAggregator, target: InventoryTarget, complete: boolean): BrowserSelection {
  const { set, first = [], label } = setOf(agg, target);
  const indexes: number[] = [];
  const taken = new Set<number>();
  // Problem browsers first, then the rest of the set in listing order.
  const firstIndexes = first.flatMap((s) => [...s]).sort((a, b) => a - b);
  for (const i of firstIndexes) {
    if (!taken.has(i)) {
      taken.add(i);
      indexes.push(i);
    }
  }
  if (set) for (const i of set) if (!taken.has(i)) indexes.push(i);
  const orgUnits = agg.orgUnitsOf(indexes);
  return {
    target,
    scope: agg.scope,
    description: label,
    deviceIds: indexes.map((i) => agg.deviceIdAt(i)),
    orgUnits,
    complete,
    listing: planListing(indexes.length, orgUnits, agg.browsersPerOrgUnit()),
  };
}

/**
 * Requests each way costs: `byId` one per browser; `scan` one per page of every org unit holding one of them
 * (the whole scope when some report no org unit, as no org-unit listing would find those).
 */
export function planListing(selected: number, orgUnits: readonly { orgUnitPath: string }[], perOrgUnit: ReadonlyMap<string, number>): ListingPlan {
  const byId: ListingPlan = { kind: 'byId', requests: selected };
  if (selected === 0) return byId;
  let scan: ListingPlan;
  if (orgUnits.some((o) => o.orgUnitPath === '')) {
    const pages = [...perOrgUnit.values()].reduce((s, n) => s + Math.ceil(n / PAGE), 0);
    scan = { kind: 'scan', requests: pages + 1 };
  } else {
    const paths = orgUnits.map((o) => o.orgUnitPath).sort();
    scan = { kind: 'scan', orgUnitPaths: paths, requests: paths.reduce((s, p) => s + Math.max(1, Math.ceil((perOrgUnit.get(p) ?? 0) / PAGE)), 0) };
  }
  return scan.requests < byId.requests ? scan : byId;
}

export interface ListSelectionOptions {
  projection?: Projection;
  signal?: AbortSignal;
  /** Requests at the same time (default 10, as the fleet listing). */
  concurrency?: number;
  limiter?: RateLimiter;
  /** A selected browser the API no longer knows (deleted since the inventory was taken). */
  onNotFound?: (deviceId: string) => void;
}

/**
 * The selected browsers, fetched as the plan says, in batches. `byId` keeps the selection's order; `scan`
 * yields them in listing order and stops as soon as every selected browser was seen (those never seen were
 * deleted or moved out of the scope since; they are reported through `onNotFound` at the end).
 */
export async function* listSelection(
  backend: CbcmBackend,
  selection: BrowserSelection,
  o: ListSelectionOptions = {},
): AsyncGenerator<ChromeBrowser[]> {
  const projection = o.projection ?? 'BASIC';
  const concurrency = o.concurrency ?? 10;
  if (selection.listing.kind === 'byId') {
    const limiter = o.limiter ?? defaultLimiterFor(backend);
    for (let i = 0; i < selection.deviceIds.length; i += concurrency) {
      const chunk = selection.deviceIds.slice(i, i + concurrency);
      const got = await Promise.all(
        chunk.map(async (id) => {
          await limiter.acquire(o.signal);
          try {
            return await backend.getBrowser(id, projection, o.signal);
          } catch (error) {
            if (isApiError(error) && error.kind === 'notFound') {
              o.onNotFound?.(id);
              return undefined;
            }
            throw error;
          }
        }),
      );
      yield got.filter((b): b is ChromeBrowser => b !== undefined);
    }
    return;
  }
  const wanted = new Set(selection.deviceIds);
  const orgUnitPath = selection.scope.kind === 'orgUnit' ? selection.scope.orgUnitPath : undefined;
  const paths = selection.listing.orgUnitPaths;
  const listing = listFleet(
    backend,
    {
      projection,
      concurrency,
      limiter: o.limiter,
      ...(paths && paths.length === 1 ? { orgUnitPath: paths[0] } : orgUnitPath !== undefined ? { orgUnitPath } : {}),
      // Only the path of each org unit is read by the listing.
      ...(paths && paths.length > 1 ? { orgUnits: paths.map((p): OrgUnit => ({ orgUnitPath: p, name: p, orgUnitId: '' })) } : {}),
    },
    o.signal,
  );
  for await (const batch of listing) {
    const hits = batch.filter((b) => wanted.delete(b.deviceId));
    if (hits.length > 0) yield hits;
    if (wanted.size === 0) return;
  }
  for (const id of wanted) o.onNotFound?.(id);
}
