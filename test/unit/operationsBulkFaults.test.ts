// More fault injection on bulk runs against the emulator over real HTTP (issue 14, Tests): a move cancelled while a
// batch is in flight, an annotate run cancelled half-way, and a 429 storm. Afterwards every browser is in the state
// the summary and the change history say, nothing is done twice and nothing is lost.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import nodeFetch from 'node-fetch';
import * as os from 'os';
import * as path from 'path';
import { SCOPES } from '../emulator';
import { useEmulator } from '../emulator/fixture';
import { DirectoryBetaClient, type FetchLike } from '../../src/api';
import { planAnnotations, runAnnotate, runDelete, runMove, type AnnotationChanges } from '../../src/operations/bulkRun';
import { dryRunQuery } from '../../src/operations/bulkTargets';
import { FleetWriter } from '../../src/operations/fleetWriter';
import { ChangeJournal } from '../../src/operations/journal';
import { planUndo, runUndo } from '../../src/operations/undo';
import { parseTemplate } from '../../src/operations/templates';
import { EmuTokenSource, FAST_RETRY, type SentRequest } from './apiHarness';

const KEEP = { mode: 'keep' } as const;

describe('bulk operations under faults', function () {
  this.timeout(60_000);
  const emu = useEmulator({ browsers: 900, seed: 33 });
  let dir: string;
  let sent: SentRequest[];
  let backend: DirectoryBetaClient;
  let journal: ChangeJournal;
  let writer: FleetWriter;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cbcm-bulk-faults-'));
    sent = [];
    const fetch: FetchLike = (url, init) => {
      sent.push({ method: init.method, url, body: init.body === undefined ? undefined : JSON.parse(init.body), at: Date.now() });
      return (nodeFetch as unknown as FetchLike)(url, init);
    };
    backend = new DirectoryBetaClient({
      baseUrl: emu.url,
      customerId: emu.customerId,
      retry: { ...FAST_RETRY, maxAttempts: 8 },
      timeoutMs: 10_000,
      fetch,
      tokenSource: new EmuTokenSource(emu, [SCOPES.browsers, SCOPES.orgUnitsReadonly]),
    });
    journal = new ChangeJournal({ directory: dir });
    writer = new FleetWriter(backend, journal, 'admin@example.com');
  });
  afterEach(async () => {
    emu.clearFaults();
    backend.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a move cancelled while a batch is in flight: the summary, the history and undo agree with the emulator', async () => {
    const dry = await dryRunQuery(backend, {}, { withAnnotations: false });
    assert.ok(dry.targets.length > 600, 'more than one move batch');
    const before = new Map(dry.targets.map((t) => [t.deviceId, t.orgUnitPath]));
    const dest = emu.fleet.orgUnits.add('/Faults Move Dest').orgUnitPath;
    const abort = new AbortController();
    emu.setFaults({ latencyMs: 400 });
    // The first batch goes alone; the second starts when the first is done and is cancelled in flight.
    const summary = await runMove(writer, dry.targets, dest, 'Move everything', {
      signal: abort.signal,
      onProgress: () => setTimeout(() => abort.abort(), 150),
    });
    emu.clearFaults();
    await new Promise((r) => setTimeout(r, 600)); // the emulator finishes what it received

    assert.strictEqual(summary.stoppedBy, 'Cancelled');
    const lists = [...summary.done, ...summary.unchanged, ...summary.failed.map((f) => f.target), ...summary.notTried].map((t) => t.deviceId);
    assert.deepStrictEqual([...lists].sort(), [...before.keys()].sort(), 'every browser in exactly one list');
    for (const t of summary.done) assert.strictEqual(emu.fleet.browsers.get(t.deviceId)!.orgUnitPath, dest, `${t.deviceId} moved`);
    // A batch cancelled in flight may have reached Google: it must not be reported as "not tried" if it moved.
    for (const t of summary.notTried)
      assert.strictEqual(emu.fleet.browsers.get(t.deviceId)!.orgUnitPath, before.get(t.deviceId), `${t.deviceId} is "not tried" but was moved`);
    const maybe = summary.failed.map((f) => f.target.deviceId);
    for (const f of summary.failed) assert.match(f.reason, /may have/);

    // Undo puts back everything that moved, including what a cancelled batch may have moved.
    const [op] = (await journal.read()).operations;
    const plan = planUndo(op);
    const planned = new Set([...plan.moves.values()].flat().map((t) => t.deviceId));
    for (const [id, ou] of before) {
      if (emu.fleet.browsers.get(id)!.orgUnitPath !== ou) assert.ok(planned.has(id), `undo knows ${id} may have moved`);
    }
    assert.ok(maybe.every((id) => planned.has(id)));
    const undone = await runUndo(writer, backend, plan);
    assert.deepStrictEqual(undone.failed, [], 'everything that moved goes back');
    for (const [id, ou] of before) assert.strictEqual(emu.fleet.browsers.get(id)!.orgUnitPath, ou, `${id} is back`);
    // Those the cancelled batch had not moved after all were not moved "back" either.
    const moveBack = sent.filter((r) => r.method === 'POST' && r.url.includes('moveChromeBrowsersToOu')).slice(-10);
    const movedBack = new Set(moveBack.flatMap((r) => (r.body as { resource_ids: string[] }).resource_ids));
    for (const t of summary.notTried) assert.ok(!movedBack.has(t.deviceId), 'a browser that never left is not moved back');
  });

  const notesChange = (text: string): AnnotationChanges => ({
    annotatedUser: KEEP,
    annotatedLocation: KEEP,
    annotatedAssetId: { mode: 'set', template: parseTemplate('{serialNumber}') },
    annotatedNotes: { mode: 'set', template: parseTemplate(text) },
  });
  const writesOf = () => sent.filter((r) => r.method === 'PUT' || r.method === 'PATCH').map((r) => r.url.split('?')[0]);

  it('an annotate run cancelled half-way: done ones hold the new values, the rest are untouched, the history says which', async () => {
    const dry = await dryRunQuery(backend, {}, { withAnnotations: true });
    const targets = dry.targets.slice(0, 60);
    const abort = new AbortController();
    emu.setFaults({ rate503: 0.1, latencyMs: 5 });
    const summary = await runAnnotate(writer, targets, (t) => planAnnotations(t, notesChange('{notes} (cancel test)'), new Date()), 'Notes', {
      concurrency: 4,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.finished === 25) abort.abort();
      },
    });
    emu.clearFaults();
    assert.strictEqual(summary.stoppedBy, 'Cancelled');
    const all = [...summary.done, ...summary.unchanged, ...summary.failed.map((f) => f.target), ...summary.notTried].map((t) => t.deviceId);
    assert.deepStrictEqual([...all].sort(), targets.map((t) => t.deviceId).sort(), 'every browser in exactly one list');
    assert.ok(summary.done.length >= 20 && summary.notTried.length > 0, `${summary.done.length} done, ${summary.notTried.length} not tried`);
    const [op] = (await journal.read()).operations;
    const written = new Set(op.items.filter((i) => i.ok).map((i) => i.target));
    // A write cancelled in flight may or may not have been saved: it says so, in the summary and in the history.
    const maybe = new Set(op.items.filter((i) => i.uncertain).map((i) => i.target));
    const maybeInSummary = new Set(summary.failed.filter((f) => /may have saved it/.test(f.reason)).map((f) => f.target.deviceId));
    assert.deepStrictEqual([...maybe].sort(), [...maybeInSummary].sort());
    const done = new Set(summary.done.map((d) => d.deviceId));
    for (const t of targets) {
      const b = emu.fleet.browsers.get(t.deviceId)!;
      const changed = (b.annotatedNotes ?? '') !== t.annotations!.annotatedNotes;
      if (maybe.has(t.deviceId)) continue;
      assert.strictEqual(changed, written.has(t.deviceId), `${t.deviceId}: the emulator and the history agree`);
      assert.strictEqual(changed, done.has(t.deviceId), `${t.deviceId}: the emulator and the summary agree`);
    }
    // Retried attempts (after a 503) are in `sent`; what Google applied is what it answered with 200.
    assert.ok(writesOf().length >= summary.done.length);
    const applied = emu.requests.filter((r) => (r.method === 'PUT' || r.method === 'PATCH') && r.status === 200).map((r) => r.path.split('?')[0]);
    assert.strictEqual(new Set(applied).size, applied.length, 'no browser written twice');
    const idOf = (p: string) => decodeURIComponent(p.split('/').pop()!);
    assert.ok(
      applied.every((p) => done.has(idOf(p)) || maybe.has(idOf(p))),
      'every write the emulator applied is in the summary',
    );
    assert.strictEqual(applied.filter((p) => done.has(idOf(p))).length, done.size);
    // Undo restores everything that was or may have been written, and only that.
    const undone = await runUndo(writer, backend, planUndo(op));
    assert.deepStrictEqual(undone.failed, []);
    for (const t of targets)
      assert.strictEqual(emu.fleet.browsers.get(t.deviceId)!.annotatedNotes ?? '', t.annotations!.annotatedNotes, `${t.deviceId} back`);
  });

  it('a 429 storm (every request refused for a while, then random ones): every browser written once, none lost', async () => {
    const dry = await dryRunQuery(backend, {}, { withAnnotations: true });
    const targets = dry.targets.slice(100, 140);
    emu.setFaults({ failNext: [{ status: 429, retryAfter: 0, times: 12 }], rate429: 0.3, retryAfterSeconds: 0 });
    const summary = await runAnnotate(writer, targets, (t) => planAnnotations(t, notesChange('storm {serialNumber}'), new Date()), 'Storm', {
      concurrency: 6,
    });
    emu.clearFaults();
    assert.deepStrictEqual(summary.failed, []);
    assert.deepStrictEqual(summary.notTried, []);
    assert.strictEqual(summary.done.length, targets.length);
    for (const t of targets) assert.strictEqual(emu.fleet.browsers.get(t.deviceId)!.annotatedNotes, `storm ${t.serialNumber ?? ''}`.trim());
    const [op] = (await journal.read()).operations;
    assert.strictEqual(op.items.filter((i) => i.ok).length, targets.length);
    // A 429 is answered before the write is applied: retried writes are not double writes, each URL succeeds once.
    const ok = emu.requests.filter((r) => (r.method === 'PUT' || r.method === 'PATCH') && r.status === 200).map((r) => r.path.split('?')[0]);
    assert.strictEqual(new Set(ok).size, ok.length, 'each browser written once');
    assert.strictEqual(ok.length, targets.length);
  });

  it('a delete run cancelled while requests are in flight: "not tried" ones are all still there, the others say "may have"', async () => {
    const dry = await dryRunQuery(backend, {}, { withAnnotations: false });
    const targets = dry.targets.slice(0, 30);
    const abort = new AbortController();
    emu.setFaults({ latencyMs: 60 });
    const summary = await runDelete(writer, targets, 'Delete 30', {
      concurrency: 4,
      signal: abort.signal,
      onProgress: (p) => {
        // Aborted between the FULL read and the answer to the delete of the browsers in flight.
        if (p.finished === 8) setTimeout(() => abort.abort(), 90);
      },
    });
    emu.clearFaults();
    await new Promise((r) => setTimeout(r, 200));
    assert.strictEqual(summary.stoppedBy, 'Cancelled');
    const all = [...summary.done, ...summary.failed.map((f) => f.target), ...summary.notTried].map((t) => t.deviceId);
    assert.deepStrictEqual([...all].sort(), targets.map((t) => t.deviceId).sort(), 'every browser in exactly one list');
    for (const t of summary.done) assert.ok(!emu.fleet.browsers.has(t.deviceId), `${t.deviceId} deleted`);
    for (const t of summary.notTried) assert.ok(emu.fleet.browsers.has(t.deviceId), `${t.deviceId} is "not tried" but was deleted`);
    for (const f of summary.failed) assert.match(f.reason, /may have deleted it/);
    const [op] = (await journal.read()).operations;
    for (const f of summary.failed) {
      const item = op.items.find((i) => i.target === f.target.deviceId)!;
      assert.ok(item.uncertain && item.change.kind === 'delete', 'the history says it may have been deleted');
      assert.strictEqual((item.change.record as { deviceId?: string } | null)?.deviceId, f.target.deviceId, 'with its FULL record kept');
    }
  });
});
