// The token bucket behind listFleet: 2,400 requests/minute by default, bursts bounded, waiters served in order,
// abort returns the reservation.
import * as assert from 'assert';
import { TokenBucketLimiter, USER_REQUESTS_PER_MINUTE } from '../../src/api';
import { rejects } from './apiHarness';

describe('TokenBucketLimiter', () => {
  it('defaults to the API quota of 2,400 requests per minute with one second of burst', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ now: () => now });
    assert.strictEqual(USER_REQUESTS_PER_MINUTE, 2400);
    assert.strictEqual(limiter.available, 40);
    for (let i = 0; i < 40; i++) void limiter.acquire();
    assert.strictEqual(limiter.available, 0);
    now += 500; // half a second refills 20
    assert.ok(Math.abs(limiter.available - 20) < 1e-9);
    now += 10_000; // never more than the burst
    assert.strictEqual(limiter.available, 40);
  });

  it('lets callers through at the configured rate, in call order', async () => {
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 600, burst: 1 }); // one per 100 ms
    // The burst token is there at once: the first caller is through before any timer could have fired. (No upper
    // bound on the times below: on a loaded machine timers run late, and speed is the benchmark's job.)
    const first = await Promise.race([limiter.acquire().then(() => 'through'), new Promise((r) => setImmediate(() => r('waited')))]);
    assert.strictEqual(first, 'through');
    const t0 = performance.now();
    const order: number[] = [];
    const times: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        limiter.acquire().then(() => {
          order.push(i);
          times.push(performance.now() - t0);
        }),
      ),
    );
    assert.deepStrictEqual(order, [0, 1, 2, 3, 4]);
    // The burst was spent above, so caller i waits for its own token: at least (i + 1) × 100 ms.
    for (let i = 0; i < times.length; i++) assert.ok(times[i] >= (i + 1) * 100 - 5, `caller ${i} after ${times[i].toFixed(0)} ms`);
  });

  it('rejects a waiter whose signal aborts, gives its place back, and refuses an already aborted signal', async () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 60, burst: 1, now: () => now });
    await limiter.acquire();
    const abort = new AbortController();
    const waiting = limiter.acquire(abort.signal);
    assert.strictEqual(limiter.available, -1);
    abort.abort();
    assert.strictEqual(((await rejects(waiting)) as { kind?: string }).kind, 'cancelled');
    assert.strictEqual(limiter.available, 0, 'the aborted reservation was returned');
    assert.strictEqual(((await rejects(limiter.acquire(abort.signal))) as { kind?: string }).kind, 'cancelled');
    now += 1000;
    await limiter.acquire();
  });

  it('rejects a rate that is not positive', () => {
    assert.throws(() => new TokenBucketLimiter({ requestsPerMinute: 0 }), /requestsPerMinute/);
  });
});
