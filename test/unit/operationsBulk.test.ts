// Bulk operations against the emulator over real HTTP, on both API versions (one table of cases, two backends):
// afterwards every browser is in the state the summary and the change history say, nothing is done twice and
// nothing is lost, also under 429/503 storms, a failing move batch, someone else's edit mid-run, and cancellation.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import nodeFetch from 'node-fetch';
import * as os from 'os';
import * as path from 'path';
import { SCOPES, type Emulator } from '../emulator';
import { useEmulator } from '../emulator/fixture';
import { ChromeManagementClient, DirectoryBetaClient, type CbcmBackend, type FetchLike } from '../../src/api';
import { runAnnotate, runDelete, runImport, runMove, planAnnotations, type AnnotationChanges } from '../../src/operations/bulkRun';
import { buildFleetIndex, parseAnnotationCsv } from '../../src/operations/csvImport';
import { matchImport } from '../../src/operations/importPreview';
import { planUndo, runUndo } from '../../src/operations/undo';
import { dryRunQuery } from '../../src/operations/bulkTargets';
import { FleetWriter } from '../../src/operations/fleetWriter';
import { ChangeJournal } from '../../src/operations/journal';
import { parseTemplate } from '../../src/operations/templates';
import { EmuTokenSource, FAST_RETRY, type SentRequest } from './apiHarness';
import { clock } from '../../src/util/clock';

type Make = (emu: Emulator, sent: SentRequest[]) => CbcmBackend & { dispose(): void };
const spyOn =
  (sent: SentRequest[]): FetchLike =>
  (url, init) => {
    sent.push({ method: init.method, url, body: init.body === undefined ? undefined : JSON.parse(init.body), at: Date.now() });
    return (nodeFetch as unknown as FetchLike)(url, init);
  };
// The runs below meet random 503s (10 % of requests) over a few hundred requests: with FAST_RETRY's 4 attempts,
// one request failing 4 times in a row (1 in 10,000) sank about one run in 60. 8 attempts make it 1 in 10^8 per
// request, so a failure here means the bulk code lost a retry, not bad luck.
const BULK_RETRY = { ...FAST_RETRY, maxAttempts: 8 };
const BACKENDS: [string, Make][] = [
  [
    'v1.1beta1',
    (emu, sent) =>
      new DirectoryBetaClient({
        baseUrl: emu.url,
        customerId: emu.customerId,
        retry: BULK_RETRY,
        timeoutMs: 5_000,
        fetch: spyOn(sent),
        tokenSource: new EmuTokenSource(emu, [SCOPES.browsers, SCOPES.orgUnitsReadonly]),
      }),
  ],
  [
    'Chrome Management v1',
    (emu, sent) =>
      new ChromeManagementClient({
        baseUrl: emu.url,
        directoryBaseUrl: emu.url,
        customerId: emu.customerId,
        retry: BULK_RETRY,
        timeoutMs: 5_000,
        fetch: spyOn(sent),
        tokenSource: new EmuTokenSource(emu, [SCOPES.cmBrowsers, SCOPES.cmTokens, SCOPES.orgUnitsReadonly]),
      }),
  ],
];

const KEEP = { mode: 'keep' } as const;

for (const [name, make] of BACKENDS) {
  describe(`bulk operations (${name})`, function () {
    this.timeout(60_000);
    const emu = useEmulator({ browsers: 900, seed: 21 });
    let dir: string;
    let backend: CbcmBackend & { dispose(): void };
    let sent: SentRequest[];
    let journal: ChangeJournal;
    let writer: FleetWriter;
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cbcm-bulk-'));
      sent = [];
      backend = make(emu, sent);
      journal = new ChangeJournal({ directory: dir });
      writer = new FleetWriter(backend, journal, 'admin@example.com');
    });
    afterEach(async () => {
      backend.dispose();
      await fs.rm(dir, { recursive: true, force: true });
    });

    const inOu = (ou: string) =>
      [...emu.fleet.browsers.values()]
        .filter((b) => b.orgUnitPath === ou)
        .map((b) => b.deviceId)
        .sort();
    const biggestOu = () =>
      emu.fleet.orgUnits
        .list()
        .map((u) => u.orgUnitPath)
        .sort((a, b) => inOu(b).length - inOu(a).length)[0];
    const mutations = (method: string) => sent.filter((r) => r.method === method);

    it('the dry run counts exactly what the org unit holds, and keeps ids, not records', async () => {
      const ou = biggestOu();
      const dry = await dryRunQuery(backend, { orgUnitPath: ou }, { withAnnotations: false });
      assert.deepStrictEqual(dry.targets.map((t) => t.deviceId).sort(), inOu(ou));
      assert.strictEqual(dry.byOrgUnit.get(ou), inOu(ou).length);
      assert.ok(dry.sample.length > 0 && dry.sample.length <= 10);
      assert.deepStrictEqual(
        Object.keys(dry.targets[0]).sort(),
        ['deviceId', 'machineName', 'orgUnitPath', 'serialNumber'].filter((k) => k in dry.targets[0]).sort(),
      );
      assert.strictEqual(
        mutations('POST').length + mutations('PUT').length + mutations('PATCH').length + mutations('DELETE').length,
        0,
        'a dry run writes nothing',
      );
    });

    it('moves what the dry run found, isolates a failing id, and the journal matches the emulator', async () => {
      const ou = biggestOu();
      const dry = await dryRunQuery(backend, { orgUnitPath: ou }, { withAnnotations: false });
      const bad = dry.targets[3].deviceId;
      emu.setFaults({ badDeviceIds: [bad], rate503: 0.1 });
      const to = emu.fleet.orgUnits
        .list()
        .map((u) => u.orgUnitPath)
        .find((p) => p !== ou)!;
      const summary = await runMove(writer, dry.targets, to, `Move to ${to}`);
      emu.clearFaults();

      assert.deepStrictEqual(
        summary.failed.map((f) => f.target.deviceId),
        [bad],
      );
      assert.strictEqual(summary.done.length, dry.targets.length - 1);
      assert.deepStrictEqual(summary.notTried, []);
      for (const t of summary.done) assert.strictEqual(emu.fleet.browsers.get(t.deviceId)!.orgUnitPath, to);
      assert.strictEqual(emu.fleet.browsers.get(bad)!.orgUnitPath, ou);

      const [op] = (await journal.read()).operations;
      assert.strictEqual(op.record.action, 'move');
      assert.deepStrictEqual(op.end && [op.end.done, op.end.failed, op.end.notTried], [dry.targets.length - 1, 1, 0]);
      for (const item of op.items) {
        assert.deepStrictEqual(item.change, { kind: 'move', before: ou, after: to });
        assert.strictEqual(emu.fleet.browsers.get(item.target)!.orgUnitPath, item.ok ? to : ou);
      }
    });

    it("sets annotations from a template, reports someone else's edit mid-run as a conflict and never overwrites it", async () => {
      const ou = biggestOu();
      const dry = await dryRunQuery(backend, { orgUnitPath: ou }, { withAnnotations: true });
      const targets = dry.targets.slice(0, 40);
      const changedElsewhere = targets[25].deviceId;
      const changes: AnnotationChanges = {
        annotatedUser: KEEP,
        annotatedLocation: KEEP,
        annotatedAssetId: { mode: 'set', template: parseTemplate('{serialNumber}') },
        annotatedNotes: { mode: 'set', template: parseTemplate('{notes} / returned {today}') },
      };
      const now = new Date('2026-05-04T00:00:00Z');
      emu.setFaults({ rate429: 0.15, retryAfterSeconds: 0 });
      let edited = false;
      const summary = await runAnnotate(writer, targets, (t) => planAnnotations(t, changes, now), 'Set asset id and notes', {
        concurrency: 4,
        onProgress: (p) => {
          if (!edited && p.finished >= 10) {
            edited = true;
            emu.fleet.browsers.get(changedElsewhere)!.annotatedNotes = 'typed by a colleague';
          }
        },
      });
      emu.clearFaults();

      assert.deepStrictEqual(
        summary.failed.map((f) => f.target.deviceId),
        [changedElsewhere],
      );
      assert.match(summary.failed[0].reason, /someone else.*typed by a colleague.*not overwritten/);
      assert.strictEqual(emu.fleet.browsers.get(changedElsewhere)!.annotatedNotes, 'typed by a colleague');
      assert.strictEqual(summary.done.length + summary.unchanged.length, targets.length - 1);
      for (const t of summary.done) {
        const b = emu.fleet.browsers.get(t.deviceId)!;
        assert.strictEqual(b.annotatedAssetId ?? '', t.serialNumber ?? '');
        assert.strictEqual(b.annotatedNotes, `${t.annotations!.annotatedNotes} / returned 2026-05-04`.trim());
        assert.strictEqual(b.annotatedUser ?? '', t.annotations!.annotatedUser, 'untouched fields keep their value');
      }
      const [op] = (await journal.read()).operations;
      const written = op.items.filter((i) => i.ok);
      assert.strictEqual(written.length, summary.done.length);
      for (const i of written) {
        assert.strictEqual(i.change.kind, 'annotations');
        if (i.change.kind === 'annotations')
          assert.strictEqual(i.change.after.annotatedNotes, emu.fleet.browsers.get(i.target)!.annotatedNotes ?? '');
      }
      const puts = [...mutations('PUT'), ...mutations('PATCH')].map((r) => r.url.split('?')[0]);
      assert.strictEqual(
        new Set(puts).size,
        summary.done.length,
        `each written browser has its PUT URL: ${JSON.stringify(puts.slice(0, 3))} ${summary.unchanged.length}`,
      );
    });

    it('refuses a value the details panel would refuse, before any request for that browser', async () => {
      const dry = await dryRunQuery(backend, { orgUnitPath: biggestOu() }, { withAnnotations: true });
      const changes: AnnotationChanges = {
        annotatedUser: { mode: 'set', template: parseTemplate('x'.repeat(300)) },
        annotatedLocation: KEEP,
        annotatedAssetId: KEEP,
        annotatedNotes: KEEP,
      };
      const summary = await runAnnotate(writer, dry.targets.slice(0, 3), (t) => planAnnotations(t, changes, clock.date()), 'Set user');
      assert.strictEqual(summary.failed.length, 3);
      assert.match(summary.failed[0].reason, /User is too long/);
      assert.strictEqual(mutations('PUT').length + mutations('PATCH').length, 0);
    });

    it('cancelled half-way, a delete run has deleted exactly what it says, each once, with each FULL record kept', async () => {
      const dry = await dryRunQuery(backend, { orgUnitPath: biggestOu() }, { withAnnotations: false });
      const targets = dry.targets.slice(0, 30);
      const abort = new AbortController();
      emu.setFaults({ rate503: 0.1 });
      const summary = await runDelete(writer, targets, 'Delete 30', {
        concurrency: 3,
        signal: abort.signal,
        onProgress: (p) => {
          if (p.finished === 12) abort.abort();
        },
      });
      emu.clearFaults();
      assert.strictEqual(summary.stoppedBy, 'Cancelled');
      const all = [...summary.done, ...summary.failed.map((f) => f.target), ...summary.notTried].map((t) => t.deviceId).sort();
      assert.deepStrictEqual(all, targets.map((t) => t.deviceId).sort(), 'every target in exactly one list');
      assert.ok(summary.notTried.length > 0 && summary.done.length >= 10);
      for (const t of summary.done) assert.ok(!emu.fleet.browsers.has(t.deviceId));
      for (const t of summary.notTried) assert.ok(emu.fleet.browsers.has(t.deviceId), 'not tried means still there');
      const notTried = new Set(summary.notTried.map((t) => t.deviceId));
      const deleted = mutations('DELETE').map((r) => decodeURIComponent(r.url.split('/').pop()!.split('?')[0]));
      assert.ok(
        deleted.every((id) => !notTried.has(id)),
        'no request for a browser reported as not tried',
      );
      const [op] = (await journal.read()).operations;
      for (const t of summary.done) {
        const item = op.items.find((i) => i.target === t.deviceId)!;
        assert.ok(item.ok && item.change.kind === 'delete');
        assert.strictEqual((item.change as { record: { deviceId: string; browsers?: unknown } }).record.deviceId, t.deviceId);
      }
      assert.strictEqual(op.end?.stoppedBy, 'Cancelled');
    });
    it('imports a CSV (annotations and org units), then undo puts the fleet back, except what a colleague changed since', async () => {
      const snapshot = () =>
        new Map(
          [...emu.fleet.browsers.values()].map((b) => [
            b.deviceId,
            JSON.stringify([b.orgUnitPath, b.annotatedAssetId ?? '', b.annotatedNotes ?? '', b.annotatedUser ?? '', b.annotatedLocation ?? '']),
          ]),
        );
      const before = snapshot();
      const all = await dryRunQuery(backend, {}, { withAnnotations: true });
      const index = buildFleetIndex(all.targets);
      const picked = all.targets.filter((t) => t.serialNumber).slice(0, 60);
      const dest = emu.fleet.orgUnits.list()[0].orgUnitPath;
      const csv = [
        'serialNumber;assetId;notes;orgUnitPath',
        ...picked.map((t, i) => `${t.serialNumber};NEW-${i};"imported; batch 7";${i % 3 === 0 ? dest : ''}`),
      ].join('\r\n');
      const rows = matchImport(parseAnnotationCsv(csv), index, { orgUnits: new Set(emu.fleet.orgUnits.list().map((u) => u.orgUnitPath)) });
      emu.setFaults({ rate503: 0.1 });
      const imported = await runImport(writer, rows, (id) => index.byId.get(id), 'Import inventory.csv');
      emu.clearFaults();
      assert.deepStrictEqual(imported.failed, []);
      assert.strictEqual(imported.done.length, rows.counts.change);
      picked.forEach((t, i) => {
        const b = emu.fleet.browsers.get(t.deviceId)!;
        assert.strictEqual(b.annotatedAssetId, `NEW-${i}`);
        assert.strictEqual(b.annotatedNotes, 'imported; batch 7');
        if (i % 3 === 0) assert.strictEqual(b.orgUnitPath, dest);
      });

      // A colleague edits one imported browser and moves another before the undo.
      const edited = picked[1].deviceId;
      const movedAgain = picked.find((t, i) => i % 3 === 0 && t.orgUnitPath !== dest)!.deviceId;
      emu.fleet.browsers.get(edited)!.annotatedNotes = 'colleague';
      const elsewhere = emu.fleet.orgUnits
        .list()
        .map((u) => u.orgUnitPath)
        .find((p) => p !== dest && p !== before.get(movedAgain))!;
      emu.fleet.browsers.get(movedAgain)!.orgUnitPath = elsewhere;

      const history = await journal.read();
      const plan = planUndo(history.operations.find((o) => o.record.action === 'import')!);
      const undone = await runUndo(writer, backend, plan);
      assert.deepStrictEqual(undone.failed.map((f) => f.target.deviceId).sort(), [edited, movedAgain].sort());
      const after = snapshot();
      for (const [id, state] of before) {
        if (id === edited || id === movedAgain) continue;
        assert.strictEqual(after.get(id), state, `${id} is back as before`);
      }
      assert.strictEqual(emu.fleet.browsers.get(edited)!.annotatedNotes, 'colleague', 'a later edit is not overwritten');
      assert.strictEqual(emu.fleet.browsers.get(movedAgain)!.orgUnitPath, elsewhere, 'a later move is not reverted');
      const ops = (await journal.read()).operations;
      assert.deepStrictEqual(
        ops.map((o) => o.record.action),
        ['import', 'undo'],
      );
      assert.strictEqual(ops[1].record.undoOf, ops[0].record.op);
    });

    it('a delete cannot be undone, and the plan says why', async () => {
      const dry = await dryRunQuery(backend, { orgUnitPath: biggestOu() }, { withAnnotations: false });
      await runDelete(writer, dry.targets.slice(0, 2), 'Delete 2');
      const plan = planUndo((await journal.read()).operations[0]);
      assert.strictEqual(plan.notUndoable.length, 2);
      assert.match(plan.notUndoable[0].reason, /cannot be restored.*full record/);
    });
  });
}
