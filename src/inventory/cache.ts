// The last inventory of each scope, kept in memory with its time, so reopening is instant and reloading is the
// admin's choice ("Refresh"). Cleared when the account changes. No vscode import.
import { scopeKey } from '../overview/figures';
import type { InventoryAggregator } from './aggregator';
import type { Inventory, InventoryScope } from './model';
import { clock } from '../util/clock';

export interface CachedInventory {
  inventory: Inventory;
  /** The browser ids behind the counts; kept for partial inventories too (their selections are marked partial). */
  aggregator: InventoryAggregator;
  /** When it was loaded (the panel shows "as of …" and the age). */
  loadedAt: Date;
}

/** A few scopes at most: each entry holds one device id per browser of its scope plus the id sets. */
const MAX_ENTRIES = 3;

export class InventoryCache {
  private readonly entries = new Map<string, CachedInventory>();

  constructor(private readonly now: () => Date = () => clock.date()) {}

  get(scope: InventoryScope): CachedInventory | undefined {
    return this.entries.get(scopeKey(scope));
  }

  set(scope: InventoryScope, inventory: Inventory, aggregator: InventoryAggregator): CachedInventory {
    const key = scopeKey(scope);
    const entry: CachedInventory = { inventory, aggregator, loadedAt: this.now() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /** Milliseconds since the scope's inventory was loaded; undefined when none is cached. */
  ageMs(scope: InventoryScope): number | undefined {
    const entry = this.get(scope);
    return entry ? this.now().getTime() - entry.loadedAt.getTime() : undefined;
  }

  clear(): void {
    this.entries.clear();
  }
}
