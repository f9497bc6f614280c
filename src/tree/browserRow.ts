// The description part of a browser row (after the machine name), built from the fields the admin chose in
// `cbcm.browserRow.description`, in that order. A narrow sidebar cuts the end off, so the default starts with
// what tells most about a machine at a glance: how long ago it was last active. No vscode import.
import type { ChromeBrowser } from '../api/types';
import { relativeTime } from '../util/relativeTime';
import { clock } from '../util/clock';

/** The setting's enum, in the order package.json lists it. */
export const BROWSER_ROW_FIELDS = [
  'lastActivity',
  'chromeVersion',
  'os',
  'lastUser',
  'annotatedUser',
  'annotatedLocation',
  'assetId',
  'serialNumber',
  'orgUnit',
] as const;
export type BrowserRowField = (typeof BROWSER_ROW_FIELDS)[number];

export const DEFAULT_BROWSER_ROW: readonly BrowserRowField[] = ['lastActivity', 'chromeVersion'];

function newestVersion(b: ChromeBrowser): string | undefined {
  return b.browserVersions?.[0] ?? b.browsers?.[0]?.browserVersion;
}

const RENDER: Record<BrowserRowField, (b: ChromeBrowser, now: number) => string | undefined> = {
  lastActivity: (b, now) => relativeTime(b.lastActivityTime, now),
  chromeVersion: (b) => {
    const v = newestVersion(b);
    return v ? `Chrome ${v}` : undefined;
  },
  os: (b) => b.osPlatformVersion || [b.osPlatform, b.osVersion].filter(Boolean).join(' ') || undefined,
  lastUser: (b) => b.lastDeviceUser,
  annotatedUser: (b) => b.annotatedUser,
  annotatedLocation: (b) => b.annotatedLocation,
  assetId: (b) => b.annotatedAssetId,
  serialNumber: (b) => b.serialNumber,
  orgUnit: (b) => b.orgUnitPath,
};

/**
 * The setting as read, cleaned: unknown names and repeats dropped (a hand-edited settings.json may hold them),
 * anything that is not an array gives the default. An empty array means no description.
 */
export function browserRowFields(value: unknown): BrowserRowField[] {
  if (!Array.isArray(value)) return [...DEFAULT_BROWSER_ROW];
  const known = new Set<string>(BROWSER_ROW_FIELDS);
  return [...new Set(value.filter((v): v is BrowserRowField => typeof v === 'string' && known.has(v)))];
}

/** "3 days ago · Chrome 131.0.6778.85"; fields the browser did not report are left out. */
export function browserRowDescription(b: ChromeBrowser, fields: readonly BrowserRowField[], now: number = clock.now()): string {
  return fields
    .map((f) => RENDER[f](b, now))
    .filter((s): s is string => Boolean(s))
    .join(' · ');
}
