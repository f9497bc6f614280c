// convertToChromeManagementFilter: v1.1beta1 `query` → Chrome Management API v1 `filter` (reference §5.5).
import * as assert from 'assert';
import {
  convertToChromeManagementFilter as convert,
  convertTokenQueryToChromeManagementFilter as convertTokens,
} from '../../src/query/chromeManagementFilter';

describe('query: convert to a Chrome Management filter', () => {
  const cases: [string, string][] = [
    ['', ''],
    // Wildcard fields: the documented substring form per word (the client keeps whole words; see chromeManagementColonMatch).
    ['machine_name:LAB', 'machine_name:"*LAB*"'],
    ['user:alice location:"front desk"', 'annotated_user:alice AND annotated_location:"front desk"'],
    ['arch:x86_64 os:"Windows 10" note:loaner', 'os_architecture:x86_64 AND os_platform_version:"Windows 10" AND annotated_note:loaner'],
    ['asset_id:A1001 machine_user:bob', 'annotated_asset_id:"*A1001*" AND last_device_user:bob'],
    ['num_extensions:0 num_policies:12', 'extension_count=0 AND policy_count=12'],
    ['has_device_id_collision:TRUE', 'device_id_collision=true'],
    ['register:2024-01-01..2024-03-31', 'last_registration_time>="2024-01-01T00:00:00Z" AND last_registration_time<="2024-03-31T23:59:59.999Z"'],
    ['sync:2024-01-05T10:00:00..', 'last_policy_fetch_time>="2024-01-05T10:00:00Z"'],
    ['report:..2024-06-30', 'last_status_report_time<="2024-06-30T23:59:59.999Z"'],
    ['last_activity:2024-02-29', 'last_activity_time>="2024-02-29T00:00:00Z" AND last_activity_time<="2024-02-29T23:59:59.999Z"'],
    ['machine 73', 'machine AND 73'],
    ['"front desk" browser_version:120', '"front desk" AND browser_version:"*120*"'],
    ['os_platform:Windows AND os_version:10', 'os_platform:Windows AND os_version:10'],
  ];
  for (const [query, filter] of cases) {
    it(`${JSON.stringify(query)} → ${JSON.stringify(filter)}`, () => {
      const r = convert(query);
      assert.deepStrictEqual({ filter: r.filter, untranslatable: r.untranslatable }, { filter, untranslatable: [] });
    });
  }

  it('moves the org unit into the filter (path, quoted when needed, or id)', () => {
    assert.strictEqual(convert('os_platform:Mac', { orgUnitPath: '/Sales/EMEA' }).filter, 'org_unit_path=/Sales/EMEA AND os_platform:Mac');
    assert.strictEqual(convert('', { orgUnitPath: '/Sales/Americas/New York' }).filter, 'org_unit_path="/Sales/Americas/New York"');
    assert.strictEqual(convert('', { orgUnitPath: 'id:03ph8a2z1' }).filter, 'org_unit_id=03ph8a2z1');
  });

  it('names what cannot be translated and keeps the rest', () => {
    const r = convert('enrollment_token:SECRETVALUE machine_name:LAB os_platform:Windows OR os_platform:Mac register:2024-13-01 num_extensions:3..5');
    assert.strictEqual(r.filter, 'machine_name:"*LAB*" AND os_platform:Windows AND os_platform:Mac');
    assert.strictEqual(r.untranslatable.length, 4, r.untranslatable.join('\n'));
    assert.ok(r.untranslatable.some((u) => u.startsWith('enrollment_token:') && /cannot filter/.test(u)));
    assert.ok(
      r.untranslatable.every((u) => !u.includes('SECRETVALUE')),
      'never echoes a token value',
    );
    assert.ok(r.untranslatable.some((u) => u.startsWith('OR:')));
    assert.ok(r.untranslatable.some((u) => u.startsWith('register:2024-13-01')));
    assert.ok(r.untranslatable.some((u) => u.startsWith('num_extensions:3..5')));
  });

  it('refuses a "*" that would silently become a wildcard, and unknown fields', () => {
    assert.strictEqual(convert('machine_name:LAB*').untranslatable.length, 1);
    assert.strictEqual(convert('bogus:1').untranslatable.length, 1);
  });

  it('converts token queries (short state names, free words dropped as the old API ignored them)', () => {
    assert.deepStrictEqual(convertTokens('device_type:CHROME_BROWSER token_state:revoked whatever', { orgUnitPath: '/Montreal/Sales' }), {
      filter: 'org_unit_path=/Montreal/Sales AND device_type=CHROME_BROWSER AND token_state=REVOKED',
      untranslatable: [],
      wholeWords: [],
      notes: [],
      caveats: [],
    });
    assert.strictEqual(convertTokens('state:ACTIVE').untranslatable.length, 1);
  });
});
