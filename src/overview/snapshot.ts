// Snapshots: the overview's figures as versioned JSON that can live in git, plus each device id under its
// newest Chrome major (what "new", "gone" and "upgraded" need). Ids are sorted and written one per line, so
// a commit's diff shows exactly which devices came, went or changed major.
import type { ChartId, FleetFigures, FleetTotals, OverviewScope } from './figures';
import { sameScope, scopeLabel } from './figures';
import { NO_VERSION } from './aggregator';
import { l10n } from '../util/l10n';

export const SNAPSHOT_FORMAT = 'cbcm-fleet-overview-snapshot';
export const SNAPSHOT_VERSION = 1;
/** Longest list of devices a comparison shows per kind of change. */
export const DIFF_LIST_CAP = 200;

export interface SnapshotFigure {
  label: string;
  count: number;
}

export interface FleetSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  generatedAt: string;
  /** The instant activity buckets were computed against. */
  now: string;
  scope: OverviewScope;
  /** False when the listing was cancelled part way (the snapshot then covers only part of the fleet). */
  complete: boolean;
  totals: FleetTotals;
  figures: Partial<Record<ChartId, SnapshotFigure[]>>;
  /** Newest Chrome major ("none": no version reported) → sorted device ids. */
  devices: Record<string, string[]>;
}

export function buildSnapshot(figures: FleetFigures, devices: ReadonlyMap<number | typeof NO_VERSION, readonly string[]>): FleetSnapshot {
  const byMajor: Record<string, string[]> = {};
  const keys = [...devices.keys()].sort((a, b) => (a === NO_VERSION ? 1 : b === NO_VERSION ? -1 : b - a));
  for (const k of keys) byMajor[String(k)] = [...devices.get(k)!].sort();
  const charts: Partial<Record<ChartId, SnapshotFigure[]>> = {};
  for (const c of figures.charts) charts[c.id] = c.categories.map((i) => ({ label: i.label, count: i.count }));
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    generatedAt: figures.generatedAt,
    now: figures.now,
    scope: figures.scope,
    complete: figures.complete,
    totals: figures.totals,
    figures: charts,
    devices: byMajor,
  };
}

/** Pretty JSON for the header, one device id per line for the device lists (small, readable git diffs). */
export function serializeSnapshot(s: FleetSnapshot): string {
  const { devices, ...head } = s;
  const headJson = JSON.stringify(head, null, 2);
  const groups = Object.entries(devices).map(([k, ids]) =>
    ids.length === 0
      ? `    ${JSON.stringify(k)}: []`
      : `    ${JSON.stringify(k)}: [\n${ids.map((id) => `      ${JSON.stringify(id)}`).join(',\n')}\n    ]`,
  );
  return `${headJson.slice(0, -2)},\n  "devices": {\n${groups.join(',\n')}\n  }\n}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isScope(v: unknown): v is OverviewScope {
  return isObject(v) && (v.kind === 'account' || (v.kind === 'orgUnit' && typeof v.orgUnitPath === 'string'));
}

/** Reads a snapshot file's text; throws an Error that tells the admin what is wrong with the file. */
export function parseSnapshot(text: string): FleetSnapshot {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error(l10n.t('This file is not JSON. Pick a file written by "Save snapshot".'));
  }
  if (!isObject(v) || v.format !== SNAPSHOT_FORMAT)
    throw new Error(l10n.t('This JSON file is not a fleet overview snapshot. Pick a file written by "Save snapshot".'));
  if (v.version !== SNAPSHOT_VERSION) {
    throw new Error(
      l10n.t(
        'This snapshot has format version {0}; this extension reads version {1}. Update the extension or save a new snapshot.',
        String(v.version),
        SNAPSHOT_VERSION,
      ),
    );
  }
  const bad = (what: string) => new Error(l10n.t('The snapshot is damaged ({0}). Save a new snapshot.', what));
  if (typeof v.generatedAt !== 'string' || Number.isNaN(Date.parse(v.generatedAt))) throw bad('generatedAt');
  if (!isScope(v.scope)) throw bad('scope');
  if (!isObject(v.totals) || typeof v.totals.browsers !== 'number') throw bad('totals');
  if (!isObject(v.figures)) throw bad('figures');
  for (const list of Object.values(v.figures)) {
    if (!Array.isArray(list) || !list.every((f) => isObject(f) && typeof f.label === 'string' && typeof f.count === 'number')) throw bad('figures');
  }
  if (!isObject(v.devices)) throw bad('devices');
  for (const [k, ids] of Object.entries(v.devices)) {
    if ((k !== NO_VERSION && !/^\d+$/.test(k)) || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw bad(`devices of "${k}"`);
  }
  return v as unknown as FleetSnapshot;
}

export interface DeviceChange {
  deviceId: string;
  /** Newest major before (undefined: no version, or not in the snapshot). */
  from?: number;
  to?: number;
}

export interface FigureDelta {
  label: string;
  before: number;
  after: number;
}

export interface SnapshotDiff {
  before: { generatedAt: string; scope: OverviewScope; browsers: number; complete: boolean };
  after: { generatedAt: string; scope: OverviewScope; browsers: number; complete: boolean };
  /** Comparing two different scopes is allowed but flagged. */
  scopeMismatch?: string;
  counts: { new: number; gone: number; upgraded: number; downgraded: number; unchanged: number };
  /** At most DIFF_LIST_CAP entries each, sorted by device id. */
  lists: { new: DeviceChange[]; gone: DeviceChange[]; upgraded: DeviceChange[]; downgraded: DeviceChange[] };
  charts: { id: ChartId; rows: FigureDelta[] }[];
}

function majorOf(key: string): number | undefined {
  return key === NO_VERSION ? undefined : Number(key);
}

export function diffSnapshots(before: FleetSnapshot, after: FleetSnapshot): SnapshotDiff {
  const old = new Map<string, number | undefined>();
  for (const [k, ids] of Object.entries(before.devices)) {
    const m = majorOf(k);
    for (const id of ids) old.set(id, m);
  }
  const counts = { new: 0, gone: 0, upgraded: 0, downgraded: 0, unchanged: 0 };
  const lists: SnapshotDiff['lists'] = { new: [], gone: [], upgraded: [], downgraded: [] };
  const add = (kind: keyof SnapshotDiff['lists'], c: DeviceChange) => {
    counts[kind]++;
    lists[kind].push(c);
  };
  for (const [k, ids] of Object.entries(after.devices)) {
    const to = majorOf(k);
    for (const id of ids) {
      if (!old.has(id)) {
        add('new', { deviceId: id, to });
        continue;
      }
      const from = old.get(id);
      old.delete(id);
      if (from === to || from === undefined || to === undefined) {
        // A device that stopped (or started) reporting a version did not change major as far as we know.
        counts.unchanged++;
      } else if (to > from) add('upgraded', { deviceId: id, from, to });
      else add('downgraded', { deviceId: id, from, to });
    }
  }
  for (const [id, from] of old) add('gone', { deviceId: id, from });
  for (const list of Object.values(lists)) {
    list.sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
    list.splice(DIFF_LIST_CAP);
  }
  const charts: SnapshotDiff['charts'] = [];
  const ids = new Set([...Object.keys(before.figures), ...Object.keys(after.figures)] as ChartId[]);
  for (const id of ids) {
    const b = new Map((before.figures[id] ?? []).map((f) => [f.label, f.count]));
    const a = new Map((after.figures[id] ?? []).map((f) => [f.label, f.count]));
    const labels = [...new Set([...a.keys(), ...b.keys()])];
    charts.push({ id, rows: labels.map((label) => ({ label, before: b.get(label) ?? 0, after: a.get(label) ?? 0 })) });
  }
  const summary = (s: FleetSnapshot) => ({ generatedAt: s.generatedAt, scope: s.scope, browsers: s.totals.browsers, complete: s.complete });
  const diff: SnapshotDiff = { before: summary(before), after: summary(after), counts, lists, charts };
  if (!sameScope(before.scope, after.scope)) {
    diff.scopeMismatch = l10n.t(
      'The snapshot covers {0}, the overview {1}: devices outside the common part show as new or gone.',
      scopeLabel(before.scope),
      scopeLabel(after.scope),
    );
  }
  return diff;
}
