import { redactSecrets } from '../api/errors';
import type { BrowserSortKey, SortOrder } from '../api/types';
import { describeSort } from './browserSort';
import type { TokenOrder } from './tokenText';

export type ListingKind = 'browsers' | 'tokens';

/** A filter applies to one kind of listing, across the account or in one OU only. */
export interface ListingFilter {
  readonly query: string;
  /** undefined: every OU and the account-wide listing; otherwise only that OU's listing. */
  readonly orgUnitPath?: string;
}

export interface BrowserSort {
  readonly orderBy: BrowserSortKey;
  readonly sortOrder: SortOrder;
}

/** What the admin chose for the explorer; persisted in workspaceState so it survives a reload. */
export interface ExplorerViewState {
  browserFilter?: ListingFilter;
  tokenFilter?: ListingFilter;
  sort?: BrowserSort;
  /** Order of enrollment tokens by creation time (sorted in the tree: the APIs cannot); default newest first. */
  tokenOrder?: TokenOrder;
}

/** The query a listing of `kind` in `orgUnitPath` should send (undefined: no filter). */
export function queryFor(state: ExplorerViewState, kind: ListingKind, orgUnitPath: string | undefined): string | undefined {
  const filter = kind === 'browsers' ? state.browserFilter : state.tokenFilter;
  if (!filter) return undefined;
  if (filter.orgUnitPath !== undefined && filter.orgUnitPath !== orgUnitPath) return undefined;
  return filter.query;
}

/** Text for the view's description, e.g. `browsers: os:"Windows 10" · sorted by Machine name, Z to A`. */
export function describeState(state: ExplorerViewState): string | undefined {
  const parts: string[] = [];
  const describe = (kind: ListingKind, f: ListingFilter | undefined) => {
    if (f) parts.push(`${kind}: ${redactSecrets(f.query)}${f.orgUnitPath ? ` (in ${f.orgUnitPath})` : ''}`);
  };
  describe('browsers', state.browserFilter);
  describe('tokens', state.tokenFilter);
  if (state.sort) parts.push(`sorted by ${describeSort(state.sort)}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** Whether a query holds a value that must never be stored or shown (an enrollment token's). */
export function holdsSecret(query: string): boolean {
  return redactSecrets(query) !== query;
}

/**
 * The state as it may be persisted in workspaceState: a filter holding an enrollment-token value is left out (the
 * filter works for this session; after a reload the explorer is unfiltered rather than keeping the value on disk).
 */
export function persistableState(state: ExplorerViewState): ExplorerViewState {
  const out: ExplorerViewState = { ...state };
  if (out.browserFilter && holdsSecret(out.browserFilter.query)) delete out.browserFilter;
  if (out.tokenFilter && holdsSecret(out.tokenFilter.query)) delete out.tokenFilter;
  return out;
}
