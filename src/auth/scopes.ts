/**
 * OAuth scopes CBCM Explorer asks for, and the Admin console link that grants them to a service account.
 * No vscode import: shared by the sign-in flows, the error messages and the tests.
 */
export const CHROMEBROWSERS_SCOPE = 'https://www.googleapis.com/auth/admin.directory.device.chromebrowsers';
export const CHROMEBROWSERS_READONLY_SCOPE = `${CHROMEBROWSERS_SCOPE}.readonly`;
/** Needed to show org-unit paths in the tree; always read-only because the extension never edits org units. */
export const ORGUNIT_READONLY_SCOPE = 'https://www.googleapis.com/auth/admin.directory.orgunit.readonly';

/** Added to 3-legged sign-in only, so the ID token names the account (a label; never used to authorize). */
export const OAUTH_IDENTITY_SCOPES: readonly string[] = ['openid', 'email'];

export type AccessLevel = 'readWrite' | 'readOnly';

/** The exact scopes requested at sign-in (and that domain-wide delegation must list). */
export function scopesFor(accessLevel: AccessLevel): string[] {
  const browsers = accessLevel === 'readOnly' ? CHROMEBROWSERS_READONLY_SCOPE : CHROMEBROWSERS_SCOPE;
  return [browsers, ORGUNIT_READONLY_SCOPE];
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
