// The inventory webview's message guards: a real inventory (from the aggregator) and a real comparison pass,
// anything malformed is dropped, and the webview can only name an inventory entry — extra fields it adds
// (device ids, a query) never travel on.
import * as assert from 'assert';
import { InventoryAggregator } from '../../src/inventory/aggregator';
import { buildInventorySnapshot, diffInventorySnapshots } from '../../src/inventory/snapshot';
import { isInventoryPanelState, parseInventoryExtensionMessage, parseInventoryWebviewMessage } from '../../src/webview/inventory/inventoryProtocol';

function realInventory() {
  const a = new InventoryAggregator({ scope: { kind: 'account' } });
  a.addBrowsers([
    {
      deviceId: 'd1',
      orgUnitPath: '/x',
      machinePolicies: [{ name: 'P', source: 'MACHINE_CLOUD', value: 'true', error: 'Policy conflict' }],
      browsers: [
        {
          profiles: [
            {
              extensions: [
                { extensionId: 'e1', name: 'One', version: '1', installType: 'ADMIN', disabled: false, permissions: ['tabs', '<all_urls>'] },
              ],
            },
          ],
        },
      ],
    },
    { deviceId: 'd2', orgUnitPath: '/y', browsers: [{ profiles: [{ extensions: [{ extensionId: 'e1', version: '2' }, { name: 'no id' }] }] }] },
  ]);
  return a.inventory(true, new Date('2026-01-01T00:00:00Z'));
}

describe('Inventory webview protocol', () => {
  it('passes a real inventory and a real comparison, split into inventory and state messages', () => {
    const inventory = realInventory();
    assert.deepStrictEqual(parseInventoryExtensionMessage({ type: 'inventory', inventory }), { type: 'inventory', inventory });
    const snap = buildInventorySnapshot(inventory);
    const diff = { ...diffInventorySnapshots(snap, snap), file: 'fleet-snapshots/a.json' };
    const state = { scope: { kind: 'account' }, loadedAt: inventory.generatedAt, loading: { browsers: 2, pages: 1 }, error: 'x', diff };
    assert.ok(parseInventoryExtensionMessage({ type: 'state', state, hasInventory: true }));
    assert.ok(parseInventoryExtensionMessage({ type: 'places', places: { key: 'e1', orgUnits: [{ orgUnitPath: '/x', browsers: 1 }] } }));
  });

  it('drops a state that carries the inventory (it travels on its own) and malformed inventories', () => {
    const inventory = realInventory();
    assert.strictEqual(
      parseInventoryExtensionMessage({ type: 'state', state: { scope: { kind: 'account' }, inventory }, hasInventory: true }),
      undefined,
    );
    assert.strictEqual(
      parseInventoryExtensionMessage({ type: 'state', state: { scope: { kind: 'account' } } }),
      undefined,
      'hasInventory is required',
    );
    const broken = { ...inventory, extensions: [{ ...inventory.extensions[0], browsers: -1 }] };
    assert.strictEqual(parseInventoryExtensionMessage({ type: 'inventory', inventory: broken }), undefined);
    assert.strictEqual(parseInventoryExtensionMessage({ type: 'inventory', inventory: { ...inventory, totals: {} } }), undefined);
    assert.strictEqual(parseInventoryExtensionMessage({ type: 'places', places: { key: 'e1', orgUnits: [{ orgUnitPath: 1 }] } }), undefined);
  });

  it('a click names an entry only: unknown kinds, dimensions and over-long keys are dropped, extra fields stripped', () => {
    assert.deepStrictEqual(
      parseInventoryWebviewMessage({
        type: 'select',
        target: { kind: 'extension', key: 'e1', dimension: 'version', value: '1', deviceIds: ['x'] },
        query: 'q',
      }),
      { type: 'select', target: { kind: 'extension', key: 'e1', dimension: 'version', value: '1' } },
    );
    assert.deepStrictEqual(parseInventoryWebviewMessage({ type: 'select', target: { kind: 'policy', key: 'P', problems: true } }), {
      type: 'select',
      target: { kind: 'policy', key: 'P', problems: true },
    });
    assert.deepStrictEqual(parseInventoryWebviewMessage({ type: 'select', target: { kind: 'permission', permission: '<all_urls>' } }), {
      type: 'select',
      target: { kind: 'permission', permission: '<all_urls>' },
    });
    for (const target of [
      { kind: 'extension', key: '' },
      { kind: 'extension', key: 'e1', dimension: 'colour', value: 'red' },
      { kind: 'extension', key: 'e1', value: '1' },
      { kind: 'extension', key: 'x'.repeat(2_001) },
      { kind: 'permission', permission: '' },
      { kind: 'policy', key: 'P', problems: 'yes' },
      { kind: 'browsers', deviceIds: ['a'] },
      null,
    ]) {
      assert.strictEqual(parseInventoryWebviewMessage({ type: 'select', target }), undefined, JSON.stringify(target));
    }
    assert.deepStrictEqual(parseInventoryWebviewMessage({ type: 'describe', key: 'e1', extra: 1 }), { type: 'describe', key: 'e1' });
    assert.strictEqual(parseInventoryWebviewMessage({ type: 'describe', key: '' }), undefined);
    assert.strictEqual(parseInventoryWebviewMessage({ type: 'runQuery', query: 'x' }), undefined);
    assert.deepStrictEqual(parseInventoryWebviewMessage({ type: 'refresh', extra: true }), { type: 'refresh' });
  });

  it('restores only a panel state naming a scope', () => {
    assert.ok(isInventoryPanelState({ scope: { kind: 'orgUnit', orgUnitPath: '/Sales' } }));
    assert.ok(!isInventoryPanelState({ scope: { kind: 'orgUnit', orgUnitPath: 'Sales' } }));
    assert.ok(!isInventoryPanelState({}));
  });
});
