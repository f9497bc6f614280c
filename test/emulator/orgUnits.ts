// The org-unit tree (Directory API v1 shapes). Ids are deterministic from the path so reruns agree.
import type { OrgUnit } from '../../src/api/types';
import { hashString } from './prng';

/** The default tree: nested 3-4 levels deep, with a space in one name to exercise URL encoding. */
export const DEFAULT_ORG_UNIT_PATHS: readonly string[] = [
  '/Engineering',
  '/Engineering/Frontend',
  '/Engineering/Backend',
  '/Engineering/QA',
  '/Engineering/Platform',
  '/Engineering/Platform/SRE',
  '/Engineering/Platform/Security',
  '/Sales',
  '/Sales/EMEA',
  '/Sales/EMEA/London',
  '/Sales/EMEA/Paris',
  '/Sales/EMEA/Berlin',
  '/Sales/Americas',
  '/Sales/Americas/New York',
  '/Sales/Americas/Sao Paulo',
  '/Sales/APAC',
  '/Sales/APAC/Tokyo',
  '/Sales/APAC/Sydney',
  '/Marketing',
  '/Finance',
  '/HR',
  '/IT',
  '/IT/Kiosks',
  '/IT/Loaners',
  '/Support',
  '/Support/Tier 1',
  '/Support/Tier 2',
  '/Contractors',
];

export function orgUnitIdFor(path: string): string {
  return `id:03ph8a2z${hashString(path).toString(36).padStart(7, '0')}`;
}

export class OrgUnitTree {
  private readonly byPath = new Map<string, OrgUnit>();
  private readonly byId = new Map<string, OrgUnit>();
  readonly root: OrgUnit;

  constructor(paths: readonly string[] = DEFAULT_ORG_UNIT_PATHS, rootName = 'example.test') {
    this.root = { kind: 'admin#directory#orgUnit', name: rootName, orgUnitPath: '/', orgUnitId: orgUnitIdFor('/'), blockInheritance: false };
    this.byPath.set('/', this.root);
    this.byId.set(this.root.orgUnitId, this.root);
    for (const p of paths) this.add(p);
  }

  /** Adds an org unit (and any missing parents); returns it. Paths are case-sensitive like Google's. */
  add(path: string, description?: string): OrgUnit {
    const normalized = normalizePath(path);
    const existing = this.byPath.get(normalized);
    if (existing) return existing;
    const cut = normalized.lastIndexOf('/');
    const parentPath = cut === 0 ? '/' : normalized.slice(0, cut);
    const parent = this.add(parentPath);
    const name = normalized.slice(cut + 1);
    const ou: OrgUnit = {
      kind: 'admin#directory#orgUnit',
      name,
      description: description ?? `${name} devices`,
      orgUnitPath: normalized,
      orgUnitId: orgUnitIdFor(normalized),
      parentOrgUnitPath: parent.orgUnitPath,
      parentOrgUnitId: parent.orgUnitId,
      blockInheritance: false,
    };
    this.byPath.set(normalized, ou);
    this.byId.set(ou.orgUnitId, ou);
    return ou;
  }

  /** Accepts a path ("/Sales/EMEA") or an id ("id:03ph8a2z..."); undefined if unknown. */
  resolve(pathOrId: string): OrgUnit | undefined {
    if (pathOrId.startsWith('id:')) return this.byId.get(pathOrId);
    if (pathOrId === '') return undefined;
    return this.byPath.get(normalizePath(pathOrId));
  }

  /** Every org unit except the root, parents before children. */
  list(): OrgUnit[] {
    return [...this.byPath.values()].filter((ou) => ou !== this.root);
  }

  /** Org units strictly below `path`. */
  descendants(path: string): OrgUnit[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    return this.list().filter((ou) => ou.orgUnitPath.startsWith(prefix));
  }

  children(path: string): OrgUnit[] {
    return this.list().filter((ou) => ou.parentOrgUnitPath === path);
  }
}

function normalizePath(path: string): string {
  let p = path.startsWith('/') ? path : `/${path}`;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}
