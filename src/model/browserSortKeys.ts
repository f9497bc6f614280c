// The columns the explorer sorts browsers by, as chromebrowsers.list documents its `orderBy` values (typos
// included), plus the v1-only ones. Their own file, importing nothing: src/api builds requests from them and
// src/query maps them to the v1 field table, and src/query must not import src/api (src/api builds on it).

export type SortOrder = 'ASCENDING' | 'DESCENDING';

/** Every documented `orderBy` value of chromebrowsers.list (spelling as documented, typos included). */
export const BROWSER_ORDER_BY = [
  'id',
  'last_sync',
  'machine_name',
  'extension_count',
  'policy_count',
  'os_version',
  'last_signed_in_user',
  'annotated_user',
  'annotated_location',
  'annotated_asset_id',
  'notes',
  'browser_version_channel',
  'org_unit',
  'enrollment_date',
  'save_browsing_clickthrough',
  'platform_major_version',
  'last_activity',
  'browser_version_sortable',
  'os_version_sortable',
] as const;
export type BrowserOrderBy = (typeof BROWSER_ORDER_BY)[number];

/**
 * Sort columns only the Chrome Management API v1 offers (no v1.1beta1 orderBy value): spelled as their v1
 * orderBy name. The v1.1beta1 backend refuses them before any request.
 */
export const V1_ONLY_SORT_KEYS = ['virtual_device_id'] as const;
/** What the UI sorts by: a v1.1beta1 orderBy value, or a v1-only column. */
export type BrowserSortKey = BrowserOrderBy | (typeof V1_ONLY_SORT_KEYS)[number];
export const BROWSER_SORT_KEYS: readonly BrowserSortKey[] = [...BROWSER_ORDER_BY, ...V1_ONLY_SORT_KEYS];

/** The v1.1beta1 name of a sort column: itself, or undefined for a v1-only column. */
export function v1beta1OrderByName(key: BrowserSortKey): BrowserOrderBy | undefined {
  return (BROWSER_ORDER_BY as readonly string[]).includes(key) ? (key as BrowserOrderBy) : undefined;
}
