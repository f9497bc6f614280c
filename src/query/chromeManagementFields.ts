// THE table of Chrome Management API v1 browser field names (reference §2.1, §5.1-5.2 and its December update).
// The filter translation (chromeManagementFilter.ts), the sort (chromeManagementBrowsers.ts: CM_ORDER_BY) and the
// dialect's completions, hover and diagnostics (CHROME_MANAGEMENT_FIELDS) all derive from V1_BROWSER_FIELDS, so a
// name is spelled in one place only.
//
// Filter: `=` and `:` on strings, integers, enums; `=`, `<=`, `>=` on timestamps; terms joined with AND; `*`
// wildcards only on machine_name, annotated_asset_id and browser_version. `aliases` are the v1.1beta1 names,
// reported as unknown with a fix to the v1 name.
//
// orderBy: the current REST page's list begins browser_permanent_id, virtual_device_id, last_policy_fetch_time,
// annotated_user (`orderBy.current`); its tail could not be read, so the other names are the older generated
// client's list, verbatim (`orderBy.current === false`). last_sync is NOT sent: last_policy_fetch_time replaced it.
import type { BrowserSortKey } from '../model/browserSortKeys';
import type { FieldSpec } from './types';

const STR =
  'Operators `=` and `:`. The reference does not say what a plain value matches (a whole word as in v1.1beta1, the whole value, a prefix or a substring); no wildcard is documented for this field.';
const WILD =
  'Operators `=` and `:`. Wildcards: `prefix*`, `*suffix`, `*part*`, or `*` for "has a value". The reference does not say what a plain value matches, so write `"*part*"` to find a part of the value.';
const TIME = 'Timestamp: `=`, `<=` or `>=` with an RFC 3339 time in double quotes, e.g. `"2026-01-01T00:00:00Z"`. For a range, AND two comparisons.';
const INT = 'Integer: `=` with an exact number (no `<=`/`>=`: the API has no numeric ranges).';

export type V1FieldKind = 'text' | 'time' | 'number' | 'boolean';

export interface V1BrowserField {
  /** The v1 filter field (snake_case); for a sort-only row, its orderBy name. */
  readonly name: string;
  readonly kind: V1FieldKind;
  /** Listed among the filter fields of chromeBrowsers.list. */
  readonly filter: boolean;
  /** `*` wildcards allowed in the filter. */
  readonly wildcard?: boolean;
  /** The v1.1beta1 `query` key translated to this filter field. */
  readonly queryKey?: string;
  /**
   * The documented v1 orderBy value for this field, and the UI sort keys sent as it. `current`: in the visible
   * part of the current list; otherwise from the older generated client's list. `inferred`: the closest field,
   * not a documented equivalent of the v1.1beta1 column.
   */
  readonly orderBy?: {
    readonly name: string;
    readonly current: boolean;
    readonly from: readonly { readonly key: BrowserSortKey; readonly inferred?: boolean }[];
  };
  readonly doc?: string;
  readonly example?: string;
  /** Other names (v1.1beta1, orderBy spellings) reported with a fix to `name`. */
  readonly aliases?: readonly string[];
  readonly values?: readonly string[];
}

export const V1_BROWSER_FIELDS: readonly V1BrowserField[] = [
  {
    name: 'machine_name',
    kind: 'text',
    filter: true,
    wildcard: true,
    queryKey: 'machine_name',
    orderBy: { name: 'machine_name', current: false, from: [{ key: 'machine_name' }] },
    doc: `The machine name. ${WILD}`,
    example: 'machine_name:LAB-*',
  },
  {
    name: 'browser_permanent_id',
    kind: 'text',
    filter: true,
    orderBy: { name: 'browser_permanent_id', current: true, from: [{ key: 'id' }] },
    doc: `The browser's ID (v1.1beta1 deviceId). ${STR}`,
    example: 'browser_permanent_id=1a2b3c',
  },
  {
    name: 'virtual_device_id',
    kind: 'text',
    filter: true,
    orderBy: { name: 'virtual_device_id', current: true, from: [{ key: 'virtual_device_id' }] },
    doc: `The virtual device ID. Only in the newest reference revision. ${STR}`,
    example: 'virtual_device_id=abc',
  },
  {
    name: 'os_platform',
    kind: 'text',
    filter: true,
    queryKey: 'os_platform',
    doc: `The OS platform, e.g. Windows. ${STR}`,
    example: 'os_platform=Windows',
  },
  {
    name: 'os_architecture',
    kind: 'text',
    filter: true,
    queryKey: 'arch',
    doc: `The CPU architecture, e.g. x86_64. ${STR}`,
    example: 'os_architecture=x86_64',
    aliases: ['arch'],
  },
  {
    name: 'os_version',
    kind: 'text',
    filter: true,
    queryKey: 'os_version',
    orderBy: { name: 'os_version', current: false, from: [{ key: 'os_version' }, { key: 'os_version_sortable', inferred: true }] },
    doc: `The OS version. ${STR}`,
    example: 'os_version:10.0.19045',
  },
  {
    // [I] closest match: "Windows 10" is platform plus major version; v1 has the combined platform version.
    name: 'os_platform_version',
    kind: 'text',
    filter: true,
    queryKey: 'os',
    orderBy: { name: 'os_platform_version', current: false, from: [{ key: 'platform_major_version', inferred: true }] },
    doc: `Platform and version together, e.g. "Windows 10". ${STR}`,
    example: 'os_platform_version:"Windows 10"',
    aliases: ['os'],
  },
  {
    name: 'browser_version',
    kind: 'text',
    filter: true,
    wildcard: true,
    queryKey: 'browser_version',
    orderBy: { name: 'browser_version', current: false, from: [{ key: 'browser_version_sortable', inferred: true }] },
    doc: `An installed Chrome version. ${WILD}`,
    example: 'browser_version:"*6367*"',
  },
  {
    name: 'annotated_location',
    kind: 'text',
    filter: true,
    queryKey: 'location',
    orderBy: { name: 'annotated_location', current: false, from: [{ key: 'annotated_location' }] },
    doc: `The location annotated by an administrator. ${STR}`,
    example: 'annotated_location:Montreal',
    aliases: ['location'],
  },
  {
    name: 'annotated_user',
    kind: 'text',
    filter: true,
    queryKey: 'user',
    orderBy: { name: 'annotated_user', current: true, from: [{ key: 'annotated_user' }] },
    doc: `The user annotated by an administrator. ${STR}`,
    example: 'annotated_user:alice',
    aliases: ['user'],
  },
  {
    name: 'annotated_asset_id',
    kind: 'text',
    filter: true,
    wildcard: true,
    queryKey: 'asset_id',
    orderBy: { name: 'annotated_asset_id', current: false, from: [{ key: 'annotated_asset_id' }] },
    doc: `The asset ID annotated by an administrator. ${WILD}`,
    example: 'annotated_asset_id="*1001"',
    aliases: ['asset_id'],
  },
  {
    // The filter field is singular; the (older) orderBy list spells it annotated_notes.
    name: 'annotated_note',
    kind: 'text',
    filter: true,
    queryKey: 'note',
    orderBy: { name: 'annotated_notes', current: false, from: [{ key: 'notes' }] },
    doc: `The note annotated by an administrator (singular: not annotated_notes). ${STR}`,
    example: 'annotated_note:loaner',
    aliases: ['note', 'notes', 'annotated_notes'],
  },
  {
    name: 'org_unit_path',
    kind: 'text',
    filter: true,
    orderBy: { name: 'org_unit_path', current: false, from: [{ key: 'org_unit' }] },
    doc: 'The full path of the org unit (that org unit only [I]); one org unit per filter.',
    example: 'org_unit_path=/Sales/EMEA',
  },
  { name: 'org_unit_id', kind: 'text', filter: true, doc: 'The id of the org unit; one org unit per filter.', example: 'org_unit_id=03ph8a2z1' },
  {
    name: 'last_device_user',
    kind: 'text',
    filter: true,
    queryKey: 'machine_user',
    doc: `The last reported user of the device. ${STR}`,
    example: 'last_device_user:alice',
    aliases: ['machine_user'],
  },
  {
    name: 'extension_count',
    kind: 'number',
    filter: true,
    queryKey: 'num_extensions',
    orderBy: { name: 'extension_count', current: false, from: [{ key: 'extension_count' }] },
    doc: `The number of extensions. ${INT}`,
    example: 'extension_count=0',
    aliases: ['num_extensions'],
  },
  {
    name: 'policy_count',
    kind: 'number',
    filter: true,
    queryKey: 'num_policies',
    orderBy: { name: 'policy_count', current: false, from: [{ key: 'policy_count' }] },
    doc: `The number of policies. ${INT}`,
    example: 'policy_count=0',
    aliases: ['num_policies'],
  },
  {
    name: 'device_id_collision',
    kind: 'boolean',
    filter: true,
    queryKey: 'has_device_id_collision',
    values: ['true', 'false'],
    doc: 'Whether the device ID is shared by several machines [I: boolean].',
    example: 'device_id_collision=true',
    aliases: ['has_device_id_collision'],
  },
  {
    // The current orderBy list has last_policy_fetch_time where the older one had last_sync.
    name: 'last_policy_fetch_time',
    kind: 'time',
    filter: true,
    queryKey: 'sync',
    orderBy: { name: 'last_policy_fetch_time', current: true, from: [{ key: 'last_sync' }] },
    doc: `The last policy fetch. ${TIME}`,
    example: 'last_policy_fetch_time>="2026-01-01T00:00:00Z"',
    aliases: ['sync'],
  },
  {
    name: 'last_registration_time',
    kind: 'time',
    filter: true,
    queryKey: 'register',
    doc: `The registration time. ${TIME}`,
    example: 'last_registration_time>="2026-01-01T00:00:00Z"',
    aliases: ['register'],
  },
  {
    name: 'last_status_report_time',
    kind: 'time',
    filter: true,
    queryKey: 'report',
    doc: `The last status report. ${TIME}`,
    example: 'last_status_report_time<="2026-06-30T23:59:59Z"',
    aliases: ['report'],
  },
  {
    name: 'last_activity_time',
    kind: 'time',
    filter: true,
    queryKey: 'last_activity',
    orderBy: { name: 'last_activity_time', current: false, from: [{ key: 'last_activity' }] },
    doc: `The latest of report, policy fetch and registration. ${TIME}`,
    example: 'last_activity_time>="2026-01-01T00:00:00Z"',
    aliases: ['last_activity'],
  },
  // Sort only: in the (older) orderBy list, not among the filter fields.
  { name: 'enrollment_date', kind: 'time', filter: false, orderBy: { name: 'enrollment_date', current: false, from: [{ key: 'enrollment_date' }] } },
  {
    name: 'last_signed_in_user',
    kind: 'text',
    filter: false,
    orderBy: { name: 'last_signed_in_user', current: false, from: [{ key: 'last_signed_in_user' }] },
  },
  {
    name: 'browser_version_channel',
    kind: 'text',
    filter: false,
    orderBy: { name: 'browser_version_channel', current: false, from: [{ key: 'browser_version_channel' }] },
  },
];

/** Every orderBy value the client may send: exactly the documented names in V1_BROWSER_FIELDS. */
export const V1_ORDER_BY_NAMES: ReadonlySet<string> = new Set(V1_BROWSER_FIELDS.flatMap((f) => (f.orderBy ? [f.orderBy.name] : [])));

/** UI sort key → v1 orderBy name (from the table); a key absent here cannot be sorted on in v1. */
export const V1_ORDER_BY_OF: ReadonlyMap<BrowserSortKey, string> = new Map(
  V1_BROWSER_FIELDS.flatMap((f) => (f.orderBy ? f.orderBy.from.map((s): [BrowserSortKey, string] => [s.key, f.orderBy!.name]) : [])),
);

/** v1.1beta1 query key → v1 filter field and its kind (from the table). */
export const V1_FILTER_OF_QUERY_KEY: ReadonlyMap<string, { to: string; kind: V1FieldKind }> = new Map(
  V1_BROWSER_FIELDS.flatMap((f) => (f.filter && f.queryKey ? [[f.queryKey, { to: f.name, kind: f.kind }] as const] : [])),
);

/** Fields whose values may carry `*` wildcards. */
export const WILDCARD_FIELDS: ReadonlySet<string> = new Set(V1_BROWSER_FIELDS.filter((f) => f.wildcard).map((f) => f.name));

const FIELD_TYPE: Record<V1FieldKind, FieldSpec['type']> = { text: 'text', time: 'time', number: 'number', boolean: 'boolean' };

/** The filter fields as the dialect (completions, hover, diagnostics) sees them. */
export const CHROME_MANAGEMENT_FIELDS: readonly FieldSpec[] = V1_BROWSER_FIELDS.filter((f) => f.filter).map((f) => {
  const spec: FieldSpec = { name: f.name, type: FIELD_TYPE[f.kind], doc: f.doc ?? f.name };
  if (f.values) spec.values = f.values;
  if (f.example) spec.example = f.example;
  if (f.aliases) spec.aliases = f.aliases;
  return spec;
});
