// The overview against the emulator over real HTTP: every clickable bar's query, sent to the API, lists exactly
// as many browsers (or tokens) as the bar counts — the emulator is an independent oracle for the filters.
// Also: progress, partial figures, cancellation, org-unit scope, and failures of the side listings.
import * as assert from 'assert';
import type { ItemAction } from '../../src/overview/figures';
import { loadOverview } from '../../src/overview/loader';
import { STABLE_MAJOR } from '../emulator/fleetGenerator';
import { makeClient, rejects, useApiEmulator } from './apiHarness';

describe('overview loading (emulator)', function () {
  this.timeout(60_000);
  const emu = useApiEmulator({ browsers: 1500, seed: 7, beforeEachTest: 'clearFaults' });

  async function countByQuery(action: Extract<ItemAction, { kind: 'filter' }>): Promise<number> {
    const { client } = makeClient(emu);
    let n = 0;
    if (action.dialect === 'tokens') {
      for await (const p of client.listTokens({ query: action.query, orgUnitPath: action.orgUnitPath, pageSize: 100 })) n += p.tokens.length;
    } else {
      for await (const p of client.listBrowsers({ query: action.query, orgUnitPath: action.orgUnitPath, projection: 'BASIC', maxResults: 100 }))
        n += p.browsers.length;
    }
    return n;
  }

  it('every clickable bar filters to exactly the browsers it counts', async () => {
    const { client } = makeClient(emu);
    const now = new Date(emu.now());
    const { figures } = await loadOverview(client, { scope: { kind: 'account' }, now });
    assert.strictEqual(figures.complete, true);
    assert.strictEqual(figures.totals.browsers, emu.fleet.browsers.size);
    assert.ok((figures.totals.collisions ?? 0) >= 2, 'the emulator seeds collisions');
    assert.strictEqual(figures.totals.tokens, emu.fleet.tokens.size);
    const checks: { what: string; action: Extract<ItemAction, { kind: 'filter' }>; count: number }[] = [];
    for (const c of figures.charts) {
      c.categories.forEach((item, i) => {
        if (item.action.kind === 'filter') checks.push({ what: `${c.id} ${item.label}`, action: item.action, count: item.count });
        // A stacked bar is one bar: its segments add up to the count its filter lists.
        if (c.stacks)
          assert.strictEqual(
            c.stacks.values.reduce((n, row) => n + row[i], 0),
            item.count,
            `${c.id} ${item.label} segments`,
          );
      });
    }
    assert.ok(checks.length >= 25, `only ${checks.length} clickable bars`);
    // Each activity and version chart must be clickable in this fleet (it has patch numbers equal to majors).
    assert.ok(checks.some((c) => c.action.query.startsWith('last_activity:..')));
    assert.ok(
      checks.some((c) => /browser_version:"\d+\.0"/.test(c.action.query)),
      'a major that needs the "N.0" form',
    );
    // The emulator's Windows 10 machines all run build 19045, next to Windows 11 ones (which `os` reads as "Windows 10").
    assert.ok(
      checks.some((c) => c.what === 'osVersions Windows 10' && c.action.query === 'os_version:"10.0.19045"'),
      'Windows 10 by its build',
    );
    const eleven = figures.charts.find((c) => c.id === 'osVersions')!.categories.find((c) => c.key === 'Windows 11');
    const expected11 = [...emu.fleet.browsers.values()].filter(
      (b) => b.osPlatform === 'Windows' && /^10\.0\.(2[2-9]|[3-9]\d)\d{3}\./.test(b.osVersion ?? ''),
    ).length;
    assert.ok(expected11 > 0);
    assert.strictEqual(eleven?.count, expected11, 'Windows 11 counted by build');
    assert.strictEqual(figures.totals.stableMajor?.major, STABLE_MAJOR, "the emulator fleet's stable major, not its canary");
    for (const c of checks) {
      assert.strictEqual(await countByQuery(c.action), c.count, `${c.what}: ${c.action.query}`);
    }
  });

  it('the org-unit bars add up, and an org-unit scope counts only that org unit', async () => {
    const { client } = makeClient(emu);
    const all = await loadOverview(client, { scope: { kind: 'account' } });
    const ou = all.figures.charts.find((c) => c.id === 'orgUnits')!.categories[0];
    assert.strictEqual(ou.action.kind, 'revealOrgUnit');
    const scoped = await loadOverview(client, { scope: { kind: 'orgUnit', orgUnitPath: ou.key } });
    assert.strictEqual(scoped.figures.totals.browsers, ou.count);
    const expected = [...emu.fleet.browsers.values()].filter((b) => b.orgUnitPath === ou.key).length;
    assert.strictEqual(ou.count, expected);
    const active = scoped.figures.charts.find((c) => c.id === 'tokens')!.categories[0];
    assert.strictEqual(active.action.kind, 'filter');
    assert.strictEqual((active.action as { orgUnitPath?: string }).orgUnitPath, ou.key);
    assert.strictEqual(await countByQuery(active.action), active.count);
  });

  it('reports progress and partial figures while streaming, and stops on cancel', async () => {
    const { client } = makeClient(emu);
    emu.setFaults({ latencyMs: 15 });
    const abort = new AbortController();
    const progress: number[] = [];
    let partials = 0;
    const error = await rejects(
      loadOverview(client, {
        scope: { kind: 'account' },
        signal: abort.signal,
        partialEveryMs: 0,
        concurrency: 2,
        onProgress: (p) => {
          progress.push(p.browsers);
          if (p.browsers >= 300) abort.abort();
        },
        onPartial: (f) => {
          partials++;
          assert.strictEqual(f.complete, false);
        },
      }),
    );
    assert.ok(abort.signal.aborted);
    assert.match(String((error as Error).name ?? ''), /Abort|Error/);
    assert.ok(progress.length > 0 && partials > 0);
    assert.ok(progress[progress.length - 1] < emu.fleet.browsers.size, 'the listing stopped early');
  });

  it('keeps the browser figures when the token listing fails, with a warning', async () => {
    const { client } = makeClient(emu);
    emu.setFaults({
      failNext: [
        { status: 403, reason: 'forbidden', message: 'Not Authorized to access this resource/api', pathIncludes: 'enrollmentTokens', times: 5 },
      ],
    });
    const { figures } = await loadOverview(client, { scope: { kind: 'account' } });
    assert.strictEqual(figures.totals.browsers, emu.fleet.browsers.size);
    assert.strictEqual(figures.totals.tokens, undefined);
    assert.strictEqual(
      figures.charts.find((c) => c.id === 'tokens'),
      undefined,
    );
    assert.ok(
      figures.warnings.some((w) => /Enrollment tokens could not be counted/.test(w)),
      figures.warnings.join('\n'),
    );
  });
});
