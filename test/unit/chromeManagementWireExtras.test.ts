// Fields only the Chrome Management API v1 has (chrome-management-api-v1.md §4.1 and its December update) reach
// the domain type, so the inventory counts machine-level extension policies and exports can carry every field.
import * as assert from 'assert';
import { browserFromWire } from '../../src/api/chromeManagementWire';

describe('Chrome Management API v1 fields without a v1.1beta1 counterpart', () => {
  const wire = {
    browserPermanentId: 'b1',
    orgUnitId: 'ou1',
    omahaRecentFetchTime: '2026-09-30T10:00:00Z',
    attestationCredential: { keyType: 'RSA', keyTrustLevel: 'CHROME_BROWSER_OS_KEY', publicKeyPem: 'PEM' },
    machineExtensionPolicies: [{ extensionId: 'x', extensionName: 'X', policies: [{ policyName: 'Mode', value: 'a', source: 'MACHINE_PLATFORM' }] }],
    browsers: [{ profiles: [{ id: 'Default', extensions: [{ extensionId: 'x', extensionName: 'X', manifestVersion: 3 }] }] }],
  };

  it('are kept in a FULL browser', () => {
    const b = browserFromWire(wire, () => '/Sales', 'FULL');
    assert.strictEqual(b.omahaRecentFetchTime, '2026-09-30T10:00:00Z');
    assert.deepStrictEqual(b.attestationCredential, wire.attestationCredential);
    assert.deepStrictEqual(b.machineExtensionPolicies, [
      { extensionId: 'x', extensionName: 'X', policies: [{ name: 'Mode', value: 'a', source: 'MACHINE_PLATFORM' }] },
    ]);
    assert.strictEqual(b.browsers?.[0].profiles?.[0].extensions?.[0].manifestVersion, 3);
  });

  it('are absent when not sent, as before', () => {
    const b = browserFromWire({ browserPermanentId: 'b1', browsers: [] }, () => undefined, 'FULL');
    assert.ok(!('machineExtensionPolicies' in b) && !('attestationCredential' in b) && !('omahaRecentFetchTime' in b));
  });
});
