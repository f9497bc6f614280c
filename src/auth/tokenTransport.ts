/**
 * Defaults for every request google-auth-library sends to the token endpoints (JWT exchange, code exchange, refresh,
 * revocation). Gaxios has no time-out of its own and follows redirects; these defaults close both gaps. No vscode import.
 */
import type { gaxios } from 'google-auth-library';

/** A token answer is a few kilobytes; anything past 1 MiB is not a token endpoint speaking. */
export const TOKEN_RESPONSE_MAX_BYTES = 1024 * 1024;
export const DEFAULT_TOKEN_TIMEOUT_MS = 30_000;

export function tokenTransportOptions(timeoutMs: number = DEFAULT_TOKEN_TIMEOUT_MS): gaxios.GaxiosOptions {
  return {
    // A stalled endpoint ends the request (and frees its socket) even when nobody waits for it any more.
    timeout: timeoutMs,
    // The request body carries a signed assertion, a refresh token or a client secret: a 307 to another host would
    // resend it there. A redirect is answered to us as an error instead (see mapTokenError).
    redirect: 'manual',
    // node-fetch (Gaxios' fetch in Node) stops reading past this many bytes.
    size: TOKEN_RESPONSE_MAX_BYTES,
  };
}
