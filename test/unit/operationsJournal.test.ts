// The change history file: operations grouped with their items, torn writes survived, archives instead of loss,
// no secrets on disk.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ChangeJournal, JOURNAL_FILE, parseJournal, readJournalFile } from '../../src/operations/journal';

describe('change history journal', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cbcm-journal-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const values = (notes: string) => ({ annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: notes });

  it('reads back each operation with its items and end, in order, after a restart', async () => {
    const j = new ChangeJournal({ directory: dir });
    const op = await j.begin({ account: 'admin@example.com', action: 'annotate', title: 'Set notes on 2 browsers', planned: 2 });
    await j.items(op.op, [
      { target: 'dev-1', change: { kind: 'annotations', before: values('a'), after: values('b') }, ok: true },
      { target: 'dev-2', change: { kind: 'annotations', before: values('c'), after: values('d') }, ok: false, reason: 'conflict' },
    ]);
    await j.end(op.op, { done: 1, failed: 1, notTried: 0 });
    const op2 = await j.begin({ account: 'admin@example.com', action: 'move', title: 'Move 1 browser to /HR', planned: 1 });

    const { operations, skippedLines } = await new ChangeJournal({ directory: dir }).read();
    assert.strictEqual(skippedLines, 0);
    assert.deepStrictEqual(
      operations.map((o) => o.record.op),
      [op.op, op2.op],
    );
    assert.deepStrictEqual(
      operations[0].items.map((i) => [i.target, i.ok, i.reason]),
      [
        ['dev-1', true, undefined],
        ['dev-2', false, 'conflict'],
      ],
    );
    assert.deepStrictEqual(operations[0].end && [operations[0].end.done, operations[0].end.failed], [1, 1]);
    assert.strictEqual(operations[1].end, undefined, 'an operation cut short by a crash has no end');
  });

  it('ignores a torn last line (crash mid-write) and a damaged line, and keeps everything else', async () => {
    const j = new ChangeJournal({ directory: dir });
    const op = await j.begin({ account: 'a', action: 'delete', title: 'Delete 1', planned: 1 });
    await j.items(op.op, [{ target: 'dev-1', change: { kind: 'delete', record: { deviceId: 'dev-1' } }, ok: true }]);
    const file = path.join(dir, JOURNAL_FILE);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('\n', '\n{not json\n') + '{"t":"item","op":"' + op.op + '","at":"2026-');

    const read = await readJournalFile(file);
    assert.strictEqual(read.skippedLines, 2);
    assert.strictEqual(read.operations.length, 1);
    assert.deepStrictEqual(
      read.operations[0].items.map((i) => i.target),
      ['dev-1'],
    );
    // The extension starts again after the crash: what it writes next starts on a line of its own.
    const restarted = new ChangeJournal({ directory: dir });
    await restarted.end(op.op, { done: 1, failed: 0, notTried: 0 });
    const later = await restarted.read();
    assert.strictEqual(later.skippedLines, 2);
    assert.deepStrictEqual(later.operations[0].end?.done, 1);
  });

  it('an outcome replaces the pending record of a delete and keeps the FULL record from before', async () => {
    const j = new ChangeJournal({ directory: dir });
    const op = await j.begin({ account: 'a', action: 'delete', title: 'Delete 2', planned: 2 });
    await j.items(op.op, [
      { target: 'dev-1', change: { kind: 'delete', record: { deviceId: 'dev-1', machineName: 'm1' } }, ok: false, pending: true },
    ]);
    await j.items(op.op, [{ target: 'dev-1', change: { kind: 'delete', record: null }, ok: true }]);
    await j.items(op.op, [{ target: 'dev-2', change: { kind: 'delete', record: { deviceId: 'dev-2' } }, ok: false, pending: true }]);
    const [read] = (await j.read()).operations;
    assert.strictEqual(read.items.length, 2);
    assert.deepStrictEqual(
      [read.items[0].ok, read.items[0].pending, read.items[0].change],
      [true, undefined, { kind: 'delete', record: { deviceId: 'dev-1', machineName: 'm1' } }],
    );
    assert.strictEqual(read.items[1].pending, true, 'no outcome: the history says it may or may not have happened');
  });

  it('archives the whole file when it is over its cap, at the start of the next operation, and loses nothing', async () => {
    let t = Date.parse('2026-03-01T10:00:00Z');
    const j = new ChangeJournal({ directory: dir, capBytes: 600, now: () => new Date((t += 1000)) });
    const ops: string[] = [];
    for (let n = 0; n < 6; n++) {
      const op = await j.begin({ account: 'a', action: 'annotate', title: `op ${n}`, planned: 1 });
      await j.items(op.op, [{ target: `dev-${n}`, change: { kind: 'annotations', before: values(''), after: values(`n${n}`) }, ok: true }]);
      await j.end(op.op, { done: 1, failed: 0, notTried: 0 });
      ops.push(op.op);
    }
    const archives = await j.archives();
    assert.ok(archives.length >= 1, 'something was archived');
    const all = [...(await Promise.all([...archives].reverse().map(readJournalFile))).flatMap((r) => r.operations), ...(await j.read()).operations];
    assert.deepStrictEqual(
      all.map((o) => o.record.op),
      ops,
      'every operation is in an archive or the current file, once, in order',
    );
    for (const o of all) assert.ok(o.end, 'operations are archived whole');
    assert.ok((await fs.stat(j.filePath)).size < 600 * 2);
  });

  it('never writes a secret, whatever a record carries', async () => {
    const j = new ChangeJournal({ directory: dir });
    const op = await j.begin({ account: 'a', action: 'delete', title: 'Delete 1', planned: 1 });
    const record = { deviceId: 'dev-1', nested: [{ token: 'SECRET-TOKEN-VALUE', ok: 1 }], private_key: '-----BEGIN' };
    await j.items(op.op, [{ target: 'dev-1', change: { kind: 'delete', record }, ok: true }]);
    const text = await fs.readFile(j.filePath, 'utf8');
    assert.ok(!text.includes('SECRET-TOKEN-VALUE') && !text.includes('BEGIN'), text);
    assert.deepStrictEqual((parseJournal(text).operations[0].items[0].change as { record: unknown }).record, {
      deviceId: 'dev-1',
      nested: [{ ok: 1 }],
    });
  });

  it('keeps which token a token item is about, but never its value', async () => {
    const j = new ChangeJournal({ directory: dir });
    const op = await j.begin({ account: 'a', action: 'createToken', title: 'Create a token for /A', planned: 1 });
    const token = { tokenPermanentId: 'perm-1', orgUnitPath: '/A', token: 'SECRET-ENROLLMENT-VALUE' } as {
      tokenPermanentId: string;
      orgUnitPath: string;
    };
    await j.items(op.op, [{ target: 'perm-1', change: { kind: 'createToken', token }, ok: true }]);
    const text = await fs.readFile(j.filePath, 'utf8');
    assert.ok(!text.includes('SECRET-ENROLLMENT-VALUE'), text);
    assert.deepStrictEqual(parseJournal(text).operations[0].items[0].change, {
      kind: 'createToken',
      token: { tokenPermanentId: 'perm-1', orgUnitPath: '/A' },
    });
  });
});
