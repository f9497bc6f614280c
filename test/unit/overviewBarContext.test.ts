// The context an overview bar hands to its context menu: which entries VS Code shows (its flags) and what a menu
// command accepts back (only a bar of a known chart in a valid scope; the action itself is looked up again).
import * as assert from 'assert';
import { barContext, parseBarContext } from '../../src/webview/overview/barContext';

describe('overview bar context', () => {
  const browsers = { kind: 'filter', dialect: 'browsers', query: 'browser_version:131' } as const;

  it('offers the bulk entries only for a bar that filters browsers', () => {
    assert.deepStrictEqual(
      [
        barContext({ kind: 'account' }, 'versions', 0, browsers),
        barContext({ kind: 'account' }, 'tokens', 1, { kind: 'filter', dialect: 'tokens', query: 'state:active' }),
        barContext({ kind: 'account' }, 'orgUnits', 2, { kind: 'revealOrgUnit', orgUnitPath: '/A' }),
        barContext({ kind: 'account' }, 'activity', 4, { kind: 'none', reason: 'no query' }),
        barContext({ kind: 'account' }, 'activity', 9, undefined),
      ].map((c) => [c.cbcmBarClickable, c.cbcmBarBulk]),
      [
        [true, true],
        [true, false],
        [true, false],
        [false, false],
        [false, false],
      ],
    );
  });

  it("names the bar and the overview it is on, and hides VS Code's clipboard entries", () => {
    const c = barContext({ kind: 'orgUnit', orgUnitPath: '/Sales' }, 'versions', 3, browsers);
    assert.deepStrictEqual(c, {
      webviewSection: 'overviewBar',
      preventDefaultContextMenuItems: true,
      chart: 'versions',
      category: 3,
      scope: '/Sales',
      cbcmBarClickable: true,
      cbcmBarBulk: true,
    });
    assert.deepStrictEqual(parseBarContext({ webview: 'cbcm.fleetOverview', ...c }), {
      scope: { kind: 'orgUnit', orgUnitPath: '/Sales' },
      chart: 'versions',
      category: 3,
    });
    assert.deepStrictEqual(parseBarContext(barContext({ kind: 'account' }, 'platforms', 0, browsers))?.scope, { kind: 'account' });
  });

  it('rejects anything that is not a bar of a known chart in a valid scope', () => {
    const good = barContext({ kind: 'account' }, 'versions', 0, browsers);
    for (const bad of [
      undefined,
      null,
      'versions',
      { ...good, webviewSection: 'other' },
      { ...good, chart: 'secrets' },
      { ...good, category: -1 },
      { ...good, category: 1.5 },
      { ...good, category: '0' },
      { ...good, scope: 'Sales' },
      { ...good, scope: undefined },
    ])
      assert.strictEqual(parseBarContext(bad), undefined, JSON.stringify(bad));
  });
});
