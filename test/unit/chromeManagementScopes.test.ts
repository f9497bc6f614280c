// Scopes per backend: what sign-in requests and what the domain-wide delegation help pre-fills.
import * as assert from 'assert';
import { delegationPageUrl, scopesFor } from '../../src/auth/scopes';
import { DEFAULT_DELEGATED_SCOPES } from '../emulator/auth';

describe('auth: scopes per backend', () => {
  const G = 'https://www.googleapis.com/auth/';

  it('v1.1beta1 (default) keeps the Admin SDK scopes', () => {
    assert.deepStrictEqual(scopesFor('readWrite'), [`${G}admin.directory.device.chromebrowsers`, `${G}admin.directory.orgunit.readonly`]);
    assert.deepStrictEqual(scopesFor('readOnly', 'v1.1beta1'), [
      `${G}admin.directory.device.chromebrowsers.readonly`,
      `${G}admin.directory.orgunit.readonly`,
    ]);
  });

  it('chromemanagement-v1 asks for browsers and enrollment tokens separately, plus org units for paths', () => {
    assert.deepStrictEqual(scopesFor('readWrite', 'chromemanagement-v1'), [
      `${G}chrome.management.browsers`,
      `${G}chrome.management.enrollmenttokens`,
      `${G}admin.directory.orgunit.readonly`,
    ]);
    assert.deepStrictEqual(scopesFor('readOnly', 'chromemanagement-v1'), [
      `${G}chrome.management.browsers.readonly`,
      `${G}chrome.management.enrollmenttokens.readonly`,
      `${G}admin.directory.orgunit.readonly`,
    ]);
  });

  it('the delegation link lists the v1 scopes, and the emulator delegates them by default', async () => {
    const url = new URL(delegationPageUrl('https://admin.google.com', '123', scopesFor('readWrite', 'chromemanagement-v1')));
    assert.strictEqual(url.searchParams.get('clientScopeToAdd'), scopesFor('readWrite', 'chromemanagement-v1').join(','));
    for (const s of [...scopesFor('readWrite', 'chromemanagement-v1'), ...scopesFor('readOnly', 'chromemanagement-v1')]) {
      assert.ok(DEFAULT_DELEGATED_SCOPES.includes(s as never), s);
    }
  });
});
