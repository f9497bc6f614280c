import * as assert from 'assert';
import { deviceIdProblem, isDetailsPanelState, panelTitle, targetFromArgument } from '../../src/webview/details/openTarget';

describe('Open Browser Details: arguments', () => {
  it('takes a device id string (trimmed)', () => {
    assert.deepStrictEqual(targetFromArgument('  abc-123 '), { deviceId: 'abc-123' });
  });

  it('takes a tree node with deviceId and its browser', () => {
    const browser = { deviceId: 'd1', machineName: 'PC' };
    assert.deepStrictEqual(targetFromArgument({ deviceId: 'd1', browser, label: 'x' }), { deviceId: 'd1', browser });
  });

  it('takes an object that only carries a browser', () => {
    assert.deepStrictEqual(targetFromArgument({ browser: { deviceId: 'd2' } }), { deviceId: 'd2', browser: { deviceId: 'd2' } });
  });

  it('ignores a browser that belongs to another device', () => {
    assert.deepStrictEqual(targetFromArgument({ deviceId: 'd1', browser: { deviceId: 'other' } }), { deviceId: 'd1' });
  });

  for (const bad of [undefined, null, 42, '', '   ', 'a/b', 'a b', 'a?x', 'a#x', 'x'.repeat(201), {}, { deviceId: 5 }, { deviceId: '../x' }]) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.strictEqual(targetFromArgument(bad), undefined));
  }

  it('explains what is wrong with a typed id', () => {
    assert.match(deviceIdProblem('') ?? '', /Enter the device ID/);
    assert.match(deviceIdProblem('a b') ?? '', /no spaces, slashes/);
    assert.strictEqual(deviceIdProblem('0a1b2c3d-4e5f'), undefined);
  });
});

describe('details panel title and restore state', () => {
  it('uses the machine name, else the device id', () => {
    assert.strictEqual(panelTitle({ deviceId: 'd', machineName: 'PC-1' }, 'd'), 'Browser: PC-1');
    assert.strictEqual(panelTitle(undefined, 'd'), 'Browser: d');
    assert.strictEqual(panelTitle({ deviceId: 'd', machineName: '   ' }, 'd'), 'Browser: d');
  });

  it('strips direction overrides and control characters, and shortens long names', () => {
    assert.strictEqual(panelTitle({ deviceId: 'd', machineName: 'report\u202Efdp.exe\n' }, 'd'), 'Browser: reportfdp.exe');
    const t = panelTitle({ deviceId: 'd', machineName: 'N'.repeat(100) }, 'd');
    assert.strictEqual(t, `Browser: ${'N'.repeat(59)}…`);
    assert.strictEqual(panelTitle({ deviceId: 'd', machineName: '\u202E' }, 'd'), 'Browser: d');
  });

  it('marks unsaved edits, the preview tab and a deleted browser', () => {
    const b = { deviceId: 'd', machineName: 'PC-1' };
    assert.strictEqual(panelTitle(b, 'd', { dirty: true }), '● Browser: PC-1');
    assert.strictEqual(panelTitle(b, 'd', { preview: true }), 'Browser: PC-1 (preview)');
    assert.strictEqual(panelTitle(b, 'd', { dirty: true, preview: false }), '● Browser: PC-1');
    assert.strictEqual(panelTitle(b, 'd', { deleted: true, preview: true }), 'Browser: PC-1 (deleted)');
    // A machine name cannot fake the marker: it comes after "Browser: ".
    assert.strictEqual(panelTitle({ deviceId: 'd', machineName: '● x' }, 'd'), 'Browser: ● x');
  });

  it('restores only a state with a device id', () => {
    assert.ok(isDetailsPanelState({ deviceId: 'd' }));
    for (const bad of [undefined, null, 'd', {}, { deviceId: '' }, { deviceId: 3 }, { deviceId: '../../x' }]) assert.ok(!isDetailsPanelState(bad));
  });
});
