import * as assert from 'assert';
import { generateKeyPairSync } from 'node:crypto';
import { MAX_KEY_FILE_BYTES, parseServiceAccountKey, validateAdminEmail } from '../../src/auth/keyValidation';
import { AuthError } from '../../src/auth/tokenErrors';

const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ecPem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

function key(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'service_account',
    project_id: 'proj',
    private_key_id: 'abc123',
    private_key: rsaPem,
    client_email: 'cbcm@proj.iam.gserviceaccount.com',
    client_id: '1234567890',
    token_uri: 'https://oauth2.googleapis.com/token',
    ...overrides,
  };
}

function rejects(text: string, pattern: RegExp): AuthError {
  let caught: unknown;
  try {
    parseServiceAccountKey(text);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof AuthError, `expected an AuthError for ${text.slice(0, 40)}`);
  assert.strictEqual(caught.code, 'invalidKey');
  assert.strictEqual(caught.action, 'chooseAnotherKey');
  assert.match(caught.message, pattern);
  // A message must never quote the private key, whatever part of it.
  assert.ok(!caught.message.includes('PRIVATE KEY'), caught.message);
  assert.ok(!caught.message.includes(rsaPem.split('\n')[1]), caught.message);
  return caught;
}

describe('service-account key validation', () => {
  it('accepts a well-formed RSA service-account key and keeps only the fields sign-in needs', () => {
    const parsed = parseServiceAccountKey(
      JSON.stringify(key({ universe_domain: 'googleapis.com', injected: { a: 'x'.repeat(100) }, auth_uri: 'https://evil.example' })),
    );
    assert.deepStrictEqual(parsed, {
      type: 'service_account',
      client_email: 'cbcm@proj.iam.gserviceaccount.com',
      private_key: rsaPem,
      client_id: '1234567890',
      private_key_id: 'abc123',
      project_id: 'proj',
    });
    assert.deepStrictEqual(Object.keys(JSON.parse(JSON.stringify(parsed))).sort(), [
      'client_email',
      'client_id',
      'private_key',
      'private_key_id',
      'project_id',
      'type',
    ]);
  });

  it('refuses a key file over 64 KiB before parsing it, saying what a key file looks like', () => {
    const padded = JSON.stringify(key({ padding: ' '.repeat(MAX_KEY_FILE_BYTES) }));
    const err = rejects(padded, /This file is 6\d KB; a service-account key file is about 2 KB/);
    assert.strictEqual(err.action, 'chooseAnotherKey');
    // Just under the limit still works (a real key is ~2.3 KB).
    const near = JSON.stringify(key({ padding: ' '.repeat(MAX_KEY_FILE_BYTES - 4000) }));
    assert.strictEqual(parseServiceAccountKey(near).type, 'service_account');
  });

  it('accepts a key pasted with surrounding whitespace and newlines between fields', () => {
    const text = `\n  ${JSON.stringify(key(), null, 2)}  \n`;
    assert.strictEqual(parseServiceAccountKey(text).type, 'service_account');
  });

  const cases: [string, () => string, RegExp][] = [
    ['empty text', () => '   ', /empty/],
    ['truncated JSON', () => JSON.stringify(key()).slice(0, 300), /not valid JSON.*truncated/],
    ['a JSON array', () => '[1,2]', /JSON object/],
    [
      'an authorized_user file',
      () => JSON.stringify({ type: 'authorized_user', client_id: 'x', client_secret: 'y', refresh_token: 'z' }),
      /authorized_user.*Sign In with Google/,
    ],
    [
      'an external_account file',
      () => JSON.stringify({ type: 'external_account', audience: '//iam', subject_token_type: 'jwt' }),
      /external_account.*domain-wide delegation/,
    ],
    ['an unknown type', () => JSON.stringify(key({ type: 'gdch_service_account' })), /type "gdch_service_account"/],
    ['no type', () => JSON.stringify(key({ type: undefined })), /must be "service_account"/],
    ['missing client_email', () => JSON.stringify(key({ client_email: undefined })), /no "client_email"/],
    ['client_email not an address', () => JSON.stringify(key({ client_email: 'not-an-email' })), /"client_email" is not an e-mail/],
    ['missing private_key', () => JSON.stringify(key({ private_key: undefined })), /no "private_key"/],
    ['a cut private_key', () => JSON.stringify(key({ private_key: rsaPem.slice(0, 200) })), /not a readable PEM/],
    ['private_key with lost line breaks', () => JSON.stringify(key({ private_key: rsaPem.replace(/\n/g, ' ') })), /not a readable PEM/],
    ['an EC private key', () => JSON.stringify(key({ private_key: ecPem })), /EC key.*RSA/],
    ['a non-string client_id', () => JSON.stringify(key({ client_id: 1234 })), /client_id/],
  ];
  for (const [name, make, pattern] of cases) {
    it(`rejects ${name} with a clear message`, () => {
      rejects(make(), pattern);
    });
  }

  it('does not repeat the text of a broken key in the message', () => {
    const marker = 'CANARY-in-a-broken-key-7731';
    const err = rejects(`{"type":"service_account","private_key":"${marker}`, /not valid JSON/);
    assert.ok(!err.message.includes(marker));
  });
});

describe('admin e-mail validation', () => {
  it('trims a valid address', () => {
    assert.strictEqual(validateAdminEmail('  admin@example.com '), 'admin@example.com');
  });
  for (const bad of ['', 'admin', 'admin@', '@example.com', 'admin@example', 'ad min@example.com']) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      assert.throws(
        () => validateAdminEmail(bad),
        (e: unknown) => e instanceof AuthError && e.code === 'invalidEmail' && /admin@example.com/.test(e.message),
      );
    });
  }
});
