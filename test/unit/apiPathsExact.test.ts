// Issue 19: the exact URL paths of both APIs, each variable segment encoded once, and the refusal of segments that
// URL normalisation would drop or climb (src/api/paths.ts, chromeManagementPaths.ts).
import * as assert from 'assert';
import { cmBrowsersPath, cmTokensPath } from '../../src/api/chromeManagementPaths';
import { browsersPath, orgUnitsPath, seg, tokensPath } from '../../src/api/paths';

describe('API paths: exact and encoded once', () => {
  it('the Directory API and Chrome Management API v1 paths', () => {
    assert.strictEqual(browsersPath('my_customer'), '/admin/directory/v1.1beta1/customer/my_customer/devices/chromebrowsers');
    assert.strictEqual(tokensPath('C01'), '/admin/directory/v1.1beta1/customer/C01/chrome/enrollmentTokens');
    assert.strictEqual(orgUnitsPath('C01'), '/admin/directory/v1/customer/C01/orgunits');
    assert.strictEqual(cmBrowsersPath('C01'), '/v1/customers/C01/chromeBrowsers');
    assert.strictEqual(cmTokensPath('my_customer'), '/v1/customers/my_customer/enrollmentTokens');
    assert.strictEqual(browsersPath('a/b c'), '/admin/directory/v1.1beta1/customer/a%2Fb%20c/devices/chromebrowsers');
  });

  it('seg encodes and refuses "", "." and ".."', () => {
    assert.strictEqual(seg('a/b?c#d%'), 'a%2Fb%3Fc%23d%25');
    assert.strictEqual(seg('...'), '...');
    for (const bad of ['', '.', '..'])
      assert.throws(() => seg(bad), { name: 'RangeError', message: `refusing to build a URL path segment from ${JSON.stringify(bad)}` });
    assert.throws(() => cmBrowsersPath('..'), RangeError);
  });
});
