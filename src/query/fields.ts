// One field table per dialect. Adding a field is one line: name, type, values (enum/boolean),
// documentation (from the API reference) and an example. Field names are case sensitive in the API.
import { CHROME_MANAGEMENT_FIELDS } from './chromeManagementFields';
import type { Dialect, DialectSpec, FieldSpec } from './types';

const TIME_FORMAT = 'Time: `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ss`; ranges `a..b` (inclusive), `a..` (on or after), `..b` (on or before).';
const WORDS = 'Matches whole words, case-insensitive.';

const BOOLEAN = ['true', 'false'] as const;

// `aliases`: names admins bring from orderBy (chromebrowsers.list) or from the Chrome Management API v1
// filter; an alias is reported as unknown with a fix to the field's name here.

/** Admin SDK v1.1beta1 `chromebrowsers.list?query=` (reference: "Filter Query Language"). */
export const BROWSER_FIELDS: readonly FieldSpec[] = [
  { name: 'machine_name', type: 'text', doc: `The machine name of the device. ${WORDS}`, example: 'machine_name:CLIENT2012' },
  { name: 'os_platform', type: 'text', doc: `The OS platform, e.g. Windows. ${WORDS}`, example: 'os_platform:Windows' },
  { name: 'arch', type: 'text', doc: `The CPU architecture, e.g. x86_64. ${WORDS}`, example: 'arch:x86_64', aliases: ['os_architecture'] },
  {
    name: 'os_version',
    type: 'text',
    doc: `The OS version, e.g. 10.0.16299.904. ${WORDS}`,
    example: 'os_version:10.0.16299.904',
    aliases: ['os_version_sortable'],
  },
  {
    name: 'location',
    type: 'text',
    doc: `The location annotated by an administrator. ${WORDS}`,
    example: 'location:Montreal',
    aliases: ['annotated_location'],
  },
  { name: 'user', type: 'text', doc: `The user annotated by an administrator. ${WORDS}`, example: 'user:alice', aliases: ['annotated_user'] },
  {
    name: 'asset_id',
    type: 'text',
    doc: `The asset ID annotated by an administrator. ${WORDS}`,
    example: 'asset_id:A1001',
    aliases: ['annotated_asset_id'],
  },
  {
    name: 'note',
    type: 'text',
    doc: `The note annotated by an administrator. ${WORDS}`,
    example: 'note:loaner',
    aliases: ['notes', 'annotated_note', 'annotated_notes'],
  },
  {
    name: 'register',
    type: 'time',
    doc: `The registration time of the device. ${TIME_FORMAT}`,
    example: 'register:2024-01-01..',
    aliases: ['enrollment_date', 'last_registration_time'],
  },
  {
    name: 'os',
    type: 'text',
    doc: `The OS platform and major version combined, e.g. "Windows 10". ${WORDS}`,
    example: 'os:"Windows 10"',
    aliases: ['platform_major_version', 'os_platform_version'],
  },
  {
    name: 'browser_version',
    type: 'text',
    doc: `A Chrome version installed on the device, e.g. 73. ${WORDS}`,
    example: 'browser_version:120',
    aliases: ['browser_version_channel', 'browser_version_sortable'],
  },
  { name: 'enrollment_token', type: 'text', doc: 'The enrollment token used to register the device.', example: 'enrollment_token:…' },
  {
    name: 'report',
    type: 'time',
    doc: `The last report time of the device. ${TIME_FORMAT}`,
    example: 'report:..2024-06-30',
    aliases: ['last_status_report_time'],
  },
  {
    name: 'sync',
    type: 'time',
    doc: `The last policy sync time of the device. ${TIME_FORMAT}`,
    example: 'sync:2024-01-01..2024-01-31',
    aliases: ['last_sync', 'last_policy_fetch_time'],
  },
  {
    name: 'num_extensions',
    type: 'number',
    doc: 'The number of extensions reported. Exact numbers only: the API has no numeric ranges.',
    example: 'num_extensions:0',
    aliases: ['extension_count'],
  },
  {
    name: 'num_policies',
    type: 'number',
    doc: 'The number of policies reported. Exact numbers only: the API has no numeric ranges.',
    example: 'num_policies:12',
    aliases: ['policy_count'],
  },
  {
    name: 'machine_user',
    type: 'text',
    doc: `The last reported user of the device. ${WORDS}`,
    example: 'machine_user:alice',
    aliases: ['last_device_user', 'last_signed_in_user'],
  },
  {
    name: 'last_activity',
    type: 'time',
    doc: `The last activity (policy fetch or report) of the device. ${TIME_FORMAT}`,
    example: 'last_activity:..2024-01-01',
    aliases: ['last_activity_time'],
  },
  {
    name: 'has_device_id_collision',
    type: 'boolean',
    values: BOOLEAN,
    doc: 'Whether the device ID is shared by several machines that Chrome identifies as the same machine. `true` or `false`.',
    example: 'has_device_id_collision:true',
    aliases: ['device_id_collision'],
  },
];

/** Admin SDK v1.1beta1 `chrome/enrollmentTokens?query=`. */
export const TOKEN_FIELDS: readonly FieldSpec[] = [
  {
    name: 'device_type',
    type: 'enum',
    values: ['CHROME_BROWSER'],
    doc: 'The device type the token enrolls. Only `CHROME_BROWSER` is supported.',
    example: 'device_type:CHROME_BROWSER',
    aliases: ['token_type'],
  },
  {
    name: 'token_state',
    type: 'enum',
    values: ['ACTIVE', 'EXPIRED', 'REVOKED'],
    doc: 'The state of the token: `ACTIVE`, `EXPIRED` or `REVOKED`.',
    example: 'token_state:ACTIVE',
    aliases: ['state'],
  },
];

/** Names that are not query fields in v1.1beta1 at all, with what to do instead. */
const OU_HINT = 'The org unit is not part of the query: select an org unit in the CBCM Explorer tree (it becomes the orgUnitPath parameter).';
export const NOT_QUERY_FIELDS: Readonly<Record<string, string>> = {
  org_unit: OU_HINT,
  org_unit_path: OU_HINT,
  orgUnitPath: OU_HINT,
  org_unit_id: OU_HINT,
  ou: OU_HINT,
};

export const DIALECTS: Readonly<Record<Dialect, DialectSpec>> = {
  browsers: { id: 'browsers', label: 'Chrome browser', fields: BROWSER_FIELDS, operators: [':'], freeTerms: 'all-fields' },
  tokens: { id: 'tokens', label: 'enrollment token', fields: TOKEN_FIELDS, operators: [':'], freeTerms: 'ignored' },
  chromemanagement: {
    id: 'chromemanagement',
    label: 'Chrome Management filter',
    fields: CHROME_MANAGEMENT_FIELDS,
    operators: ['=', ':', '<=', '>='],
    freeTerms: 'all-fields',
  },
};

export const ALL_DIALECTS = Object.keys(DIALECTS) as Dialect[];

// Precomputed lookups: the editor asks these on every keystroke.
const byName = new Map<Dialect, Map<string, FieldSpec>>();
const byLowerName = new Map<Dialect, Map<string, FieldSpec>>();
const byAlias = new Map<Dialect, Map<string, FieldSpec>>();
for (const d of ALL_DIALECTS) {
  byName.set(d, new Map(DIALECTS[d].fields.map((f) => [f.name, f])));
  byLowerName.set(d, new Map(DIALECTS[d].fields.map((f) => [f.name.toLowerCase(), f])));
  byAlias.set(d, new Map(DIALECTS[d].fields.flatMap((f) => (f.aliases ?? []).map((a) => [a.toLowerCase(), f] as const))));
}

export function dialectSpec(dialect: Dialect): DialectSpec {
  return DIALECTS[dialect];
}

export function findField(dialect: Dialect, name: string): FieldSpec | undefined {
  return byName.get(dialect)?.get(name);
}

/** The field whose name differs only by case (field names are case sensitive in the API). */
export function findFieldIgnoringCase(dialect: Dialect, name: string): FieldSpec | undefined {
  return byLowerName.get(dialect)?.get(name.toLowerCase());
}

/** Other dialects that know this field name (to explain a query written for the wrong listing). */
export function dialectsWithField(name: string): Dialect[] {
  return ALL_DIALECTS.filter((d) => byName.get(d)?.has(name));
}

/** The field known elsewhere (orderBy, the v1 API) under this name, e.g. annotated_user → user. */
export function findFieldByAlias(dialect: Dialect, name: string): FieldSpec | undefined {
  return byAlias.get(dialect)?.get(name.toLowerCase());
}
