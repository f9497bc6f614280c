import * as assert from 'assert';
import * as net from 'node:net';
import { mock } from 'node:test';
import { DEFAULT_LOOPBACK_TIMEOUT_MS, newState, startLoopbackReceiver } from '../../src/auth/oauthLoopback';
import { AuthError } from '../../src/auth/tokenErrors';

/** Resolves true when something accepts a TCP connection on 127.0.0.1:port. */
function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function rejectsWith(p: Promise<unknown>, code: AuthError['code']): Promise<AuthError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AuthError, `expected AuthError, got ${String(e)}`);
    assert.strictEqual(e.code, code);
    return e;
  }
  assert.fail(`expected ${code}`);
}

describe('OAuth loopback receiver', () => {
  it('listens on an ephemeral 127.0.0.1 port and returns the code for the right state, then closes', async () => {
    const state = newState();
    const r = await startLoopbackReceiver({ state });
    assert.match(r.redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok(r.port > 0);
    assert.ok(await portOpen(r.port));
    const res = await fetch(`${r.redirectUri}?code=4%2Fabc&state=${encodeURIComponent(state)}&scope=x`);
    assert.strictEqual(res.status, 200);
    assert.match(await res.text(), /close this tab/);
    assert.strictEqual(await r.code, '4/abc');
    await r.closed;
    assert.strictEqual(await portOpen(r.port), false, 'the port must be closed after the one response');
  });

  it('serves exactly one callback: a second one finds the port closed', async () => {
    const state = newState();
    const r = await startLoopbackReceiver({ state });
    await fetch(`${r.redirectUri}?code=first&state=${state}`);
    assert.strictEqual(await r.code, 'first');
    await r.closed;
    await assert.rejects(fetch(`${r.redirectUri}?code=second&state=${state}`));
  });

  it('answers a response with the wrong state 400 and keeps waiting for the real one', async () => {
    const state = newState();
    const r = await startLoopbackReceiver({ state });
    const res = await fetch(`${r.redirectUri}?code=stolen&state=${newState()}`);
    assert.strictEqual(res.status, 400);
    assert.doesNotMatch(await res.text(), /stolen/);
    assert.ok(await portOpen(r.port), 'a wrong state must not end the sign-in');
    await fetch(`${r.redirectUri}?code=real&state=${encodeURIComponent(state)}`);
    assert.strictEqual(await r.code, 'real');
    await r.closed;
    assert.strictEqual(await portOpen(r.port), false);
  });

  it('answers stray requests 400 (no state, favicon, bare path, other methods, a forged error) and keeps waiting', async () => {
    const state = newState();
    const r = await startLoopbackReceiver({ state });
    const stray = [
      fetch(`${r.redirectUri}?code=abc`),
      fetch(`http://127.0.0.1:${r.port}/favicon.ico`),
      fetch(r.redirectUri),
      fetch(`${r.redirectUri}?error=access_denied&state=${newState()}`),
      fetch(`${r.redirectUri}?code=abc&state=${state}`, { method: 'POST' }),
      fetch(`http://127.0.0.1:${r.port}/other?code=abc&state=${state}`),
    ];
    for (const res of await Promise.all(stray)) assert.strictEqual(res.status, 400);
    assert.ok(await portOpen(r.port));
    await fetch(`${r.redirectUri}?code=ok&state=${state}`);
    assert.strictEqual(await r.code, 'ok');
  });

  it('after stray requests, still times out when the real redirect never comes', async () => {
    const r = await startLoopbackReceiver({ state: newState(), timeoutMs: 300 });
    assert.strictEqual((await fetch(`${r.redirectUri}?code=x&state=wrong`)).status, 400);
    await rejectsWith(r.code, 'timeout');
    await r.closed;
    assert.strictEqual(await portOpen(r.port), false);
  });

  it('turns error=access_denied into accessDenied', async () => {
    const state = newState();
    const r = await startLoopbackReceiver({ state });
    await fetch(`${r.redirectUri}?error=access_denied&state=${state}`);
    await rejectsWith(r.code, 'accessDenied');
  });

  it('times out, then the port is closed', async () => {
    const r = await startLoopbackReceiver({ state: newState(), timeoutMs: 150 });
    const err = await rejectsWith(r.code, 'timeout');
    assert.match(err.message, /Start the sign-in again/);
    await r.closed;
    assert.strictEqual(await portOpen(r.port), false);
  });

  it('defaults to a 5-minute time-out', async () => {
    assert.strictEqual(DEFAULT_LOOPBACK_TIMEOUT_MS, 5 * 60 * 1000);
    const r = await startLoopbackReceiver({ state: newState() });
    // Not waited for: only checks the receiver is still open well after short timers would have fired.
    await new Promise((res) => setTimeout(res, 300));
    assert.ok(await portOpen(r.port));
    await r.close();
    await rejectsWith(r.code, 'cancelled');
  });

  it('gives up after exactly the default 5 minutes, saying so (fake timers)', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const r = await startLoopbackReceiver({ state: newState() });
      let settled = false;
      r.code.then(
        () => (settled = true),
        () => (settled = true),
      );
      mock.timers.tick(DEFAULT_LOOPBACK_TIMEOUT_MS - 1);
      await new Promise((res) => setImmediate(res));
      assert.strictEqual(settled, false, 'still waiting 1 ms before the default time-out');
      assert.ok(await portOpen(r.port));
      mock.timers.tick(1);
      const err = await rejectsWith(r.code, 'timeout');
      assert.match(err.message, /within 5 minute\(s\)/);
      await r.closed;
    } finally {
      mock.timers.reset();
    }
  });

  it('stops when the caller aborts, and closes the port', async () => {
    const controller = new AbortController();
    const r = await startLoopbackReceiver({ state: newState(), signal: controller.signal });
    controller.abort();
    await rejectsWith(r.code, 'cancelled');
    await r.closed;
    assert.strictEqual(await portOpen(r.port), false);
  });

  it('refuses to start with an already-aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(startLoopbackReceiver({ state: newState(), signal: controller.signal }), 'cancelled');
  });

  it('makes unguessable, URL-safe states', () => {
    const a = newState();
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.notStrictEqual(a, newState());
  });
});
