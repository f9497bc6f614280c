// The overview cache (src/overview/cache.ts): one entry per scope, the newest four kept, a re-set scope counts as
// the newest, clear() empties it (account change).
import * as assert from 'assert';
import { OverviewCache, type CachedOverview } from '../../src/overview/cache';
import type { FleetFigures, OverviewScope } from '../../src/overview/figures';

const ACCOUNT: OverviewScope = { kind: 'account' };
const ou = (orgUnitPath: string): OverviewScope => ({ kind: 'orgUnit', orgUnitPath });
/** Only `scope` and `generatedAt` matter to the cache; the rest of the figures are never read by it. */
const entry = (scope: OverviewScope, generatedAt: string): CachedOverview => ({ figures: { scope, generatedAt } as FleetFigures });

describe('overview cache', () => {
  it('returns what was stored for the same scope, nothing for another', () => {
    const cache = new OverviewCache();
    const a = entry(ACCOUNT, '2026-01-01T00:00:00Z');
    cache.set(ACCOUNT, a);
    assert.strictEqual(cache.get(ACCOUNT), a);
    assert.strictEqual(cache.get({ kind: 'account' }), a, 'scopes are compared by value');
    assert.strictEqual(cache.get(ou('/')), undefined, 'the root org unit is not the account');
    assert.strictEqual(cache.get(ou('/Sales')), undefined);
  });

  it('keeps org units apart, a sub-unit included', () => {
    const cache = new OverviewCache();
    const sales = entry(ou('/Sales'), '1');
    const emea = entry(ou('/Sales/EMEA'), '2');
    cache.set(ou('/Sales'), sales);
    cache.set(ou('/Sales/EMEA'), emea);
    assert.strictEqual(cache.get(ou('/Sales')), sales);
    assert.strictEqual(cache.get(ou('/Sales/EMEA')), emea);
  });

  it('replaces the entry of a scope set again', () => {
    const cache = new OverviewCache();
    cache.set(ACCOUNT, entry(ACCOUNT, 'old'));
    const fresh = entry(ACCOUNT, 'new');
    cache.set(ACCOUNT, fresh);
    assert.strictEqual(cache.get(ACCOUNT), fresh);
  });

  it('holds four scopes: a fifth drops the one set longest ago', () => {
    const cache = new OverviewCache();
    const scopes = [ACCOUNT, ou('/A'), ou('/B'), ou('/C'), ou('/D')];
    scopes.forEach((s, i) => cache.set(s, entry(s, String(i))));
    assert.strictEqual(cache.get(ACCOUNT), undefined, 'the oldest went');
    for (const s of scopes.slice(1)) assert.ok(cache.get(s), JSON.stringify(s));
  });

  it('setting a scope again makes it the newest, so another one goes first', () => {
    const cache = new OverviewCache();
    const [a, b, c, d, e] = [ACCOUNT, ou('/A'), ou('/B'), ou('/C'), ou('/D')];
    for (const s of [a, b, c, d]) cache.set(s, entry(s, 'x'));
    cache.set(a, entry(a, 'again'));
    cache.set(e, entry(e, 'x'));
    assert.strictEqual(cache.get(a)?.figures.generatedAt, 'again');
    assert.strictEqual(cache.get(b), undefined, '/A was the oldest after the account was set again');
    for (const s of [c, d, e]) assert.ok(cache.get(s));
  });

  it('reading does not refresh an entry (only set does)', () => {
    const cache = new OverviewCache();
    const [a, b, c, d, e] = [ACCOUNT, ou('/A'), ou('/B'), ou('/C'), ou('/D')];
    for (const s of [a, b, c, d]) cache.set(s, entry(s, 'x'));
    assert.ok(cache.get(a));
    cache.set(e, entry(e, 'x'));
    assert.strictEqual(cache.get(a), undefined);
  });

  it('clear() forgets every scope', () => {
    const cache = new OverviewCache();
    cache.set(ACCOUNT, entry(ACCOUNT, 'x'));
    cache.set(ou('/A'), entry(ou('/A'), 'x'));
    cache.clear();
    assert.strictEqual(cache.get(ACCOUNT), undefined);
    assert.strictEqual(cache.get(ou('/A')), undefined);
  });
});
