// The backend announces every browser it changed (item 5 of issue 20: open views follow writes made anywhere).
// Real HTTP against the emulator; the wrapper must report what the API did, not what was asked.
import * as assert from 'assert';
import { observeWrites, writeConcerns, type BrowserWrite } from '../../src/api/writeEvents';
import { makeClient, rejects, useApiEmulator } from './apiHarness';

describe('api: write events', function () {
  this.timeout(20_000);
  const emu = useApiEmulator({ browsers: 50, seed: 4 });

  function observed() {
    const { client } = makeClient(emu);
    const writes: BrowserWrite[] = [];
    return { backend: observeWrites(client, (w) => writes.push(w)), client, writes };
  }

  it('reports saved annotations with the browser the API returned', async () => {
    const { backend, writes } = observed();
    const id = [...emu.fleet.browsers.keys()][0];
    const returned = await backend.updateAnnotations(id, { annotatedLocation: 'Room 7' });
    assert.strictEqual(writes.length, 1);
    assert.strictEqual(writes[0].kind, 'updated');
    assert.strictEqual(writes[0].kind === 'updated' && writes[0].browser, returned);
    assert.strictEqual(emu.fleet.browsers.get(id)?.annotatedLocation, 'Room 7');
    assert.ok(writeConcerns(writes[0], id));
    assert.ok(!writeConcerns(writes[0], 'someone-else'));
  });

  it('reports only the ids that really moved', async () => {
    const { backend, writes } = observed();
    const ids = [...emu.fleet.browsers.keys()].filter((i) => emu.fleet.browsers.get(i)!.orgUnitPath !== '/IT/Loaners').slice(0, 4);
    emu.setFaults({ badDeviceIds: [ids[1]] });
    try {
      const result = await backend.moveBrowsers(ids, '/IT/Loaners');
      assert.deepStrictEqual(writes, [{ kind: 'moved', deviceIds: result.moved, orgUnitPath: '/IT/Loaners' }]);
      assert.ok(!result.moved.includes(ids[1]));
      assert.strictEqual(result.moved.length, 3);
    } finally {
      emu.clearFaults();
    }
  });

  it('reports a delete once the API confirmed it, and nothing for a failed one', async () => {
    const { backend, writes } = observed();
    const id = [...emu.fleet.browsers.keys()][5];
    await backend.deleteBrowser(id);
    assert.deepStrictEqual(writes, [{ kind: 'deleted', deviceIds: [id] }]);
    await rejects(backend.deleteBrowser('no-such-device'));
    assert.strictEqual(writes.length, 1);
  });

  it('passes reads and other members through untouched, with the backend as `this`', async () => {
    const { backend, client, writes } = observed();
    const id = [...emu.fleet.browsers.keys()][7];
    assert.strictEqual(backend.id, client.id);
    assert.strictEqual((await backend.getBrowser(id, 'BASIC')).deviceId, id);
    assert.ok((await backend.listOrgUnits()).length > 0);
    assert.strictEqual(typeof backend.dispose, 'function');
    assert.deepStrictEqual(writes, []);
  });
});
