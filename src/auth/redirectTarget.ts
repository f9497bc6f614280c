/**
 * Where the browser is sent back after consent. The loopback listener runs where the extension runs; when that is a
 * remote host (Remote-SSH, WSL, a container, code-server), VS Code's `asExternalUri` maps the listener's address to
 * one the browser can reach. Google accepts only loopback redirect URIs (http://127.0.0.1, localhost or [::1], any
 * port and path) for the "Desktop app" clients this sign-in uses, so a mapped address elsewhere (a Codespaces or
 * code-server domain) cannot work, and the flow says so instead of failing at Google. No vscode import.
 */
import { AuthError } from './tokenErrors';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The redirect URI to use for `externalUri` (the listener's address as the browser sees it), or undefined if none. */
export function loopbackRedirectFor(externalUri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(externalUri);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && !url.username && !url.password ? url.toString() : undefined;
}

export function remoteOAuthUnavailable(remoteName: string | undefined, externalUri: string): AuthError {
  let where = 'another address';
  try {
    where = new URL(externalUri).origin;
  } catch {
    // keep the generic wording
  }
  return new AuthError(
    'remoteUnsupported',
    `Google sign-in cannot finish here: CBCM Explorer runs on the remote side of this window (${remoteName ?? 'remote'}), ` +
      `where your browser can only reach its sign-in listener through ${where}, and Google accepts only 127.0.0.1 or ` +
      'localhost for the desktop OAuth clients this sign-in uses. Sign in with a service account key instead, or ' +
      'install CBCM Explorer in your local VS Code (it prefers to run there) and sign in from a local window.',
    'useServiceAccount',
  );
}
