// Streaming aggregation of a BASIC browser listing into the overview's figures. One pass, O(1) work per
// device and no copy of the devices: only counters, the distinct version strings (for exact filters) and,
// for snapshots, each device id under its newest Chrome major.
import type { ChromeBrowser, EnrollmentToken } from '../api/types';
import { isoDateTime } from '../query/time';
import { activityBuckets, type ActivityBucket } from './activity';
import { exactValue, fieldTerm, filterAction, notExpressibleRange } from './filterActions';
import { l10n } from '../util/l10n';
import type { ChartItem, ChartModel, ChartStacks, FleetFigures, ItemAction, OverviewScope } from './figures';
import { buildPrefix, osFieldValue, osRelease } from './osRelease';
import { chooseStableMajor } from './stableMajor';
import { clock } from '../util/clock';

export { osMajor } from './osRelease';

/** Bars shown before the rest is grouped. */
export const TOP_ORG_UNITS = 10;
export const TOP_OS_VERSIONS = 12;
export const MAX_MAJORS = 30;
/** Platforms that get their own segment in the version bars; the rest are stacked as "Other". */
export const STACK_PLATFORMS = 4;
const MAX_DISTINCT_VERSIONS = 20_000;
const MAX_DISTINCT_OS_VERSIONS = 20_000;

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
  /**
   * The admin's stable major (`cbcm.overview.stableMajor`; 0: assume it from the fleet). A function, read at each
   * `figures()`, so a changed setting applies to the figures without listing the fleet again.
   */
  stableMajorSetting?: () => number;
}

interface OsGroup {
  count: number;
  /** What the `os` query field reads for these devices ("Windows 10" for Windows 11 too). */
  fieldValues: Set<string>;
  /** Distinct `osVersion` strings (bounded over all groups). */
  osVersions: Set<string>;
  /** Devices reporting no `osVersion`. */
  missingVersion: number;
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
  /** platform → OS release ("11", "14"; UNKNOWN when not reported) → what the OS versions chart needs. */
  private readonly byOs = new Map<string, Map<string, OsGroup>>();
  /** Distinct OS version strings kept over all groups (bounded), for the exactness check of `os_version` filters. */
  private osVersionsKept = 0;
  private osVersionsOverflow = false;
  /**
   * osVersion → the groups of the (platform, osPlatformVersion) pairs seen with it (osPlatformVersion only matters for
   * Windows): a fleet repeats a few thousand OS versions, so the release is worked out once per combination.
   */
  private readonly osMemo = new Map<string, { platform: string; name: string; group: OsGroup }[]>();
  private osMemoSize = 0;
  /** Installs reported on the stable channel, by major (only listings that carry `browsers[].channel`). */
  private readonly stableChannelMajors = new Map<number, number>();
  private readonly stableMajorSetting: () => number;
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
    this.stableMajorSetting = o.stableMajorSetting ?? (() => 0);
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
    this.countOs(
      platform,
      typeof b.osVersion === 'string' ? b.osVersion : undefined,
      typeof b.osPlatformVersion === 'string' ? b.osPlatformVersion : undefined,
    );
    if (Array.isArray(b.browsers)) this.countStableChannel(b.browsers);

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

  private countOs(platform: string, osVersion: string | undefined, osPlatformVersion: string | undefined): void {
    const name = platform === 'Windows' ? (osPlatformVersion ?? '') : '';
    let seen = this.osMemo.get(osVersion ?? '');
    if (seen) {
      for (const e of seen) {
        if (e.platform !== platform || e.name !== name) continue;
        e.group.count++;
        if (!osVersion) e.group.missingVersion++;
        return;
      }
    }
    const group = this.osGroupOf(platform, osVersion, osPlatformVersion);
    if (this.osMemoSize < MAX_DISTINCT_OS_VERSIONS) {
      if (!seen) this.osMemo.set(osVersion ?? '', (seen = []));
      seen.push({ platform, name, group });
      this.osMemoSize++;
    }
  }

  /** Counts one device in its group, adding what the group's filter checks need; returns the group. */
  private osGroupOf(platform: string, osVersion: string | undefined, osPlatformVersion: string | undefined): OsGroup {
    let releases = this.byOs.get(platform);
    if (!releases) this.byOs.set(platform, (releases = new Map<string, OsGroup>()));
    const release = platform === UNKNOWN ? UNKNOWN : (osRelease(platform, osVersion, osPlatformVersion) ?? UNKNOWN);
    let g = releases.get(release);
    if (!g) releases.set(release, (g = { count: 0, fieldValues: new Set(), osVersions: new Set(), missingVersion: 0 }));
    g.count++;
    g.fieldValues.add(osFieldValue(platform, osVersion));
    if (!osVersion) g.missingVersion++;
    else if (!g.osVersions.has(osVersion)) {
      if (this.osVersionsKept < MAX_DISTINCT_OS_VERSIONS) {
        g.osVersions.add(osVersion);
        this.osVersionsKept++;
      } else {
        this.osVersionsOverflow = true;
      }
    }
    return g;
  }

  /** FULL rows name each install's channel; BASIC rows have no `browsers` and add nothing here. */
  private countStableChannel(installs: readonly unknown[]): void {
    const seen = new Set<number>();
    for (const i of installs) {
      if (typeof i !== 'object' || i === null) continue;
      const { channel, browserVersion } = i as { channel?: unknown; browserVersion?: unknown };
      if (typeof channel !== 'string' || channel.toLowerCase() !== 'stable' || typeof browserVersion !== 'string') continue;
      const major = leadingNumber(browserVersion);
      if (major === undefined || seen.has(major)) continue;
      seen.add(major);
      bump(this.stableChannelMajors, major);
    }
  }

  private countMajor(major: number, platform: string): void {
    let m = this.majorPlatform.get(major);
    if (!m) this.majorPlatform.set(major, (m = new Map<string, number>()));
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
  figures(complete: boolean, generatedAt = clock.date()): FleetFigures {
    const stableMajor = chooseStableMajor({
      setting: this.stableMajorSetting(),
      stableChannel: this.stableChannelMajors,
      installs: this.installsByMajor(),
    });
    let onCurrentMajors = 0;
    if (stableMajor) for (const [m, n] of this.newestMajor) if (m >= stableMajor.major - 1) onCurrentMajors += n;
    const silent = this.activity[this.activity.length - 2] + this.activity[this.activity.length - 1];
    const charts: ChartModel[] = [
      this.versionChart(stableMajor?.major),
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
        ...(stableMajor ? { stableMajor } : {}),
        onCurrentMajors,
        silent,
        ...(this.tokenStates ? { tokens: [...this.tokenStates.values()].reduce((a, b) => a + b, 0) } : {}),
        ...(this.collisions !== undefined ? { collisions: this.collisions } : {}),
      },
      charts,
      warnings: [...this.warnings],
    };
  }

  // ---------------------------------------------------------------- charts

  /** Installs by major over all platforms (a device with two majors counts under each). */
  private installsByMajor(): Map<number, number> {
    const out = new Map<number, number>();
    for (const [m, platforms] of this.majorPlatform) for (const n of platforms.values()) bump(out, m, n);
    return out;
  }

  private versionChart(stableMajor: number | undefined): ChartModel {
    const majors = [...this.majorPlatform.keys()].sort((a, b) => b - a);
    const shown = majors.slice(0, MAX_MAJORS);
    const hidden = majors.slice(MAX_MAJORS);
    const platformTotals = new Map<string, number>();
    for (const m of majors) for (const [p, n] of this.majorPlatform.get(m)!) bump(platformTotals, p, n);
    const stackPlatforms = byCountDesc(platformTotals)
      .map(([p]) => p)
      .filter((p) => p !== UNKNOWN)
      .slice(0, STACK_PLATFORMS);

    const versionsOf = (m: number) => [...this.versions].filter(([, major]) => major === m).map(([v]) => v);
    const otherVersions = (m: number) => [...this.versions].filter(([, major]) => major !== m).map(([v]) => v);
    const categories: ChartItem[] = shown.map((m) => {
      const count = [...this.majorPlatform.get(m)!.values()].reduce((a, b) => a + b, 0);
      const value = exactValue([String(m), `${m}.0`], versionsOf(m), otherVersions(m));
      const term = value === undefined ? undefined : fieldTerm('browser_version', value);
      const action: ItemAction = term
        ? filterAction(term, 'browsers', this.scope)
        : { kind: 'none', reason: l10n.t('No query matches Chrome {0} only: its number is also part of other versions seen.', m) };
      return { key: String(m), label: String(m), count, action };
    });
    if (hidden.length > 0) {
      const count = hidden.reduce((s, m) => s + [...this.majorPlatform.get(m)!.values()].reduce((a, b) => a + b, 0), 0);
      categories.push({
        key: 'older',
        label: `≤ ${hidden[0]}`,
        count,
        action: {
          kind: 'none',
          reason: l10n.t('{0} older majors grouped; the query language has no "or", so click a single major instead.', hidden.length),
        },
      });
    }
    // The segments only show the platform mix: a click anywhere on a bar (or its table row) acts on the whole bar.
    const series = [...stackPlatforms, 'Other'];
    const values = series.map(() => categories.map(() => 0));
    categories.forEach((cat, c) => {
      const majorsHere = cat.key === 'older' ? hidden : [Number(cat.key)];
      for (const m of majorsHere) {
        for (const [p, n] of this.majorPlatform.get(m)!) {
          const s = stackPlatforms.indexOf(p);
          values[s < 0 ? series.length - 1 : s][c] += n;
        }
      }
    });
    const stacks: ChartStacks = { series, values };
    const note = l10n.t(
      'The BASIC listing does not say which channel (stable, beta…) a version comes from, so the bars are stacked by OS platform; a click filters on the whole bar. A browser with two Chrome installs counts once under each major.',
    );
    return {
      id: 'versions',
      title: l10n.t('Chrome major versions'),
      unit: 'browsers',
      note: stableMajor === undefined ? note : l10n.t('{0} Stable major: {1}; newer majors are beta, dev or canary.', note, stableMajor),
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
      if (p === UNKNOWN)
        return {
          key: '',
          label: l10n.t('Not reported'),
          count,
          action: { kind: 'none', reason: l10n.t('A query cannot select browsers that report no platform.') },
        };
      const term = this.exactTerm('os_platform', p, seen);
      return {
        key: p,
        label: p,
        count,
        action: term
          ? filterAction(term, 'browsers', this.scope)
          : { kind: 'none', reason: l10n.t('"{0}" is also part of another platform\'s name, so no query selects it alone.', p) },
      };
    });
    return { id: 'platforms', title: l10n.t('OS platforms'), unit: 'browsers', categories };
  }

  private osVersionChart(): ChartModel {
    const all: { key: string; platform: string; release: string; group: OsGroup }[] = [];
    for (const [platform, releases] of this.byOs) {
      for (const [release, group] of releases) all.push({ key: `${platform} ${release}`.trim(), platform, release, group });
    }
    all.sort((a, b) => b.group.count - a.group.count || a.key.localeCompare(b.key));
    const shown = all.slice(0, TOP_OS_VERSIONS);
    const categories = shown.map(({ key, platform, release, group }): ChartItem => {
      const count = group.count;
      if (platform === UNKNOWN)
        return {
          key,
          label: l10n.t('Not reported'),
          count,
          action: { kind: 'none', reason: l10n.t('A query cannot select browsers that report no platform.') },
        };
      if (release === UNKNOWN)
        return {
          key,
          label: l10n.t('{0} (no version)', platform),
          count,
          action: { kind: 'none', reason: l10n.t('A query cannot select browsers that report no OS version.') },
        };
      return {
        key,
        label: key,
        count,
        action: this.osAction(
          key,
          group,
          all.map((o) => o.group).filter((g) => g !== group),
        ),
      };
    });
    const rest = all.slice(TOP_OS_VERSIONS);
    if (rest.length > 0) {
      categories.push({
        key: 'other',
        label: l10n.t('Other ({0})', rest.length),
        count: rest.reduce((s, r) => s + r.group.count, 0),
        action: { kind: 'none', reason: l10n.t('Several OS versions are grouped here; the query language has no "or".') },
      });
    }
    return {
      id: 'osVersions',
      title: l10n.t('OS versions'),
      unit: 'browsers',
      note: l10n.t(
        'Platform and OS release. Windows 11 reports version 10.0 like Windows 10: its build (22000 or higher) tells them apart, while the `os` filter field reads both as "Windows 10"; such bars filter on their build (`os_version`) where one build covers the bar.',
      ),
      categories,
    };
  }

  /**
   * `os:"<platform> <major>"` when it selects exactly this group; else `os_version:"<build>"` when every device of
   * the group reports one and the same build and no other group's version matches it (Windows 10 next to 11).
   */
  private osAction(key: string, group: OsGroup, others: OsGroup[]): ItemAction {
    const ownFields = [...group.fieldValues];
    const otherFields = others.flatMap((g) => [...g.fieldValues]);
    const osValue = exactValue([key, ...ownFields], ownFields, otherFields);
    const osTerm = osValue === undefined ? undefined : fieldTerm('os', osValue);
    if (osTerm) return filterAction(osTerm, 'browsers', this.scope);
    const builds = new Set([...group.osVersions].map(buildPrefix));
    const build = builds.size === 1 ? [...builds][0] : undefined;
    if (build !== undefined && group.missingVersion === 0 && !this.osVersionsOverflow) {
      // Only versions holding the build's last number can match it word for word: skip the rest cheaply.
      const last = build.slice(build.lastIndexOf('.') + 1);
      const rivals = others.flatMap((g) => [...g.osVersions].filter((v) => v.includes(last)));
      const value = exactValue([build], group.osVersions, rivals);
      const term = value === undefined ? undefined : fieldTerm('os_version', value);
      if (term) return filterAction(term, 'browsers', this.scope);
    }
    const shared = ownFields.find((v) => otherFields.includes(v));
    return {
      kind: 'none',
      reason: shared
        ? l10n.t(
            'The `os` filter field reads these browsers as "{0}" like other bars, and they run several builds (the query language has no ranges or "or"), so no query selects "{1}" alone.',
            shared,
            key,
          )
        : l10n.t('No query selects "{0}" alone.', key),
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
      title: l10n.t('Last activity'),
      unit: 'browsers',
      note: l10n.t('Relative to {0} UTC; a click filters on those exact instants.', isoDateTime(this.now).replace('T', ' ')),
      categories,
    };
  }

  private orgUnitChart(): ChartModel {
    const sorted = byCountDesc(this.byOrgUnit);
    const categories = sorted
      .slice(0, TOP_ORG_UNITS)
      .map(([path, count]): ChartItem =>
        path === UNKNOWN
          ? { key: '', label: l10n.t('Not reported'), count, action: { kind: 'none', reason: l10n.t('These browsers report no org unit.') } }
          : { key: path, label: path, count, action: { kind: 'revealOrgUnit', orgUnitPath: path } },
      );
    const rest = sorted.slice(TOP_ORG_UNITS);
    if (rest.length > 0) {
      categories.push({
        key: 'other',
        label: l10n.t('Other {0} org units', rest.length),
        count: rest.reduce((s, [, n]) => s + n, 0),
        action: { kind: 'none', reason: l10n.t('Several org units are grouped here; open the tree to see each one.') },
      });
    }
    return {
      id: 'orgUnits',
      title: l10n.t('Browsers per org unit'),
      unit: 'browsers',
      note: l10n.t('A click shows the org unit in the explorer: the org unit is a listing parameter, not part of a filter query.'),
      categories,
    };
  }

  private extensionChart(): ChartModel {
    const categories = EXTENSION_BUCKETS.map(([label, min, max], i): ChartItem => ({
      key: label,
      label,
      count: this.extensions[i],
      action: min === max ? filterAction(`num_extensions:${min}`, 'browsers', this.scope) : { kind: 'none', reason: notExpressibleRange() },
    }));
    if (this.extensionsMissing > 0) {
      categories.push({
        key: 'missing',
        label: l10n.t('Not reported'),
        count: this.extensionsMissing,
        action: { kind: 'none', reason: l10n.t('A query cannot select browsers that report no extension count.') },
      });
    }
    return {
      id: 'extensions',
      title: l10n.t('Extensions per browser'),
      unit: 'browsers',
      note: l10n.t('Only single values can be filtered: the API matches num_extensions exactly and has no ranges.'),
      categories,
    };
  }

  private tokenChart(): ChartModel | undefined {
    if (!this.tokenStates) return undefined;
    const order = ['active', 'expired', 'revoked'];
    const states = [...order, ...[...this.tokenStates.keys()].filter((s) => !order.includes(s))];
    const categories = states.map((s): ChartItem => {
      const count = this.tokenStates!.get(s) ?? 0;
      const label =
        s === UNKNOWN
          ? l10n.t('Unknown')
          : s === 'active'
            ? l10n.t('Active')
            : s === 'expired'
              ? l10n.t('Expired')
              : s === 'revoked'
                ? l10n.t('Revoked')
                : s.charAt(0).toUpperCase() + s.slice(1);
      const action: ItemAction = order.includes(s)
        ? filterAction(`token_state:${s.toUpperCase()}`, 'tokens', this.scope)
        : { kind: 'none', reason: l10n.t('Not a state the token filter knows.') };
      return { key: s, label, count, action };
    });
    return { id: 'tokens', title: l10n.t('Enrollment tokens by state'), unit: 'enrollment tokens', categories };
  }
}
