// What an org unit filter holds. Google's reference does not say whether a listing filtered by `orgUnitPath`
// (v1.1beta1) or `org_unit_path=` (v1) includes the browsers of sub-units. Code that plans listings must be right
// under both readings: 'exact' (only the org unit's own browsers, as the Admin console shows them) and 'subtree'
// (the org unit and everything below it). The reading is learnt from the data — a browser of a sub-unit in a
// parent's listing proves 'subtree' — and remembered per backend, so later listings plan for it from the start.
// No vscode import.
import type { CbcmBackend } from './backend';
import type { ChromeBrowser } from './types';

export type OrgUnitScope = 'exact' | 'subtree';

const learnt = new WeakMap<CbcmBackend, OrgUnitScope>();

/** The reading seen on this backend so far; undefined until a listing proved one. */
export function knownOrgUnitScope(backend: CbcmBackend): OrgUnitScope | undefined {
  return learnt.get(backend);
}

export function rememberOrgUnitScope(backend: CbcmBackend, scope: OrgUnitScope): void {
  learnt.set(backend, scope);
}

/** Whether `path` lies strictly below `ancestor` (org unit paths compare case-insensitively, as Google's do). */
export function isBelowOrgUnit(path: string, ancestor: string): boolean {
  const p = path.toLowerCase();
  const a = ancestor.toLowerCase();
  if (p === a) return false;
  return a === '/' ? p.startsWith('/') : p.startsWith(`${a}/`);
}

/** True when a page listed for `listedPath` holds a browser of one of its sub-units: the server reads 'subtree'. */
export function pageShowsSubtree(listedPath: string, browsers: readonly ChromeBrowser[]): boolean {
  return browsers.some((b) => b.orgUnitPath !== undefined && isBelowOrgUnit(b.orgUnitPath, listedPath));
}
