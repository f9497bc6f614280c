/**
 * Where the API client gets its bearer token. Implementations live in `src/auth/` (service account with
 * domain-wide delegation, or 3-legged OAuth); the client only asks for a token and reports a 401.
 */
export interface AccessTokenSource {
  /** A valid access token. Implementations cache and refresh; the value must never be logged. */
  getAccessToken(signal?: AbortSignal): Promise<string>;
  /** Called after the API answered 401 so the next `getAccessToken` fetches a fresh token. */
  invalidate?(): void;
}
