/**
 * OAuth scopes CBCM Explorer asks for, and the Admin console link that grants them to a service account.
 * No vscode import: shared by the sign-in flows, the error messages and the tests.
 */
import type { ApiVersion } from '../api/types';

export const CHROMEBROWSERS_SCOPE = 'https://www.googleapis.com/auth/admin.directory.device.chromebrowsers';
export const CHROMEBROWSERS_READONLY_SCOPE = `${CHROMEBROWSERS_SCOPE}.readonly`;
/** Needed to show org-unit paths in the tree; always read-only because the extension never edits org units. */
export const ORGUNIT_READONLY_SCOPE = 'https://www.googleapis.com/auth/admin.directory.orgunit.readonly';

/** Added to 3-legged sign-in only, so the ID token names the account (a label; never used to authorize). */
export const OAUTH_IDENTITY_SCOPES: readonly string[] = ['openid', 'email'];

/**
 * Chrome Management API v1 scopes. Hard-coded: client libraries generated before they were published lack
 * constants for them (reference §0). Browsers and enrollment tokens have separate scopes in v1.
 */
export const CM_BROWSERS_SCOPE = 'https://www.googleapis.com/auth/chrome.management.browsers';
export const CM_BROWSERS_READONLY_SCOPE = `${CM_BROWSERS_SCOPE}.readonly`;
export const CM_TOKENS_SCOPE = 'https://www.googleapis.com/auth/chrome.management.enrollmenttokens';
export const CM_TOKENS_READONLY_SCOPE = `${CM_TOKENS_SCOPE}.readonly`;

export type AccessLevel = 'readWrite' | 'readOnly';

/**
 * The exact scopes requested at sign-in (and that domain-wide delegation must list). The org-unit scope is
 * needed by both backends: v1 resources carry only org unit ids, which the Directory API maps to paths.
 */
export function scopesFor(accessLevel: AccessLevel, apiVersion: ApiVersion = 'v1.1beta1'): string[] {
  const readOnly = accessLevel === 'readOnly';
  if (apiVersion === 'chromemanagement-v1') {
    return [readOnly ? CM_BROWSERS_READONLY_SCOPE : CM_BROWSERS_SCOPE, readOnly ? CM_TOKENS_READONLY_SCOPE : CM_TOKENS_SCOPE, ORGUNIT_READONLY_SCOPE];
  }
  return [readOnly ? CHROMEBROWSERS_READONLY_SCOPE : CHROMEBROWSERS_SCOPE, ORGUNIT_READONLY_SCOPE];
}

/**
 * The Admin console page "Security > API controls > Domain-wide delegation" with the "Add new" dialog pre-filled,
 * so the admin only has to press Authorize.
 */
export function delegationPageUrl(adminConsoleUrl: string, clientId: string, scopes: readonly string[]): string {
  const params = new URLSearchParams({
    clientScopeToAdd: scopes.join(','),
    clientIdToAdd: clientId,
    overwriteClientId: 'true',
  });
  return `${adminConsoleUrl.replace(/\/+$/, '')}/ac/owl/domainwidedelegation?${params.toString()}`;
}
