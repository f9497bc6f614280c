// Exports with chosen columns and enrollment-token exports, in the real VS Code against the emulator: one row per
// extension holds exactly the (browser, extension, version) rows of the emulator's own FULL listing (read over
// HTTP here, without the extension's code), the column choice is remembered for the next export, and a token
// export holds every token with its value.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'csv-parse/sync';
import { control, emulatorUrl, signInWithEmulatorKey, testingApi } from './helpers';

interface ExportResult {
  outcome: string;
  written: number;
  path?: string;
}

interface FullBrowser {
  deviceId: string;
  machineName?: string;
  browsers?: { profiles?: { extensions?: { extensionId?: string; version?: string }[] }[] }[];
}

/** Every FULL record, straight from the emulator's v1.1beta1 endpoint. */
async function emulatorFullListing(): Promise<FullBrowser[]> {
  const { access_token: token } = await control<{ access_token: string }>('access-token', {
    scopes: ['https://www.googleapis.com/auth/admin.directory.device.chromebrowsers.readonly'],
  });
  const out: FullBrowser[] = [];
  let pageToken: string | undefined;
  do {
    const url = new URL(`${emulatorUrl()}/admin/directory/v1.1beta1/customer/my_customer/devices/chromebrowsers`);
    url.searchParams.set('projection', 'FULL');
    url.searchParams.set('maxResults', '100');
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    assert.ok(res.ok, `emulator listing answered ${res.status}`);
    const page = (await res.json()) as { browsers?: FullBrowser[]; nextPageToken?: string };
    out.push(...(page.browsers ?? []));
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}

describe('Exports with chosen columns (real VS Code)', function () {
  this.timeout(120_000);
  let dir: string;

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-column-export-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const exportColumns = (file: string, shape: string, columns?: string[]) =>
    vscode.commands.executeCommand<ExportResult>('cbcm.browser.exportColumns', undefined, undefined, {
      shape,
      columns,
      uri: vscode.Uri.file(path.join(dir, file)),
    });

  it('exports one row per extension: exactly the extensions the emulator reports, browser columns repeated', async () => {
    const columns = ['deviceId', 'machineName', 'profile.id', 'extension.extensionId', 'extension.version'];
    const result = await exportColumns('per-extension.csv', 'extension', columns);
    assert.strictEqual(result?.outcome, 'done');
    const text = fs.readFileSync(path.join(dir, 'per-extension.csv'), 'utf8');
    const rows = parse<Record<string, string>>(text, { columns: true });
    assert.deepStrictEqual(Object.keys(rows[0]), columns, 'the chosen columns, in catalogue order');

    const fleet = await emulatorFullListing();
    const expected: string[] = [];
    const machine = new Map(fleet.map((b) => [b.deviceId, b.machineName ?? '']));
    for (const b of fleet) {
      for (const install of b.browsers ?? []) {
        for (const profile of install.profiles ?? []) {
          for (const e of profile.extensions ?? []) expected.push(`${b.deviceId} ${e.extensionId} ${e.version}`);
        }
      }
    }
    assert.ok(expected.length > fleet.length, `${expected.length} extensions on ${fleet.length} browsers`);
    assert.strictEqual(rows.length, expected.length, 'one row per extension');
    assert.strictEqual(result.written, expected.length);
    assert.deepStrictEqual(rows.map((r) => `${r.deviceId} ${r['extension.extensionId']} ${r['extension.version']}`).sort(), expected.sort());
    assert.ok(
      rows.every((r) => r.machineName === machine.get(r.deviceId)),
      'the browser columns repeat on each of its rows',
    );
    assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.partial')), 'no partial file left');
  });

  it('remembers the chosen columns for the next export of that shape', async () => {
    await exportColumns('first.csv', 'browser', ['serialNumber', 'deviceId']);
    const result = await exportColumns('second.csv', 'browser');
    assert.strictEqual(result?.outcome, 'done');
    const header = fs.readFileSync(path.join(dir, 'second.csv'), 'utf8').split('\n')[0];
    assert.strictEqual(header, '"deviceId","serialNumber"');
    const info = await control<{ browsers: number }>('info');
    assert.strictEqual(result.written, info.browsers, 'one row per browser');
  });

  it('exports JSON Lines of the full records', async () => {
    const result = await exportColumns('full.jsonl', 'jsonl');
    assert.strictEqual(result?.outcome, 'done');
    const lines = fs.readFileSync(path.join(dir, 'full.jsonl'), 'utf8').trimEnd().split('\n');
    assert.strictEqual(lines.length, result.written);
    const first = JSON.parse(lines[0]) as FullBrowser;
    assert.ok(Array.isArray(first.browsers), 'FULL records carry their installs');
  });

  it('exports the enrollment tokens with their values', async () => {
    const file = path.join(dir, 'tokens.csv');
    const result = await vscode.commands.executeCommand<ExportResult>('cbcm.token.export', undefined, undefined, {
      format: 'csv',
      uri: vscode.Uri.file(file),
    });
    assert.strictEqual(result?.outcome, 'done');
    const rows = parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { columns: true });
    const tokens = (await control<{ tokens: { tokenPermanentId: string; token: string }[] }>('tokens')).tokens;
    assert.deepStrictEqual(rows.map((r) => `${r.tokenPermanentId} ${r.token}`).sort(), tokens.map((t) => `${t.tokenPermanentId} ${t.token}`).sort());
  });
});
