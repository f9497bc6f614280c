// The dry run of a bulk operation: everything a query (or a selection) matches, counted exactly and kept
// compactly (ids, org unit, label, the four annotations when they are needed), never whole records.
import type { CbcmBackend } from '../api/backend';
import { listFleet, type FleetListingOptions } from '../api/fleetListing';
import type { ChromeBrowser } from '../api/types';
import type { AnnotationValues } from '../model/annotations';
import { annotationValues } from './fleetWriter';
import { interner } from '../util/intern';

export interface BulkTarget {
  deviceId: string;
  orgUnitPath?: string;
  machineName?: string;
  serialNumber?: string;
  /** Present when the operation writes annotations (the base of the conflict check). */
  annotations?: AnnotationValues;
}

export interface DryRun {
  targets: BulkTarget[];
  /** The first browsers, as the confirmation shows them. */
  sample: BulkTarget[];
  /** How many of the targets sit in each org unit (for a move: where they come from). */
  byOrgUnit: Map<string, number>;
}

export const SAMPLE_SIZE = 10;

/** `intern` makes repeated values (org units, locations, users) one string each in a large dry run. */
export function toTarget(b: ChromeBrowser, withAnnotations: boolean, intern: (s: string) => string = (s) => s): BulkTarget {
  const ou = b.orgUnitPath === undefined ? undefined : intern(b.orgUnitPath);
  const t: BulkTarget = { deviceId: b.deviceId, orgUnitPath: ou, machineName: b.machineName, serialNumber: b.serialNumber };
  if (withAnnotations) {
    const a = annotationValues(b);
    t.annotations = {
      ...a,
      annotatedUser: intern(a.annotatedUser),
      annotatedLocation: intern(a.annotatedLocation),
      annotatedNotes: intern(a.annotatedNotes),
    };
  }
  return t;
}

export function dryRunOf(targets: BulkTarget[]): DryRun {
  const byOrgUnit = new Map<string, number>();
  for (const t of targets) byOrgUnit.set(t.orgUnitPath ?? '', (byOrgUnit.get(t.orgUnitPath ?? '') ?? 0) + 1);
  return { targets, sample: targets.slice(0, SAMPLE_SIZE), byOrgUnit };
}

/**
 * "Retry failed" of an annotate run: the targets read again, so the retry's preview and conflict check start from
 * what Google holds now (a conflict retried with the old base would only conflict again). One read per target;
 * a target that cannot be read keeps its old values (its write then reports why).
 */
export async function rereadTargets(
  backend: CbcmBackend,
  targets: readonly BulkTarget[],
  signal?: AbortSignal,
  concurrency = 10,
): Promise<BulkTarget[]> {
  const out = [...targets];
  let next = 0;
  const worker = async () => {
    while (next < out.length && !signal?.aborted) {
      const i = next++;
      try {
        out[i] = toTarget(await backend.getBrowser(out[i].deviceId, 'BASIC', signal), true);
      } catch {
        // left as it was
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, out.length) }, worker));
  return out;
}

export interface QueryScope {
  query?: string;
  orgUnitPath?: string;
}

/**
 * Lists what `scope` matches, through the fast fleet listing (BASIC, within the quota), and keeps the compact
 * targets. The exact count the confirmation states is the length of `targets`: the run acts on these ids, not
 * on a second listing that might have grown meanwhile.
 */
export async function dryRunQuery(
  backend: CbcmBackend,
  scope: QueryScope,
  options: { withAnnotations: boolean; signal?: AbortSignal; onProgress?: (listed: number) => void; listing?: Partial<FleetListingOptions> },
): Promise<DryRun> {
  const targets: BulkTarget[] = [];
  const intern = interner();
  const listing = listFleet(
    backend,
    { ...options.listing, projection: 'BASIC', query: scope.query || undefined, orgUnitPath: scope.orgUnitPath },
    options.signal,
  );
  for await (const batch of listing) {
    for (const b of batch) targets.push(toTarget(b, options.withAnnotations, intern));
    options.onProgress?.(targets.length);
  }
  targets.sort((a, b) => (a.machineName ?? '').localeCompare(b.machineName ?? '') || a.deviceId.localeCompare(b.deviceId));
  return dryRunOf(targets);
}
