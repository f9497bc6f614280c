/**
 * The proof call of a sign-in: list one browser with the new credentials. It fails with the API's 401/403
 * when delegation, scopes or admin rights are missing, which `mapTokenError` turns into advice. No vscode import.
 */
import { createChromeManagementBackend, createDirectoryBetaBackend } from '../api';
import type { AccessTokenSource } from '../api/tokenSource';

export interface VerifyAccessSettings {
  readonly apiBaseUrl: string;
  readonly requestTimeoutMs: number;
  /** The backend the proof call goes to (cbcm.apiVersion); v1.1beta1 when absent. */
  readonly apiVersion?: 'v1.1beta1' | 'chromemanagement-v1';
  readonly chromeManagementBaseUrl?: string;
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
    const backend =
      settings.apiVersion === 'chromemanagement-v1'
        ? createChromeManagementBackend({ ...common, baseUrl: settings.chromeManagementBaseUrl, directoryBaseUrl: settings.apiBaseUrl })
        : createDirectoryBetaBackend({ ...common, baseUrl: settings.apiBaseUrl });
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
