// How many browsers an org unit held when a complete, unfiltered listing last counted it, and when. Listings in
// the tree, exports and the fleet overview feed it; org unit nodes show it ("212 browsers · 5 minutes ago"). No vscode import.
//
// Each count keeps the device ids it counted (about 50 bytes each), so a browser the extension deletes or moves
// away leaves every count it was in exactly once, however many loaded folders showed it.
import { isBelowOrgUnit } from '../api/orgUnitScope';
import type { ChromeBrowser } from '../api/types';

/** All a count needs of a browser. */
export type CountedBrowser = Pick<ChromeBrowser, 'deviceId' | 'orgUnitPath'>;

export interface OrgUnitCount {
  readonly browsers: number;
  /** When it was counted (ms since the epoch). */
  readonly countedAt: number;
}

interface Entry {
  readonly ids: Set<string>;
  readonly countedAt: number;
}

export class OrgUnitCounts {
  private readonly entries = new Map<string, Entry>();

  get(orgUnitPath: string): OrgUnitCount | undefined {
    const e = this.entries.get(orgUnitPath);
    return e && { browsers: e.ids.size, countedAt: e.countedAt };
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * A complete, unfiltered listing of one org unit. Only browsers that say they are in it count: whether Google
   * lists sub-units' browsers under a parent is not documented, and this way the count is right either way.
   * A browser without an org unit (not seen in practice) counts where it was listed.
   */
  countOrgUnit(orgUnitPath: string, browsers: Iterable<CountedBrowser>, countedAt: number): void {
    const ids = new Set<string>();
    for (const b of browsers) if (b.orgUnitPath === undefined || b.orgUnitPath === orgUnitPath) ids.add(b.deviceId);
    this.entries.set(orgUnitPath, { ids, countedAt });
  }

  /** A complete, unfiltered listing of the whole account counts every org unit, those without browsers as 0. */
  countAccount(orgUnitPaths: Iterable<string>, browsers: Iterable<CountedBrowser>, countedAt: number): string[] {
    const byOu = new Map<string, Set<string>>();
    for (const path of orgUnitPaths) byOu.set(path, new Set());
    for (const b of browsers) {
      if (b.orgUnitPath === undefined) continue;
      let ids = byOu.get(b.orgUnitPath);
      if (!ids) byOu.set(b.orgUnitPath, (ids = new Set()));
      ids.add(b.deviceId);
    }
    for (const [path, ids] of byOu) this.entries.set(path, { ids, countedAt });
    return [...byOu.keys()];
  }

  /**
   * A complete, unfiltered listing of `root` that is known to hold its sub-units' browsers too (the API reads its
   * org unit filter as 'subtree'): `root` and every known org unit below it are counted, those without browsers
   * as 0, each with its own browsers only. Returns the org units counted.
   */
  countSubtree(root: string, orgUnitPaths: Iterable<string>, browsers: Iterable<CountedBrowser>, countedAt: number): string[] {
    const inside = (path: string) => path === root || isBelowOrgUnit(path, root);
    const known = [...orgUnitPaths].filter(inside);
    const listed = [...browsers].filter((b) => b.orgUnitPath === undefined || inside(b.orgUnitPath));
    const unplaced = listed.filter((b) => b.orgUnitPath === undefined).map((b) => ({ ...b, orgUnitPath: root }));
    return this.countAccount([root, ...known], [...listed.filter((b) => b.orgUnitPath !== undefined), ...unplaced], countedAt);
  }

  /** Browsers the extension deleted or moved away: each count that held one drops it (its age stays). */
  remove(deviceIds: Iterable<string>): string[] {
    const changed = new Set<string>();
    for (const id of deviceIds) {
      for (const [path, e] of this.entries) if (e.ids.delete(id)) changed.add(path);
    }
    return [...changed];
  }

  /** The org unit changed in a way this store did not see (browsers moved in): no count rather than a wrong one. */
  forget(orgUnitPath: string): boolean {
    return this.entries.delete(orgUnitPath);
  }

  clear(): void {
    this.entries.clear();
  }
}
