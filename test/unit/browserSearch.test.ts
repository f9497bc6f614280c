// Find Browser's search against the emulator, through both backends: the query it sends is documented syntax
// (quoted free terms, whole words), a word of a machine name finds the machine, a device id is looked up directly.
import * as assert from 'assert';
import { SCOPES } from '../emulator';
import { useEmulator } from '../emulator/fixture';
import { createChromeManagementBackend, createDirectoryBetaBackend } from '../../src/api';
import type { CbcmBackend } from '../../src/api/backend';
import { looksLikeDeviceId, searchBrowsers, searchQueryFor } from '../../src/search/browserSearch';
import { EmuTokenSource, FAST_RETRY } from './apiHarness';

describe('Find Browser search', function () {
  this.timeout(30_000);
  const emu = useEmulator({ browsers: 300, seed: 11 });
  const disposables: { dispose(): void }[] = [];
  after(() => disposables.forEach((d) => d.dispose()));

  const backends: Record<string, () => CbcmBackend> = {
    'v1.1beta1': () => {
      const b = createDirectoryBetaBackend({
        baseUrl: emu.url,
        customerId: emu.customerId,
        retry: FAST_RETRY,
        tokenSource: new EmuTokenSource(emu, [SCOPES.browsersReadonly, SCOPES.orgUnitsReadonly]),
      });
      disposables.push(b);
      return b;
    },
    'chromemanagement-v1': () => {
      const b = createChromeManagementBackend({
        baseUrl: emu.url,
        directoryBaseUrl: emu.url,
        customerId: emu.customerId,
        retry: FAST_RETRY,
        tokenSource: new EmuTokenSource(emu, [SCOPES.cmBrowsersReadonly, SCOPES.orgUnitsReadonly]),
      });
      disposables.push(b);
      return b;
    },
  };

  it('quotes each typed word as a free term, so "a:b" is never read as a field', () => {
    assert.strictEqual(searchQueryFor('  LAB 0042 '), '"LAB" "0042"');
    assert.strictEqual(searchQueryFor('user:alice'), '"user:alice"');
    assert.strictEqual(searchQueryFor('say "hi"'), '"say" "hi"');
    assert.strictEqual(searchQueryFor(' - '), undefined);
    assert.ok(looksLikeDeviceId('0a1b2c3d-0000-4000-8000-00000000abcd'));
    assert.ok(!looksLikeDeviceId('DESKTOP-ABC1234'));
  });

  for (const [name, make] of Object.entries(backends)) {
    describe(name, () => {
      it('finds a machine by one word of its name, by its serial number and by its annotated user', async () => {
        const added = emu.fleet.addBrowser({
          machineName: 'FINDME-QX7731-LT',
          serialNumber: 'SNQX99881',
          annotatedUser: 'zora.quill',
          orgUnitPath: '/',
        });
        const backend = make();
        for (const text of ['QX7731', 'snqx99881', 'zora.quill', 'findme qx7731']) {
          const result = await searchBrowsers(backend, text);
          assert.deepStrictEqual(
            result.browsers.map((b) => b.deviceId),
            [added.deviceId],
            text,
          );
        }
        // Whole words only (the reference's Note 1): a part of a word does not match.
        assert.deepStrictEqual((await searchBrowsers(backend, 'QX77')).browsers, []);
      });

      it('looks a pasted device id up directly', async () => {
        const someone = [...emu.fleet.browsers.values()][5];
        emu.clearRequestLog();
        const result = await searchBrowsers(make(), someone.deviceId);
        assert.deepStrictEqual(
          result.browsers.map((b) => b.deviceId),
          [someone.deviceId],
        );
        const browserCalls = emu.requests.filter((r) => /chromebrowsers/i.test(r.path));
        assert.deepStrictEqual(
          browserCalls.map((r) => r.path.includes(someone.deviceId)),
          [true],
          'one get, no listing',
        );
      });

      it('stops when aborted', async () => {
        const abort = new AbortController();
        abort.abort();
        await assert.rejects(searchBrowsers(make(), 'LAB', abort.signal), (e: Error) => e.name === 'AbortError' || /cancel|abort/i.test(e.message));
      });
    });
  }
});
