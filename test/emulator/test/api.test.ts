// The emulator's resources over real HTTP: shapes, paging and page tokens, orderBy, moves, tokens,
// org units, faults and the control API.
import * as assert from 'node:assert/strict';
import { BROWSER_ORDER_BY } from '../../../src/api/types';
import { Emulator, SCOPES } from '..';
import { useEmulator } from '../fixture';
import { BASIC_FIELDS } from '../browserDetails';
import { PageTokens } from '../pageTokens';
import { sortKeyOf } from '../sortKeys';
import { ALL_SCOPES, browsersPath, call, listAllIds, orgUnitsPath, tokensPath } from '../testing';

const NOW = '2026-06-15T12:00:00Z';

describe('emulator: resources, paging, faults', function () {
  const emu = useEmulator({ browsers: 500, tokens: 40, seed: 11, now: NOW });
  let token: string;

  before(() => {
    token = emu.issueAccessToken(ALL_SCOPES);
  });

  describe('fleet', () => {
    it('is deterministic for a seed and "now", varied, and in the default OU tree', async () => {
      const twin = await Emulator.start({ browsers: 500, tokens: 40, seed: 11, now: NOW });
      try {
        assert.deepEqual([...twin.fleet.browsers.keys()], [...emu.fleet.browsers.keys()]);
        assert.deepEqual(twin.fleet.browsers.get([...emu.fleet.browsers.keys()][42]), emu.fleet.browsers.get([...emu.fleet.browsers.keys()][42]));
      } finally {
        await twin.stop();
      }
      const all = [...emu.fleet.browsers.values()];
      const platforms = new Set(all.map((b) => b.osPlatform));
      for (const p of ['Windows', 'Mac', 'Linux']) assert.ok(platforms.has(p), p);
      const now = Date.parse(NOW);
      const ages = all.filter((b) => b.lastActivityTime).map((b) => now - Date.parse(b.lastActivityTime!));
      assert.ok(
        ages.some((a) => a < 3_600_000),
        'fresh devices',
      );
      assert.ok(
        ages.some((a) => a > 365 * 86_400_000),
        'devices idle for over a year',
      );
      assert.ok(
        all.some((b) => !b.lastActivityTime),
        'never-active devices',
      );
      assert.ok(
        all.some((b) => b.deviceIdCollision),
        'device-id collisions',
      );
      assert.ok(all.some((b) => b.annotatedUser) && all.some((b) => !b.annotatedUser));
      const ous = emu.fleet.orgUnits.list();
      assert.ok(ous.length >= 15 && ous.length <= 30);
      assert.ok(
        ous.some((o) => o.orgUnitPath.split('/').length - 1 >= 3),
        'nested 3 deep',
      );
      const states = new Set([...emu.fleet.tokens.values()].map((t) => emu.fleet.tokenState(t)));
      assert.deepEqual([...states].sort(), ['active', 'expired', 'revoked']);
    });

    it('generates 100k devices and pages through them with its page tokens', async function () {
      // How fast is the benchmark's business (bench/), not a test's: this checks only what the big fleet does.
      this.timeout(60000);
      const big = await Emulator.start({ browsers: 100_000, seed: 2 });
      try {
        assert.equal(big.fleet.browsers.size, 100_000);
        const tk = big.issueAccessToken([SCOPES.browsersReadonly]);
        const first = await call(big, tk, 'GET', browsersPath(), { query: { maxResults: 100 } });
        const seen = new Set<string>(first.json.browsers.map((b: { deviceId: string }) => b.deviceId));
        let next = first.json.nextPageToken;
        for (let i = 0; i < 20; i++) {
          const page = (await call(big, tk, 'GET', browsersPath(), { query: { maxResults: 100, pageToken: next } })).json;
          for (const b of page.browsers) seen.add(b.deviceId);
          next = page.nextPageToken;
        }
        assert.equal(seen.size, 2100, '21 pages of 100 distinct devices');
        assert.ok(next, 'more pages to come');
      } finally {
        await big.stop();
      }
    });
  });

  describe('chromebrowsers', () => {
    it('BASIC has only the basic columns; FULL adds details derived deterministically', async () => {
      const basic = await call(emu, token, 'GET', browsersPath(), { query: { maxResults: 5 } });
      assert.equal(basic.json.kind, 'admin#directory#browserdevices');
      assert.equal(basic.json.browsers.length, 5);
      for (const b of basic.json.browsers) {
        assert.equal(b.kind, 'admin#directory#browserdevice');
        for (const k of Object.keys(b)) assert.ok((BASIC_FIELDS as readonly string[]).includes(k), `unexpected BASIC field ${k}`);
      }
      const active = [...emu.fleet.browsers.values()].find((b) => (b.extensionCount ?? 0) > 3 && b.lastActivityTime)!;
      const full = await call(emu, token, 'GET', `${browsersPath()}/${active.deviceId}`, { query: { projection: 'FULL' } });
      assert.equal(full.status, 200);
      const f = full.json;
      assert.ok(Array.isArray(f.browsers) && f.browsers.length >= 1);
      const exts = f.browsers.flatMap((i: any) => i.profiles.flatMap((p: any) => p.extensions));
      assert.equal(exts.length, active.extensionCount);
      assert.ok(exts.every((e: any) => e.extensionId && e.installType && Array.isArray(e.permissions) && e.icons.length > 0));
      assert.ok(['true', 'false'].includes(f.deviceIdentifiersHistory.has_device_id_collision));
      assert.ok(Array.isArray(f.machinePolicies) && Array.isArray(f.lastDeviceUsers));
      const again = await call(emu, token, 'GET', `${browsersPath()}/${active.deviceId}`, { query: { projection: 'full' } });
      assert.deepEqual(again.json, f);
    });

    it('validates list parameters', async () => {
      for (const query of [
        { maxResults: 0 },
        { maxResults: 101 },
        { orderBy: 'status' },
        { sortOrder: 'ASCENDING' },
        { projection: 'ALL' },
        { orderBy: 'id', sortOrder: 'UP' },
      ]) {
        const r = await call(emu, token, 'GET', browsersPath(), { query });
        assert.equal(r.status, 400, JSON.stringify(query));
        assert.equal(r.json.error.errors[0].domain, 'global');
      }
    });

    it('get, put (annotations only), delete; unknown ids are 404', async () => {
      const id = [...emu.fleet.browsers.keys()][3];
      const before = emu.fleet.browsers.get(id)!;
      const put = await call(emu, token, 'PUT', `${browsersPath()}/${id}`, {
        body: { deviceId: id, annotatedUser: 'user 1', annotatedNotes: 'a "quoted" <note>', machineName: 'HACKED' },
      });
      assert.equal(put.status, 200);
      assert.equal(put.json.annotatedUser, 'user 1');
      assert.equal(put.json.machineName, before.machineName);
      assert.equal(emu.fleet.browsers.get(id)!.annotatedNotes, 'a "quoted" <note>');
      const mismatch = await call(emu, token, 'PUT', `${browsersPath()}/${id}`, { body: { deviceId: 'other' } });
      assert.equal(mismatch.status, 400);
      const del = await call(emu, token, 'DELETE', `${browsersPath()}/${id}`);
      assert.equal(del.status, 200);
      assert.equal(emu.fleet.browsers.has(id), false);
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const r = await call(emu, token, method, `${browsersPath()}/${id}`, { body: method === 'PUT' ? {} : undefined });
        assert.equal(r.status, 404, method);
        assert.equal(r.json.error.errors[0].reason, 'notFound');
      }
    });

    it('pages through everything exactly once, in the same order as one big sort', async () => {
      const ids = await listAllIds(emu, token, { maxResults: 37 });
      assert.equal(ids.length, 500);
      assert.equal(new Set(ids).size, 500);
      assert.deepEqual(ids, [...emu.fleet.browsers.keys()].sort());
    });

    it('honours every orderBy value, both directions, with deviceId breaking ties', async function () {
      this.timeout(15000);
      for (const orderBy of BROWSER_ORDER_BY) {
        const asc = await listAllIds(emu, token, { orderBy, sortOrder: 'ASCENDING' });
        const keys = asc.map((id) => sortKeyOf(emu.fleet.browsers.get(id)!, orderBy));
        for (let i = 1; i < keys.length; i++) {
          assert.ok(keys[i - 1] < keys[i] || (keys[i - 1] === keys[i] && asc[i - 1] < asc[i]), `${orderBy} out of order at ${i}`);
        }
        const desc = await listAllIds(emu, token, { orderBy, sortOrder: 'DESCENDING' });
        assert.deepEqual(desc, [...asc].reverse(), orderBy);
      }
    });

    it('orders by meaning: last_activity newest first, extension_count numerically', async () => {
      const newest = await call(emu, token, 'GET', browsersPath(), { query: { orderBy: 'last_activity', sortOrder: 'DESCENDING', maxResults: 50 } });
      const times = newest.json.browsers.map((b: any) => Date.parse(b.lastActivityTime));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
      const byExt = await call(emu, token, 'GET', browsersPath(), { query: { orderBy: 'extension_count', sortOrder: 'DESCENDING', maxResults: 50 } });
      const counts = byExt.json.browsers.map((b: any) => b.extensionCount);
      assert.deepEqual(
        counts,
        [...counts].sort((a: number, b: number) => b - a),
      );
      assert.equal(counts[0], Math.max(...[...emu.fleet.browsers.values()].map((b) => b.extensionCount ?? 0)));
    });
  });

  describe('page tokens', () => {
    it('are bound to query, orgUnitPath, orderBy, sortOrder and projection', async () => {
      const first = await call(emu, token, 'GET', browsersPath(), { query: { maxResults: 10, query: 'windows' } });
      const pt = first.json.nextPageToken;
      assert.ok(pt);
      for (const changed of [
        { query: 'mac' },
        { query: 'windows', orgUnitPath: '/Sales' },
        { query: 'windows', orderBy: 'id' },
        { query: 'windows', projection: 'FULL' },
      ]) {
        const r = await call(emu, token, 'GET', browsersPath(), { query: { maxResults: 10, ...changed, pageToken: pt } });
        assert.equal(r.status, 400, JSON.stringify(changed));
        assert.match(r.json.error.message, /Invalid page token/);
      }
      const ok = await call(emu, token, 'GET', browsersPath(), { query: { maxResults: 25, query: 'windows', pageToken: pt } });
      assert.equal(ok.status, 200, 'maxResults may change between pages');
      const bogus = await call(emu, token, 'GET', browsersPath(), { query: { pageToken: 'nope' } });
      assert.equal(bogus.status, 400);
    });

    it('expire after the configured lifetime, counted from the first page', async () => {
      const short = await Emulator.start({ browsers: 30, pageTokenLifetimeMs: 60_000 });
      try {
        const tk = short.issueAccessToken([SCOPES.browsersReadonly]);
        const first = await call(short, tk, 'GET', browsersPath(), { query: { maxResults: 10 } });
        short.advanceClock(40_000);
        const second = await call(short, tk, 'GET', browsersPath(), { query: { maxResults: 10, pageToken: first.json.nextPageToken } });
        assert.equal(second.status, 200);
        short.advanceClock(30_000);
        const third = await call(short, tk, 'GET', browsersPath(), { query: { maxResults: 10, pageToken: second.json.nextPageToken } });
        assert.equal(third.status, 400);
        assert.equal(third.json.error.errors[0].reason, 'invalid');
        assert.match(third.json.error.message, /page token.*expired/i);
      } finally {
        await short.stop();
      }
    });

    it('a listing whose snapshot was dropped (memory bound) is recomputed, not failed', () => {
      let now = 0;
      const pages = new PageTokens(() => now, 1000, 10);
      let recomputed = 0;
      const recompute = (): string[] => {
        recomputed++;
        return ['a', 'b', 'c', 'd', 'e', 'f'];
      };
      const first = pages.start('q1', recompute());
      const t1 = pages.issue(first, 3)!;
      pages.start('q2', ['x', 'y', 'z', 'w', 'v', 'u']); // pushes q1's snapshot out (12 > 10 ids)
      const resumed = pages.resume(t1, 'q1', recompute);
      assert.equal(recomputed, 2);
      assert.deepEqual(resumed.ids.slice(resumed.offset), ['d', 'e', 'f']);
      assert.throws(() => pages.resume(t1, 'q2', recompute), /Invalid page token/);
      now = 1001;
      assert.throws(() => pages.resume(t1, 'q1', recompute), /expired/);
    });

    it('the expirePageTokens fault fails the next n page-token uses as expired', async () => {
      const first = await call(emu, token, 'GET', browsersPath(), { query: { maxResults: 10 } });
      emu.setFaults({ expirePageTokens: 1 });
      const failed = await call(emu, token, 'GET', browsersPath(), { query: { maxResults: 10, pageToken: first.json.nextPageToken } });
      assert.equal(failed.status, 400);
      assert.match(failed.json.error.message, /page token.*expired/i);
      const retried = await call(emu, token, 'GET', browsersPath(), { query: { maxResults: 10, pageToken: first.json.nextPageToken } });
      assert.equal(retried.status, 200);
    });
  });

  describe('moveChromeBrowsersToOu', () => {
    const move = (body: unknown) => call(emu, token, 'POST', `${browsersPath()}/moveChromeBrowsersToOu`, { body });

    it('moves all ids (by path or OU id) and answers {}', async () => {
      const ids = [...emu.fleet.browsers.keys()].slice(0, 3);
      const r = await move({ org_unit_path: '/Sales/EMEA/London', resource_ids: ids });
      assert.equal(r.status, 200);
      assert.deepEqual(r.json, {});
      assert.ok(ids.every((id) => emu.fleet.browsers.get(id)!.orgUnitPath === '/Sales/EMEA/London'));
      const hr = emu.fleet.orgUnits.resolve('/HR')!;
      assert.equal((await move({ org_unit_path: hr.orgUnitId, resource_ids: ids })).status, 200);
      assert.equal(emu.fleet.browsers.get(ids[0])!.orgUnitPath, '/HR');
    });

    it('is all-or-nothing: one unknown or unmovable id fails the call, naming it, and moves nothing', async () => {
      const ids = [...emu.fleet.browsers.keys()].slice(10, 14);
      const before = ids.map((id) => emu.fleet.browsers.get(id)!.orgUnitPath);
      const unknown = await move({ org_unit_path: '/IT', resource_ids: [...ids, 'no-such-device'] });
      assert.equal(unknown.status, 400);
      assert.match(unknown.json.error.message, /no-such-device/);
      emu.setFaults({ badDeviceIds: [ids[2]] });
      const bad = await move({ org_unit_path: '/IT', resource_ids: ids });
      assert.equal(bad.status, 400);
      assert.ok(bad.json.error.message.includes(ids[2]));
      assert.deepEqual(
        ids.map((id) => emu.fleet.browsers.get(id)!.orgUnitPath),
        before,
      );
    });

    it('refuses more than 600 ids, an unknown OU and a missing body', async () => {
      const many = [...emu.fleet.browsers.keys()].concat([...emu.fleet.browsers.keys()]).slice(0, 601);
      assert.equal((await move({ org_unit_path: '/IT', resource_ids: many })).status, 400);
      assert.equal((await move({ org_unit_path: '/Nowhere', resource_ids: many.slice(0, 2) })).status, 400);
      assert.equal((await move({})).status, 400);
    });
  });

  describe('enrollment tokens', () => {
    const create = (body: unknown) => call(emu, token, 'POST', tokensPath(), { body });

    it('lists with kind, pages, and the reference item shape', async () => {
      const first = await call(emu, token, 'GET', tokensPath(), { query: { pageSize: 15 } });
      assert.equal(first.json.kind, 'admin#directory#chromeEnrollmentTokens');
      assert.equal(first.json.chrome_enrollment_tokens.length, 15);
      const t = first.json.chrome_enrollment_tokens[0];
      for (const k of ['tokenId', 'tokenPermanentId', 'kind', 'orgUnitPath', 'state', 'creator_id', 'create_time', 'tokenType', 'token'])
        assert.ok(k in t, k);
      assert.equal(t.tokenType, 'chromeBrowser');
      let count = first.json.chrome_enrollment_tokens.length;
      let pt = first.json.nextPageToken;
      while (pt) {
        const r = await call(emu, token, 'GET', tokensPath(), { query: { pageSize: 15, pageToken: pt } });
        count += r.json.chrome_enrollment_tokens.length;
        pt = r.json.nextPageToken;
      }
      assert.equal(count, 40);
      assert.equal((await call(emu, token, 'GET', tokensPath(), { query: { pageSize: 101 } })).status, 400);
      const ouFiltered = await call(emu, token, 'GET', tokensPath(), { query: { orgUnitPath: '/Sales/EMEA' } });
      assert.ok((ouFiltered.json.chrome_enrollment_tokens ?? []).every((x: any) => x.orgUnitPath === '/Sales/EMEA'));
    });

    it('creates with ttl or expire_time, and validates them', async () => {
      const plain = await create({ token_type: 'CHROME_BROWSER', org_unit_path: '/Sales' });
      assert.equal(plain.status, 200);
      assert.equal(plain.json.state, 'active');
      assert.equal(plain.json.orgUnitPath, '/Sales');
      assert.ok(plain.json.token && plain.json.tokenPermanentId && plain.json.creatorId && plain.json.create_time);
      assert.equal(plain.json.expire_time, undefined);
      const ttl = await create({ token_type: 'CHROME_BROWSER', ttl: '3600s' });
      assert.equal(Date.parse(ttl.json.expire_time) - Date.parse(ttl.json.create_time), 3_600_000);
      assert.equal(ttl.json.orgUnitPath, '/');
      const until = await create({ token_type: 'CHROME_BROWSER', expire_time: '2030-04-30T19:22:44Z' });
      assert.equal(until.json.expire_time, '2030-04-30T19:22:44Z');
      for (const body of [
        {},
        { token_type: 'CHROME_OS' },
        { token_type: 'CHROME_BROWSER', ttl: '3600s', expire_time: '2030-04-30T19:22:44Z' },
        { token_type: 'CHROME_BROWSER', ttl: '3600' },
        { token_type: 'CHROME_BROWSER', ttl: '-5s' },
        { token_type: 'CHROME_BROWSER', expire_time: '2030-04-30 19:22:44' },
        { token_type: 'CHROME_BROWSER', expire_time: '2020-01-01T00:00:00Z' },
        { token_type: 'CHROME_BROWSER', org_unit_path: '/Nowhere' },
      ]) {
        assert.equal((await create(body)).status, 400, JSON.stringify(body));
      }
    });

    it('a ttl token expires on the emulator clock', async () => {
      const r = await create({ token_type: 'CHROME_BROWSER', ttl: '60s' });
      emu.advanceClock(61_000);
      assert.equal(emu.fleet.tokenState(emu.fleet.tokens.get(r.json.tokenPermanentId)!), 'expired');
    });

    it('revokes: 200 {}, then 400 when already revoked, 404 when unknown', async () => {
      const t = (await create({ token_type: 'CHROME_BROWSER' })).json;
      const r = await call(emu, token, 'POST', `${tokensPath()}/${t.tokenPermanentId}:revoke`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.json, {});
      const stored = emu.fleet.tokens.get(t.tokenPermanentId)!;
      assert.equal(emu.fleet.tokenState(stored), 'revoked');
      assert.ok(stored.revokeTime && stored.revokerId);
      assert.equal((await call(emu, token, 'POST', `${tokensPath()}/${t.tokenPermanentId}:revoke`)).status, 400);
      assert.equal((await call(emu, token, 'POST', `${tokensPath()}/nope:revoke`)).status, 404);
    });
  });

  describe('org units', () => {
    it('type=all lists every OU except the root, with ids and parents', async () => {
      const r = await call(emu, token, 'GET', orgUnitsPath(), { query: { type: 'all' } });
      assert.equal(r.json.kind, 'admin#directory#orgUnits');
      const units = r.json.organizationUnits;
      assert.equal(units.length, emu.fleet.orgUnits.list().length);
      assert.ok(
        units.every(
          (u: any) =>
            u.kind === 'admin#directory#orgUnit' &&
            u.orgUnitId.startsWith('id:') &&
            u.parentOrgUnitPath &&
            u.parentOrgUnitId &&
            u.blockInheritance === false,
        ),
      );
      assert.ok(!units.some((u: any) => u.orgUnitPath === '/'));
      const london = units.find((u: any) => u.orgUnitPath === '/Sales/EMEA/London');
      assert.equal(london.parentOrgUnitPath, '/Sales/EMEA');
      assert.equal(london.name, 'London');
      const children = await call(emu, token, 'GET', orgUnitsPath(), { query: { type: 'CHILDREN', orgUnitPath: '/Sales' } });
      assert.deepEqual(children.json.organizationUnits.map((u: any) => u.orgUnitPath).sort(), ['/Sales/APAC', '/Sales/Americas', '/Sales/EMEA']);
      assert.equal((await call(emu, token, 'GET', orgUnitsPath(), { query: { type: 'some' } })).status, 400);
    });
  });

  describe('faults', () => {
    it('failNext answers the next matching requests with canned errors and Retry-After', async () => {
      emu.clearRequestLog();
      emu.setFaults({ failNext: [{ status: 429, retryAfter: 1, times: 2, pathIncludes: '/chromebrowsers' }] });
      const tokensOk = await call(emu, token, 'GET', tokensPath());
      assert.equal(tokensOk.status, 200, 'other paths are not affected');
      for (let i = 0; i < 2; i++) {
        const r = await call(emu, token, 'GET', browsersPath());
        assert.equal(r.status, 429);
        assert.equal(r.headers.get('retry-after'), '1');
        assert.equal(r.json.error.errors[0].reason, 'rateLimitExceeded');
      }
      assert.equal((await call(emu, token, 'GET', browsersPath())).status, 200);
      assert.deepEqual(
        emu.requests.map((r) => r.status),
        [200, 429, 429, 200],
      );
      assert.ok(
        emu.requests.every((r) => !JSON.stringify(r).includes(token)),
        'no credentials in the log',
      );
    });

    it('quota 403, 503 and resets; latency', async () => {
      emu.setFaults({ failNext: [{ status: 403 }, { status: 503, retryAfter: 2 }, { reset: true }] });
      const q = await call(emu, token, 'GET', browsersPath());
      assert.equal(q.status, 403);
      assert.equal(q.json.error.errors[0].reason, 'userRateLimitExceeded');
      const u = await call(emu, token, 'GET', browsersPath());
      assert.equal(u.status, 503);
      assert.equal(u.headers.get('retry-after'), '2');
      await assert.rejects(call(emu, token, 'GET', browsersPath()));
      emu.setFaults({ latencyMs: 150 });
      const t0 = Date.now();
      await call(emu, token, 'GET', browsersPath(), { query: { maxResults: 1 } });
      assert.ok(Date.now() - t0 >= 140);
    });

    it('random rates use the seeded PRNG: the same seed gives the same sequence', async () => {
      const run = async (): Promise<number[]> => {
        const e = await Emulator.start({ browsers: 5, seed: 99, faults: { rate429: 0.3, rate503: 0.2 } });
        try {
          const tk = e.issueAccessToken([SCOPES.browsersReadonly]);
          const out: number[] = [];
          for (let i = 0; i < 30; i++) out.push((await call(e, tk, 'GET', browsersPath())).status);
          return out;
        } finally {
          await e.stop();
        }
      };
      const a = await run();
      assert.deepEqual(await run(), a);
      assert.ok(a.includes(429) && a.includes(503) && a.includes(200));
    });

    it('faults never touch the control API, nor /token unless asked', async () => {
      emu.setFaults({ rate503: 1 });
      assert.equal((await fetch(`${emu.url}/__emulator/info`)).status, 200);
      const key = emu.serviceAccountKey;
      const form = {
        grant_type: 'refresh_token',
        refresh_token: 'x',
        client_id: emu.oauthClient.clientId,
        client_secret: emu.oauthClient.clientSecret,
      };
      const tok = await fetch(emu.tokenUrl, { method: 'POST', body: new URLSearchParams(form) });
      assert.equal(tok.status, 400, 'token endpoint answered normally');
      emu.setFaults({ includeOAuth: true });
      assert.equal((await fetch(emu.tokenUrl, { method: 'POST', body: new URLSearchParams(form) })).status, 503);
      assert.ok(key);
    });
  });

  describe('control API', () => {
    const control = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${emu.url}/__emulator${path}`, {
        method,
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, json: (await res.json()) as any };
    };

    it('info, service-account key, seeding and patching devices, tokens, faults, requests, reset', async () => {
      const info = await control('GET', '/info');
      assert.equal(info.json.url, emu.url);
      assert.equal(info.json.customerId, emu.customerId);
      assert.equal(info.json.adminEmail, emu.adminEmail);
      assert.equal(info.json.serviceAccountKeyPath, emu.serviceAccountKeyPath);
      assert.equal(info.json.oauthClient.clientId, emu.oauthClient.clientId);
      const key = await control('GET', '/service-account-key');
      assert.equal(key.json.type, 'service_account');
      assert.equal(key.json.client_email, emu.serviceAccountKey.client_email);

      await control('POST', '/orgunits', { path: '/Weird/<script>' });
      const seeded = await control('POST', '/browsers', {
        deviceId: 'hostile-1',
        machineName: '<img src=x onerror=alert(1)>',
        orgUnitPath: '/Weird/<script>',
      });
      assert.equal(seeded.status, 200);
      const got = await call(emu, token, 'GET', `${browsersPath()}/hostile-1`);
      assert.equal(got.json.machineName, '<img src=x onerror=alert(1)>');
      const patched = await control('PATCH', '/browsers/hostile-1', { annotatedUser: 'changed elsewhere' });
      assert.equal(patched.json.annotatedUser, 'changed elsewhere');
      assert.equal((await control('GET', '/browsers/hostile-1')).json.annotatedUser, 'changed elsewhere');
      assert.equal((await control('GET', '/browsers/none')).status, 404);
      assert.equal((await control('POST', '/browsers', { orgUnitPath: '/Not/There' })).status, 400);

      assert.equal((await control('GET', '/tokens')).json.tokens.length, 40);
      const badFaults = await control('POST', '/faults', { rate429: 2 });
      assert.equal(badFaults.status, 400);
      assert.match(badFaults.json.error.message, /rate429/);
      await control('POST', '/faults', { failNext: [{ status: 500 }] });
      assert.equal((await call(emu, token, 'GET', browsersPath())).status, 500);
      const log = await control('GET', '/requests');
      assert.ok(log.json.requests.some((r: any) => r.status === 500 && r.method === 'GET'));
      const at = await control('POST', '/access-token', { scopes: [SCOPES.browsersReadonly] });
      assert.equal((await call(emu, at.json.access_token, 'GET', browsersPath(), { query: { maxResults: 1 } })).status, 200);

      await control('POST', '/reset');
      assert.equal(emu.fleet.browsers.has('hostile-1'), false);
      assert.equal(emu.fleet.browsers.size, 500);
    });
  });

  it('two emulators in one process do not share state or tokens', async () => {
    const other = await Emulator.start({ browsers: 10, seed: 11 });
    try {
      const mine = emu.issueAccessToken([SCOPES.browsersReadonly]);
      assert.equal((await call(other, mine, 'GET', browsersPath())).status, 401);
      other.setFaults({ failNext: [{ status: 503 }] });
      assert.equal((await call(emu, mine, 'GET', browsersPath(), { query: { maxResults: 1 } })).status, 200);
      assert.notEqual(other.serviceAccountKey.private_key, emu.serviceAccountKey.private_key);
    } finally {
      await other.stop();
    }
    const stopped = fetch(`${other.url}/__emulator/info`);
    await assert.rejects(stopped);
  });
});
