// Field table of the third dialect: the Chrome Management API v1 `filter` of customers.chromeBrowsers.list
// (reference §5.1-5.2). Operators: `=` and `:` on strings, integers, enums; `=`, `<=`, `>=` on timestamps;
// terms joined with AND; `*` wildcards only on machine_name, annotated_asset_id and browser_version.
// `aliases` are the v1.1beta1 names, reported as unknown with a fix to the v1 name.
import type { FieldSpec } from './types';

const STR = 'Operators `=` and `:` (assumed to match like v1.1beta1: whole words, case-insensitive).';
const WILD = `${STR} Wildcards: \`prefix*\`, \`*suffix\`, \`*part*\`, or \`*\` for "has a value".`;
const TIME = 'Timestamp: `=`, `<=` or `>=` with an RFC 3339 time in double quotes, e.g. `"2026-01-01T00:00:00Z"`. For a range, AND two comparisons.';
const INT = 'Integer: `=` with an exact number (no `<=`/`>=`: the API has no numeric ranges).';

/** Fields whose values may carry `*` wildcards. */
export const WILDCARD_FIELDS: ReadonlySet<string> = new Set(['machine_name', 'annotated_asset_id', 'browser_version']);

export const CHROME_MANAGEMENT_FIELDS: readonly FieldSpec[] = [
  { name: 'machine_name', type: 'text', doc: `The machine name. ${WILD}`, example: 'machine_name:LAB-*' },
  { name: 'browser_permanent_id', type: 'text', doc: `The browser's ID (v1.1beta1 deviceId). ${STR}`, example: 'browser_permanent_id=1a2b3c' },
  { name: 'virtual_device_id', type: 'text', doc: `The virtual device ID. Only in the newest reference revision. ${STR}`, example: 'virtual_device_id=abc' },
  { name: 'os_platform', type: 'text', doc: `The OS platform, e.g. Windows. ${STR}`, example: 'os_platform=Windows' },
  { name: 'os_architecture', type: 'text', doc: `The CPU architecture, e.g. x86_64. ${STR}`, example: 'os_architecture=x86_64', aliases: ['arch'] },
  { name: 'os_version', type: 'text', doc: `The OS version. ${STR}`, example: 'os_version:10.0.19045' },
  { name: 'os_platform_version', type: 'text', doc: `Platform and version together, e.g. "Windows 10". ${STR}`, example: 'os_platform_version:"Windows 10"', aliases: ['os'] },
  { name: 'browser_version', type: 'text', doc: `An installed Chrome version. ${WILD}`, example: 'browser_version:"*6367*"' },
  { name: 'annotated_location', type: 'text', doc: `The location annotated by an administrator. ${STR}`, example: 'annotated_location:Montreal', aliases: ['location'] },
  { name: 'annotated_user', type: 'text', doc: `The user annotated by an administrator. ${STR}`, example: 'annotated_user:alice', aliases: ['user'] },
  { name: 'annotated_asset_id', type: 'text', doc: `The asset ID annotated by an administrator. ${WILD}`, example: 'annotated_asset_id="*1001"', aliases: ['asset_id'] },
  { name: 'annotated_note', type: 'text', doc: `The note annotated by an administrator (singular: not annotated_notes). ${STR}`, example: 'annotated_note:loaner', aliases: ['note', 'notes', 'annotated_notes'] },
  { name: 'org_unit_path', type: 'text', doc: 'The full path of the org unit (that org unit only [I]); one org unit per filter.', example: 'org_unit_path=/Sales/EMEA' },
  { name: 'org_unit_id', type: 'text', doc: 'The id of the org unit; one org unit per filter.', example: 'org_unit_id=03ph8a2z1' },
  { name: 'last_device_user', type: 'text', doc: `The last reported user of the device. ${STR}`, example: 'last_device_user:alice', aliases: ['machine_user'] },
  { name: 'extension_count', type: 'number', doc: `The number of extensions. ${INT}`, example: 'extension_count=0', aliases: ['num_extensions'] },
  { name: 'policy_count', type: 'number', doc: `The number of policies. ${INT}`, example: 'policy_count=0', aliases: ['num_policies'] },
  { name: 'device_id_collision', type: 'boolean', values: ['true', 'false'], doc: 'Whether the device ID is shared by several machines [I: boolean].', example: 'device_id_collision=true', aliases: ['has_device_id_collision'] },
  { name: 'last_policy_fetch_time', type: 'time', doc: `The last policy fetch. ${TIME}`, example: 'last_policy_fetch_time>="2026-01-01T00:00:00Z"', aliases: ['sync'] },
  { name: 'last_registration_time', type: 'time', doc: `The registration time. ${TIME}`, example: 'last_registration_time>="2026-01-01T00:00:00Z"', aliases: ['register'] },
  { name: 'last_status_report_time', type: 'time', doc: `The last status report. ${TIME}`, example: 'last_status_report_time<="2026-06-30T23:59:59Z"', aliases: ['report'] },
  { name: 'last_activity_time', type: 'time', doc: `The latest of report, policy fetch and registration. ${TIME}`, example: 'last_activity_time>="2026-01-01T00:00:00Z"', aliases: ['last_activity'] },
];
