// The last overview of each scope, kept in memory with its time so reopening the panel is instant and
// "Refresh" is the admin's choice. Cleared when the account changes. No vscode import.
import type { FleetAggregator } from './aggregator';
import { scopeKey, type FleetFigures, type OverviewScope } from './figures';

export interface CachedOverview {
  figures: FleetFigures;
  /** Holds the device ids a snapshot needs; undefined for partial (cancelled) loads. */
  aggregator?: FleetAggregator;
}

/** A few scopes at most: each entry holds the device ids of its scope (about 6 MB per 100,000 browsers). */
const MAX_ENTRIES = 4;

export class OverviewCache {
  private readonly entries = new Map<string, CachedOverview>();

  get(scope: OverviewScope): CachedOverview | undefined {
    return this.entries.get(scopeKey(scope));
  }

  set(scope: OverviewScope, entry: CachedOverview): void {
    const key = scopeKey(scope);
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
