// Which address the OAuth consent page may send the browser back to, when the extension runs on a remote host.
import * as assert from 'assert';
import { loopbackRedirectFor, remoteOAuthUnavailable } from '../../src/auth/redirectTarget';

describe('OAuth redirect target', () => {
  const usable: [string, string][] = [
    ['http://127.0.0.1:45678/', 'local window: the listener itself'],
    ['http://localhost:61234/', 'Remote-SSH / WSL: a forwarded local port'],
    ['http://127.0.0.1:8080/proxy/45678/', 'code-server opened on this machine: its port proxy'],
    ['http://[::1]:5000/', 'IPv6 loopback'],
  ];
  for (const [uri, why] of usable) it(`uses ${uri} (${why})`, () => assert.strictEqual(loopbackRedirectFor(uri), uri));

  const refused: [string, string][] = [
    ['https://vigilant-space-45678.app.github.dev/', 'Codespaces in the browser'],
    ['https://code.example.com/proxy/45678/', 'code-server on another host'],
    ['https://127.0.0.1:45678/', 'https on loopback (Google wants http there)'],
    ['http://10.0.0.5:45678/', 'a LAN address'],
    ['http://user:pw@127.0.0.1:1/', 'credentials in the URL'],
    ['not a url', 'garbage'],
  ];
  for (const [uri, why] of refused) it(`refuses ${uri} (${why})`, () => assert.strictEqual(loopbackRedirectFor(uri), undefined));

  it('says plainly why, and offers the service-account path', () => {
    const err = remoteOAuthUnavailable('codespaces', 'https://vigilant-space-45678.app.github.dev/?x=1');
    assert.strictEqual(err.code, 'remoteUnsupported');
    assert.strictEqual(err.action, 'useServiceAccount');
    assert.match(err.message, /remote side of this window \(codespaces\).*https:\/\/vigilant-space-45678\.app\.github\.dev.*service account key/);
    assert.doesNotMatch(err.message, /x=1/);
  });
});
