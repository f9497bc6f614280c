// Every column an export can have: each documented field of a browser (BASIC and FULL, v1.1beta1 and
// Chrome Management API v1), of one Chrome install, of one profile and of one extension. Fields the two APIs
// spell differently are one column under the domain name (src/api/chromeManagementWire.ts maps v1 onto it;
// e.g. v1 `extensionName` is `extension.name`, `pendingInstallVersion` is `install.installedBrowserVersion`).
// Nested lists that are not a row shape of their own (policies, plugins, icons, users) are one cell of JSON.
// No vscode import.
import type { BrowserExtension, BrowserInstall, BrowserProfile, ChromeBrowser, Projection } from '../api/types';
import { hasDeviceIdCollision } from '../api/types';

/** What one row stands for; a column can be used by the shapes at its level or deeper. */
export type ColumnLevel = 'browser' | 'install' | 'profile' | 'extension';
export type RowShape = 'browser' | 'profile' | 'extension';

/** Which API documents the field (a column of the other API's field stays empty). */
export type ColumnApi = 'both' | 'v1.1beta1' | 'v1';

export interface ExportRow {
  browser: ChromeBrowser;
  install?: BrowserInstall;
  profile?: BrowserProfile;
  extension?: BrowserExtension;
}

export type CellValue = string | number | boolean | readonly string[] | undefined;

export interface ExportColumn {
  /** The CSV header and the remembered choice: the field name, prefixed by its level below the browser. */
  id: string;
  level: ColumnLevel;
  /** The listing that carries it (BASIC columns are also in FULL). */
  projection: Projection;
  api: ColumnApi;
  /** One line for the column picker. */
  description: string;
  value(row: ExportRow): CellValue;
}

const json = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : JSON.stringify(v));

type Def = [field: string, description: string, api?: ColumnApi];

function fields<T>(
  level: ColumnLevel,
  projection: Projection,
  prefix: string,
  pick: (row: ExportRow) => T | undefined,
  defs: Def[],
  asJson: readonly string[] = [],
): ExportColumn[] {
  return defs.map(([field, description, api = 'both']) => ({
    id: prefix ? `${prefix}.${field}` : field,
    level,
    projection,
    api,
    description,
    value: (row: ExportRow) => {
      const v = (pick(row) as Record<string, unknown> | undefined)?.[field];
      return asJson.includes(field) ? json(v) : (v as CellValue);
    },
  }));
}

/** The BASIC projection: the admin console's list columns (chrome-browser-api.txt; v1 §4.1). */
const BASIC: Def[] = [
  ['deviceId', 'Device id (v1: browserPermanentId)'],
  ['machineName', 'Machine name'],
  ['orgUnitPath', 'Org unit (v1 sends its id; shown as the path)'],
  ['osPlatform', 'OS platform, e.g. Windows'],
  ['osPlatformVersion', 'OS platform and version'],
  ['osVersion', 'OS version'],
  ['osArchitecture', 'CPU architecture'],
  ['browserVersions', 'Chrome versions installed (space-separated)'],
  ['lastActivityTime', 'Last activity'],
  ['lastRegistrationTime', 'Enrollment (registration) time'],
  ['lastPolicyFetchTime', 'Last policy fetch'],
  ['lastStatusReportTime', 'Last status report'],
  ['lastDeviceUser', 'Last OS user'],
  ['serialNumber', 'Serial number'],
  ['virtualDeviceId', 'Virtual device id'],
  ['annotatedUser', 'Annotated user'],
  ['annotatedLocation', 'Annotated location'],
  ['annotatedAssetId', 'Annotated asset id'],
  ['annotatedNotes', 'Annotated notes'],
  ['extensionCount', 'Number of extensions reported'],
  ['policyCount', 'Number of policies reported'],
  ['safeBrowsingClickThroughCount', 'Safe Browsing click-throughs', 'v1.1beta1'],
];

const BROWSER_FULL: Def[] = [
  ['lastDeviceUsers', 'Recent OS users with their last report (JSON)'],
  ['machinePolicies', 'Machine policies: name, source, value, error (JSON)'],
  ['machineExtensionPolicies', 'Machine-level extension policies (JSON)', 'v1'],
  ['omahaRecentFetchTime', 'Last updater (Omaha) fetch', 'v1'],
  ['attestationCredential', 'Device Trust connector key (JSON)', 'v1'],
];

const INSTALL: Def[] = [
  ['browserVersion', 'Chrome version of this install'],
  ['channel', 'Release channel (stable, beta, dev, canary)'],
  ['installedBrowserVersion', 'Version installed, pending a restart (v1: pendingInstallVersion)'],
  ['executablePath', 'Executable path'],
  ['lastStatusReportTime', 'Last status report of this install'],
  ['lastPolicyFetchTime', 'Last policy fetch of this install'],
  ['plugins', 'Plugins (JSON)'],
];

const PROFILE: Def[] = [
  ['id', 'Profile id (folder name, e.g. Default)'],
  ['name', 'Profile name (v1: profileName)'],
  ['chromeSignedinUserEmail', 'Signed-in Google account'],
  ['lastStatusReportTime', 'Last status report of this profile'],
  ['lastPolicyFetchTime', 'Last policy fetch of this profile'],
  ['safeBrowsingWarnings', 'Safe Browsing warnings'],
  ['safeBrowsingWarningsClickThrough', 'Safe Browsing warnings clicked through'],
  ['safeBrowsingWarningsResetTime', 'When the Safe Browsing counts were reset'],
  ['userPolicies', 'User policies (JSON)'],
  ['extensionPolicies', 'Extension policies of this profile (JSON)'],
];

const EXTENSION: Def[] = [
  ['extensionId', 'Extension id'],
  ['name', 'Extension name (v1: extensionName)'],
  ['version', 'Extension version'],
  ['installType', 'Install type (NORMAL, ADMIN, DEVELOPMENT, SIDELOAD…)'],
  ['disabled', 'Disabled (true/false)'],
  ['permissions', 'Permissions and host permissions (space-separated)'],
  ['appType', 'Type (EXTENSION, HOSTED_APP, THEME…)'],
  ['configuredAppPolicy', 'Policy configured for it'],
  ['description', 'Description'],
  ['homepageUrl', 'Homepage (v1: homepageUri)'],
  ['manifestVersion', 'Manifest version', 'v1'],
  ['icons', 'Icons (JSON)'],
];

export const EXPORT_COLUMN_CATALOGUE: readonly ExportColumn[] = [
  ...fields('browser', 'BASIC', '', (r) => r.browser, BASIC),
  ...fields('browser', 'FULL', '', (r) => r.browser, BROWSER_FULL, [
    'lastDeviceUsers',
    'machinePolicies',
    'machineExtensionPolicies',
    'attestationCredential',
  ]),
  {
    id: 'deviceIdCollision',
    level: 'browser',
    projection: 'FULL',
    api: 'both',
    description: 'Device id shared by several machines (has_device_id_collision; v1 deviceIdCollision)',
    value: (r) => (r.browser.deviceIdentifiersHistory ? hasDeviceIdCollision(r.browser) : undefined),
  },
  {
    id: 'deviceIdentifiersHistory',
    level: 'browser',
    projection: 'FULL',
    api: 'both',
    description: 'Machine names and serial numbers seen for this device id (JSON)',
    value: (r) => json(r.browser.deviceIdentifiersHistory?.records),
  },
  ...fields('install', 'FULL', 'install', (r) => r.install, INSTALL, ['plugins']),
  ...fields('profile', 'FULL', 'profile', (r) => r.profile, PROFILE, ['userPolicies', 'extensionPolicies']),
  ...fields('extension', 'FULL', 'extension', (r) => r.extension, EXTENSION, ['icons']),
];

const DEPTH: Record<ColumnLevel, number> = { browser: 0, install: 1, profile: 2, extension: 3 };

/** Columns a row shape can fill: its level and the levels above it (browser columns repeat on every row). */
export function columnsFor(shape: RowShape): ExportColumn[] {
  return EXPORT_COLUMN_CATALOGUE.filter((c) => DEPTH[c.level] <= DEPTH[shape]);
}

export function columnById(id: string): ExportColumn | undefined {
  return EXPORT_COLUMN_CATALOGUE.find((c) => c.id === id);
}

/** FULL when a column or the shape needs the details (installs, profiles, extensions), else the lighter BASIC. */
export function projectionFor(shape: RowShape, columns: readonly ExportColumn[]): Projection {
  return shape !== 'browser' || columns.some((c) => c.projection === 'FULL') ? 'FULL' : 'BASIC';
}

export const DEFAULT_COLUMNS: Readonly<Record<RowShape, readonly string[]>> = {
  browser: [
    'deviceId',
    'machineName',
    'orgUnitPath',
    'osPlatform',
    'osVersion',
    'browserVersions',
    'lastActivityTime',
    'lastDeviceUser',
    'serialNumber',
    'annotatedUser',
    'annotatedLocation',
    'annotatedAssetId',
  ],
  profile: [
    'deviceId',
    'machineName',
    'orgUnitPath',
    'install.channel',
    'install.browserVersion',
    'profile.id',
    'profile.name',
    'profile.chromeSignedinUserEmail',
    'profile.lastStatusReportTime',
  ],
  extension: [
    'deviceId',
    'machineName',
    'orgUnitPath',
    'profile.id',
    'profile.chromeSignedinUserEmail',
    'extension.extensionId',
    'extension.name',
    'extension.version',
    'extension.installType',
    'extension.disabled',
    'extension.permissions',
  ],
};
