// Streaming aggregation of a BASIC browser listing into the overview's figures. One pass, O(1) work per
// device and no copy of the devices: only counters, the distinct version strings (for exact filters) and,
// for snapshots, each device id under its newest Chrome major.
import type { ChromeBrowser, EnrollmentToken } from '../api/types';
import { isoDateTime } from '../query/time';
import { activityBuckets, type ActivityBucket } from './activity';
import {
  exactValue,
  fieldTerm,
  filterAction,
  NOT_EXPRESSIBLE_RANGE,
} from './filterActions';
import type { ChartItem, ChartModel, ChartStacks, FleetFigures, ItemAction, OverviewScope } from './figures';

/** Bars shown before the rest is grouped. */
export const TOP_ORG_UNITS = 10;
export const TOP_OS_VERSIONS = 12;
export const MAX_MAJORS = 30;
/** Platforms that get their own segment in the version bars; the rest are stacked as "Other". */
export const STACK_PLATFORMS = 4;
const MAX_DISTINCT_VERSIONS = 20_000;

export const NO_VERSION = 'none';
const UNKNOWN = '';

/** [label, min, max] inclusive; only single-value buckets can be one `num_extensions` query. */
export const EXTENSION_BUCKETS: readonly (readonly [string, number, number])[] = [
  ['0', 0, 0],
  ['1–5', 1, 5],
  ['6–10', 6, 10],
  ['11–20', 11, 20],
  ['21–50', 21, 50],
  ['51+', 51, Number.MAX_SAFE_INTEGER],
];

/** The filter behind the "device-id collisions" figure. */
export function collisionsAction(scope: OverviewScope): ItemAction {
  return filterAction('has_device_id_collision:true', 'browsers', scope);
}

/** Leading integer of a version string ("131.0.6778.86" → 131); undefined when it does not start with one. */
export function leadingNumber(text: string | undefined): number | undefined {
  if (!text) return undefined;
  let n = 0;
  let i = 0;
  for (; i < text.length && i < 9; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  return i === 0 ? undefined : n;
}

/** First run of digits of an OS version ("10.0.19045" → "10"), as the `os` query field reads it. */
export function osMajor(osVersion: string | undefined): string | undefined {
  if (!osVersion) return undefined;
  const m = /^[0-9]+/.exec(osVersion);
  return m ? m[0] : undefined;
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function byCountDesc<K>(map: Map<K, number>): [K, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

export interface AggregatorOptions {
  scope: OverviewScope;
  /** Activity buckets are relative to this instant (rounded down to the second). */
  now: Date;
  /** Keep each device id under its newest major (needed for snapshots); default true. */
  keepDevices?: boolean;
}

export class FleetAggregator {
  readonly scope: OverviewScope;
  readonly now: Date;
  private readonly buckets: ActivityBucket[];
  private readonly keepDevices: boolean;

  private total = 0;
  private withVersion = 0;
  private readonly byOrgUnit = new Map<string, number>();
  private readonly byPlatform = new Map<string, number>();
  /** platform → OS major → count */
  private readonly byOs = new Map<string, Map<string, number>>();
  /** Chrome major → platform → devices having that major (a device with two majors counts in both). */
  private readonly majorPlatform = new Map<number, Map<string, number>>();
  /** Newest major of each device → count. */
  private readonly newestMajor = new Map<number, number>();
  /** Distinct version strings → their major, for the exactness check of version filters. */
  private readonly versions = new Map<string, number>();
  private readonly activity: number[];
  private readonly extensions: number[] = EXTENSION_BUCKETS.map(() => 0);
  private extensionsMissing = 0;
  /** newest major (or NO_VERSION) → device ids */
  private readonly devices = new Map<number | typeof NO_VERSION, string[]>();
  private tokenStates: Map<string, number> | undefined;
  private collisions: number | undefined;
  private readonly warnings: string[] = [];

  constructor(o: AggregatorOptions) {
    this.scope = o.scope;
    this.now = new Date(Math.floor(o.now.getTime() / 1000) * 1000);
    this.buckets = activityBuckets(this.now);
    this.activity = this.buckets.map(() => 0);
    this.keepDevices = o.keepDevices ?? true;
  }

  get browserCount(): number {
    return this.total;
  }

  addBrowsers(batch: readonly ChromeBrowser[]): void {
    for (const b of batch) this.addBrowser(b);
  }

  addBrowser(b: ChromeBrowser): void {
    this.total++;
    bump(this.byOrgUnit, typeof b.orgUnitPath === 'string' ? b.orgUnitPath : UNKNOWN);

    const platform = typeof b.osPlatform === 'string' ? b.osPlatform : UNKNOWN;
    bump(this.byPlatform, platform);
    let os = this.byOs.get(platform);
    if (!os) this.byOs.set(platform, (os = new Map()));
    bump(os, osMajor(typeof b.osVersion === 'string' ? b.osVersion : undefined) ?? UNKNOWN);

    let newest = -1;
    let second = -1; // a second distinct major on the same device (rare: two installs)
    const list = Array.isArray(b.browserVersions) ? b.browserVersions : [];
    for (const v of list) {
      if (typeof v !== 'string') continue;
      const major = leadingNumber(v);
      if (major === undefined) continue;
      if (!this.versions.has(v) && this.versions.size < MAX_DISTINCT_VERSIONS) this.versions.set(v, major);
      if (major === newest || major === second) continue;
      if (newest < 0) newest = major;
      else if (major > newest) {
        this.countMajor(newest, platform);
        newest = major;
      } else {
        this.countMajor(major, platform);
        if (second < 0) second = major;
      }
    }
    if (newest >= 0) {
      this.countMajor(newest, platform);
      bump(this.newestMajor, newest);
      this.withVersion++;
    }
    if (this.keepDevices && typeof b.deviceId === 'string') {
      const key = newest >= 0 ? newest : NO_VERSION;
      let ids = this.devices.get(key);
      if (!ids) this.devices.set(key, (ids = []));
      ids.push(b.deviceId);
    }

    this.activity[this.bucketOf(b.lastActivityTime)]++;

    const ext = b.extensionCount;
    if (typeof ext === 'number' && Number.isInteger(ext) && ext >= 0) {
      const i = EXTENSION_BUCKETS.findIndex(([, min, max]) => ext >= min && ext <= max);
      this.extensions[i]++;
    } else {
      this.extensionsMissing++;
    }
  }

  private countMajor(major: number, platform: string): void {
    let m = this.majorPlatform.get(major);
    if (!m) this.majorPlatform.set(major, (m = new Map()));
    bump(m, platform);
  }

  /** Index into the activity buckets; the last bucket is "never" (no or unreadable time). */
  private bucketOf(time: string | undefined): number {
    const t = typeof time === 'string' ? Date.parse(time) : NaN;
    if (Number.isNaN(t)) return this.buckets.length - 1;
    for (let i = 0; i < this.buckets.length - 1; i++) if (t >= this.buckets[i].from) return i;
    return this.buckets.length - 2;
  }

  addTokens(tokens: readonly EnrollmentToken[]): void {
    this.tokenStates ??= new Map();
    for (const t of tokens) bump(this.tokenStates, typeof t.state === 'string' ? t.state : UNKNOWN);
  }

  /** Tokens were listed and there were none (distinguishes "0" from "not counted"). */
  tokensListed(): void {
    this.tokenStates ??= new Map();
  }

  setCollisions(count: number): void {
    this.collisions = count;
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Device ids by newest major, for snapshots (empty when `keepDevices` was false). */
  devicesByMajor(): ReadonlyMap<number | typeof NO_VERSION, readonly string[]> {
    return this.devices;
  }

  /** The figures so far; cheap (no pass over devices), so it can be called while streaming. */
  figures(complete: boolean, generatedAt = new Date()): FleetFigures {
    const latestMajors = [...this.newestMajor.keys()].sort((a, b) => b - a).slice(0, 2);
    const onLatestMajors = latestMajors.reduce((s, m) => s + (this.newestMajor.get(m) ?? 0), 0);
    const silent = this.activity[this.activity.length - 2] + this.activity[this.activity.length - 1];
    const charts: ChartModel[] = [
      this.versionChart(),
      this.platformChart(),
      this.osVersionChart(),
      this.activityChart(),
      this.orgUnitChart(),
      this.extensionChart(),
    ];
    const tokens = this.tokenChart();
    if (tokens) charts.push(tokens);
    return {
      scope: this.scope,
      generatedAt: generatedAt.toISOString(),
      now: this.now.toISOString(),
      complete,
      totals: {
        browsers: this.total,
        withVersion: this.withVersion,
        latestMajors,
        onLatestMajors,
        silent,
        ...(this.tokenStates ? { tokens: [...this.tokenStates.values()].reduce((a, b) => a + b, 0) } : {}),
        ...(this.collisions !== undefined ? { collisions: this.collisions } : {}),
      },
      charts,
      warnings: [...this.warnings],
    };
  }

  // ---------------------------------------------------------------- charts

  private versionChart(): ChartModel {
    const majors = [...this.majorPlatform.keys()].sort((a, b) => b - a);
    const shown = majors.slice(0, MAX_MAJORS);
    const hidden = majors.slice(MAX_MAJORS);
    const platformTotals = new Map<string, number>();
    for (const m of majors) for (const [p, n] of this.majorPlatform.get(m)!) bump(platformTotals, p, n);
    const stackPlatforms = byCountDesc(platformTotals).map(([p]) => p).filter((p) => p !== UNKNOWN).slice(0, STACK_PLATFORMS);
    const platformValues = new Map([...this.byPlatform.keys()].filter((p) => p !== UNKNOWN).map((p) => [p, [p]]));
    const platformQuery = new Map(stackPlatforms.map((p) => [p, this.exactTerm('os_platform', p, platformValues)]));

    const versionsOf = (m: number) => [...this.versions].filter(([, major]) => major === m).map(([v]) => v);
    const otherVersions = (m: number) => [...this.versions].filter(([, major]) => major !== m).map(([v]) => v);
    const categories: ChartItem[] = shown.map((m) => {
      const count = [...this.majorPlatform.get(m)!.values()].reduce((a, b) => a + b, 0);
      const value = exactValue([String(m), `${m}.0`], versionsOf(m), otherVersions(m));
      const term = value === undefined ? undefined : fieldTerm('browser_version', value);
      const action: ItemAction = term
        ? filterAction(term, 'browsers', this.scope)
        : { kind: 'none', reason: `No query matches Chrome ${m} only: its number is also part of other versions seen.` };
      return { key: String(m), label: String(m), count, action };
    });
    if (hidden.length > 0) {
      const count = hidden.reduce((s, m) => s + [...this.majorPlatform.get(m)!.values()].reduce((a, b) => a + b, 0), 0);
      categories.push({
        key: 'older',
        label: `≤ ${hidden[0]}`,
        count,
        action: { kind: 'none', reason: `${hidden.length} older majors grouped; the query language has no "or", so click a single major instead.` },
      });
    }
    const series = [...stackPlatforms, 'Other'];
    const values = series.map(() => categories.map(() => 0));
    const actions: ItemAction[][] = series.map(() => categories.map(() => ({ kind: 'none', reason: '' }) as ItemAction));
    categories.forEach((cat, c) => {
      const majorsHere = cat.key === 'older' ? hidden : [Number(cat.key)];
      for (const m of majorsHere) {
        for (const [p, n] of this.majorPlatform.get(m)!) {
          const s = stackPlatforms.indexOf(p);
          values[s < 0 ? series.length - 1 : s][c] += n;
        }
      }
      series.forEach((p, s) => {
        const pq = platformQuery.get(p);
        if (cat.action.kind === 'filter' && pq) {
          actions[s][c] = filterAction(`${cat.action.query} ${pq}`, 'browsers', this.scope);
        } else {
          actions[s][c] = cat.action.kind === 'none'
            ? cat.action
            : { kind: 'none', reason: 'Several platforms are grouped in "Other"; click the bar total or the platform chart instead.' };
        }
      });
    });
    const stacks: ChartStacks = { series, values, actions };
    return {
      id: 'versions',
      title: 'Chrome major versions',
      unit: 'browsers',
      note: 'The BASIC listing does not say which channel (stable, beta…) a version comes from, so the bars are stacked by OS platform. A browser with two Chrome installs counts once under each major.',
      categories,
      stacks,
    };
  }

  /** `field:value` when the word match of `value` selects exactly this value among the seen ones. */
  private exactTerm(field: string, value: string, seen: Map<string, string[]>): string | undefined {
    const own = seen.get(value) ?? [value];
    const others = [...seen].filter(([k]) => k !== value).flatMap(([, v]) => v);
    const exact = exactValue([value], own, others);
    return exact === undefined ? undefined : fieldTerm(field, exact);
  }

  private platformChart(): ChartModel {
    const seen = new Map([...this.byPlatform.keys()].filter((p) => p !== UNKNOWN).map((p) => [p, [p]]));
    const categories = byCountDesc(this.byPlatform).map(([p, count]): ChartItem => {
      if (p === UNKNOWN) return { key: '', label: 'Not reported', count, action: { kind: 'none', reason: 'A query cannot select browsers that report no platform.' } };
      const term = this.exactTerm('os_platform', p, seen);
      return {
        key: p,
        label: p,
        count,
        action: term ? filterAction(term, 'browsers', this.scope) : { kind: 'none', reason: `"${p}" is also part of another platform's name, so no query selects it alone.` },
      };
    });
    return { id: 'platforms', title: 'OS platforms', unit: 'browsers', categories };
  }

  private osVersionChart(): ChartModel {
    const all: [string, string, string, number][] = []; // key, platform, major, count
    for (const [p, majors] of this.byOs) for (const [m, n] of majors) all.push([`${p} ${m}`.trim(), p, m, n]);
    all.sort((a, b) => b[3] - a[3] || a[0].localeCompare(b[0]));
    const seen = new Map(all.filter(([, p, m]) => p !== UNKNOWN && m !== UNKNOWN).map(([k]) => [k, [k]]));
    const categories = all.slice(0, TOP_OS_VERSIONS).map(([key, p, m, count]): ChartItem => {
      if (p === UNKNOWN) return { key, label: 'Not reported', count, action: { kind: 'none', reason: 'A query cannot select browsers that report no platform.' } };
      if (m === UNKNOWN) return { key, label: `${p} (no version)`, count, action: { kind: 'none', reason: 'A query cannot select browsers that report no OS version.' } };
      const term = this.exactTerm('os', key, seen);
      return {
        key,
        label: key,
        count,
        action: term ? filterAction(term, 'browsers', this.scope) : { kind: 'none', reason: `No query selects "${key}" alone.` },
      };
    });
    const rest = all.slice(TOP_OS_VERSIONS);
    if (rest.length > 0) {
      categories.push({
        key: 'other',
        label: `Other (${rest.length})`,
        count: rest.reduce((s, r) => s + r[3], 0),
        action: { kind: 'none', reason: 'Several OS versions are grouped here; the query language has no "or".' },
      });
    }
    return {
      id: 'osVersions',
      title: 'OS versions',
      unit: 'browsers',
      note: 'Platform and the first number of the OS version, as the `os` filter field reads them (Windows 11 reports 10.0.2xxxx, so it shows as Windows 10).',
      categories,
    };
  }

  private activityChart(): ChartModel {
    const categories = this.buckets.map((b, i): ChartItem => ({
      key: b.key,
      label: b.label,
      count: this.activity[i],
      action: b.query ? filterAction(b.query, 'browsers', this.scope) : { kind: 'none', reason: b.reason ?? '' },
    }));
    return {
      id: 'activity',
      title: 'Last activity',
      unit: 'browsers',
      note: `Relative to ${isoDateTime(this.now).replace('T', ' ')} UTC; a click filters on those exact instants.`,
      categories,
    };
  }

  private orgUnitChart(): ChartModel {
    const sorted = byCountDesc(this.byOrgUnit);
    const categories = sorted.slice(0, TOP_ORG_UNITS).map(([path, count]): ChartItem => path === UNKNOWN
      ? { key: '', label: 'Not reported', count, action: { kind: 'none', reason: 'These browsers report no org unit.' } }
      : { key: path, label: path, count, action: { kind: 'revealOrgUnit', orgUnitPath: path } });
    const rest = sorted.slice(TOP_ORG_UNITS);
    if (rest.length > 0) {
      categories.push({
        key: 'other',
        label: `Other ${rest.length} org units`,
        count: rest.reduce((s, [, n]) => s + n, 0),
        action: { kind: 'none', reason: 'Several org units are grouped here; open the tree to see each one.' },
      });
    }
    return {
      id: 'orgUnits',
      title: 'Browsers per org unit',
      unit: 'browsers',
      note: 'A click shows the org unit in the explorer: the org unit is a listing parameter, not part of a filter query.',
      categories,
    };
  }

  private extensionChart(): ChartModel {
    const categories = EXTENSION_BUCKETS.map(([label, min, max], i): ChartItem => ({
      key: label,
      label,
      count: this.extensions[i],
      action: min === max
        ? filterAction(`num_extensions:${min}`, 'browsers', this.scope)
        : { kind: 'none', reason: NOT_EXPRESSIBLE_RANGE },
    }));
    if (this.extensionsMissing > 0) {
      categories.push({ key: 'missing', label: 'Not reported', count: this.extensionsMissing, action: { kind: 'none', reason: 'A query cannot select browsers that report no extension count.' } });
    }
    return {
      id: 'extensions',
      title: 'Extensions per browser',
      unit: 'browsers',
      note: 'Only single values can be filtered: the API matches num_extensions exactly and has no ranges.',
      categories,
    };
  }

  private tokenChart(): ChartModel | undefined {
    if (!this.tokenStates) return undefined;
    const order = ['active', 'expired', 'revoked'];
    const states = [...order, ...[...this.tokenStates.keys()].filter((s) => !order.includes(s))];
    const categories = states.map((s): ChartItem => {
      const count = this.tokenStates!.get(s) ?? 0;
      const label = s === UNKNOWN ? 'Unknown' : s.charAt(0).toUpperCase() + s.slice(1);
      const action: ItemAction = order.includes(s)
        ? filterAction(`token_state:${s.toUpperCase()}`, 'tokens', this.scope)
        : { kind: 'none', reason: 'Not a state the token filter knows.' };
      return { key: s, label, count, action };
    });
    return { id: 'tokens', title: 'Enrollment tokens by state', unit: 'enrollment tokens', categories };
  }
}
