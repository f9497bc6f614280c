// Issue 13: enum values are sent in their documented case (stricter servers refuse `TRUE`, `active`, `chrome_browser`).
import * as assert from 'assert';
import { normalizeEnumValues } from '../../src/query';
import { apiRequests, collect, makeClient, useApiEmulator } from './apiHarness';

describe('query: enum values in their documented case', () => {
  const cases: [string, 'browsers' | 'tokens', string, string][] = [
    ['boolean upper case', 'browsers', 'has_device_id_collision:TRUE', 'has_device_id_collision:true'],
    ['boolean mixed case', 'browsers', 'machine_name:LIX has_device_id_collision:False', 'machine_name:LIX has_device_id_collision:false'],
    ['boolean quoted', 'browsers', 'has_device_id_collision:"TRUE"', 'has_device_id_collision:true'],
    ['token state lower case', 'tokens', 'token_state:active', 'token_state:ACTIVE'],
    ['device type lower case', 'tokens', 'device_type:chrome_browser token_state:Revoked', 'device_type:CHROME_BROWSER token_state:REVOKED'],
    ['documented values untouched', 'tokens', 'device_type:CHROME_BROWSER  token_state:EXPIRED', 'device_type:CHROME_BROWSER  token_state:EXPIRED'],
    ['text fields untouched', 'browsers', 'os:"windows 10" TRUE user:True', 'os:"windows 10" TRUE user:True'],
    ['unknown values untouched', 'tokens', 'token_state:gone', 'token_state:gone'],
    ['field names are not fixed', 'browsers', 'Has_device_id_collision:TRUE', 'Has_device_id_collision:TRUE'],
  ];
  for (const [name, dialect, input, expected] of cases) {
    it(name, () => assert.strictEqual(normalizeEnumValues(input, dialect), expected));
  }
});

describe('api client: sends enum values as documented', function () {
  this.timeout(20_000);
  const emu = useApiEmulator({ browsers: 20, seed: 3 });

  const sentQuery = (): string | null => {
    const reqs = apiRequests(emu);
    return new URL(reqs[reqs.length - 1].path, 'http://x').searchParams.get('query');
  };

  it('browsers.list: has_device_id_collision:TRUE goes out as true', async () => {
    const { client } = makeClient(emu);
    await collect(client.listBrowsers({ query: 'has_device_id_collision:TRUE' }), (p) => p.browsers);
    assert.strictEqual(sentQuery(), 'has_device_id_collision:true');
  });

  it('tokens.list: token_state:active and device_type:chrome_browser go out upper case', async () => {
    const { client } = makeClient(emu);
    await collect(client.listTokens({ query: 'device_type:chrome_browser token_state:active' }), (p) => p.tokens);
    assert.strictEqual(sentQuery(), 'device_type:CHROME_BROWSER token_state:ACTIVE');
  });
});
