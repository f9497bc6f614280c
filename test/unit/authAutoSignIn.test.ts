import * as assert from 'assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { AccountService } from '../../src/auth/accountService';
import type { AccountInfo } from '../../src/auth/accountStore';
import { autoSignInAtStartup, autoSignInFromEnvironment } from '../../src/auth/autoSignIn';
import { AuthError } from '../../src/auth/tokenErrors';

/** Records log lines; only the methods autoSignIn uses. */
function recordingLog(): { log: vscode.LogOutputChannel; lines: string[] } {
  const lines: string[] = [];
  const record = (msg: string) => void lines.push(msg);
  return { log: { info: record, warn: record, error: record, debug: record, trace: record } as unknown as vscode.LogOutputChannel, lines };
}

/** Just enough of AccountService: the account list and the sign-in entry point, recording its arguments. */
function accountsWith(existing: number, outcome: 'ok' | 'fail' | 'transientTwice' = 'ok', secretsLost = false) {
  const calls: { keyJson: string; adminEmail: string; customerId?: string }[] = [];
  const accounts = {
    accounts: Array.from({ length: existing }, (_, i) => ({ id: `a${i}` })),
    activeTokenSource: () =>
      existing === 0
        ? undefined
        : {
            getAccessToken: async () => {
              if (secretsLost) throw new AuthError('missingCredentials', "The credentials are not in this machine's secret storage.", 'signInAgain');
              return 'access-token';
            },
          },
    signInServiceAccount: async (keyJson: string, adminEmail: string, customerId?: string) => {
      calls.push({ keyJson, adminEmail, customerId });
      if (outcome === 'fail') throw new AuthError('unknownAdmin', 'refused', 'retryWithAnotherEmail');
      if (outcome === 'transientTwice' && calls.length <= 2) throw new AuthError('tokenEndpoint', 'HTTP 503', 'retry');
      return { id: 'sa', label: adminEmail } as AccountInfo;
    },
  } as unknown as AccountService;
  return { accounts, calls };
}

describe('automatic sign-in from CBCM_AUTO_SIGNIN_*', () => {
  const marker = 'AUTO-SIGNIN-KEY-CANARY-5521';
  let keyFile: string;

  before(async () => {
    keyFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'cbcm-auto-')), 'key.json');
    await fs.writeFile(keyFile, JSON.stringify({ type: 'service_account', private_key: marker }));
  });

  it('in Production (an installed extension), ignores the variables and says so in the log', async () => {
    const { accounts, calls } = accountsWith(0);
    const { log, lines } = recordingLog();
    const env = { CBCM_AUTO_SIGNIN_KEY_FILE: keyFile, CBCM_AUTO_SIGNIN_SUBJECT: 'admin@example.test' };
    assert.strictEqual(await autoSignInAtStartup(true, accounts, log, env), undefined);
    assert.strictEqual(calls.length, 0);
    assert.deepStrictEqual(
      lines.map((l) => /set but ignored/.test(l)),
      [true],
    );
    // Outside Production the same variables sign in.
    assert.strictEqual((await autoSignInAtStartup(false, accounts, recordingLog().log, env))?.label, 'admin@example.test');
    // And nothing is said when none is set.
    const quiet = recordingLog();
    await autoSignInAtStartup(true, accounts, quiet.log, {});
    assert.deepStrictEqual(quiet.lines, []);
  });

  it('does nothing without both variables', async () => {
    const { accounts, calls } = accountsWith(0);
    assert.strictEqual(await autoSignInFromEnvironment(accounts, recordingLog().log, { CBCM_AUTO_SIGNIN_KEY_FILE: keyFile }), undefined);
    assert.strictEqual(await autoSignInFromEnvironment(accounts, recordingLog().log, { CBCM_AUTO_SIGNIN_SUBJECT: 'a@b.c' }), undefined);
    assert.strictEqual(calls.length, 0);
  });

  it('does nothing when an account already exists', async () => {
    const { accounts, calls } = accountsWith(1);
    await autoSignInFromEnvironment(accounts, recordingLog().log, { CBCM_AUTO_SIGNIN_KEY_FILE: keyFile, CBCM_AUTO_SIGNIN_SUBJECT: 'a@b.c' });
    assert.strictEqual(calls.length, 0);
  });

  it('signs in again when the stored account lost its secrets (in-memory SecretStorage after a reload)', async () => {
    const { accounts, calls } = accountsWith(1, 'ok', true);
    await autoSignInFromEnvironment(accounts, recordingLog().log, { CBCM_AUTO_SIGNIN_KEY_FILE: keyFile, CBCM_AUTO_SIGNIN_SUBJECT: 'a@b.c' });
    assert.strictEqual(calls.length, 1);
  });

  it('signs in through the normal service-account path with the file contents, never logging them', async () => {
    const { accounts, calls } = accountsWith(0);
    const { log, lines } = recordingLog();
    const account = await autoSignInFromEnvironment(accounts, log, {
      CBCM_AUTO_SIGNIN_KEY_FILE: keyFile,
      CBCM_AUTO_SIGNIN_SUBJECT: 'admin@example.test',
      CBCM_AUTO_SIGNIN_CUSTOMER: 'C0abc',
    });
    assert.strictEqual(account?.label, 'admin@example.test');
    assert.deepStrictEqual(calls, [{ keyJson: await fs.readFile(keyFile, 'utf8'), adminEmail: 'admin@example.test', customerId: 'C0abc' }]);
    assert.ok(lines.length > 0);
    assert.ok(
      lines.every((l) => !l.includes(marker)),
      lines.join('\n'),
    );
  });

  it('logs a failure (code only) and resolves undefined', async () => {
    const { accounts } = accountsWith(0, 'fail');
    const { log, lines } = recordingLog();
    assert.strictEqual(
      await autoSignInFromEnvironment(accounts, log, { CBCM_AUTO_SIGNIN_KEY_FILE: keyFile, CBCM_AUTO_SIGNIN_SUBJECT: 'x@y.z' }),
      undefined,
    );
    assert.ok(lines.some((l) => l.includes('unknownAdmin')));
    assert.ok(lines.every((l) => !l.includes(marker)));
  });

  it('tries again after transient failures (5xx, network), but not after a refusal', async () => {
    const env = { CBCM_AUTO_SIGNIN_KEY_FILE: keyFile, CBCM_AUTO_SIGNIN_SUBJECT: 'x@y.z' };
    const flaky = accountsWith(0, 'transientTwice');
    assert.ok(await autoSignInFromEnvironment(flaky.accounts, recordingLog().log, env, 1));
    assert.strictEqual(flaky.calls.length, 3);
    const refused = accountsWith(0, 'fail');
    assert.strictEqual(await autoSignInFromEnvironment(refused.accounts, recordingLog().log, env, 1), undefined);
    assert.strictEqual(refused.calls.length, 1);
  });

  it('reports an unreadable key file by its error code', async () => {
    const { accounts, calls } = accountsWith(0);
    const { log, lines } = recordingLog();
    await autoSignInFromEnvironment(accounts, log, { CBCM_AUTO_SIGNIN_KEY_FILE: `${keyFile}.missing`, CBCM_AUTO_SIGNIN_SUBJECT: 'x@y.z' });
    assert.strictEqual(calls.length, 0);
    assert.ok(lines.some((l) => l.includes('ENOENT')));
  });
});
