// Issue 19: the restartable listing, the request budget and the write announcements with hand-made pages and a
// hand-driven clock (src/api/paging.ts, rateLimiter.ts, writeEvents.ts): which pages are yielded, which requests
// are made, what is logged, when a restart is allowed, how many tokens the bucket holds at each step.
import * as assert from 'assert';
import { ApiError, type CbcmBackend, type ChromeBrowser } from '../../src/api';
import { collectItems, itemsOf, mapPages, restartablePages, type RawPage } from '../../src/api/paging';
import { accountRequestBudget, TokenBucketLimiter } from '../../src/api/rateLimiter';
import { observeWrites, writeConcerns, type BrowserWrite } from '../../src/api/writeEvents';

const expired = () => new ApiError({ kind: 'pageTokenExpired', operation: 'browsers.list', message: 'expired', status: 400 });

/** A listing whose answers are scripted per call: a page, or an error to throw. */
function scripted(answers: (RawPage<string> | Error)[]) {
  const asked: (string | undefined)[] = [];
  return {
    asked,
    fetchPage: async (token: string | undefined) => {
      asked.push(token);
      const a = answers.shift();
      if (a === undefined) throw new Error('no more answers');
      if (a instanceof Error) throw a;
      return a;
    },
  };
}

async function pagesOf(
  o: Partial<Parameters<typeof restartablePages<string>>[0]> & { fetchPage: (t: string | undefined) => Promise<RawPage<string>> },
) {
  const out: RawPage<string>[] = [];
  for await (const p of restartablePages<string>({ operation: 'browsers.list', keyOf: (x) => x.replace(/'.*/, ''), maxRestarts: 2, ...o }))
    out.push(p);
  return out;
}

describe('API paging: restartable listings', () => {
  it('follows the page tokens and yields each page', async () => {
    const s = scripted([{ items: ['a', 'b'], nextPageToken: 't1' }, { items: ['c'] }]);
    assert.deepStrictEqual(await pagesOf(s), [
      { items: ['a', 'b'], nextPageToken: 't1' },
      { items: ['c'], nextPageToken: undefined },
    ]);
    assert.deepStrictEqual(s.asked, [undefined, 't1']);
  });

  it('an empty listing yields one empty page; an empty last page after items yields nothing', async () => {
    assert.deepStrictEqual(await pagesOf(scripted([{ items: [], nextPageToken: 't1' }, { items: [] }])), [{ items: [], nextPageToken: undefined }]);
    assert.deepStrictEqual(await pagesOf(scripted([{ items: ['a'], nextPageToken: 't1' }, { items: [] }])), [{ items: ['a'], nextPageToken: 't1' }]);
  });

  it('an expired token of its own restarts from the first page and skips what was yielded', async () => {
    const log: string[] = [];
    const s = scripted([
      { items: ['a', 'b'], nextPageToken: 't1' },
      expired(),
      { items: ['a', 'b'], nextPageToken: 't2' },
      { items: ['c', 'c', "b'again"] },
    ]);
    assert.deepStrictEqual(await pagesOf({ ...s, log: (l) => log.push(l) }), [
      { items: ['a', 'b'], nextPageToken: 't1' },
      { items: ['c'], nextPageToken: undefined },
    ]);
    assert.deepStrictEqual(s.asked, [undefined, 't1', undefined, 't2']);
    assert.deepStrictEqual(log, ['browsers.list: page token expired, restarting the listing (1/2), 2 items already listed']);
  });

  it('items without a key are never taken for repeats', async () => {
    const s = scripted([{ items: ["'x", 'a'], nextPageToken: 't1' }, expired(), { items: ["'x", 'a'] }]);
    assert.deepStrictEqual(await pagesOf(s), [
      { items: ["'x", 'a'], nextPageToken: 't1' },
      { items: ["'x"], nextPageToken: undefined },
    ]);
  });

  it('a restart goes back to the caller’s start token; the caller’s own token is never replaced', async () => {
    const s = scripted([{ items: ['a'], nextPageToken: 't1' }, expired(), { items: ['a', 'b'] }]);
    assert.deepStrictEqual(await pagesOf({ ...s, startPageToken: 'start' }), [
      { items: ['a'], nextPageToken: 't1' },
      { items: ['b'], nextPageToken: undefined },
    ]);
    assert.deepStrictEqual(s.asked, ['start', 't1', 'start']);
    const own = scripted([expired()]);
    await assert.rejects(pagesOf({ ...own, startPageToken: 'start' }), (e: ApiError) => e.kind === 'pageTokenExpired');
    assert.deepStrictEqual(own.asked, ['start']);
  });

  it('at most maxRestarts restarts; other errors are not restarts', async () => {
    const s = scripted([{ items: ['a'], nextPageToken: 't1' }, expired(), { items: ['a'], nextPageToken: 't2' }, expired()]);
    await assert.rejects(pagesOf({ ...s, maxRestarts: 1 }), (e: ApiError) => e.kind === 'pageTokenExpired');
    assert.deepStrictEqual(s.asked, [undefined, 't1', undefined, 't2']);
    const none = scripted([{ items: ['a'], nextPageToken: 't1' }, expired()]);
    await assert.rejects(pagesOf({ ...none, maxRestarts: 0 }), (e: ApiError) => e.kind === 'pageTokenExpired');
    const other = scripted([{ items: ['a'], nextPageToken: 't1' }, new ApiError({ kind: 'server', operation: 'browsers.list', message: 'boom' })]);
    await assert.rejects(pagesOf(other), (e: ApiError) => e.kind === 'server');
    assert.deepStrictEqual(other.asked, [undefined, 't1']);
  });

  it('a cancelled listing asks for nothing more', async () => {
    const ac = new AbortController();
    ac.abort();
    const s = scripted([{ items: ['a'] }]);
    await assert.rejects(
      pagesOf({ ...s, signal: ac.signal, operation: 'tokens.list' }),
      (e: ApiError) => e.kind === 'cancelled' && e.operation === 'tokens.list',
    );
    assert.deepStrictEqual(s.asked, []);
  });

  it('itemsOf, collectItems (with a limit) and mapPages', async () => {
    async function* pages() {
      yield { v: [1, 2] };
      yield { v: [3] };
      yield { v: [4, 5] };
    }
    const all: number[] = [];
    for await (const x of itemsOf(pages(), (p) => p.v)) all.push(x);
    assert.deepStrictEqual(all, [1, 2, 3, 4, 5]);
    assert.deepStrictEqual(await collectItems(pages(), (p) => p.v), [1, 2, 3, 4, 5]);
    assert.deepStrictEqual(await collectItems(pages(), (p) => p.v, 3), [1, 2, 3]);
    assert.deepStrictEqual(await collectItems(pages(), (p) => p.v, 1), [1]);
    const sizes: number[] = [];
    for await (const n of mapPages(pages(), (p) => p.v.length)) sizes.push(n);
    assert.deepStrictEqual(sizes, [2, 1, 2]);
  });
});

describe('API rate limiter: the token bucket on a hand-driven clock', () => {
  it('a burst at once, then one token per 1/rate, capped at the burst', async () => {
    let t = 1000;
    const bucket = new TokenBucketLimiter({ requestsPerMinute: 60_000, burst: 2, now: () => t }); // one per ms
    assert.strictEqual(bucket.requestsPerMinute, 60_000);
    assert.strictEqual(bucket.available, 2);
    await bucket.acquire();
    await bucket.acquire();
    assert.strictEqual(bucket.available, 0);
    t += 0.5;
    assert.strictEqual(bucket.available, 0.5);
    t += 100;
    assert.strictEqual(bucket.available, 2, 'never more than the burst');
    await bucket.acquire();
    await bucket.acquire();
    const waiting = bucket.acquire(); // reserves: the balance goes negative at once
    assert.strictEqual(bucket.available, -1);
    await waiting; // resolves after about a millisecond of real time
  });

  it('defaults: 2,400 a minute with one second of burst; the account budget keeps a rolling minute at 2,400', () => {
    const t = 0;
    const d = new TokenBucketLimiter({ now: () => t });
    assert.deepStrictEqual([d.requestsPerMinute, d.available], [2400, 40]);
    assert.strictEqual(new TokenBucketLimiter({ requestsPerMinute: 20, now: () => t }).available, 1, 'at least one');
    assert.strictEqual(new TokenBucketLimiter({ requestsPerMinute: 90, now: () => t }).available, 2);
    const account = accountRequestBudget(() => t);
    assert.deepStrictEqual([account.requestsPerMinute, account.available], [2360, 40]);
    for (const bad of [0, -5, Number.NaN])
      assert.throws(() => new TokenBucketLimiter({ requestsPerMinute: bad }), {
        name: 'RangeError',
        message: `requestsPerMinute must be greater than 0 (got ${bad}).`,
      });
  });

  it('a cancelled wait gives its reservation back; an aborted signal takes none', async () => {
    const t = 0;
    const bucket = new TokenBucketLimiter({ requestsPerMinute: 60, burst: 1, now: () => t, operation: 'tokens.list' }); // one per second
    await bucket.acquire();
    const ac = new AbortController();
    const waiting = bucket.acquire(ac.signal);
    assert.strictEqual(bucket.available, -1);
    ac.abort();
    await assert.rejects(waiting, (e: ApiError) => e.kind === 'cancelled' && e.operation === 'tokens.list');
    assert.strictEqual(bucket.available, 0);
    await assert.rejects(bucket.acquire(ac.signal), (e: ApiError) => e.kind === 'cancelled');
    assert.strictEqual(bucket.available, 0);
  });
});

describe('API write announcements', () => {
  const browser = { deviceId: 'd1', machineName: 'm' } as ChromeBrowser;

  it('writeConcerns: the updated browser, or one of the moved or deleted ids', () => {
    const writes: [BrowserWrite, string, boolean][] = [
      [{ kind: 'updated', browser }, 'd1', true],
      [{ kind: 'updated', browser }, 'd2', false],
      [{ kind: 'moved', deviceIds: ['d1', 'd2'], orgUnitPath: '/A' }, 'd2', true],
      [{ kind: 'moved', deviceIds: ['d1'], orgUnitPath: '/A' }, 'd3', false],
      [{ kind: 'deleted', deviceIds: ['d3'] }, 'd3', true],
      [{ kind: 'deleted', deviceIds: ['d3'] }, 'd1', false],
    ];
    for (const [w, id, want] of writes) assert.strictEqual(writeConcerns(w, id), want, `${w.kind} ${id}`);
  });

  it('observeWrites reports each successful write after the API answered, and passes the rest through', async () => {
    const calls: string[] = [];
    const backend = {
      name: 'fake',
      async updateAnnotations(id: string) {
        calls.push(`update ${id}`);
        return { ...browser, deviceId: id };
      },
      async deleteBrowser(id: string) {
        calls.push(`delete ${id}`);
        if (id === 'bad') throw new Error('refused');
      },
      async moveBrowsers(ids: string[], ou: string) {
        calls.push(`move ${ids.join(',')} ${ou}`);
        return { moved: ids.filter((x) => x !== 'bad'), failed: [] };
      },
      getBrowser(this: { name: string }, id: string) {
        return `${this.name} ${id}`;
      },
    };
    const writes: BrowserWrite[] = [];
    const b = observeWrites(backend as unknown as CbcmBackend, (w) => writes.push(w)) as unknown as typeof backend;
    assert.deepStrictEqual(await b.updateAnnotations('d9'), { ...browser, deviceId: 'd9' });
    await b.deleteBrowser('d8');
    await assert.rejects(b.deleteBrowser('bad'), /refused/);
    assert.deepStrictEqual(await b.moveBrowsers(['a', 'bad'], '/X'), { moved: ['a'], failed: [] });
    await b.moveBrowsers(['bad'], '/X');
    assert.deepStrictEqual(writes, [
      { kind: 'updated', browser: { ...browser, deviceId: 'd9' } },
      { kind: 'deleted', deviceIds: ['d8'] },
      { kind: 'moved', deviceIds: ['a'], orgUnitPath: '/X' },
    ]);
    assert.deepStrictEqual(calls, ['update d9', 'delete d8', 'delete bad', 'move a,bad /X', 'move bad /X']);
    assert.strictEqual(b.getBrowser('z'), 'fake z', 'other methods keep the backend as this');
    assert.strictEqual(b.name, 'fake');
  });
});
