// What the browser sort columns mean to an admin: a label, what the API sorts on, and words for the two
// directions. The API names (`orderBy`) stay the stored and sent values; people only see these. No vscode import.
import { v1beta1OrderByName, type BrowserSortKey, type SortOrder } from '../api/types';

type Kind = 'time' | 'text' | 'count' | 'version' | 'id';

export interface SortChoice {
  readonly orderBy: BrowserSortKey;
  readonly label: string;
  /** What the API sorts on, from the reference's description of the value. */
  readonly detail: string;
  readonly kind: Kind;
  /** The direction offered first: the one an admin usually wants (newest activity, oldest Chrome). */
  readonly first: SortOrder;
}

/** The useful ones first: finding stale, outdated or named machines. The rest follows the reference's list. */
export const SORT_CHOICES: readonly SortChoice[] = [
  {
    orderBy: 'last_activity',
    label: 'Last activity',
    detail: 'The latest of status report, policy fetch and registration',
    kind: 'time',
    first: 'DESCENDING',
  },
  { orderBy: 'machine_name', label: 'Machine name', detail: 'The name of the machine Chrome runs on', kind: 'text', first: 'ASCENDING' },
  {
    orderBy: 'browser_version_sortable',
    label: 'Chrome version',
    detail: 'The oldest Chrome version installed on the machine',
    kind: 'version',
    first: 'ASCENDING',
  },
  {
    orderBy: 'last_signed_in_user',
    label: 'Last signed-in user',
    detail: 'The user last signed in to the machine',
    kind: 'text',
    first: 'ASCENDING',
  },
  { orderBy: 'os_version_sortable', label: 'OS and version', detail: 'OS type, then its full version', kind: 'version', first: 'ASCENDING' },
  { orderBy: 'enrollment_date', label: 'Enrollment date', detail: 'When the browser enrolled', kind: 'time', first: 'DESCENDING' },
  {
    orderBy: 'last_sync',
    label: 'Last sync',
    detail: 'The last registration, policy sync or report (v1: the last policy fetch)',
    kind: 'time',
    first: 'DESCENDING',
  },
  { orderBy: 'org_unit', label: 'Org unit', detail: 'The org unit the browser is in', kind: 'text', first: 'ASCENDING' },
  { orderBy: 'annotated_user', label: 'Annotated user', detail: 'The user an administrator annotated', kind: 'text', first: 'ASCENDING' },
  { orderBy: 'annotated_location', label: 'Annotated location', detail: 'The location an administrator annotated', kind: 'text', first: 'ASCENDING' },
  { orderBy: 'annotated_asset_id', label: 'Asset ID', detail: 'The asset ID an administrator annotated', kind: 'text', first: 'ASCENDING' },
  { orderBy: 'notes', label: 'Notes', detail: 'The notes an administrator annotated', kind: 'text', first: 'ASCENDING' },
  { orderBy: 'extension_count', label: 'Extension count', detail: 'How many extensions the browser reported', kind: 'count', first: 'DESCENDING' },
  { orderBy: 'policy_count', label: 'Policy count', detail: 'How many policies the browser reported', kind: 'count', first: 'DESCENDING' },
  {
    orderBy: 'browser_version_channel',
    label: 'Chrome version and channel',
    detail: 'The last Chrome version and channel reported',
    kind: 'version',
    first: 'ASCENDING',
  },
  {
    orderBy: 'platform_major_version',
    label: 'OS and major version',
    detail: 'OS type and major version, e.g. Windows 10',
    kind: 'version',
    first: 'ASCENDING',
  },
  { orderBy: 'os_version', label: 'OS version', detail: 'The OS version as reported', kind: 'version', first: 'ASCENDING' },
  {
    orderBy: 'save_browsing_clickthrough',
    label: 'Safe Browsing click-throughs',
    detail: 'How many Safe Browsing warnings were clicked through',
    kind: 'count',
    first: 'DESCENDING',
  },
  {
    orderBy: 'virtual_device_id',
    label: 'Virtual device ID',
    detail: 'The virtual device ID (Chrome Management API v1 only)',
    kind: 'id',
    first: 'ASCENDING',
  },
  { orderBy: 'id', label: 'Device ID', detail: 'The device ID (a stable order without meaning)', kind: 'id', first: 'ASCENDING' },
];

const BY_ORDER_BY = new Map(SORT_CHOICES.map((c) => [c.orderBy, c]));

const DIRECTION_WORDS: Record<Kind, Record<SortOrder, string>> = {
  time: { DESCENDING: 'newest first', ASCENDING: 'oldest first' },
  version: { ASCENDING: 'oldest first', DESCENDING: 'newest first' },
  text: { ASCENDING: 'A to Z', DESCENDING: 'Z to A' },
  count: { DESCENDING: 'most first', ASCENDING: 'fewest first' },
  id: { ASCENDING: 'ascending', DESCENDING: 'descending' },
};

export function sortChoice(orderBy: BrowserSortKey): SortChoice {
  return BY_ORDER_BY.get(orderBy) ?? { orderBy, label: orderBy, detail: orderBy, kind: 'id', first: 'ASCENDING' };
}

/** "newest first", "A to Z", … */
export function directionWords(orderBy: BrowserSortKey, sortOrder: SortOrder): string {
  return DIRECTION_WORDS[sortChoice(orderBy).kind][sortOrder];
}

/** "Last activity, newest first": how folders and the view describe the active sort. */
export function describeSort(sort: { orderBy: BrowserSortKey; sortOrder: SortOrder }): string {
  return `${sortChoice(sort.orderBy).label}, ${directionWords(sort.orderBy, sort.sortOrder)}`;
}

/** The two directions, the usual one first. */
export function directionsOf(orderBy: BrowserSortKey): { sortOrder: SortOrder; label: string }[] {
  const first = sortChoice(orderBy).first;
  const second: SortOrder = first === 'ASCENDING' ? 'DESCENDING' : 'ASCENDING';
  return [first, second].map((sortOrder) => ({ sortOrder, label: directionWords(orderBy, sortOrder) }));
}

/**
 * The choices an API can sort by, each with the name the API itself uses (for the detail line): `apiName` maps a
 * column to that name, undefined when the API cannot sort by it (e.g. Safe Browsing click-throughs in v1, the
 * virtual device ID in v1.1beta1). The default is v1.1beta1's.
 */
export function availableSortChoices(apiName: (o: BrowserSortKey) => string | undefined = v1beta1OrderByName): (SortChoice & { apiName: string })[] {
  return SORT_CHOICES.flatMap((c) => {
    const name = apiName(c.orderBy);
    return name ? [{ ...c, apiName: name }] : [];
  });
}
