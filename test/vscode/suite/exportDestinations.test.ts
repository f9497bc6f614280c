// Where exports are written, in the real VS Code: never through a symlink planted at the old predictable
// `<target>.partial` name, and through vscode.workspace.fs when the target is not on this disk (a remote folder
// while the extension runs locally; here an in-memory file system registered by the test).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

/** A minimal in-memory FileSystemProvider: what any non-`file:` target looks like to the extension. */
class MemoryFs implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/' || uri.path === '/exports') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: data.byteLength };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((k) => [path.posix.basename(k), vscode.FileType.File]);
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const exists = this.files.has(uri.path);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    this.files.set(uri.path, content);
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }
  rename(from: vscode.Uri, to: vscode.Uri): void {
    const data = this.readFile(from);
    this.files.delete(from.path);
    this.files.set(to.path, data);
  }
}

interface ExportResult {
  outcome: string;
  written: number;
  path?: string;
}

describe('Export destinations (real VS Code)', function () {
  this.timeout(60_000);
  const memfs = new MemoryFs();
  let registration: vscode.Disposable;

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
    registration = vscode.workspace.registerFileSystemProvider('cbcm-test-mem', memfs);
  });
  after(() => registration.dispose());
  afterEach(() => control('faults', { clear: true }));

  const exportTo = (uri: vscode.Uri) =>
    vscode.commands.executeCommand<ExportResult>('cbcm.browser.export', undefined, undefined, { format: 'csv', uri });

  it('never writes through a symlink planted at <target>.partial', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-export-link-'));
    try {
      const target = path.join(dir, 'fleet.csv');
      const victim = path.join(dir, 'victim.txt');
      fs.writeFileSync(victim, 'precious');
      fs.symlinkSync(victim, `${target}.partial`);
      const result = await exportTo(vscode.Uri.file(target));
      assert.strictEqual(result?.outcome, 'done');
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious', 'the export wrote through the planted symlink');
      assert.ok(fs.lstatSync(`${target}.partial`).isSymbolicLink(), 'the planted link was touched');
      assert.ok(fs.readFileSync(target, 'utf8').startsWith('"deviceId",'));
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['fleet.csv', 'fleet.csv.partial', 'victim.txt'], 'no partial file is left');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a target outside the local disk through workspace.fs, leaving no partial file there or here', async () => {
    const target = vscode.Uri.parse('cbcm-test-mem:/exports/fleet.csv');
    const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('cbcm-export-'));
    const result = await exportTo(target);
    assert.strictEqual(result?.outcome, 'done');
    assert.ok(result.written > 0);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.strictEqual(text.trim().split('\n').length, result.written + 1, 'a header and one row per browser');
    assert.deepStrictEqual([...memfs.files.keys()], ['/exports/fleet.csv']);
    assert.deepStrictEqual(
      fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('cbcm-export-')),
      before,
      'the local staging file is gone',
    );
  });

  it('keeps what was fetched next to a workspace.fs target when the listing fails', async () => {
    memfs.files.clear();
    await control('faults', { failNext: [{ status: 400, reason: 'invalid', pathIncludes: 'pageToken', times: 500 }] });
    const target = vscode.Uri.parse('cbcm-test-mem:/exports/failed.csv');
    const result = await exportTo(target);
    assert.strictEqual(result?.outcome, 'failed');
    const kept = [...memfs.files.keys()];
    assert.strictEqual(kept.length, 1, `left: ${kept.join(', ')}`);
    assert.match(kept[0], /^\/exports\/failed\.csv\.[0-9a-f]{12}\.partial$/);
    assert.ok(result.path?.includes(kept[0]), `the message points elsewhere: ${result.path}`);
  });

  it('saves a fleet snapshot to a target outside the local disk (workspace.fs)', async () => {
    await vscode.commands.executeCommand('cbcm.overview.open');
    try {
      const state = await vscode.commands.executeCommand<{ figures?: { complete?: boolean } }>('cbcm.overview.testing.state');
      assert.ok(state?.figures?.complete, 'the overview finished loading');
      const target = vscode.Uri.parse('cbcm-test-mem:/exports/snapshot.json');
      assert.strictEqual(await vscode.commands.executeCommand<string>('cbcm.overview.saveSnapshot', target), target.toString());
      const json = JSON.parse(new TextDecoder().decode(memfs.readFile(target))) as { format?: string };
      assert.strictEqual(json.format, 'cbcm-fleet-overview-snapshot');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
