/**
 * The proof call of a sign-in: list one browser with the new credentials. It fails with the API's 401/403
 * when delegation, scopes or admin rights are missing, which `mapTokenError` turns into advice. No vscode import.
 */
import { createBackend, type BackendEndpoints } from '../api';
import type { AccessTokenSource } from '../api/tokenSource';

/** The endpoints of the backend the proof call goes to (cbcm.apiVersion; v1.1beta1 when absent) and its time-out. */
export interface VerifyAccessSettings extends BackendEndpoints {
  readonly requestTimeoutMs: number;
}

export type VerifyAccess = (tokenSource: AccessTokenSource, customerId: string, signal?: AbortSignal) => Promise<void>;

export function listingVerifier(readSettings: () => VerifyAccessSettings): VerifyAccess {
  return async (tokenSource, customerId, signal) => {
    const settings = readSettings();
    const common = {
      tokenSource,
      customerId,
      timeoutMs: settings.requestTimeoutMs,
      // A sign-in should answer quickly; transient errors get one more try.
      retry: { maxAttempts: 2 },
    };
    const backend = createBackend(settings, common);
    try {
      for await (const page of backend.listBrowsers({ maxResults: 1, projection: 'BASIC' }, signal)) {
        void page;
        break;
      }
    } finally {
      backend.dispose();
    }
  };
}
