import type { OrgUnit } from '../api/types';

/** The root OU is not returned by `orgunits?type=all`; the tree always starts from it. */
export const ROOT_OU_PATH = '/';

/**
 * Children of every OU path, sorted by name, built once per listing so expanding a node is a map lookup.
 * OUs whose parent is unknown (e.g. hidden by permissions) hang under the root rather than vanish.
 */
export function buildOrgUnitChildren(units: readonly OrgUnit[]): Map<string, OrgUnit[]> {
  const known = new Set(units.map((u) => u.orgUnitPath));
  const children = new Map<string, OrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentOrgUnitPath && known.has(unit.parentOrgUnitPath) ? unit.parentOrgUnitPath : ROOT_OU_PATH;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  }
  return children;
}

export function ouDisplayName(path: string): string {
  if (path === ROOT_OU_PATH) return '/';
  const parts = path.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
