// Routes of the Chrome Management API v1 (chromemanagement.googleapis.com/v1/...), served on the same host as
// the Admin SDK paths: the emulator stands in for both Google hosts.
import type { Route } from '../router';
import { deleteCmBrowser, getCmBrowser, listCmBrowsers, moveCmBrowsers, patchCmBrowser } from './chromeManagementBrowsers';
import { createCmToken, getCmToken, listCmTokens, revokeCmToken } from './chromeManagementTokens';

const C = '^/v1/customers/([^/]+)';
/** `:` may arrive percent-encoded. */
const COLON = '(?::|%3[Aa])';

export const CHROME_MANAGEMENT_ROUTES: Route[] = [
  { method: 'GET', pattern: new RegExp(`${C}/chromeBrowsers/?$`), kind: 'api', handler: listCmBrowsers },
  { method: 'POST', pattern: new RegExp(`${C}/chromeBrowsers${COLON}move$`), kind: 'api', handler: moveCmBrowsers },
  { method: 'GET', pattern: new RegExp(`${C}/chromeBrowsers/([^/:%]+)$`), kind: 'api', handler: getCmBrowser },
  { method: 'PATCH', pattern: new RegExp(`${C}/chromeBrowsers/([^/:%]+)$`), kind: 'api', handler: patchCmBrowser },
  { method: 'DELETE', pattern: new RegExp(`${C}/chromeBrowsers/([^/:%]+)$`), kind: 'api', handler: deleteCmBrowser },
  { method: 'GET', pattern: new RegExp(`${C}/enrollmentTokens/?$`), kind: 'api', handler: listCmTokens },
  { method: 'POST', pattern: new RegExp(`${C}/enrollmentTokens/?$`), kind: 'api', handler: createCmToken },
  { method: 'POST', pattern: new RegExp(`${C}/enrollmentTokens/([^/]+?)${COLON}revoke$`), kind: 'api', handler: revokeCmToken },
  { method: 'GET', pattern: new RegExp(`${C}/enrollmentTokens/([^/:%]+)$`), kind: 'api', handler: getCmToken },
];
