// Secrets never reach globalState: the account records a real sign-in produces (the emulator's service-account key,
// a real installed-app OAuth flow with its refresh and access tokens and client secret) are stored through
// AccountStore into an injected Memento, and every value that Memento ever held is searched for each secret.
// The VS Code canary (test/vscode/suite/authCanary.test.ts) checks the same in a real extension host.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { useEmulator } from '../emulator/fixture';
import { AccountStore, ACCOUNTS_STATE_KEY, oauthAccountInfo, serviceAccountInfo } from '../../src/auth/accountStore';
import { parseServiceAccountKey } from '../../src/auth/keyValidation';
import { runInstalledAppFlow, type OAuthClientSettings } from '../../src/auth/oauthTokenSource';
import { OAUTH_IDENTITY_SCOPES, scopesFor } from '../../src/auth/scopes';

/** A globalState stand-in that keeps every value ever written, serialised as VS Code would persist it. */
class RecordingMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  readonly written: string[] = [];
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.written.push(JSON.stringify({ key, value }));
    this.values.set(key, structuredClone(value));
  }
}

async function consent(authorizeUrl: string, loginHint: string): Promise<void> {
  assert.strictEqual((await fetch(authorizeUrl)).status, 200);
  const u = new URL(authorizeUrl);
  const approve = new URL(`${u.origin}${u.pathname}/approve${u.search}`);
  approve.searchParams.set('login_hint', loginHint);
  approve.searchParams.set('decision', 'allow');
  const res = await fetch(approve, { redirect: 'manual' });
  assert.strictEqual(res.status, 302);
  await fetch(res.headers.get('location') ?? '');
}

describe('account records in globalState hold no secret (injected storage)', function () {
  this.timeout(30_000);
  const emu = useEmulator({ browsers: 5, seed: 3, beforeEachTest: 'nothing' });
  const facts = { customerId: 'my_customer', accessLevel: 'readWrite' as const, scopes: scopesFor('readWrite'), now: Date.UTC(2026, 0, 1) };

  function assertNoneOf(memento: RecordingMemento, secrets: Record<string, string>): void {
    assert.ok(memento.written.length > 0, 'something was written');
    for (const [name, secret] of Object.entries(secrets)) {
      assert.ok(secret.length >= 8, `${name} is a real value`);
      // Also a fragment, so a value stored cut or re-wrapped (a PEM body line) is found too.
      const fragment = secret.replace(/-----[A-Z ]+-----|\s/g, '').slice(20, 60);
      for (const w of memento.written) {
        assert.ok(!w.includes(secret), `${name} in globalState: ${w.slice(0, 200)}`);
        assert.ok(!w.includes(fragment), `part of ${name} in globalState`);
      }
    }
  }

  it('a service-account sign-in stores ids and addresses, never the private key', async () => {
    const key = parseServiceAccountKey(JSON.stringify(emu.serviceAccountKey));
    const memento = new RecordingMemento();
    const store = new AccountStore(memento);
    const account = serviceAccountInfo(key, emu.adminEmail, facts);
    await store.upsert(account, true);
    await store.setActive(account.id);
    assert.deepStrictEqual(store.accounts, [account]);
    assert.strictEqual(store.activeId, account.id);
    assert.strictEqual(account.serviceAccountEmail, key.client_email);
    assert.strictEqual(account.clientId, key.client_id);
    assert.strictEqual(account.signedInAt, facts.now);
    assert.deepStrictEqual(memento.keys(), [ACCOUNTS_STATE_KEY]);
    assertNoneOf(memento, { private_key: key.private_key });
  });

  it('a Google sign-in stores the client id and e-mail, never the client secret, refresh or access token', async () => {
    const client: OAuthClientSettings = {
      ...emu.oauthClient,
      tokenUrl: emu.tokenUrl,
      authUrl: emu.authUrl,
      adminConsoleUrl: 'https://admin.google.com',
    };
    const scopes = [...scopesFor('readOnly'), ...OAUTH_IDENTITY_SCOPES];
    const result = await runInstalledAppFlow({ client, scopes, openUrl: (url) => consent(url, emu.adminEmail) });
    const memento = new RecordingMemento();
    const store = new AccountStore(memento);
    const account = oauthAccountInfo(client, result, { ...facts, scopes });
    await store.upsert(account, true);
    // The emulator issues no ID token, so the account has no e-mail: its id and label come from the client id.
    assert.strictEqual(account.email, result.email);
    assert.strictEqual(account.id, `oauth:${result.email ?? 'user'}:${client.clientId}`);
    assert.strictEqual(store.find(account.id)?.clientId, client.clientId);
    assertNoneOf(memento, { clientSecret: client.clientSecret, refreshToken: result.refreshToken, accessToken: result.accessToken });
    await store.remove(account.id);
    assert.deepStrictEqual(store.accounts, []);
    assert.strictEqual(store.activeId, undefined);
  });

  it('an OAuth account without an e-mail gets a label from the client id, shortened', () => {
    const account = oauthAccountInfo(
      { clientId: '1234567890123456.apps.example', clientSecret: 'GOCSPX-secret-value' },
      { refreshToken: 'r'.repeat(20), accessToken: 'a'.repeat(20) },
      facts,
    );
    assert.strictEqual(account.label, 'Google account (client 123456789012…)');
    assert.strictEqual(account.id, 'oauth:user:1234567890123456.apps.example');
  });

  it('removing the active account makes the next one active; an unknown id cannot be made active', async () => {
    const store = new AccountStore(new RecordingMemento());
    const key = parseServiceAccountKey(JSON.stringify(emu.serviceAccountKey));
    const a = serviceAccountInfo(key, 'a@example.test', facts);
    const b = serviceAccountInfo(key, 'b@example.test', facts);
    await store.upsert(a, true);
    await store.upsert(b, false);
    assert.strictEqual(store.activeId, a.id);
    await store.remove(a.id);
    assert.strictEqual(store.activeId, b.id);
    await assert.rejects(store.setActive('nobody'), /Unknown account/);
  });
});
