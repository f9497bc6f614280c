// The fleet inventory as plain, JSON-safe data (no vscode import): what the aggregator reports, what a panel
// would show and what snapshots store. Counts only; the browsers behind a count are asked for through
// `InventoryAggregator.select()` (src/inventory/selection.ts), never carried here.
import type { OverviewScope } from '../overview/figures';

/** The account or one org unit, as for the overview. */
export type InventoryScope = OverviewScope;

/** One value of one dimension (a version, an install type, a permission…) and how many have it. */
export interface FacetCount {
  /** '' when the field was not reported. */
  value: string;
  browsers: number;
  /** Browser profiles that have it (a browser with it in two profiles counts twice here, once in `browsers`). */
  profiles: number;
}

export interface PermissionCount extends FacetCount {
  /** A host permission (a match pattern such as `<all_urls>` or `https://*.example.com/*`), not an API permission. */
  host: boolean;
}

/** Extension dimensions a selection can narrow to. */
export type ExtensionDimension = 'version' | 'installType' | 'permission' | 'state';

export type ExtensionState = 'enabled' | 'disabled' | '';

export interface ExtensionSummary {
  /** Stable key of the entry: the extension id, or `?<name>` for entries that report no id. */
  key: string;
  /** undefined when the browsers did not report one. */
  extensionId?: string;
  /** The name most profiles report ('' when none). */
  name: string;
  /** Other names seen for the same id (renamed versions, locales), most frequent first. */
  otherNames: string[];
  browsers: number;
  profiles: number;
  versions: FacetCount[];
  installTypes: FacetCount[];
  permissions: PermissionCount[];
  /** enabled / disabled / '' (not reported). */
  states: FacetCount[];
  /** Versions beyond the tracked maximum, counted in `browsers` but not listed. */
  untrackedVersions: number;
}

/** Where a policy was found: the browser's machine policies, a profile's user policies, or an extension's policies. */
export type PolicyScope = 'machine' | 'user' | 'extension';

export interface ValueCount {
  value: string;
  browsers: number;
}

export interface PolicySummary {
  /** `name`, or `<extensionId>/<name>` for an extension's policy. */
  key: string;
  name: string;
  /** For extension policies. */
  extensionId?: string;
  extensionName?: string;
  browsers: number;
  scopes: { scope: PolicyScope; browsers: number }[];
  sources: ValueCount[];
  /** Distinct values, most common first (long values cut, see MAX_VALUE_LENGTH). */
  values: ValueCount[];
  /** Browsers whose value is not among `values` (more distinct values than are kept). */
  otherValueBrowsers: number;
  /** Browsers where it reports an error. */
  errors: number;
  /** Browsers where it has a conflict (see the aggregator for what counts as one). */
  conflicts: number;
  errorMessages: ValueCount[];
}

export interface InventoryTotals {
  browsers: number;
  /** Browsers whose record had no `browsers[]` at all (nothing to count: not reported, or a BASIC record). */
  withoutDetails: number;
  profiles: number;
  extensions: number;
  policies: number;
}

export interface Inventory {
  scope: InventoryScope;
  /** When the listing finished (or the partial inventory was taken), ISO 8601 UTC. */
  generatedAt: string;
  /** False while streaming, or when cancelled or failed part way: the counts then cover only the browsers listed. */
  complete: boolean;
  /** Why it is not complete (cancelled, or the error), when it stopped early. */
  interruption?: { kind: 'cancelled' | 'failed'; message: string };
  totals: InventoryTotals;
  /** Most browsers first. */
  extensions: ExtensionSummary[];
  /** Errors and conflicts first, then most browsers. */
  policies: PolicySummary[];
  /** Limits reached (too many distinct extensions…), for the admin. */
  warnings: string[];
}

/** Most browsers first, then most profiles, then by value. */
export function byBrowsers<T extends { browsers: number; value?: string; profiles?: number }>(a: T, b: T): number {
  return b.browsers - a.browsers || (b.profiles ?? 0) - (a.profiles ?? 0) || (a.value ?? '').localeCompare(b.value ?? '');
}
