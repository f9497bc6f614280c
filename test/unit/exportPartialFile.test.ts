// The partial file of an export: a unique name, created exclusively, never written through a symlink — even one
// planted at exactly the name it is about to use.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPartialFile } from '../../src/export/partialFile';

describe('export partial file', () => {
  let dir: string;
  let victim: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-partial-'));
    victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function write(partial: Awaited<ReturnType<typeof createPartialFile>>, text: string): Promise<void> {
    await new Promise<void>((resolve, reject) => partial.stream.write(text, (e) => (e ? reject(e) : resolve())));
  }

  it('skips a symlink planted at its name, leaves the link and its target alone, and renames into place', async () => {
    const target = path.join(dir, 'fleet.csv');
    const names = ['planted', 'fresh'];
    fs.symlinkSync(victim, `${target}.planted.partial`);
    const partial = await createPartialFile(target, () => names.shift() ?? 'x');
    assert.strictEqual(partial.path, `${target}.fresh.partial`);
    await write(partial, 'a,b\n');
    await partial.commit(target);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'a,b\n');
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious');
    assert.ok(fs.lstatSync(`${target}.planted.partial`).isSymbolicLink());
  });

  it('does not follow a dangling symlink (which would create the file it points to)', async () => {
    const target = path.join(dir, 'fleet.csv');
    const elsewhere = path.join(dir, 'created-elsewhere');
    fs.symlinkSync(elsewhere, `${target}.a.partial`);
    const names = ['a', 'b'];
    const partial = await createPartialFile(target, () => names.shift() ?? 'x');
    await partial.discard();
    assert.strictEqual(fs.existsSync(elsewhere), false);
  });

  it('gives up with EEXIST when every name it tries is taken, writing nothing', async () => {
    const target = path.join(dir, 'fleet.csv');
    fs.symlinkSync(victim, `${target}.same.partial`);
    await assert.rejects(
      createPartialFile(target, () => 'same'),
      (e: NodeJS.ErrnoException) => e.code === 'EEXIST',
    );
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious');
  });

  it('uses a unique name each time, readable by its owner only', async () => {
    const target = path.join(dir, 'fleet.csv');
    const a = await createPartialFile(target);
    const b = await createPartialFile(target);
    assert.notStrictEqual(a.path, b.path);
    assert.match(path.basename(a.path), /^fleet\.csv\.[0-9a-f]{12}\.partial$/);
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(a.path).mode & 0o777, 0o600);
    await a.discard();
    await b.discard();
    assert.deepStrictEqual(fs.readdirSync(dir), ['victim.txt']);
  });

  it('replaces a symlink at the target itself instead of writing through it', async () => {
    const target = path.join(dir, 'fleet.csv');
    fs.symlinkSync(victim, target);
    const partial = await createPartialFile(target);
    await write(partial, 'new');
    await partial.commit(target);
    assert.strictEqual(fs.lstatSync(target).isSymbolicLink(), false);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'new');
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious');
  });
});
