// Batched moves to an org unit: 600-id batches, bisection of rejected batches, progress, stop reasons.
import * as assert from 'assert';
import nodeFetch from 'node-fetch';
import type { FetchLike, MoveProgress } from '../../src/api';
import { apiRequests, makeClient, useApiEmulator } from './apiHarness';

describe('api client: moving browsers', function () {
  this.timeout(20_000);
  const emu = useApiEmulator({ browsers: 1400, seed: 9 });
  let ids: string[];

  beforeEach(() => {
    ids = [...emu.fleet.browsers.keys()].filter((id) => emu.fleet.browsers.get(id)!.orgUnitPath !== '/IT/Loaners');
  });

  const ouOf = (id: string): string | undefined => emu.fleet.browsers.get(id)?.orgUnitPath;

  it('moves 1,300 ids in 600-id batches, isolating the one bad id of the second batch', async () => {
    const { client, sent } = makeClient(emu);
    const wanted = ids.slice(0, 1300);
    const bad = wanted[777];
    const badOu = ouOf(bad);
    emu.setFaults({ badDeviceIds: [bad] });
    const progress: MoveProgress[] = [];
    const result = await client.moveBrowsers(wanted, '/IT/Loaners', undefined, (p) => progress.push({ ...p }));

    assert.strictEqual(result.moved.length, 1299);
    assert.deepStrictEqual(
      result.failed.map((f) => f.id),
      [bad],
    );
    assert.ok(result.failed[0].reason.includes(bad), result.failed[0].reason);
    assert.deepStrictEqual(result.notTried, []);
    assert.strictEqual(result.stoppedBy, undefined);
    assert.deepStrictEqual(new Set([...result.moved, bad]), new Set(wanted));

    for (const id of result.moved) assert.strictEqual(ouOf(id), '/IT/Loaners');
    assert.strictEqual(ouOf(bad), badOu, 'the bad device stayed where it was');

    for (const r of sent) {
      const body = r.body as { resource_ids: string[]; org_unit_path: string };
      assert.ok(body.resource_ids.length <= 600);
      assert.strictEqual(body.org_unit_path, '/IT/Loaners');
    }
    const sizes = sent.map((r) => (r.body as { resource_ids: string[] }).resource_ids.length);
    assert.deepStrictEqual(sizes.slice(0, 2), [600, 600]);
    assert.ok(sizes.includes(100), 'the last batch holds the remaining 100');
    assert.ok(sent.length < 30, `bisection used ${sent.length} requests`);

    assert.deepStrictEqual(
      progress.map((p) => [p.batchIndex, p.batchCount]),
      [
        [0, 3],
        [1, 3],
        [2, 3],
      ],
    );
    assert.deepStrictEqual(progress[2], { batchIndex: 2, batchCount: 3, moved: 1299, failed: 1 });
  });

  it('dedupes ids and accepts an org unit id', async () => {
    const { client, sent } = makeClient(emu);
    const ou = emu.fleet.orgUnits.resolve('/HR')!;
    const result = await client.moveBrowsers([ids[0], ids[1], ids[0], ids[1]], ou.orgUnitId);
    assert.deepStrictEqual(result.moved, [ids[0], ids[1]]);
    assert.deepStrictEqual((sent[0].body as { resource_ids: string[] }).resource_ids, [ids[0], ids[1]]);
    assert.strictEqual(ouOf(ids[0]), '/HR');
  });

  it('does not bisect when the destination org unit is unknown', async () => {
    const { client } = makeClient(emu);
    const result = await client.moveBrowsers(ids.slice(0, 700), '/No/Such/OU');
    assert.deepStrictEqual(result.moved, []);
    assert.strictEqual(result.notTried.length, 700);
    assert.strictEqual(result.stoppedBy?.kind, 'invalid');
    assert.match(result.stoppedBy.message, /No\/Such\/OU/);
    assert.strictEqual(apiRequests(emu).length, 1);
  });

  it('stops at a 403: the batches already in flight finish, the rest are reported as not tried', async () => {
    const { client } = makeClient(emu);
    const wanted = ids.slice(0, 1300);
    const before = new Map(wanted.map((id) => [id, ouOf(id)]));
    const result = await client.moveBrowsers(wanted, '/Finance', undefined, (p) => {
      if (p.batchIndex === 0)
        emu.setFaults({ failNext: [{ status: 403, reason: 'forbidden', message: 'Not Authorized to access this resource/api' }] });
    });
    // The first batch went alone and succeeded; the other two were in flight together, one of them met the 403.
    assert.ok(wanted.slice(0, 600).every((id) => result.moved.includes(id)));
    assert.ok(result.moved.length === 700 || result.moved.length === 1200, `${result.moved.length} moved`);
    assert.strictEqual(result.failed.length, 0);
    assert.strictEqual(result.moved.length + result.notTried.length, 1300);
    assert.strictEqual(result.stoppedBy?.kind, 'permission');
    assert.deepStrictEqual(
      apiRequests(emu)
        .map((r) => r.status)
        .sort(),
      [200, 200, 403],
      'no bisection of a 403, no batch after it',
    );
    for (const id of result.notTried) assert.strictEqual(ouOf(id), before.get(id), 'a browser reported as not tried was moved');
  });

  it('sends the first batch alone, then several at once (the quota, not the round-trips, bounds a big move)', async () => {
    // The order of sends and answers, not their times: the second batch is sent only after the first answered, and
    // the third is sent before the second's answer (they are in flight together). The emulator holds each answer
    // back, so the overlap does not depend on how fast this machine is.
    const events: string[] = [];
    let n = 0;
    const fetch: FetchLike = async (url, init) => {
      const i = n++;
      events.push(`send ${i}`);
      const res = await (nodeFetch as unknown as FetchLike)(url, init);
      events.push(`answer ${i}`);
      return res;
    };
    const { client } = makeClient(emu, { fetch });
    emu.setFaults({ latencyMs: 300 });
    const wanted = ids.slice(0, 1300);
    const result = await client.moveBrowsers(wanted, '/Finance', undefined, undefined);
    emu.setFaults({ latencyMs: 0 });
    assert.strictEqual(result.moved.length, 1300);
    assert.strictEqual(n, 3);
    assert.deepStrictEqual(events.slice(0, 4), ['send 0', 'answer 0', 'send 1', 'send 2'], events.join(', '));
  });

  it('stops on abort between batches without another request', async () => {
    const { client } = makeClient(emu);
    const ac = new AbortController();
    const result = await client.moveBrowsers(ids.slice(0, 1300), '/Finance', ac.signal, () => ac.abort());
    assert.strictEqual(result.moved.length, 600);
    assert.strictEqual(result.notTried.length, 700);
    assert.strictEqual(result.stoppedBy?.kind, 'cancelled');
    assert.strictEqual(apiRequests(emu).length, 1);
    assert.strictEqual(ouOf(ids[700]) === '/Finance', false);
  });

  it('retries a batch after a 503 or a reset (moves are idempotent)', async () => {
    const { client } = makeClient(emu);
    emu.setFaults({ failNext: [{ status: 503 }, { reset: true }] });
    const result = await client.moveBrowsers(ids.slice(0, 10), '/Finance');
    assert.strictEqual(result.moved.length, 10);
    assert.deepStrictEqual(
      apiRequests(emu).map((r) => r.status),
      [503, 0, 200],
    );
  });

  it('reports an unknown id as failed and moves the others', async () => {
    const { client } = makeClient(emu);
    const result = await client.moveBrowsers([ids[0], 'unknown-device', ids[1]], '/Finance');
    assert.deepStrictEqual(result.moved.sort(), [ids[0], ids[1]].sort());
    assert.deepStrictEqual(
      result.failed.map((f) => f.id),
      ['unknown-device'],
    );
    assert.match(result.failed[0].reason, /unknown-device/);
  });

  it('reports progress for each batch up to the one that stopped the move, not after', async () => {
    const { client } = makeClient(emu);
    const seen: number[] = [];
    const result = await client.moveBrowsers(ids.slice(0, 1300), '/Finance', undefined, (p) => {
      seen.push(p.batchIndex);
      if (p.batchIndex === 0)
        emu.setFaults({ failNext: [{ status: 403, reason: 'forbidden', message: 'Not Authorized to access this resource/api' }] });
    });
    // The first batch goes alone; the other two were then in flight together (one of them met the 403), so
    // progress covers those three batches once each, and none is reported twice.
    assert.strictEqual(seen[0], 0);
    assert.deepStrictEqual([...seen].sort(), [...new Set(seen)].sort(), 'no batch reported twice');
    assert.ok(
      seen.every((i) => i >= 0 && i <= 2),
      `progress only for the batches sent: ${seen.join(', ')}`,
    );
    assert.ok(result.notTried.length === 600 || result.notTried.length === 100, `${result.notTried.length} not tried`);
    assert.strictEqual(result.moved.length + result.notTried.length, 1300);
  });

  it('bisects a 404 about the devices like a 400', async () => {
    const { client } = makeClient(emu);
    emu.setFaults({ failNext: [{ status: 404, reason: 'notFound', message: 'Resource not found: device', pathIncludes: 'moveChromeBrowsersToOu' }] });
    const result = await client.moveBrowsers(ids.slice(0, 2), '/Finance');
    assert.deepStrictEqual(result.moved.sort(), ids.slice(0, 2).sort());
    assert.deepStrictEqual(
      apiRequests(emu).map((r) => r.status),
      [404, 200, 200],
      'split in two halves of one id',
    );
  });

  for (const message of [
    'Invalid org unit',
    'Invalid orgunit /X',
    'Unknown org_unit',
    'Unknown org-unit',
    'Organisational unit not found',
    'Organizational unit not found',
  ]) {
    it(`does not bisect a refusal about the destination: ${JSON.stringify(message)}`, async () => {
      const { client } = makeClient(emu);
      emu.setFaults({ failNext: [{ status: 400, message, pathIncludes: 'moveChromeBrowsersToOu' }] });
      const result = await client.moveBrowsers(ids.slice(0, 4), '/Finance');
      assert.deepStrictEqual(result.moved, []);
      assert.strictEqual(result.notTried.length, 4);
      assert.strictEqual(apiRequests(emu).length, 1);
    });
  }

  it('moves nothing and sends nothing for an empty list', async () => {
    const { client } = makeClient(emu);
    assert.deepStrictEqual(await client.moveBrowsers([], '/Finance'), { moved: [], failed: [], notTried: [] });
    assert.strictEqual(apiRequests(emu).length, 0);
  });
});
