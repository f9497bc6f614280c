// Exports with chosen columns: the catalogue covers every documented field of both API versions (read from the
// reference files themselves), rows per browser / profile / extension repeat the browser's columns, cells are
// formula-safe, a slow file pauses the listing (one batch in memory), the choice is remembered per shape, and
// enrollment tokens export with their values.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Writable } from 'stream';
import { parse } from 'csv-parse/sync';
import type { ChromeBrowser, TokenListPage } from '../../src/api/types';
import { ExportColumnChoices, type ChoiceMemento } from '../../src/export/columnChoice';
import { EXPORT_COLUMN_CATALOGUE, columnById, columnsFor, projectionFor, type ExportColumn } from '../../src/export/columns';
import { rowsOf, writeJsonLines, writeRowExport } from '../../src/export/rowExport';
import { TOKEN_COLUMNS, writeTokenExport } from '../../src/export/tokenExport';

const REFERENCE = '/work/shared/reference';

class Sink extends Writable {
  text = '';
  constructor(
    private readonly delayMs = 0,
    highWaterMark?: number,
  ) {
    super({ highWaterMark });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error) => void): void {
    this.text += chunk.toString('utf8');
    if (this.delayMs) setTimeout(done, this.delayMs);
    else done();
  }
}

async function* batchesOf(...batches: ChromeBrowser[][]): AsyncGenerator<ChromeBrowser[]> {
  for (const b of batches) yield b;
}

const cols = (...ids: string[]): ExportColumn[] =>
  ids.map((id) => {
    const c = columnById(id);
    assert.ok(c, `no column ${id}`);
    return c;
  });

const sample: ChromeBrowser = {
  deviceId: 'dev-1',
  machineName: 'PC-1',
  orgUnitPath: '/Sales',
  browserVersions: ['131.0.1', '132.0.2'],
  browsers: [
    {
      channel: 'stable',
      browserVersion: '131.0.1',
      profiles: [
        {
          id: 'Default',
          name: 'Person 1',
          extensions: [
            { extensionId: 'a', name: 'A', permissions: ['tabs', '<all_urls>'] },
            { extensionId: 'b', name: "=cmd|' /C calc'!A0", disabled: true },
          ],
        },
        { id: 'Profile 1', extensions: [] },
      ],
    },
    { channel: 'beta', profiles: [{ id: 'Default', extensions: [{ extensionId: 'a', version: '2' }] }] },
  ],
};

describe('exports with chosen columns', () => {
  describe('the column catalogue', () => {
    const fieldNames = new Set(EXPORT_COLUMN_CATALOGUE.map((c) => c.id.split('.').pop()!));

    it('has a column for every field of the v1.1beta1 resource (nested lists as their own level or one JSON cell)', () => {
      const text = fs.readFileSync(path.join(REFERENCE, 'chrome-browser-api.txt'), 'utf8');
      const template = text.slice(text.indexOf('Resource Representation'), text.indexOf('Calling The API'));
      const documented = new Set([...template.matchAll(/"([A-Za-z_]+)"\s*:/g)].map((m) => m[1]));
      // Containers that are a row level, sub-fields inside a JSON cell, and the reference's own typos.
      const notColumns = new Set([
        'kind',
        'browsers',
        'profiles',
        'extensions',
        'policies',
        'source',
        'value',
        'error',
        'userName',
        'size',
        'url',
        'fileame',
        'extensionName',
        'lastPolicyFectchTime',
      ]);
      const missing = [...documented].filter((f) => !notColumns.has(f) && !fieldNames.has(f));
      assert.deepStrictEqual(missing, []);
      assert.ok(documented.size > 50, `read ${documented.size} fields from the reference`);
    });

    it('has a column for every field of the v1 ChromeBrowser, Browser, Profile and Extension', () => {
      const text = fs.readFileSync(path.join(REFERENCE, 'chrome-management-api-v1.md'), 'utf8');
      const table = text.slice(text.indexOf('### 4.1'), text.indexOf('Sub-types'));
      const documented = [...table.matchAll(/^\| `([A-Za-z]+)(?:\[\])?`/gm)].map((m) => m[1]);
      // v1 names the domain (and so the columns) spells the v1.1beta1 way.
      const renamed: Record<string, string> = { name: 'deviceId', browserPermanentId: 'deviceId', orgUnitId: 'orgUnitPath' };
      const missing = documented.filter((f) => f !== 'browsers' && !fieldNames.has(renamed[f] ?? f));
      assert.deepStrictEqual(missing, []);
      assert.ok(documented.length >= 25, `read ${documented.length} v1 fields`);
      for (const f of ['manifestVersion', 'machineExtensionPolicies', 'omahaRecentFetchTime', 'attestationCredential'])
        assert.strictEqual(columnById(f)?.api ?? columnById(`extension.${f}`)?.api, 'v1', f);
      assert.strictEqual(columnById('safeBrowsingClickThroughCount')?.api, 'v1.1beta1', 'removed in v1');

      // Sub-types: one bullet each ("- `Extension`: `extensionId`, `extensionName` (was `name`), …").
      const v1Renamed: Record<string, string> = {
        extensionName: 'name',
        homepageUri: 'homepageUrl',
        profileName: 'name',
        pendingInstallVersion: 'installedBrowserVersion',
        chromeSignedInUserEmail: 'chromeSignedinUserEmail',
        safeBrowsingWarningsClickThroughs: 'safeBrowsingWarningsClickThrough',
      };
      const levels: [string, string, string[]][] = [
        ['Browser', 'install', ['profiles']],
        ['Profile', 'profile', ['extensions']],
        ['Extension', 'extension', []],
      ];
      for (const [type, prefix, containers] of levels) {
        const start = text.indexOf(`- \`${type}\`:`);
        const bullet = text.slice(start, text.indexOf('\n- ', start + 1));
        const names = [...bullet.matchAll(/`([a-z][A-Za-z]+)(?:\[\])?`/g)].map((m) => m[1]).filter((n) => !containers.includes(n));
        assert.ok(names.length >= 6, `${type}: read ${names.join(' ')}`);
        const absent = names.filter((n) => !columnById(`${prefix}.${v1Renamed[n] ?? n}`));
        assert.deepStrictEqual(absent, [], `${type} fields without a column`);
      }
    });

    it('offers a shape the columns of its level and above, and picks the lighter projection when it can', () => {
      assert.ok(columnsFor('browser').every((c) => c.level === 'browser'));
      assert.ok(columnsFor('profile').some((c) => c.level === 'install') && !columnsFor('profile').some((c) => c.level === 'extension'));
      assert.strictEqual(columnsFor('extension').length, EXPORT_COLUMN_CATALOGUE.length);
      assert.strictEqual(projectionFor('browser', cols('deviceId', 'machineName')), 'BASIC');
      assert.strictEqual(projectionFor('browser', cols('deviceId', 'machinePolicies')), 'FULL');
      assert.strictEqual(projectionFor('extension', cols('deviceId')), 'FULL');
      assert.strictEqual(new Set(EXPORT_COLUMN_CATALOGUE.map((c) => c.id)).size, EXPORT_COLUMN_CATALOGUE.length, 'ids are unique');
    });
  });

  it('writes one row per extension with the browser columns repeated, formula-safe', async () => {
    const out = new Sink();
    const counts = await writeRowExport(
      batchesOf([sample], [{ deviceId: 'no-details' }]),
      out,
      'extension',
      cols(
        'deviceId',
        'machineName',
        'install.channel',
        'profile.id',
        'extension.extensionId',
        'extension.name',
        'extension.version',
        'extension.disabled',
        'extension.permissions',
      ),
    );
    assert.deepStrictEqual(counts, { browsers: 2, rows: 3 });
    const rows = parse<Record<string, string>>(out.text, { columns: true });
    assert.deepStrictEqual(
      rows.map((r) => [r.deviceId, r.machineName, r['install.channel'], r['profile.id'], r['extension.extensionId']]),
      [
        ['dev-1', 'PC-1', 'stable', 'Default', 'a'],
        ['dev-1', 'PC-1', 'stable', 'Default', 'b'],
        ['dev-1', 'PC-1', 'beta', 'Default', 'a'],
      ],
    );
    assert.strictEqual(rows[0]['extension.permissions'], 'tabs <all_urls>');
    assert.strictEqual(rows[1]['extension.name'], "'=cmd|' /C calc'!A0", 'a formula from an end machine is neutralised');
    assert.strictEqual(rows[1]['extension.disabled'], 'true');
    assert.strictEqual(rows[0]['extension.disabled'], '', 'not reported stays empty');
  });

  it('writes one row per profile and per browser, JSON cells for nested lists', async () => {
    assert.strictEqual([...rowsOf(sample, 'profile')].length, 3);
    assert.strictEqual([...rowsOf(sample, 'browser')].length, 1);
    const out = new Sink();
    const withPolicies: ChromeBrowser = { ...sample, machinePolicies: [{ name: 'P', value: '=1+1' }] };
    await writeRowExport(batchesOf([withPolicies]), out, 'browser', cols('deviceId', 'browserVersions', 'machinePolicies'));
    const [row] = parse<Record<string, string>>(out.text, { columns: true });
    assert.strictEqual(row.browserVersions, '131.0.1 132.0.2');
    assert.deepStrictEqual(JSON.parse(row.machinePolicies), [{ name: 'P', value: '=1+1' }], 'JSON text starts with [ and stays parseable');
  });

  it('writes JSON Lines of the whole records', async () => {
    const out = new Sink();
    const counts = await writeJsonLines(batchesOf([sample, { deviceId: 'x' }]), out);
    assert.deepStrictEqual(counts, { browsers: 2, rows: 2 });
    const lines = out.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as ChromeBrowser);
    assert.deepStrictEqual(lines[0], sample);
    assert.strictEqual(lines[1].deviceId, 'x');
  });

  it('reads the next batch only once the previous one is written (a slow file pauses the listing)', async () => {
    let pulled = 0;
    let ahead = 0;
    const out = new Sink(5, 64);
    async function* slowSource(): AsyncGenerator<ChromeBrowser[]> {
      for (let i = 0; i < 20; i++) {
        pulled++;
        ahead = Math.max(ahead, pulled - writtenBatches);
        yield [{ ...sample, deviceId: `d${i}` }];
      }
    }
    let writtenBatches = 0;
    await writeRowExport(slowSource(), out, 'extension', cols('deviceId', 'extension.extensionId'), () => writtenBatches++);
    assert.strictEqual(writtenBatches, 20);
    assert.ok(ahead <= 1, `${ahead} batches were read ahead of the file`);
  });

  it('refuses an export without columns', async () => {
    await assert.rejects(writeRowExport(batchesOf([sample]), new Sink(), 'browser', []), /at least one column/);
  });

  describe('the remembered choice', () => {
    class Memory implements ChoiceMemento {
      readonly data = new Map<string, unknown>();
      get<T>(key: string): T | undefined {
        return this.data.get(key) as T | undefined;
      }
      async update(key: string, value: unknown): Promise<void> {
        this.data.set(key, JSON.parse(JSON.stringify(value)));
      }
    }

    it('is kept per shape, in catalogue order, dropping ids it no longer knows; defaults otherwise', async () => {
      const memento = new Memory();
      const choices = new ExportColumnChoices(memento);
      assert.ok(
        choices.get('extension').some((c) => c.id === 'extension.extensionId'),
        'defaults',
      );
      await choices.set('extension', cols('extension.version', 'deviceId'));
      await choices.set('browser', cols('serialNumber'));
      assert.deepStrictEqual(
        choices.get('extension').map((c) => c.id),
        ['deviceId', 'extension.version'],
      );
      assert.deepStrictEqual(
        choices.get('browser').map((c) => c.id),
        ['serialNumber'],
      );
      memento.data.set('cbcm.export.columns', { browser: ['gone.column', 'machineName'], profile: 'garbage' });
      assert.deepStrictEqual(
        choices.get('browser').map((c) => c.id),
        ['machineName'],
      );
      assert.ok(choices.get('profile').length > 0, 'a damaged entry falls back to the defaults');
      assert.ok(!JSON.stringify([...memento.data.values()]).includes('dev-1'), 'only column ids are stored');
    });
  });

  describe('enrollment tokens', () => {
    const pages = async function* (): AsyncGenerator<TokenListPage> {
      yield {
        tokens: [{ tokenPermanentId: 'p1', token: 'secret-value-1', orgUnitPath: '/Sales', state: 'active', createTime: '2026-01-01T00:00:00Z' }],
      };
      yield { tokens: [{ tokenPermanentId: 'p2', token: 'secret-value-2', orgUnitPath: '=1+1', state: 'revoked' }] };
    };

    it('export with their values (the file the admin asked for), formula-safe', async () => {
      const out = new Sink();
      assert.strictEqual(await writeTokenExport(pages(), out, 'csv'), 2);
      const rows = parse<Record<string, string>>(out.text, { columns: true });
      assert.deepStrictEqual(Object.keys(rows[0]), [...TOKEN_COLUMNS]);
      assert.deepStrictEqual(
        rows.map((r) => [r.tokenPermanentId, r.token, r.state]),
        [
          ['p1', 'secret-value-1', 'active'],
          ['p2', 'secret-value-2', 'revoked'],
        ],
      );
      assert.strictEqual(rows[1].orgUnitPath, "'=1+1");
    });

    it('export as JSON Lines', async () => {
      const out = new Sink();
      await writeTokenExport(pages(), out, 'jsonl');
      const lines = out.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { token: string; tokenPermanentId: string });
      assert.deepStrictEqual(
        lines.map((l) => [l.tokenPermanentId, l.token]),
        [
          ['p1', 'secret-value-1'],
          ['p2', 'secret-value-2'],
        ],
      );
    });
  });
});
