/**
 * Checks a service-account key before anything is stored or sent. Every failure is an `AuthError` whose message
 * says what is wrong and what to do, and never quotes the key (JSON.parse messages can contain a slice of the
 * text, so they are dropped). No vscode import.
 */
import { createPrivateKey } from 'node:crypto';
import { AuthError } from './tokenErrors';

/**
 * The fields of a Google service-account key that sign-in uses, and the only ones kept (SecretStorage holds exactly
 * these): the rest of a key file (token_uri, auth_uri, cert URLs, universe_domain, anything added to it) is dropped.
 * `token_uri` in particular is never used: the token endpoint is the setting cbcm.oauthTokenUrl.
 */
export interface ServiceAccountKey {
  readonly type: 'service_account';
  readonly client_email: string;
  readonly private_key: string;
  /** Unique id of the service account: what domain-wide delegation is granted to. */
  readonly client_id?: string;
  /** Names the key in the Google Cloud console (useful when it must be deleted). */
  readonly private_key_id?: string;
  readonly project_id?: string;
}

/**
 * Largest key file read: 64 KiB. A Google key file is about 2.3 KB (a 2048-bit RSA key in PEM plus a few ids);
 * a much larger file is not a key, and reading it whole would only waste memory and SecretStorage.
 */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

export function keyTooLargeError(bytes: number): AuthError {
  return new AuthError(
    'invalidKey',
    `This file is ${Math.round(bytes / 1024)} KB; a service-account key file is about 2 KB, so it was not read. ${KEY_HELP}`,
    'chooseAnotherKey',
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** The admin to impersonate, trimmed; throws `invalidEmail` when it is not an address. */
export function validateAdminEmail(value: string): string {
  const email = value.trim();
  if (!looksLikeEmail(email)) {
    throw new AuthError(
      'invalidEmail',
      'Enter the e-mail address of an admin of your domain (for example admin@example.com); the service account acts as this admin.',
      'retryWithAnotherEmail',
    );
  }
  return email;
}

const KEY_HELP =
  'In the Google Cloud console open IAM & Admin > Service Accounts > (your account) > Keys > Add key > Create new key > JSON, and use the downloaded file.';

/** Parses and validates the text of a key file; throws `invalidKey` with a specific message. */
export function parseServiceAccountKey(text: string): ServiceAccountKey {
  if (Buffer.byteLength(text, 'utf8') > MAX_KEY_FILE_BYTES) throw keyTooLargeError(Buffer.byteLength(text, 'utf8'));
  const trimmed = text.trim();
  if (trimmed === '') throw new AuthError('invalidKey', `The key is empty. ${KEY_HELP}`, 'chooseAnotherKey');
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new AuthError('invalidKey', `The key is not valid JSON (the file may be truncated or not a key file). ${KEY_HELP}`, 'chooseAnotherKey');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AuthError('invalidKey', `The key must be a JSON object. ${KEY_HELP}`, 'chooseAnotherKey');
  }
  const key = parsed as Record<string, unknown>;
  checkType(key.type);
  if (typeof key.client_email !== 'string' || key.client_email.trim() === '') {
    throw new AuthError('invalidKey', `The key has no "client_email" field. ${KEY_HELP}`, 'chooseAnotherKey');
  }
  if (!looksLikeEmail(key.client_email)) {
    throw new AuthError('invalidKey', `The key's "client_email" is not an e-mail address. ${KEY_HELP}`, 'chooseAnotherKey');
  }
  if (typeof key.private_key !== 'string' || key.private_key.trim() === '') {
    throw new AuthError('invalidKey', `The key has no "private_key" field. ${KEY_HELP}`, 'chooseAnotherKey');
  }
  checkRsaPrivateKey(key.private_key);
  if (key.client_id !== undefined && typeof key.client_id !== 'string') {
    throw new AuthError('invalidKey', `The key's "client_id" (the service account's unique ID) must be a string. ${KEY_HELP}`, 'chooseAnotherKey');
  }
  // Only what sign-in needs is kept; unknown fields are not carried into SecretStorage.
  const kept: { -readonly [K in keyof ServiceAccountKey]: ServiceAccountKey[K] } = {
    type: 'service_account',
    client_email: key.client_email.trim(),
    private_key: key.private_key,
  };
  if (typeof key.client_id === 'string') kept.client_id = key.client_id;
  if (typeof key.private_key_id === 'string') kept.private_key_id = key.private_key_id;
  if (typeof key.project_id === 'string') kept.project_id = key.project_id;
  return kept;
}

function checkType(type: unknown): void {
  if (type === 'service_account') return;
  if (type === 'authorized_user') {
    throw new AuthError(
      'invalidKey',
      'This file holds a user\'s OAuth credentials (type "authorized_user"), not a service-account key. Use "Sign In with Google (OAuth)" for a user account, or create a service-account key.',
      'chooseAnotherKey',
    );
  }
  if (type === 'external_account' || type === 'external_account_authorized_user' || type === 'impersonated_service_account') {
    throw new AuthError(
      'invalidKey',
      `This file is a workload-identity / impersonation configuration (type "${type}"), which cannot use domain-wide delegation. ${KEY_HELP}`,
      'chooseAnotherKey',
    );
  }
  const shown = typeof type === 'string' && /^[a-z_]{1,40}$/.test(type) ? ` (type "${type}")` : '';
  throw new AuthError(
    'invalidKey',
    `This is not a service-account key${shown}: its "type" must be "service_account". ${KEY_HELP}`,
    'chooseAnotherKey',
  );
}

function checkRsaPrivateKey(pem: string): void {
  let keyType: string | undefined;
  try {
    keyType = createPrivateKey({ key: pem, format: 'pem' }).asymmetricKeyType;
  } catch {
    throw new AuthError(
      'invalidKey',
      `The key's "private_key" is not a readable PEM private key (it may have been cut or its line breaks lost). ${KEY_HELP}`,
      'chooseAnotherKey',
    );
  }
  if (keyType !== 'rsa') {
    throw new AuthError(
      'invalidKey',
      `The key's "private_key" is an ${keyType?.toUpperCase() ?? 'unknown'} key; Google service accounts sign with RSA (RS256). ${KEY_HELP}`,
      'chooseAnotherKey',
    );
  }
}
