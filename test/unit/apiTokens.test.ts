// Enrollment tokens against the emulator: list (normalised), create (ttl / expire_time), revoke.
import * as assert from 'assert';
import { ApiError, tokensOf, type EnrollmentToken } from '../../src/api';
import { apiRequests, collect, makeClient, rejects, useApiEmulator } from './apiHarness';

describe('api client: enrollment tokens', function () {
  this.timeout(20_000);
  const emu = useApiEmulator({ browsers: 20, tokens: 130, seed: 3 });

  it('lists every token once across pages, normalised', async () => {
    const { client } = makeClient(emu);
    const pages = [];
    for await (const p of client.listTokens({ pageSize: 50 })) pages.push(p);
    assert.strictEqual(pages.length, 3);
    const tokens = pages.flatMap((p) => p.tokens);
    assert.deepStrictEqual(tokens.map((t) => t.tokenPermanentId).sort(), [...emu.fleet.tokens.keys()].sort());
    for (const t of tokens) {
      const stored = emu.fleet.tokens.get(t.tokenPermanentId)!;
      assert.strictEqual(t.creatorId, stored.creatorId, 'creator_id → creatorId');
      assert.strictEqual(t.createTime, stored.createTime, 'create_time → createTime');
      assert.strictEqual(t.expireTime, stored.expireTime, 'expire_time → expireTime');
      assert.strictEqual(t.state, emu.fleet.tokenState(stored));
      assert.strictEqual(t.orgUnitPath, stored.orgUnitPath);
    }
  });

  it('passes query and orgUnitPath through', async () => {
    const { client } = makeClient(emu);
    const revoked = await collect(client.listTokens({ query: 'device_type:CHROME_BROWSER token_state:REVOKED' }), (p) => p.tokens);
    const expected = [...emu.fleet.tokens.values()].filter((t) => emu.fleet.tokenState(t) === 'revoked');
    assert.ok(expected.length > 0, 'the seed has revoked tokens');
    assert.strictEqual(revoked.length, expected.length);
    for (const t of revoked) assert.strictEqual(t.state, 'revoked');

    const ou = [...emu.fleet.tokens.values()][0].orgUnitPath;
    let n = 0;
    for await (const t of tokensOf(client.listTokens({ orgUnitPath: ou }))) {
      assert.strictEqual(t.orgUnitPath, ou);
      n++;
    }
    assert.strictEqual(n, [...emu.fleet.tokens.values()].filter((t) => t.orgUnitPath === ou).length);
  });

  it('creates a token with a ttl for an org unit', async () => {
    const { client, sent, logLines } = makeClient(emu);
    const before = emu.now();
    const t: EnrollmentToken = await client.createToken({ orgUnitPath: '/Sales/EMEA', ttlSeconds: 3600 });
    assert.deepStrictEqual(sent[0].body, { token_type: 'CHROME_BROWSER', org_unit_path: '/Sales/EMEA', ttl: '3600s' });
    assert.strictEqual(t.orgUnitPath, '/Sales/EMEA');
    assert.strictEqual(t.state, 'active');
    assert.ok(t.token, 'the new token value is returned to the caller');
    assert.ok(t.createTime && t.creatorId);
    const expire = Date.parse(t.expireTime!);
    assert.ok(Math.abs(expire - (before + 3_600_000)) < 5_000, t.expireTime);
    assert.ok(emu.fleet.tokens.has(t.tokenPermanentId));
    assert.ok(!logLines.some((l) => l.includes(t.token!)), 'the token value is never logged');
  });

  it('creates a token with an expire_time, and one that never expires', async () => {
    const { client, sent } = makeClient(emu);
    const when = new Date(emu.now() + 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const t = await client.createToken({ expireTime: when });
    assert.deepStrictEqual(sent[0].body, { token_type: 'CHROME_BROWSER', expire_time: when });
    assert.strictEqual(t.expireTime, when);
    assert.strictEqual(t.orgUnitPath, '/');
    const forever = await client.createToken({});
    assert.strictEqual(forever.expireTime, undefined);
  });

  it('revokes a token by its permanent id', async () => {
    const { client } = makeClient(emu);
    const t = [...emu.fleet.tokens.values()].find((x) => emu.fleet.tokenState(x) === 'active')!;
    await client.revokeToken(t.tokenPermanentId);
    assert.strictEqual(emu.fleet.tokenState(emu.fleet.tokens.get(t.tokenPermanentId)!), 'revoked');
    assert.ok(apiRequests(emu)[0].path.endsWith(`/chrome/enrollmentTokens/${t.tokenPermanentId}:revoke`));
  });

  it('answers an unknown token with notFound and a refresh hint', async () => {
    const { client } = makeClient(emu);
    const err = (await rejects(client.revokeToken('no-such-token'))) as ApiError;
    assert.strictEqual(err.kind, 'notFound');
    assert.match(err.message, /enrollment token.*no longer exists.*Refresh/);
    assert.strictEqual(apiRequests(emu).length, 1);
  });

  it('treats "already revoked" after an uncertain first attempt as done', async () => {
    const { client } = makeClient(emu);
    const t = [...emu.fleet.tokens.values()].find((x) => emu.fleet.tokenState(x) === 'active')!;
    // First attempt is applied but its answer is lost: simulate by revoking, then a 503 on the first call.
    emu.fleet.tokens.get(t.tokenPermanentId)!.revokeTime = new Date(emu.now()).toISOString();
    emu.setFaults({ failNext: [{ status: 503, pathIncludes: ':revoke' }] });
    await client.revokeToken(t.tokenPermanentId);
    assert.deepStrictEqual(
      apiRequests(emu).map((r) => r.status),
      [503, 400],
    );
  });
});
