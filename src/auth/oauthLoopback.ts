/**
 * The loopback half of the installed-app OAuth flow (RFC 8252): a listener on an ephemeral 127.0.0.1 port that
 * accepts exactly one authorization response carrying the expected `state`, answers the browser, and closes. Every
 * other request (wrong or missing state, another path) gets a 400 and the listener keeps waiting.
 * It gives up after a time-out (5 minutes by default) or when the caller aborts. No vscode import.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cancelledError } from './abort';
import { AuthError } from './tokenErrors';

export const DEFAULT_LOOPBACK_TIMEOUT_MS = 5 * 60 * 1000;

/** An unguessable `state` value (256 bits, base64url). */
export function newState(): string {
  return randomBytes(32).toString('base64url');
}

export interface LoopbackOptions {
  /** The `state` sent in the authorization URL; any other value is rejected. */
  readonly state: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Path of the redirect URI; default `/`. */
  readonly path?: string;
}

export interface LoopbackReceiver {
  /** `http://127.0.0.1:<port><path>`: the `redirect_uri` of the authorization request and the code exchange. */
  readonly redirectUri: string;
  readonly port: number;
  /** The authorization code; rejects with an `AuthError` (accessDenied, timeout, cancelled, …). */
  readonly code: Promise<string>;
  /** Resolves once the listener is closed (after the one response, the time-out or `close()`). */
  readonly closed: Promise<void>;
  /** Stops waiting (rejecting `code` with `cancelled` if still pending) and closes the port. */
  close(): Promise<void>;
}

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function page(title: string, text: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body style="font-family: sans-serif; margin: 3em"><h1>${title}</h1><p>${text}</p></body></html>`
  );
}

export async function startLoopbackReceiver(options: LoopbackOptions): Promise<LoopbackReceiver> {
  const path = options.path ?? '/';
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOOPBACK_TIMEOUT_MS;
  if (options.signal?.aborted) throw cancelledError();

  let settle!: (result: { code?: string; error?: AuthError }) => void;
  const code = new Promise<string>((resolve, reject) => {
    let done = false;
    settle = (result) => {
      if (done) return;
      done = true;
      if (result.error) reject(result.error);
      else resolve(result.code as string);
    };
  });
  code.catch(() => undefined); // the caller may stop listening first; never an unhandled rejection

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const q = url.searchParams;
    // Only a GET of the redirect path carrying our `state` is the consent page's answer. Anything else — a wrong
    // state, a favicon, a scanner, another local process probing the port — is answered 400 and changes nothing:
    // letting it end the sign-in would let any local page cancel (or race) the admin's approval.
    if (req.method !== 'GET' || url.pathname !== path || !sameState(q.get('state') ?? '', options.state)) {
      res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close', 'Cache-Control': 'no-store' });
      res.end(
        page(
          'Not the expected sign-in',
          'This page does not belong to the sign-in CBCM Explorer is waiting for. If you are signing in, finish the approval in the tab VS Code opened.',
        ),
      );
      return;
    }
    let outcome: { code?: string; error?: AuthError };
    if (q.has('error')) {
      const err = q.get('error') ?? '';
      outcome =
        err === 'access_denied'
          ? {
              error: new AuthError('accessDenied', 'Access was not granted on the consent page. Sign in again and choose Allow.', 'signInAgain', {
                oauthError: err,
              }),
            }
          : {
              error: new AuthError(
                'tokenEndpoint',
                `The consent page returned an error${/^[a-z_]{1,40}$/.test(err) ? ` (${err})` : ''}. Sign in again.`,
                'signInAgain',
              ),
            };
    } else if (!q.get('code')) {
      outcome = { error: new AuthError('tokenEndpoint', 'The consent page returned no authorization code. Sign in again.', 'signInAgain') };
    } else {
      outcome = { code: q.get('code') as string };
    }
    const ok = outcome.code !== undefined;
    res.writeHead(ok ? 200 : 400, { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close', 'Cache-Control': 'no-store' });
    res.end(
      ok
        ? page('Signed in', 'CBCM Explorer received your approval. You can close this tab and return to VS Code.')
        : page('Sign-in failed', 'Return to VS Code for details and start the sign-in again.'),
    );
    settle(outcome);
    shutdown();
  });

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  // Set below, once the handlers that clear it exist (they may run before it is set).
  // eslint-disable-next-line prefer-const
  let timer: NodeJS.Timeout | undefined;
  const onAbort = () => {
    settle({ error: cancelledError() });
    shutdown();
  };
  function shutdown(): void {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    if (!server.listening) return;
    server.close();
    // Let the one response flush, then drop keep-alive sockets so the port is really free.
    setImmediate(() => server.closeAllConnections());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  timer = setTimeout(() => {
    settle({
      error: new AuthError(
        'timeout',
        `No answer from the consent page within ${Math.round(timeoutMs / 60000) || 1} minute(s). Start the sign-in again and approve access in the browser.`,
        'retry',
      ),
    });
    shutdown();
  }, timeoutMs);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    redirectUri: `http://127.0.0.1:${port}${path}`,
    port,
    code,
    closed,
    close: async () => {
      settle({ error: cancelledError() });
      shutdown();
      await closed;
    },
  };
}
