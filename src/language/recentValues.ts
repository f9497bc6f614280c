// Values seen in the fleet, fed by the tree (e.g. from recentValuesFromBrowsers in src/query) and
// read by completions and the partial-word diagnostic. A single in-memory provider, set at runtime.
import type { Dialect } from '../query';

export interface RecentValuesStore {
  /** Values by query field name (e.g. machine_name → ["LAB-PC-01", ...]), or undefined if none are known. */
  valuesFor(dialect: Dialect): Readonly<Record<string, readonly string[]>> | undefined;
}

let provider: RecentValuesStore | undefined;

/** Sets (or clears, with undefined) where completions find recent fleet values. */
export function setRecentValuesProvider(store: RecentValuesStore | undefined): void {
  provider = store;
}

export function recentValuesFor(dialect: Dialect): Readonly<Record<string, readonly string[]>> | undefined {
  try {
    return provider?.valuesFor(dialect);
  } catch {
    return undefined; // a failing provider must never break typing
  }
}

/** A ready-made store: the tree calls `set(dialect, values)` after each listing. */
export class InMemoryRecentValues implements RecentValuesStore {
  private readonly byDialect = new Map<Dialect, Readonly<Record<string, readonly string[]>>>();

  set(dialect: Dialect, values: Readonly<Record<string, readonly string[]>>): void {
    this.byDialect.set(dialect, values);
  }

  /** Adds values seen in one more page, keeping the newest `cap` per field. */
  merge(dialect: Dialect, values: Readonly<Record<string, readonly string[]>>, cap = 100): void {
    const merged: Record<string, readonly string[]> = { ...this.byDialect.get(dialect) };
    for (const [field, list] of Object.entries(values)) {
      merged[field] = [...new Set([...list, ...(merged[field] ?? [])])].slice(0, cap);
    }
    this.byDialect.set(dialect, merged);
  }

  valuesFor(dialect: Dialect): Readonly<Record<string, readonly string[]>> | undefined {
    return this.byDialect.get(dialect);
  }
}
