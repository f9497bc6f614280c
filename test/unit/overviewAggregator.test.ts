// The overview's aggregation: bucket edges (to the second, inclusive on the younger side), time zones, missing
// and malformed fields, version majors and the exactness of the filters each bar offers.
import * as assert from 'assert';
import type { ChromeBrowser } from '../../src/api/types';
import { activityBuckets } from '../../src/overview/activity';
import { FleetAggregator, leadingNumber, NO_VERSION, osMajor, TOP_ORG_UNITS } from '../../src/overview/aggregator';
import { actionAt, type ChartId, type ChartModel, type FleetFigures } from '../../src/overview/figures';
import { exactValue, phraseMatches } from '../../src/overview/filterActions';
import { validateQueryInput } from '../../src/query';

const NOW = new Date('2026-03-10T12:00:00.750Z'); // sub-second part: buckets use 12:00:00
const DAY = 86_400_000;
const at = (msBeforeNow: number) => new Date(Date.parse('2026-03-10T12:00:00Z') - msBeforeNow).toISOString();

let seq = 0;
function browser(fields: Partial<ChromeBrowser> = {}): ChromeBrowser {
  return { deviceId: `dev-${++seq}`, ...fields };
}

function aggregate(browsers: ChromeBrowser[], now = NOW): FleetFigures {
  const a = new FleetAggregator({ scope: { kind: 'account' }, now });
  a.addBrowsers(browsers);
  return a.figures(true);
}

function chart(f: FleetFigures, id: ChartId): ChartModel {
  const c = f.charts.find((x) => x.id === id);
  assert.ok(c, `chart ${id}`);
  return c;
}

function counts(f: FleetFigures, id: ChartId): Record<string, number> {
  return Object.fromEntries(chart(f, id).categories.map((c) => [c.key, c.count]));
}

function query(f: FleetFigures, id: ChartId, key: string): string | undefined {
  const item = chart(f, id).categories.find((c) => c.key === key);
  assert.ok(item, `${id} has ${key}`);
  return item.action.kind === 'filter' ? item.action.query : undefined;
}

describe('overview aggregation', () => {
  describe('last activity buckets', () => {
    it('puts a device exactly on an edge in the younger bucket and one second older in the next', () => {
      const f = aggregate([
        browser({ lastActivityTime: at(0) }),
        browser({ lastActivityTime: at(7 * DAY) }), // exactly 7 days: ≤ 7 days
        browser({ lastActivityTime: at(7 * DAY + 1000) }), // one second more: ≤ 30
        browser({ lastActivityTime: at(7 * DAY + 1) }), // one millisecond more: ≤ 30 (same second as the edge - 1 ms)
        browser({ lastActivityTime: at(30 * DAY) }),
        browser({ lastActivityTime: at(30 * DAY + 1000) }),
        browser({ lastActivityTime: at(90 * DAY) }),
        browser({ lastActivityTime: at(90 * DAY + 1000) }),
        browser({ lastActivityTime: at(900 * DAY) }),
        browser({}),
      ]);
      assert.deepStrictEqual(counts(f, 'activity'), { week: 2, month: 3, quarter: 2, older: 2, never: 1 });
      assert.strictEqual(f.totals.silent, 3);
    });

    it('offers exact second-resolution queries whose ranges tile time without gaps or overlaps', () => {
      const f = aggregate([browser({ lastActivityTime: at(0) })]);
      assert.strictEqual(f.now, '2026-03-10T12:00:00.000Z', 'now is rounded down to the second');
      assert.strictEqual(query(f, 'activity', 'week'), 'last_activity:2026-03-03T12:00:00..');
      assert.strictEqual(query(f, 'activity', 'month'), 'last_activity:2026-02-08T12:00:00..2026-03-03T11:59:59');
      assert.strictEqual(query(f, 'activity', 'quarter'), 'last_activity:2025-12-10T12:00:00..2026-02-08T11:59:59');
      assert.strictEqual(query(f, 'activity', 'older'), 'last_activity:..2025-12-10T11:59:59');
      const never = chart(f, 'activity').categories.find((c) => c.key === 'never')!;
      assert.strictEqual(never.action.kind, 'none');
      assert.match((never.action as { reason: string }).reason, /missing value/);
    });

    it('reads times with offsets and fractions as instants, independent of the process time zone', () => {
      const previous = process.env.TZ;
      try {
        const run = () =>
          aggregate([
            // 2026-03-03T12:00:00Z written in +02:00: exactly on the 7-day edge.
            browser({ lastActivityTime: '2026-03-03T14:00:00+02:00' }),
            // One second before the edge, written in -05:00 with microseconds.
            browser({ lastActivityTime: '2026-03-03T06:59:59.999999-05:00' }),
          ]);
        process.env.TZ = 'Pacific/Kiritimati';
        const east = counts(run(), 'activity');
        process.env.TZ = 'America/Adak';
        const west = counts(run(), 'activity');
        assert.deepStrictEqual(east, west);
        assert.strictEqual(east.week, 1);
        assert.strictEqual(east.month, 1);
      } finally {
        if (previous === undefined) delete process.env.TZ;
        else process.env.TZ = previous;
      }
    });

    it('counts unreadable times as never active, and future times as recent', () => {
      const f = aggregate([
        browser({ lastActivityTime: 'yesterday' }),
        browser({ lastActivityTime: '' }),
        browser({ lastActivityTime: at(-3 * DAY) }),
      ]);
      assert.deepStrictEqual(counts(f, 'activity'), { week: 1, month: 0, quarter: 0, older: 0, never: 2 });
    });

    it('computes bucket edges across a DST change and a leap day in UTC', () => {
      const b = activityBuckets(new Date('2024-03-31T01:30:00Z')); // EU clocks change that night
      assert.strictEqual(b[0].query, 'last_activity:2024-03-24T01:30:00..');
      assert.strictEqual(b[1].query, 'last_activity:2024-03-01T01:30:00..2024-03-24T01:29:59');
      assert.strictEqual(b[2].query, 'last_activity:2024-01-01T01:30:00..2024-03-01T01:29:59');
    });
  });

  describe('Chrome versions', () => {
    it('counts each major a device has once, and the share on the stable major or newer by newest install', () => {
      const f = aggregate([
        browser({ osPlatform: 'Windows', browserVersions: ['131.0.6778.86'] }),
        browser({ osPlatform: 'Windows', browserVersions: ['131.0.6778.86', '131.0.6778.33'] }),
        browser({ osPlatform: 'Mac', browserVersions: ['130.0.6723.59', '120.0.6099.109'] }),
        browser({ osPlatform: 'Linux', browserVersions: ['118.0.5993.70'] }),
        browser({ osPlatform: 'Linux', browserVersions: [] }),
        browser({ osPlatform: 'Linux', browserVersions: ['garbage', 42 as unknown as string] }),
        browser({ osPlatform: 'Linux' }),
      ]);
      assert.deepStrictEqual(counts(f, 'versions'), { 131: 2, 130: 1, 120: 1, 118: 1 });
      assert.strictEqual(f.totals.stableMajor?.major, 131);
      assert.strictEqual(f.totals.withVersion, 4);
      assert.strictEqual(f.totals.onCurrentMajors, 3, 'Chrome 131 twice and 130 (the major before stable)');
      const v = chart(f, 'versions');
      assert.ok(v.stacks);
      const win = v.stacks.series.indexOf('Windows');
      assert.strictEqual(v.stacks.values[win][0], 2);
      assert.match(v.note ?? '', /channel/);
    });

    it('uses the bare major when it is exact, and "N.0" when the major is also a patch number seen', () => {
      const f = aggregate([
        browser({ browserVersions: ['120.0.6099.108'] }),
        browser({ browserVersions: ['108.0.5359.125'] }),
        browser({ browserVersions: ['131.0.6778.86'] }),
      ]);
      assert.strictEqual(query(f, 'versions', '131'), 'browser_version:131');
      assert.strictEqual(query(f, 'versions', '108'), 'browser_version:"108.0"');
      // The segment of a stack adds the platform only when the platform is known: here none is.
      const v = chart(f, 'versions');
      assert.deepStrictEqual(v.stacks?.series, ['Other']);
    });

    it('groups majors beyond the thirtieth into a non-clickable bar', () => {
      const list = Array.from({ length: 35 }, (_, i) => browser({ browserVersions: [`${100 + i}.0.1.2`] }));
      const c = chart(aggregate(list), 'versions');
      assert.strictEqual(c.categories.length, 31);
      const last = c.categories[30];
      assert.strictEqual(last.label, '≤ 104');
      assert.strictEqual(last.count, 5);
      assert.strictEqual(last.action.kind, 'none');
    });

    it('parses leading numbers defensively', () => {
      assert.strictEqual(leadingNumber('131.0.1'), 131);
      assert.strictEqual(leadingNumber('x131'), undefined);
      assert.strictEqual(leadingNumber(''), undefined);
      assert.strictEqual(leadingNumber(undefined), undefined);
      assert.strictEqual(osMajor('10.0.19045.1234'), '10');
      assert.strictEqual(osMajor('6.8.0-49-generic'), '6');
      assert.strictEqual(osMajor('unknown'), undefined);
    });
  });

  describe('the stable major', () => {
    /** Like the emulator's fleet: most on stable 131 or one behind, beta 132, dev 133, canary 134, a lagging tail. */
    const fleet = () => [
      ...Array.from({ length: 60 }, () => browser({ browserVersions: ['131.0.6778.86'] })),
      ...Array.from({ length: 20 }, () => browser({ browserVersions: ['130.0.6723.59'] })),
      ...Array.from({ length: 12 }, () => browser({ browserVersions: ['132.0.6834.15'] })),
      ...Array.from({ length: 3 }, () => browser({ browserVersions: ['133.0.6900.2'] })),
      // Canary next to an old stable install: current by its newest install.
      ...Array.from({ length: 8 }, () => browser({ browserVersions: ['125.0.6422.60', '134.0.6950.0'] })),
      ...Array.from({ length: 5 }, () => browser({ browserVersions: ['125.0.6422.60'] })),
    ];

    it('is not the newest major seen: beta, dev and canary majors do not make stable browsers look out of date', () => {
      const f = aggregate(fleet());
      assert.strictEqual(f.totals.stableMajor?.major, 131);
      assert.strictEqual(f.totals.stableMajor?.source, 'fleet');
      assert.match(
        f.totals.stableMajor?.explanation ?? '',
        /^Stable major 131, assumed from the fleet: .*most common one \(Chrome 131\); the listing does not say which channel/,
      );
      assert.strictEqual(f.totals.withVersion, 108);
      // 131, 130 (one before), 132, 133 and the canary devices; only the five on 125 alone are out of date.
      assert.strictEqual(f.totals.onCurrentMajors, 60 + 20 + 12 + 3 + 8);
      assert.match(chart(f, 'versions').note ?? '', /Stable major: 131/);
    });

    it('takes a newer major once it is installed at least half as often as the most common one (a new stable rolling out)', () => {
      const list = fleet();
      list.push(...Array.from({ length: 18 }, () => browser({ browserVersions: ['132.0.6834.83'] }))); // 132: 30 of 131's 60
      const f = aggregate(list);
      assert.strictEqual(f.totals.stableMajor?.major, 132);
      assert.strictEqual(f.totals.onCurrentMajors, 60 + 30 + 3 + 8, 'Chrome 130 is now two behind');
    });

    it('uses the setting when the admin set one, and says so', () => {
      const a = new FleetAggregator({ scope: { kind: 'account' }, now: NOW, stableMajorSetting: () => 133 });
      a.addBrowsers(fleet());
      const f = a.figures(true);
      assert.deepStrictEqual(f.totals.stableMajor, {
        major: 133,
        source: 'setting',
        explanation: 'Stable major 133, set in settings (cbcm.overview.stableMajor).',
      });
      assert.strictEqual(f.totals.onCurrentMajors, 12 + 3 + 8);
    });

    it('reads the setting at each figures() call, so a changed setting needs no new listing', () => {
      let setting = 0;
      const a = new FleetAggregator({ scope: { kind: 'account' }, now: NOW, stableMajorSetting: () => setting });
      a.addBrowsers(fleet());
      assert.strictEqual(a.figures(true).totals.stableMajor?.major, 131);
      setting = 125;
      assert.strictEqual(a.figures(true).totals.stableMajor?.source, 'setting');
      assert.strictEqual(a.figures(true).totals.onCurrentMajors, 108);
    });

    it('prefers installs reported on the stable channel where the rows carry one', () => {
      // A developers' org unit: most run beta, so the majors alone would point at 132.
      const install = (browserVersion: string, channel: string) => ({ browserVersion, channel });
      const f = aggregate([
        ...Array.from({ length: 30 }, () => browser({ browserVersions: ['132.0.6834.15'], browsers: [install('132.0.6834.15', 'beta')] })),
        ...Array.from({ length: 10 }, () => browser({ browserVersions: ['131.0.6778.86'], browsers: [install('131.0.6778.86', 'stable')] })),
        ...Array.from({ length: 4 }, () => browser({ browserVersions: ['129.0.6668.1'], browsers: [install('129.0.6668.1', 'STABLE')] })),
      ]);
      assert.strictEqual(f.totals.stableMajor?.major, 131);
      assert.strictEqual(f.totals.stableMajor?.source, 'channel');
      assert.match(f.totals.stableMajor?.explanation ?? '', /stable channel/);
      assert.strictEqual(f.totals.onCurrentMajors, 40);
    });

    it('is absent when nothing reports a version and nothing is set', () => {
      const f = aggregate([browser({}), browser({ browserVersions: ['garbage'] })]);
      assert.strictEqual(f.totals.stableMajor, undefined);
      assert.strictEqual(f.totals.onCurrentMajors, 0);
    });
  });

  describe('Windows 11', () => {
    const win = (osVersion?: string, osPlatformVersion?: string) => browser({ osPlatform: 'Windows', osVersion, osPlatformVersion });

    it('counts builds from 22000 on as Windows 11, even where the product name still says Windows 10', () => {
      const f = aggregate([
        win('10.0.19045.5131', 'Windows 10 Pro'),
        win('10.0.19045.4894', 'Windows 10 Enterprise'),
        win('10.0.22000.2538', 'Windows 11 Pro'),
        win('10.0.22631.4460', 'Windows 10 Pro'), // Windows 11 keeps ProductName "Windows 10"
        win('10.0.26100.2314'),
        win(undefined, 'Windows 11 Enterprise'),
        win('6.3.9600.20778', 'Windows Server 2012 R2'),
        win('10.0.21996.1', undefined), // last pre-release build before 22000: still 10
      ]);
      assert.deepStrictEqual(counts(f, 'osVersions'), { 'Windows 11': 4, 'Windows 10': 3, 'Windows 6': 1 });
      assert.deepStrictEqual(counts(f, 'platforms'), { Windows: 8 });
      assert.match(chart(f, 'osVersions').note ?? '', /22000/);
    });

    it('reads the build from osPlatformVersion first', () => {
      const f = aggregate([win('10.0.19045.1', 'Windows 11 Pro 10.0.22631'), win('10.0.19045.2', 'Windows 10 Pro')]);
      assert.deepStrictEqual(counts(f, 'osVersions'), { 'Windows 10': 1, 'Windows 11': 1 });
    });

    it('tells devices with the same OS version apart by platform and (on Windows) by osPlatformVersion', () => {
      const f = aggregate([
        win('10.0.19045.1', 'Windows 11 Pro 10.0.22631'),
        win('10.0.19045.1', 'Windows 10 Pro'),
        win('10.0.19045.1', 'Windows 10 Pro'),
        browser({ osPlatform: 'Linux', osVersion: '6.1.0' }),
        browser({ osPlatform: 'ChromeOS', osVersion: '6.1.0' }),
        browser({ osPlatform: 'Linux', osVersion: '6.1.0' }),
        win(undefined, 'Windows 11 Pro'),
        win(undefined, 'Windows 10 Pro'),
      ]);
      assert.deepStrictEqual(counts(f, 'osVersions'), { 'Windows 10': 2, 'Windows 11': 2, 'Linux 6': 2, 'ChromeOS 6': 1, Windows: 1 });
    });

    it('offers no `os` query that would mix 10 and 11, and a build query only where one build covers the bar', () => {
      const f = aggregate([win('10.0.19045.5131'), win('10.0.19045.4894'), win('10.0.22631.4460'), win('10.0.26100.2314')]);
      assert.strictEqual(query(f, 'osVersions', 'Windows 10'), 'os_version:"10.0.19045"');
      const eleven = chart(f, 'osVersions').categories.find((c) => c.key === 'Windows 11')!;
      assert.strictEqual(eleven.action.kind, 'none');
      assert.match((eleven.action as { reason: string }).reason, /"Windows 10".*several builds/);

      const single = aggregate([win('10.0.19045.5131'), win('10.0.22631.4460'), win('10.0.22631.4317')]);
      assert.strictEqual(query(single, 'osVersions', 'Windows 11'), 'os_version:"10.0.22631"');
    });

    it('keeps `os:"Windows 10"` where no Windows 11 machine shares it', () => {
      const f = aggregate([win('10.0.19045.5131'), win('10.0.19044.1')]);
      assert.strictEqual(query(f, 'osVersions', 'Windows 10'), 'os:"Windows 10"');
    });

    it('offers no build query when a device of the bar reports no OS version', () => {
      const f = aggregate([win('10.0.19045.5131'), win('10.0.22631.4460'), win(undefined, 'Windows 11 Pro')]);
      assert.strictEqual(query(f, 'osVersions', 'Windows 11'), undefined);
    });
  });

  describe('platforms, OS versions, org units, extensions, tokens', () => {
    it('filters platforms and "platform major" exactly, and never offers a query for missing values', () => {
      const f = aggregate([
        browser({ osPlatform: 'Windows', osVersion: '10.0.19045.1' }),
        browser({ osPlatform: 'Windows', osVersion: '10.0.22631.2' }),
        browser({ osPlatform: 'Mac', osVersion: '14.6.1' }),
        browser({ osPlatform: 'Windows' }),
        browser({}),
      ]);
      assert.deepStrictEqual(counts(f, 'platforms'), { Windows: 3, Mac: 1, '': 1 });
      assert.strictEqual(query(f, 'platforms', 'Windows'), 'os_platform:Windows');
      assert.strictEqual(query(f, 'platforms', ''), undefined);
      assert.deepStrictEqual(counts(f, 'osVersions'), { 'Windows 10': 1, 'Windows 11': 1, 'Mac 14': 1, Windows: 1, '': 1 });
      // `os:"Windows 10"` would list the Windows 11 machine too: the bar filters on its one build instead.
      assert.strictEqual(query(f, 'osVersions', 'Windows 10'), 'os_version:"10.0.19045"');
      assert.strictEqual(query(f, 'osVersions', 'Mac 14'), 'os:"Mac 14"');
      assert.strictEqual(query(f, 'osVersions', 'Windows'), undefined, 'no version reported: not clickable');
    });

    it('refuses a platform query that would also match another platform seen', () => {
      const f = aggregate([browser({ osPlatform: 'Linux' }), browser({ osPlatform: 'Chrome OS Linux' })]);
      assert.strictEqual(query(f, 'platforms', 'Linux'), undefined);
      assert.strictEqual(query(f, 'platforms', 'Chrome OS Linux'), 'os_platform:"Chrome OS Linux"');
    });

    it('shows the top org units and groups the rest; a click reveals the org unit', () => {
      const list: ChromeBrowser[] = [];
      for (let i = 0; i < TOP_ORG_UNITS + 3; i++) for (let n = 0; n <= i; n++) list.push(browser({ orgUnitPath: `/ou${i}` }));
      const c = chart(aggregate(list), 'orgUnits');
      assert.strictEqual(c.categories.length, TOP_ORG_UNITS + 1);
      assert.deepStrictEqual(c.categories[0].action, { kind: 'revealOrgUnit', orgUnitPath: `/ou${TOP_ORG_UNITS + 2}` });
      const other = c.categories[TOP_ORG_UNITS];
      assert.strictEqual(other.label, 'Other 3 org units');
      assert.strictEqual(other.count, 1 + 2 + 3);
      assert.strictEqual(other.action.kind, 'none');
    });

    it('buckets extension counts; only the single-value bucket is a query', () => {
      const f = aggregate(
        [0, 1, 5, 6, 10, 11, 20, 21, 50, 51, 400]
          .map((n) => browser({ extensionCount: n }))
          .concat([browser({}), browser({ extensionCount: -1 }), browser({ extensionCount: 2.5 })]),
      );
      assert.deepStrictEqual(counts(f, 'extensions'), { 0: 1, '1–5': 2, '6–10': 2, '11–20': 2, '21–50': 2, '51+': 2, missing: 3 });
      assert.strictEqual(query(f, 'extensions', '0'), 'num_extensions:0');
      const ranged = chart(f, 'extensions').categories.find((c) => c.key === '1–5')!;
      assert.strictEqual(ranged.action.kind, 'none');
      assert.match((ranged.action as { reason: string }).reason, /exact numbers only/);
    });

    it('counts tokens by state only once they were listed, and filters them in the token dialect', () => {
      const a = new FleetAggregator({ scope: { kind: 'orgUnit', orgUnitPath: '/Sales' }, now: NOW });
      assert.strictEqual(
        a.figures(false).charts.find((c) => c.id === 'tokens'),
        undefined,
      );
      assert.strictEqual(a.figures(false).totals.tokens, undefined);
      a.tokensListed();
      a.addTokens([
        { tokenPermanentId: 'a', state: 'active' },
        { tokenPermanentId: 'b', state: 'revoked' },
        { tokenPermanentId: 'c', state: 'active' },
      ]);
      const f = a.figures(true);
      assert.deepStrictEqual(counts(f, 'tokens'), { active: 2, expired: 0, revoked: 1 });
      assert.strictEqual(f.totals.tokens, 3);
      const active = actionAt(f, 'tokens', 0);
      assert.deepStrictEqual(active, { kind: 'filter', dialect: 'tokens', query: 'token_state:ACTIVE', orgUnitPath: '/Sales' });
    });
  });

  it('stacks carry no actions of their own: a click on any segment acts on the whole bar', () => {
    const f = aggregate([
      browser({ osPlatform: 'Windows', browserVersions: ['131.0.1.2'] }),
      browser({ osPlatform: 'Linux', browserVersions: ['131.0.1.3'] }),
    ]);
    const v = chart(f, 'versions');
    assert.deepStrictEqual(Object.keys(v.stacks ?? {}).sort(), ['series', 'values']);
    assert.deepStrictEqual(actionAt(f, 'versions', 0), { kind: 'filter', dialect: 'browsers', query: 'browser_version:131' });
    assert.match(v.note ?? '', /whole bar/);
  });

  it('every offered query passes the query language validator', () => {
    const f = aggregate([
      browser({
        osPlatform: 'Windows',
        osVersion: '10.0.1',
        browserVersions: ['131.0.1.2'],
        extensionCount: 0,
        lastActivityTime: at(DAY),
        orgUnitPath: '/a',
      }),
      browser({ osPlatform: 'Mac', osVersion: '15.1', browserVersions: ['108.0.1.2', '130.0.5.108'], extensionCount: 3 }),
    ]);
    let n = 0;
    for (const c of f.charts) {
      for (const a of c.categories.map((i) => i.action)) {
        if (a.kind !== 'filter') continue;
        n++;
        assert.strictEqual(validateQueryInput(a.query, a.dialect), undefined, a.query);
      }
    }
    assert.ok(n >= 8, `only ${n} queries were offered`);
  });

  it('keeps each device id under its newest major for snapshots', () => {
    const a = new FleetAggregator({ scope: { kind: 'account' }, now: NOW });
    a.addBrowsers([
      { deviceId: 'x', browserVersions: ['120.0.1.1', '131.0.1.1'] },
      { deviceId: 'y', browserVersions: ['131.0.2.2'] },
      { deviceId: 'z' },
    ]);
    const d = a.devicesByMajor();
    assert.deepStrictEqual(d.get(131), ['x', 'y']);
    assert.deepStrictEqual(d.get(NO_VERSION), ['z']);
    assert.strictEqual(d.get(120), undefined);
  });

  it('phrase matching follows the API: whole words, adjacent, case-insensitive', () => {
    assert.ok(phraseMatches('108', '120.0.6099.108'));
    assert.ok(!phraseMatches('108.0', '120.0.6099.108'));
    assert.ok(phraseMatches('windows 10', 'Windows 10'));
    assert.ok(!phraseMatches('Win', 'Windows'));
    assert.strictEqual(exactValue(['108', '108.0'], ['108.0.1.2'], ['120.0.6099.108']), '108.0');
    assert.strictEqual(exactValue(['5'], ['5.0.0.0'], ['5.0.0.1', '6.5']), undefined);
  });
});
