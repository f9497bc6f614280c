// One request budget per account (issue 13 item 13): every request of a client — reads, listings, writes,
// retries, the fleet listing — waits for the same limiter, and the budget never lets more than 2,400 requests
// through in any rolling minute.
import * as assert from 'assert';
import nodeFetch from 'node-fetch';
import { SCOPES } from '../emulator';
import {
  ACCOUNT_BURST,
  accountRequestBudget,
  ChromeManagementClient,
  listFleet,
  USER_REQUESTS_PER_MINUTE,
  type FetchLike,
  type RateLimiter,
} from '../../src/api';
import { apiRequests, collect, EmuTokenSource, FAST_RETRY, makeClient, useApiEmulator } from './apiHarness';

/** Counts the requests that waited for the budget; lets every one through at once. */
class CountingBudget implements RateLimiter {
  acquired = 0;
  acquire(): Promise<void> {
    this.acquired++;
    return Promise.resolve();
  }
}

describe('api: one request budget per account', function () {
  this.timeout(30_000);
  const emu = useApiEmulator({ browsers: 230, tokens: 5, seed: 5 });

  it('never lets more than 2,400 requests through in any rolling minute, and uses nearly all of them', () => {
    let now = 0;
    const budget = accountRequestBudget(() => now);
    const grants: number[] = [];
    // A caller that always wants to send: every 5 ms it takes whatever the budget grants at once.
    for (now = 0; now <= 180_000; now += 5) {
      while (budget.available >= 1) {
        void budget.acquire();
        grants.push(now);
      }
    }
    let most = 0;
    for (let first = 0, last = 0; first < grants.length; first++) {
      while (last < grants.length && grants[last] < grants[first] + 60_000) last++;
      most = Math.max(most, last - first);
    }
    assert.ok(most <= USER_REQUESTS_PER_MINUTE, `${most} requests in one rolling minute`);
    assert.ok(most >= USER_REQUESTS_PER_MINUTE - 5, `only ${most} of the quota used`);
    assert.strictEqual(ACCOUNT_BURST, 40);
  });

  it('is waited for by every request of a v1.1beta1 client, retries included', async () => {
    const budget = new CountingBudget();
    const { client } = makeClient(emu, { limiter: budget });
    const before = apiRequests(emu).length;
    const id = [...emu.fleet.browsers.keys()][0];
    emu.setFaults({ failNext: [{ status: 503 }] });
    await client.getBrowser(id, 'BASIC');
    await collect(client.listBrowsers({ projection: 'BASIC', maxResults: 100 }), (p) => p.browsers);
    await client.updateAnnotations(id, { annotatedNotes: 'budget' });
    await client.listOrgUnits();
    await collect(client.listTokens({}), (p) => p.tokens);
    const sent = apiRequests(emu).length - before;
    assert.ok(sent >= 8, `only ${sent} requests`);
    assert.strictEqual(budget.acquired, sent, 'every request reaching the server waited for the budget once');
  });

  it('is waited for once per request by the fleet listing (it does not pace a second time)', async () => {
    const budget = new CountingBudget();
    const { client } = makeClient(emu, { limiter: budget });
    assert.strictEqual(client.requestLimiter, budget);
    const before = apiRequests(emu).length;
    let listed = 0;
    for await (const batch of listFleet(client, {})) listed += batch.length;
    assert.strictEqual(listed, emu.fleet.browsers.size);
    assert.strictEqual(budget.acquired, apiRequests(emu).length - before);
  });

  it('covers both transports of a Chrome Management API v1 client (its org units come from the Directory API)', async () => {
    const budget = new CountingBudget();
    const client = new ChromeManagementClient({
      baseUrl: emu.url,
      directoryBaseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource: new EmuTokenSource(emu, [SCOPES.cmBrowsers, SCOPES.cmTokens, SCOPES.orgUnitsReadonly]),
      retry: FAST_RETRY,
      timeoutMs: 5_000,
      fetch: nodeFetch as unknown as FetchLike,
      limiter: budget,
    });
    try {
      const before = emu.requests.length;
      await client.listOrgUnits();
      await collect(client.listBrowsers({ projection: 'BASIC', maxResults: 100 }), (p) => p.browsers);
      const sent = emu.requests
        .slice(before)
        .filter((r) => !r.path.startsWith('/token') && !r.path.startsWith('/o/oauth2') && !r.path.startsWith('/__')).length;
      assert.ok(sent >= 3, `only ${sent} requests`);
      assert.strictEqual(budget.acquired, sent);
    } finally {
      client.dispose();
    }
  });
});
