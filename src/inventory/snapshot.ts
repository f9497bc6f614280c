// Inventory snapshots: the inventory's counts as versioned JSON that can live in git (keys sorted, one
// extension or policy per block, so a commit's diff reads as "this extension appeared, that version went"),
// and the comparison of two of them. Counts only, no device ids: which browsers have an extension is a
// question for the live inventory. No vscode import.
import { sameScope, scopeLabel } from '../overview/figures';
import type { Inventory, InventoryScope, InventoryTotals } from './model';
import { l10n } from '../util/l10n';

export const INVENTORY_SNAPSHOT_FORMAT = 'cbcm-fleet-inventory-snapshot';
export const INVENTORY_SNAPSHOT_VERSION = 1;

export interface SnapshotExtension {
  name: string;
  browsers: number;
  profiles: number;
  /** version ('' = not reported) → browsers */
  versions: Record<string, number>;
  installTypes: Record<string, number>;
  permissions: string[];
}

export interface SnapshotPolicy {
  name: string;
  extensionId?: string;
  browsers: number;
  errors: number;
  conflicts: number;
  /** value (cut, see MAX_VALUE_LENGTH) → browsers */
  values: Record<string, number>;
}

export interface InventorySnapshot {
  format: typeof INVENTORY_SNAPSHOT_FORMAT;
  version: typeof INVENTORY_SNAPSHOT_VERSION;
  generatedAt: string;
  scope: InventoryScope;
  /** False when the inventory was partial (cancelled or failed): counts cover only the browsers listed. */
  complete: boolean;
  totals: InventoryTotals;
  /** Keyed by extension key (the id, or `?<name>`). */
  extensions: Record<string, SnapshotExtension>;
  /** Keyed by policy key (`name`, or `<extensionId>/<name>`). */
  policies: Record<string, SnapshotPolicy>;
}

const sortedRecord = (entries: Iterable<[string, number]>): Record<string, number> =>
  Object.fromEntries([...entries].sort((a, b) => a[0].localeCompare(b[0])));

export function buildInventorySnapshot(inv: Inventory): InventorySnapshot {
  const extensions: Record<string, SnapshotExtension> = {};
  for (const e of [...inv.extensions].sort((a, b) => a.key.localeCompare(b.key))) {
    extensions[e.key] = {
      name: e.name,
      browsers: e.browsers,
      profiles: e.profiles,
      versions: sortedRecord(e.versions.map((v) => [v.value, v.browsers])),
      installTypes: sortedRecord(e.installTypes.map((v) => [v.value, v.browsers])),
      permissions: e.permissions.map((p) => p.value).sort(),
    };
  }
  const policies: Record<string, SnapshotPolicy> = {};
  for (const p of [...inv.policies].sort((a, b) => a.key.localeCompare(b.key))) {
    policies[p.key] = {
      name: p.name,
      ...(p.extensionId !== undefined ? { extensionId: p.extensionId } : {}),
      browsers: p.browsers,
      errors: p.errors,
      conflicts: p.conflicts,
      values: sortedRecord(p.values.map((v) => [v.value, v.browsers])),
    };
  }
  return {
    format: INVENTORY_SNAPSHOT_FORMAT,
    version: INVENTORY_SNAPSHOT_VERSION,
    generatedAt: inv.generatedAt,
    scope: inv.scope,
    complete: inv.complete,
    totals: inv.totals,
    extensions,
    policies,
  };
}

export function serializeInventorySnapshot(s: InventorySnapshot): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCounts = (v: unknown): v is Record<string, number> => isObject(v) && Object.values(v).every((n) => typeof n === 'number');

/** Reads a snapshot file's text; throws an Error that tells the admin what is wrong with the file. */
export function parseInventorySnapshot(text: string): InventorySnapshot {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error(l10n.t('This file is not JSON. Pick a file written by "Save inventory snapshot".'));
  }
  if (!isObject(v) || v.format !== INVENTORY_SNAPSHOT_FORMAT) {
    throw new Error(l10n.t('This JSON file is not a fleet inventory snapshot. Pick a file written by "Save inventory snapshot".'));
  }
  if (v.version !== INVENTORY_SNAPSHOT_VERSION) {
    throw new Error(
      l10n.t(
        'This snapshot has format version {0}; this extension reads version {1}. Update the extension or save a new snapshot.',
        String(v.version),
        INVENTORY_SNAPSHOT_VERSION,
      ),
    );
  }
  const bad = (what: string) => new Error(l10n.t('The inventory snapshot is damaged ({0}). Save a new snapshot.', what));
  if (typeof v.generatedAt !== 'string' || Number.isNaN(Date.parse(v.generatedAt))) throw bad('generatedAt');
  const scope = v.scope;
  if (!isObject(scope) || !(scope.kind === 'account' || (scope.kind === 'orgUnit' && typeof scope.orgUnitPath === 'string'))) throw bad('scope');
  if (typeof v.complete !== 'boolean') throw bad('complete');
  if (!isObject(v.totals) || typeof v.totals.browsers !== 'number') throw bad('totals');
  if (!isObject(v.extensions)) throw bad('extensions');
  for (const [k, e] of Object.entries(v.extensions)) {
    if (
      !isObject(e) ||
      typeof e.name !== 'string' ||
      typeof e.browsers !== 'number' ||
      typeof e.profiles !== 'number' ||
      !isCounts(e.versions) ||
      !isCounts(e.installTypes) ||
      !Array.isArray(e.permissions) ||
      !e.permissions.every((p) => typeof p === 'string')
    ) {
      throw bad(`extension ${k}`);
    }
  }
  if (!isObject(v.policies)) throw bad('policies');
  for (const [k, p] of Object.entries(v.policies)) {
    if (
      !isObject(p) ||
      typeof p.name !== 'string' ||
      typeof p.browsers !== 'number' ||
      typeof p.errors !== 'number' ||
      typeof p.conflicts !== 'number' ||
      !isCounts(p.values)
    ) {
      throw bad(`policy ${k}`);
    }
  }
  return v as unknown as InventorySnapshot;
}

export interface CountChange {
  value: string;
  before: number;
  after: number;
}

export interface ExtensionDelta {
  key: string;
  name: string;
  /** Browsers before and after (0 for an extension new or removed). */
  before: number;
  after: number;
}

export interface VersionChange extends ExtensionDelta {
  /** Versions only in the newer inventory. */
  added: CountChange[];
  /** Versions only in the older one. */
  removed: CountChange[];
  /** Versions in both whose number of browsers changed. */
  changed: CountChange[];
}

export interface PolicyDelta {
  key: string;
  name: string;
  browsers: { before: number; after: number };
  errors: { before: number; after: number };
  conflicts: { before: number; after: number };
  valuesAdded: string[];
  valuesRemoved: string[];
}

export interface InventoryDiff {
  before: { generatedAt: string; scope: InventoryScope; browsers: number; complete: boolean };
  after: { generatedAt: string; scope: InventoryScope; browsers: number; complete: boolean };
  /** Comparing two different scopes is allowed but flagged. */
  scopeMismatch?: string;
  /** Set when either side was partial: "removed" may only mean "not listed yet". */
  partial?: string;
  extensions: {
    added: ExtensionDelta[];
    removed: ExtensionDelta[];
    /** Extensions in both with versions added, removed or whose counts moved. */
    versionChanges: VersionChange[];
  };
  policies: { added: PolicyDelta[]; removed: PolicyDelta[]; changed: PolicyDelta[] };
}

function countChanges(before: Record<string, number>, after: Record<string, number>): Pick<VersionChange, 'added' | 'removed' | 'changed'> {
  const added: CountChange[] = [];
  const removed: CountChange[] = [];
  const changed: CountChange[] = [];
  for (const [value, n] of Object.entries(after)) {
    if (!(value in before)) added.push({ value, before: 0, after: n });
    else if (before[value] !== n) changed.push({ value, before: before[value], after: n });
  }
  for (const [value, n] of Object.entries(before)) if (!(value in after)) removed.push({ value, before: n, after: 0 });
  return { added, removed, changed };
}

const byKey = <T extends { key: string }>(a: T, b: T) => a.key.localeCompare(b.key);

function policyDelta(key: string, b: SnapshotPolicy | undefined, a: SnapshotPolicy | undefined): PolicyDelta {
  const bv = b?.values ?? {};
  const av = a?.values ?? {};
  return {
    key,
    name: (a ?? b)!.name,
    browsers: { before: b?.browsers ?? 0, after: a?.browsers ?? 0 },
    errors: { before: b?.errors ?? 0, after: a?.errors ?? 0 },
    conflicts: { before: b?.conflicts ?? 0, after: a?.conflicts ?? 0 },
    valuesAdded: Object.keys(av)
      .filter((v) => !(v in bv))
      .sort(),
    valuesRemoved: Object.keys(bv)
      .filter((v) => !(v in av))
      .sort(),
  };
}

export function diffInventorySnapshots(before: InventorySnapshot, after: InventorySnapshot): InventoryDiff {
  const extensions: InventoryDiff['extensions'] = { added: [], removed: [], versionChanges: [] };
  for (const [key, a] of Object.entries(after.extensions)) {
    const b = before.extensions[key];
    if (!b) {
      extensions.added.push({ key, name: a.name, before: 0, after: a.browsers });
      continue;
    }
    const c = countChanges(b.versions, a.versions);
    if (c.added.length + c.removed.length + c.changed.length > 0) {
      extensions.versionChanges.push({ key, name: a.name || b.name, before: b.browsers, after: a.browsers, ...c });
    }
  }
  for (const [key, b] of Object.entries(before.extensions)) {
    if (!(key in after.extensions)) extensions.removed.push({ key, name: b.name, before: b.browsers, after: 0 });
  }
  const policies: InventoryDiff['policies'] = { added: [], removed: [], changed: [] };
  for (const [key, a] of Object.entries(after.policies)) {
    const b = before.policies[key];
    if (!b) policies.added.push(policyDelta(key, undefined, a));
    else {
      const d = policyDelta(key, b, a);
      const moved = d.browsers.before !== d.browsers.after || d.errors.before !== d.errors.after || d.conflicts.before !== d.conflicts.after;
      if (moved || d.valuesAdded.length > 0 || d.valuesRemoved.length > 0) policies.changed.push(d);
    }
  }
  for (const [key, b] of Object.entries(before.policies)) if (!(key in after.policies)) policies.removed.push(policyDelta(key, b, undefined));
  for (const list of [extensions.added, extensions.removed, extensions.versionChanges, policies.added, policies.removed, policies.changed])
    list.sort(byKey);

  const summary = (s: InventorySnapshot) => ({ generatedAt: s.generatedAt, scope: s.scope, browsers: s.totals.browsers, complete: s.complete });
  const diff: InventoryDiff = { before: summary(before), after: summary(after), extensions, policies };
  if (!sameScope(before.scope, after.scope)) {
    diff.scopeMismatch = l10n.t(
      'The snapshot covers {0}, the inventory {1}: extensions outside the common part show as added or removed.',
      scopeLabel(before.scope),
      scopeLabel(after.scope),
    );
  }
  if (!before.complete || !after.complete) {
    diff.partial = !before.complete
      ? l10n.t('The snapshot was taken from a listing that did not finish: an extension shown as removed or added may only not have been listed yet.')
      : l10n.t(
          'The inventory was taken from a listing that did not finish: an extension shown as removed or added may only not have been listed yet.',
        );
  }
  return diff;
}
