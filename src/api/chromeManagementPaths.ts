// URL paths of the Chrome Management API v1 (host chromemanagement.googleapis.com). Variable segments are
// URL-encoded here, once. The `:move` / `:revoke` custom verbs stay literal, as Google's clients send them.
import { seg } from './paths';

export const CHROME_MANAGEMENT_V1 = '/v1/customers';

export function cmBrowsersPath(customerId: string): string {
  return `${CHROME_MANAGEMENT_V1}/${seg(customerId)}/chromeBrowsers`;
}

export function cmTokensPath(customerId: string): string {
  return `${CHROME_MANAGEMENT_V1}/${seg(customerId)}/enrollmentTokens`;
}
