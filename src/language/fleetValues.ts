// Values seen in listed browsers, by query field, to feed completions and the partial-word hint. Here with the
// language adapters, not in src/query: it reads the API's browser type, and the query language stays free of the API.
import type { ChromeBrowser } from '../api/types';

const MAX_PER_FIELD = 200;

/** Maps listed browsers to `{ machine_name: [...], os_platform: [...], ... }` (distinct, first seen first). */
export function recentValuesFromBrowsers(browsers: readonly ChromeBrowser[]): Record<string, string[]> {
  const sets: Record<string, Set<string>> = {};
  const add = (field: string, v: string | undefined) => {
    if (!v) return;
    const set = (sets[field] ??= new Set());
    if (set.size < MAX_PER_FIELD) set.add(v);
  };
  for (const b of browsers) {
    add('machine_name', b.machineName);
    add('os_platform', b.osPlatform);
    add('arch', b.osArchitecture);
    add('os_version', b.osVersion);
    add('os', osWithMajorVersion(b));
    add('location', b.annotatedLocation);
    add('user', b.annotatedUser);
    add('asset_id', b.annotatedAssetId);
    add('note', b.annotatedNotes);
    add('machine_user', b.lastDeviceUser);
    for (const v of b.browserVersions ?? []) add('browser_version', v.split('.')[0]);
    if (b.extensionCount !== undefined) add('num_extensions', String(b.extensionCount));
    if (b.policyCount !== undefined) add('num_policies', String(b.policyCount));
  }
  const out: Record<string, string[]> = {};
  for (const [k, s] of Object.entries(sets)) out[k] = [...s];
  return out;
}

/**
 * The `os` query field is "the combined OS platform and major OS version" (reference, e.g. "Windows 10"), not
 * osPlatformVersion ("macOS 15.1.1"): taking the latter made `os:Mac` look like the start of the word "macos"
 * and earned it a false "will not match" hint (issue 20 item 15). Undefined unless both parts are known.
 */
export function osWithMajorVersion(b: Pick<ChromeBrowser, 'osPlatform' | 'osVersion'>): string | undefined {
  const major = /^\d+/.exec(b.osVersion ?? '')?.[0];
  return b.osPlatform && major ? `${b.osPlatform} ${major}` : undefined;
}
