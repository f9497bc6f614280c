// Streaming aggregation of FULL browser records into the fleet inventory: every extension and every policy
// seen, with the browsers that have them. Records are read once, as pages arrive, and dropped: what stays is
// one device id per browser (to list them later), its org unit as a small number, and per extension / policy
// counters and compact sets of browser indexes (src/inventory/idSet.ts). Every list that grows with what the
// browsers report (distinct extensions, versions, policy values…) has a cap, so hostile or unusual data cannot
// exhaust memory; what a cap leaves out is counted and named in the warnings. No vscode import.
//
// Counting rules:
// - A profile is one `profiles[]` entry of one install (`browsers[]`): Chrome Stable and Beta on one machine
//   have separate profiles. An extension in several profiles of one browser counts once in `browsers` and once
//   per profile in `profiles`; listed twice in one profile it still counts once there.
// - A policy counts once per browser, whatever the number of profiles or sources that set it.
// - Error: the policy reports a non-empty `error`. Conflict: the API has no conflict field, so it is what the
//   data can show — the error text says "conflict", or one profile sees two different values of the same policy
//   (a machine policy and that profile's user policy disagree, or the list holds it twice from two sources;
//   Chrome then applies only one). Two profiles of different users with different user policies do not conflict.
import type { BrowserExtension, BrowserInstall, BrowserProfile, ChromeBrowser, ExtensionPolicies, Policy } from '../api/types';
import { BrowserIdSet } from './idSet';
import {
  byBrowsers,
  type ExtensionDimension,
  type ExtensionSummary,
  type FacetCount,
  type Inventory,
  type InventoryScope,
  type PermissionCount,
  type PolicyScope,
  type PolicySummary,
  type ValueCount,
} from './model';
import { isHostPermission } from './permissions';
import { displayLocale } from '../util/displayLocale';
import { clock } from '../util/clock';
import { l10n } from '../util/l10n';

/** Distinct extensions tracked (a real fleet has hundreds to a few thousand). */
export const MAX_EXTENSIONS = 20_000;
export const MAX_POLICIES = 5_000;
/** Distinct values per dimension of one extension (versions, install types, permissions). */
export const MAX_FACET_VALUES = 1_000;
/** Distinct values of all dimensions of all extensions together (~250 bytes each when rare: ~50 MB at most). */
export const MAX_FACETS = 200_000;
/** Distinct permissions across all extensions (for "which browsers have an extension that asks for X"). */
export const MAX_PERMISSIONS = 5_000;
export const MAX_POLICY_VALUES = 50;
export const MAX_ERROR_MESSAGES = 20;
export const MAX_NAMES = 5;
/** Longer policy values and error messages are cut (a URL list can be kilobytes). */
export const MAX_VALUE_LENGTH = 300;

const SCOPES: readonly PolicyScope[] = ['machine', 'user', 'extension'];
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const NONE: never[] = [];
/** The array itself (no copy: this runs for every item of every record); its members are checked with isRecord. */
const items = <T>(v: T[] | undefined): readonly unknown[] => (Array.isArray(v) ? v : NONE);
const isRecord = (x: unknown): x is Record<string, never> => typeof x === 'object' && x !== null;

function cut(value: string): string {
  return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH - 1)}…` : value;
}

/** Browsers (as a set of indexes) and profiles that have one thing. */
export class Facet {
  readonly browsers = new BrowserIdSet();
  profiles = 0;
  private lastProfile = -1;

  touch(browser: number, profile: number): void {
    this.browsers.add(browser);
    if (profile !== this.lastProfile) {
      this.lastProfile = profile;
      this.profiles++;
    }
  }

  count(value: string): FacetCount {
    return { value, browsers: this.browsers.size, profiles: this.profiles };
  }
}

/** A number of browsers, each counted once. */
class Tally {
  n = 0;
  private last = -1;

  touch(browser: number): void {
    if (browser !== this.last) {
      this.last = browser;
      this.n++;
    }
  }
}

/** How many more facets all extensions together may create (shared by their dimensions). */
interface Budget {
  left: number;
}

/** Values of one kind with a cap (and a shared budget); past it, one overflow entry counts what was not kept. */
class Dimension<T extends Facet | Tally> {
  readonly values = new Map<string, T>();
  overflow: T | undefined;
  private lastValue: string | undefined;
  private lastEntry: T | undefined;

  constructor(
    private readonly max: number,
    private readonly make: () => T,
    private readonly budget: Budget = { left: Infinity },
  ) {}

  get(value: string): T {
    // Most browsers report what the previous one did (same version, source, value): skip the hash lookup.
    if (value === this.lastValue && this.lastEntry) return this.lastEntry;
    let entry = this.values.get(value);
    if (entry) return this.remember(value, entry);
    if (this.values.size >= this.max || this.budget.left <= 0) return (this.overflow ??= this.make());
    this.budget.left--;
    entry = this.make();
    this.values.set(value, entry);
    return this.remember(value, entry);
  }

  private remember(value: string, entry: T): T {
    this.lastValue = value;
    this.lastEntry = entry;
    return entry;
  }
}

const facets = (budget: Budget, max = MAX_FACET_VALUES) => new Dimension<Facet>(max, () => new Facet(), budget);
const tallies = (max: number) => new Dimension<Tally>(max, () => new Tally());

export class ExtensionEntry {
  readonly all = new Facet();
  readonly names = tallies(MAX_NAMES);
  readonly dims: Record<ExtensionDimension, Dimension<Facet>>;

  constructor(
    readonly key: string,
    readonly extensionId: string | undefined,
    budget: Budget,
  ) {
    this.dims = { version: facets(budget), installType: facets(budget), permission: facets(budget), state: facets(budget, 3) };
  }
}

export class PolicyEntry {
  readonly all = new BrowserIdSet();
  readonly errors = new BrowserIdSet();
  readonly conflicts = new BrowserIdSet();
  /** Browsers per scope, in SCOPES order. */
  readonly scopes: readonly Tally[] = [new Tally(), new Tally(), new Tally()];
  readonly sources = tallies(20);
  readonly values = tallies(MAX_POLICY_VALUES);
  readonly errorMessages = tallies(MAX_ERROR_MESSAGES);
  /** Conflict detection without a map per browser: the machine-level value on browser `machineOf`, and the value in profile `profileOf`. */
  machineOf = -1;
  machineValue = '';
  profileOf = -1;
  profileValue = '';

  constructor(
    readonly key: string,
    readonly name: string,
    readonly extensionId?: string,
    public extensionName?: string,
  ) {}
}

export interface InventoryAggregatorOptions {
  scope: InventoryScope;
}

export class InventoryAggregator {
  readonly scope: InventoryScope;
  /** Device id of each browser index. */
  private readonly deviceIds: string[] = [];
  /** Org unit (index into `orgUnitPaths`) of each browser index. */
  private orgUnitOf = new Uint32Array(1024);
  private readonly orgUnitPaths: string[] = [];
  private readonly orgUnitIndex = new Map<string, number>();
  private readonly extensions = new Map<string, ExtensionEntry>();
  private readonly policies = new Map<string, PolicyEntry>();
  private readonly budget: Budget = { left: MAX_FACETS };
  private readonly permissions = facets({ left: Infinity }, MAX_PERMISSIONS);
  private profileCount = 0;
  private withoutDetails = 0;
  private withoutId = 0;
  private extensionsDropped = new BrowserIdSet();
  private policiesDropped = new BrowserIdSet();

  constructor(o: InventoryAggregatorOptions) {
    this.scope = o.scope;
  }

  get browserCount(): number {
    return this.deviceIds.length;
  }

  addBrowsers(batch: readonly ChromeBrowser[]): void {
    for (const b of batch) this.addBrowser(b);
  }

  addBrowser(b: ChromeBrowser): void {
    if (typeof b?.deviceId !== 'string' || b.deviceId === '') {
      this.withoutId++; // cannot be listed again, so it is not counted anywhere
      return;
    }
    const browser = this.deviceIds.length;
    this.deviceIds.push(b.deviceId);
    this.setOrgUnit(browser, text(b.orgUnitPath));
    for (const p of items(b.machinePolicies)) if (isRecord(p)) this.addPolicy(browser, -1, p, 'machine');
    for (const ep of items(b.machineExtensionPolicies)) {
      if (!isRecord(ep)) continue;
      const x = ep as ExtensionPolicies;
      for (const p of items(x.policies)) if (isRecord(p)) this.addPolicy(browser, -1, p, 'extension', text(x.extensionId), text(x.extensionName));
    }
    if (!Array.isArray(b.browsers)) this.withoutDetails++;
    for (const install of items(b.browsers)) {
      if (!isRecord(install)) continue;
      for (const pr of items((install as BrowserInstall).profiles)) {
        if (!isRecord(pr)) continue;
        const profile = pr as BrowserProfile;
        const p = this.profileCount++;
        for (const ext of items(profile.extensions)) if (isRecord(ext)) this.addExtension(browser, p, ext);
        for (const pol of items(profile.userPolicies)) if (isRecord(pol)) this.addPolicy(browser, p, pol, 'user');
        for (const ep of items(profile.extensionPolicies)) {
          if (!isRecord(ep)) continue;
          const x = ep as ExtensionPolicies;
          for (const pol of items(x.policies))
            if (isRecord(pol)) this.addPolicy(browser, p, pol, 'extension', text(x.extensionId), text(x.extensionName));
        }
      }
    }
  }

  private setOrgUnit(browser: number, path: string): void {
    let ou = this.orgUnitIndex.get(path);
    if (ou === undefined) {
      ou = this.orgUnitPaths.length;
      this.orgUnitPaths.push(path);
      this.orgUnitIndex.set(path, ou);
    }
    if (browser >= this.orgUnitOf.length) {
      const grown = new Uint32Array(this.orgUnitOf.length * 2);
      grown.set(this.orgUnitOf);
      this.orgUnitOf = grown;
    }
    this.orgUnitOf[browser] = ou;
  }

  private addExtension(browser: number, profile: number, ext: BrowserExtension): void {
    const id = text(ext.extensionId);
    const name = text(ext.name);
    const key = id || `?${name}`;
    let entry = this.extensions.get(key);
    if (!entry) {
      if (this.extensions.size >= MAX_EXTENSIONS) {
        this.extensionsDropped.add(browser);
        return;
      }
      entry = new ExtensionEntry(key, id || undefined, this.budget);
      this.extensions.set(key, entry);
    }
    entry.all.touch(browser, profile);
    entry.names.get(name).touch(profile);
    entry.dims.version.get(text(ext.version)).touch(browser, profile);
    entry.dims.installType.get(text(ext.installType)).touch(browser, profile);
    entry.dims.state.get(ext.disabled === true ? 'disabled' : ext.disabled === false ? 'enabled' : '').touch(browser, profile);
    const perms = Array.isArray(ext.permissions) ? ext.permissions : [];
    for (const perm of perms) {
      if (typeof perm !== 'string') continue;
      entry.dims.permission.get(perm).touch(browser, profile);
      this.permissions.get(perm).touch(browser, profile);
    }
  }

  /** `profile`: the profile it is set for, -1 for the whole machine (machine policies, v1's machine extension policies). */
  private addPolicy(browser: number, profile: number, p: Policy, scope: PolicyScope, extensionId?: string, extensionName?: string): void {
    const name = text(p.name);
    const key = scope === 'extension' ? `${extensionId ?? ''}/${name}` : name;
    let entry = this.policies.get(key);
    if (!entry) {
      if (this.policies.size >= MAX_POLICIES) {
        this.policiesDropped.add(browser);
        return;
      }
      entry = new PolicyEntry(key, name, scope === 'extension' ? (extensionId ?? '') : undefined, extensionName || undefined);
      this.policies.set(key, entry);
    }
    if (!entry.extensionName && extensionName) entry.extensionName = extensionName;
    entry.all.add(browser);
    entry.scopes[SCOPES.indexOf(scope)].touch(browser);
    entry.sources.get(text(p.source)).touch(browser);
    const value = text(p.value);
    entry.values.get(cut(value)).touch(browser);
    const error = text(p.error);
    if (error) {
      entry.errors.add(browser);
      entry.errorMessages.get(cut(error)).touch(browser);
      if (/conflict/i.test(error)) entry.conflicts.add(browser);
    }
    // Machine values are read before any profile, so a profile's value is compared with both levels.
    const machine = entry.machineOf === browser ? entry.machineValue : undefined;
    if (profile < 0) {
      if (machine === undefined) {
        entry.machineOf = browser;
        entry.machineValue = value;
      } else if (machine !== value) entry.conflicts.add(browser);
      return;
    }
    const earlier = entry.profileOf === profile ? entry.profileValue : undefined;
    if ((machine !== undefined && machine !== value) || (earlier !== undefined && earlier !== value)) entry.conflicts.add(browser);
    if (earlier === undefined) {
      entry.profileOf = profile;
      entry.profileValue = value;
    }
  }

  // ---------------------------------------------------------------- reading

  deviceIdAt(index: number): string {
    return this.deviceIds[index];
  }

  orgUnitAt(index: number): string {
    return this.orgUnitPaths[this.orgUnitOf[index]];
  }

  extension(key: string): ExtensionEntry | undefined {
    return this.extensions.get(key);
  }

  policy(key: string): PolicyEntry | undefined {
    return this.policies.get(key);
  }

  /** Browsers having an extension (any) that asks for this permission. */
  permission(permission: string): Facet | undefined {
    return this.permissions.values.get(permission);
  }

  /** Browsers per org unit of a set, most first ('' = not reported). */
  orgUnitsOf(set: Iterable<number>): { orgUnitPath: string; browsers: number }[] {
    const counts = new Map<number, number>();
    for (const i of set) counts.set(this.orgUnitOf[i], (counts.get(this.orgUnitOf[i]) ?? 0) + 1);
    return [...counts]
      .map(([ou, browsers]) => ({ orgUnitPath: this.orgUnitPaths[ou], browsers }))
      .sort((a, b) => b.browsers - a.browsers || a.orgUnitPath.localeCompare(b.orgUnitPath));
  }

  /** Browsers of the whole inventory per org unit (what a listing of those org units would page through). */
  browsersPerOrgUnit(): Map<string, number> {
    const counts = new Map<string, number>();
    for (let i = 0; i < this.deviceIds.length; i++) {
      const path = this.orgUnitPaths[this.orgUnitOf[i]];
      counts.set(path, (counts.get(path) ?? 0) + 1);
    }
    return counts;
  }

  /** The inventory so far. Cost grows with the number of distinct extensions and policies, not with browsers. */
  inventory(complete: boolean, generatedAt = clock.date()): Inventory {
    const extensions = [...this.extensions.values()].map((e) => this.extensionSummary(e));
    extensions.sort((a, b) => b.browsers - a.browsers || b.profiles - a.profiles || a.key.localeCompare(b.key));
    const policies = [...this.policies.values()].map((p) => policySummary(p));
    policies.sort((a, b) => b.errors + b.conflicts - (a.errors + a.conflicts) || b.browsers - a.browsers || a.key.localeCompare(b.key));
    return {
      scope: this.scope,
      generatedAt: generatedAt.toISOString(),
      complete,
      totals: {
        browsers: this.deviceIds.length,
        withoutDetails: this.withoutDetails,
        profiles: this.profileCount,
        extensions: this.extensions.size,
        policies: this.policies.size,
      },
      extensions,
      policies,
      warnings: this.warnings(),
    };
  }

  extensionSummary(e: ExtensionEntry): ExtensionSummary {
    const names = [...e.names.values].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])).map(([n]) => n);
    const facetList = (d: Dimension<Facet>) => [...d.values].map(([v, f]) => f.count(v)).sort(byBrowsers);
    const permissions: PermissionCount[] = facetList(e.dims.permission).map((f) => ({ ...f, host: isHostPermission(f.value) }));
    return {
      key: e.key,
      ...(e.extensionId ? { extensionId: e.extensionId } : {}),
      name: names.find((n) => n !== '') ?? '',
      otherNames: names.filter((n) => n !== '').slice(1),
      browsers: e.all.browsers.size,
      profiles: e.all.profiles,
      versions: facetList(e.dims.version),
      installTypes: facetList(e.dims.installType),
      permissions,
      states: facetList(e.dims.state),
      untrackedVersions: e.dims.version.overflow?.browsers.size ?? 0,
    };
  }

  private warnings(): string[] {
    const out: string[] = [];
    if (this.extensionsDropped.size > 0) {
      out.push(
        l10n.t(
          'More than {0} distinct extensions: the others (on {1} browsers) are not listed.',
          MAX_EXTENSIONS.toLocaleString(displayLocale()),
          this.extensionsDropped.size.toLocaleString(displayLocale()),
        ),
      );
    }
    if (this.policiesDropped.size > 0) {
      out.push(
        l10n.t(
          'More than {0} distinct policies: the others (on {1} browsers) are not listed.',
          MAX_POLICIES.toLocaleString(displayLocale()),
          this.policiesDropped.size.toLocaleString(displayLocale()),
        ),
      );
    }
    if (this.budget.left <= 0) {
      out.push(
        l10n.t(
          'More than {0} distinct versions, install types and permissions across extensions: later ones are counted under their extension but not listed.',
          MAX_FACETS.toLocaleString(displayLocale()),
        ),
      );
    }
    if (this.withoutId > 0) out.push(l10n.t('{0} browser records had no device id and were left out.', this.withoutId));
    if (this.withoutDetails > 0) {
      out.push(
        l10n.t(
          '{0} browsers reported no installs (no browsers[] in their FULL record): they have no extensions or profile policies here.',
          this.withoutDetails.toLocaleString(displayLocale()),
        ),
      );
    }
    return out;
  }
}

function tallyList(d: Dimension<Tally>): ValueCount[] {
  return [...d.values].map(([value, t]) => ({ value, browsers: t.n })).sort(byBrowsers);
}

function policySummary(p: PolicyEntry): PolicySummary {
  return {
    key: p.key,
    name: p.name,
    ...(p.extensionId !== undefined ? { extensionId: p.extensionId } : {}),
    ...(p.extensionName ? { extensionName: p.extensionName } : {}),
    browsers: p.all.size,
    scopes: SCOPES.map((scope, i) => ({ scope, browsers: p.scopes[i].n })).filter((s) => s.browsers > 0),
    sources: tallyList(p.sources),
    values: tallyList(p.values),
    otherValueBrowsers: p.values.overflow?.n ?? 0,
    errors: p.errors.size,
    conflicts: p.conflicts.size,
    errorMessages: tallyList(p.errorMessages),
  };
}
