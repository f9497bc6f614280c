// What a plain v1 `field:value` matches is not in the reference (whole word, whole value, prefix, substring). The
// translation of a v1.1beta1 whole-word term must not silently find nothing under any of them: the wildcard fields
// are sent as the documented `"*word*"` substring and kept to whole words by the client; the other text fields are
// sent plainly with a caveat. Checked as pure functions, then over HTTP against the emulator under each reading,
// with the v1.1beta1 backend on the same fleet as the oracle.
import * as assert from 'assert';
import { SCOPES } from '../emulator';
import { COLON_MATCHES } from '../emulator/context';
import { useEmulator } from '../emulator/fixture';
import { ChromeManagementClient, DirectoryBetaClient, type ChromeBrowser, type ListBrowsersOptions } from '../../src/api';
import { convertToChromeManagementFilter as convert } from '../../src/query/chromeManagementFilter';
import { matchesWholeWords, substringWords } from '../../src/query/chromeManagementWordMatch';
import { EmuTokenSource, FAST_RETRY, collect } from './apiHarness';

describe('query: a v1.1beta1 "field:value" sent to v1 whatever ":" means', () => {
  it('sends each word of a wildcard field as the documented "*word*" substring, and keeps it to whole words', () => {
    const r = convert('machine_name:LT asset_id:A1001 browser_version:120.0.6099');
    assert.strictEqual(r.filter, 'machine_name:"*LT*" AND annotated_asset_id:"*A1001*" AND browser_version:"*120*" AND browser_version:"*6099*"');
    assert.deepStrictEqual(r.untranslatable, []);
    assert.deepStrictEqual(r.caveats, [], 'a documented substring cannot miss a whole-word match');
    assert.deepStrictEqual(r.wholeWords, [
      { field: 'machine_name', value: 'LT' },
      { field: 'annotated_asset_id', value: 'A1001' },
      { field: 'browser_version', value: '120.0.6099' },
    ]);
    assert.strictEqual(r.notes.length, 3);
    assert.match(r.notes[0], /^machine_name:LT is sent as machine_name:"\*LT\*"/);
  });

  it('splits a value at punctuation as v1.1beta1 did (LAB-01 also matched "LAB 01"), and drops words inside others', () => {
    assert.strictEqual(convert('machine_name:LAB-01').filter, 'machine_name:"*LAB*" AND machine_name:"*01*"');
    assert.deepStrictEqual(substringWords('120.0.6099.0'), ['120', '6099']);
    assert.deepStrictEqual(substringWords('lab LAB'), ['lab']);
    // No letter or digit: v1.1beta1 matched every browser, so nothing is sent.
    assert.strictEqual(convert('machine_name:-').filter, '');
  });

  it('sends other text fields plainly and says that a whole-value or prefix reading may find fewer', () => {
    const r = convert('user:alice os:"Windows 10"');
    assert.strictEqual(r.filter, 'annotated_user:alice AND os_platform_version:"Windows 10"');
    assert.strictEqual(r.caveats.length, 2);
    assert.match(r.caveats[0], /annotated_user:alice.*whole values.*no documented wildcard/);
    // os_platform_version is not in a listing row whole (v1.1beta1 also matched platform + major), so not narrowed.
    assert.deepStrictEqual(r.wholeWords, [{ field: 'annotated_user', value: 'alice' }]);
  });

  it('keeps whole words only, ignoring case, words adjacent and in order', () => {
    assert.ok(matchesWholeWords('LT', 'SAL-LT-0001'));
    assert.ok(!matchesWholeWords('LT', 'DESKTOP-ALT1'));
    assert.ok(matchesWholeWords('lab-01', 'LAB 01'));
    assert.ok(!matchesWholeWords('LAB-01', 'LAB-02-01'));
    assert.ok(matchesWholeWords('alice', 'alice.smith@example.test'));
    assert.ok(!matchesWholeWords('alice', 'Malice Jones'));
    assert.ok(!matchesWholeWords('alice', undefined));
  });
});

describe('api client: v1 text terms find the v1.1beta1 browsers under every reading of ":"', function () {
  this.timeout(60_000);
  const disposables: { dispose(): void }[] = [];
  after(() => disposables.forEach((d) => d.dispose()));
  const emu = useEmulator({ browsers: 500, tokens: 5, seed: 13 });

  function clients(): { v1: ChromeManagementClient; beta: DirectoryBetaClient } {
    const v1 = new ChromeManagementClient({
      baseUrl: emu.url,
      directoryBaseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource: new EmuTokenSource(emu, [SCOPES.cmBrowsers, SCOPES.orgUnitsReadonly]),
      retry: FAST_RETRY,
      timeoutMs: 5_000,
    });
    const beta = new DirectoryBetaClient({
      baseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource: new EmuTokenSource(emu, [SCOPES.browsers, SCOPES.orgUnitsReadonly]),
      retry: FAST_RETRY,
    });
    disposables.push(v1, beta);
    return { v1, beta };
  }
  const ids = (bs: ChromeBrowser[]): string[] => bs.map((b) => b.deviceId).sort();

  /** Near misses a substring match finds and a whole-word match does not, next to real matches. */
  function seedNearMisses(): void {
    emu.fleet.addBrowser({ machineName: 'DESKTOP-ALT1', annotatedUser: 'Malice Jones', annotatedAssetId: 'ASSET-A10011' });
    emu.fleet.addBrowser({ machineName: 'HQ-LT-0001', annotatedUser: 'alice.smith@example.test', annotatedAssetId: 'A1001' });
    emu.fleet.addBrowser({ machineName: 'LAB 01', annotatedUser: 'Alice' });
    emu.fleet.addBrowser({ machineName: 'lab-01-b', annotatedUser: 'Mary Alice' });
  }

  const cases: ListBrowsersOptions[] = [
    { query: 'machine_name:LT' },
    { query: 'machine_name:LAB-01' },
    { query: 'asset_id:A1001' },
    { query: 'machine_name:LT', orgUnitPath: '/Sales' },
    { query: 'browser_version:120.0' },
  ];

  for (const reading of COLON_MATCHES) {
    it(`wildcard fields: the same browsers as v1.1beta1 when ":" means ${reading}`, async () => {
      seedNearMisses();
      emu.setColonMatch(reading);
      const { v1, beta } = clients();
      for (const options of cases) {
        const want = ids(await collect(beta.listBrowsers(options), (p) => p.browsers));
        const got = ids(await collect(v1.listBrowsers(options), (p) => p.browsers));
        assert.ok(want.length > 0 || options.orgUnitPath, `the fleet has matches for ${JSON.stringify(options)}`);
        assert.deepStrictEqual(got, want, `${reading}: ${JSON.stringify(options)}`);
      }
    });
  }

  it('without the substring form, a whole-value reading of ":" finds nothing for a word of a machine name', async () => {
    seedNearMisses();
    emu.setColonMatch('exact');
    const { beta } = clients();
    const want = await collect(beta.listBrowsers({ query: 'machine_name:LT' }), (p) => p.browsers);
    assert.ok(want.length > 1);
    const token = await new EmuTokenSource(emu, [SCOPES.cmBrowsers]).getAccessToken();
    const url = new URL(`${emu.url}/v1/customers/${emu.customerId}/chromeBrowsers`);
    url.searchParams.set('filter', 'machine_name:LT');
    const plain = (await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json()) as { chromeBrowsers?: unknown[] };
    assert.deepStrictEqual(plain.chromeBrowsers ?? [], [], 'the plain term the client used to send silently matches nothing');
  });

  for (const reading of COLON_MATCHES) {
    it(`other text fields: ${reading === 'word' || reading === 'substring' ? 'the same browsers as v1.1beta1' : 'never more than v1.1beta1, and the caveat says so'} when ":" means ${reading}`, async () => {
      seedNearMisses();
      emu.setColonMatch(reading);
      const { v1, beta } = clients();
      const options: ListBrowsersOptions = { query: 'user:alice' };
      const want = ids(await collect(beta.listBrowsers(options), (p) => p.browsers));
      const got = ids(await collect(v1.listBrowsers(options), (p) => p.browsers));
      assert.ok(want.length >= 3);
      if (reading === 'word' || reading === 'substring') {
        assert.deepStrictEqual(got, want, 'a substring reading is narrowed back to whole words');
      } else {
        assert.ok(
          got.every((id) => want.includes(id)),
          'nothing v1.1beta1 would not have found',
        );
        assert.ok(got.length < want.length, `${reading} finds fewer here`);
        assert.strictEqual(convert(options.query!).caveats.length, 1, 'and the translation says it may');
      }
    });
  }
});
