// Org-unit paths ↔ ids for the Chrome Management API v1, which only carries ids (`orgUnitId`, bare, without the
// Directory API's `id:` prefix [I: the samples use bare ids]). The index comes from the Directory API org-unit
// list (admin.directory.orgunit.readonly) and is cached per backend; an unknown id reloads it at most once a
// minute, so an org unit created meanwhile still resolves.
import { inputError, type ApiOperation } from './errors';
import type { OrgUnitsApi } from './orgUnits';
import type { OrgUnit } from './types';

const RELOAD_AFTER_MS = 60_000;

export const bareOrgUnitId = (id: string): string => (id.startsWith('id:') ? id.slice(3) : id);

export class OrgUnitIndex {
  private pathById = new Map<string, string>();
  private idByPath = new Map<string, string>();
  private loadedAt = -Infinity;
  private loading?: Promise<OrgUnit[]>;

  constructor(
    private readonly api: OrgUnitsApi,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Lists org units (one request shared by concurrent callers) and refreshes the index. */
  async list(signal?: AbortSignal): Promise<OrgUnit[]> {
    if (!this.loading) {
      this.loading = this.api.list(signal).then(
        (units) => {
          this.index(units);
          this.loading = undefined;
          return units;
        },
        (e: unknown) => {
          this.loading = undefined;
          throw e;
        },
      );
    }
    return this.loading;
  }

  /** Loads the index when it was never loaded (or is stale and `id` is unknown). */
  async ensure(signal?: AbortSignal, unknownId?: string): Promise<void> {
    const stale = this.clock() - this.loadedAt > RELOAD_AFTER_MS;
    if (this.loadedAt === -Infinity || (unknownId !== undefined && !this.pathById.has(unknownId) && stale)) {
      await this.list(signal);
    }
  }

  /** Synchronous lookup for mapping responses; undefined when unknown. */
  pathOf = (orgUnitId: string): string | undefined => this.pathById.get(bareOrgUnitId(orgUnitId));

  /** True when some id in `ids` is not in the index (the caller then reloads once). */
  hasUnknown(ids: Iterable<string | undefined>): string | undefined {
    for (const id of ids) if (id && !this.pathById.has(bareOrgUnitId(id))) return bareOrgUnitId(id);
    return undefined;
  }

  /** `/Sales`, `/` or `id:…` → the bare id v1 expects; a clear error when the path is unknown. */
  async idOf(op: ApiOperation, pathOrId: string, signal?: AbortSignal): Promise<string> {
    if (pathOrId.startsWith('id:')) return bareOrgUnitId(pathOrId);
    await this.ensure(signal);
    let id = this.idByPath.get(pathOrId);
    if (id === undefined && this.clock() - this.loadedAt > 1_000) {
      await this.list(signal);
      id = this.idByPath.get(pathOrId);
    }
    if (id === undefined) {
      throw inputError(op, `The org unit ${pathOrId} was not found in the Directory API's org units. Refresh the org units and pick it again.`);
    }
    return id;
  }

  private index(units: OrgUnit[]): void {
    const pathById = new Map<string, string>();
    const idByPath = new Map<string, string>();
    for (const ou of units) {
      pathById.set(bareOrgUnitId(ou.orgUnitId), ou.orgUnitPath);
      idByPath.set(ou.orgUnitPath, bareOrgUnitId(ou.orgUnitId));
      // The list leaves out the root; top-level units name it as their parent.
      if (ou.parentOrgUnitPath === '/' && ou.parentOrgUnitId) {
        pathById.set(bareOrgUnitId(ou.parentOrgUnitId), '/');
        idByPath.set('/', bareOrgUnitId(ou.parentOrgUnitId));
      }
    }
    this.pathById = pathById;
    this.idByPath = idByPath;
    this.loadedAt = this.clock();
  }
}
