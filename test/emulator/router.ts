// The route table: Google's API paths, the OAuth endpoints and the control API.
import type { EmuRequest, Handler } from './context';
import { handleApprove, handleConsentPage } from './consent';
import { deleteBrowser, getBrowser, listBrowsers, moveBrowsers, updateBrowser } from './handlers/browsers';
import { getOrgUnit, listOrgUnits } from './handlers/orgUnits';
import { createToken, listTokens, revokeToken } from './handlers/tokens';
import { getUser } from './handlers/users';
import { handleRevoke, handleToken } from './oauthToken';
import { CHROME_MANAGEMENT_ROUTES } from './handlers/chromeManagementRoutes';

/** api: Google API calls (faults apply); oauth: token/consent endpoints; control: /__emulator/. */
export type RouteKind = 'api' | 'oauth' | 'control';

export interface Route {
  method: string;
  pattern: RegExp;
  kind: RouteKind;
  handler: Handler;
}

const V1B = '^/admin/directory/v1\\.1beta1/customer/([^/]+)';
const V1 = '^/admin/directory/v1/customer/([^/]+)';

export const API_AND_OAUTH_ROUTES: Route[] = [
  { method: 'GET', pattern: new RegExp(`${V1B}/devices/chromebrowsers/?$`), kind: 'api', handler: listBrowsers },
  { method: 'POST', pattern: new RegExp(`${V1B}/devices/chromebrowsers/moveChromeBrowsersToOu$`), kind: 'api', handler: moveBrowsers },
  { method: 'GET', pattern: new RegExp(`${V1B}/devices/chromebrowsers/([^/]+)$`), kind: 'api', handler: getBrowser },
  { method: 'PUT', pattern: new RegExp(`${V1B}/devices/chromebrowsers/([^/]+)$`), kind: 'api', handler: updateBrowser },
  { method: 'DELETE', pattern: new RegExp(`${V1B}/devices/chromebrowsers/([^/]+)$`), kind: 'api', handler: deleteBrowser },
  { method: 'GET', pattern: new RegExp(`${V1B}/chrome/enrollmentTokens/?$`), kind: 'api', handler: listTokens },
  { method: 'POST', pattern: new RegExp(`${V1B}/chrome/enrollmentTokens/?$`), kind: 'api', handler: createToken },
  { method: 'POST', pattern: new RegExp(`${V1B}/chrome/enrollmentTokens/([^/]+?)(?::|%3[Aa])revoke$`), kind: 'api', handler: revokeToken },
  ...CHROME_MANAGEMENT_ROUTES,
  { method: 'GET', pattern: new RegExp(`${V1}/orgunits/?$`), kind: 'api', handler: listOrgUnits },
  { method: 'GET', pattern: new RegExp(`${V1}/orgunits/(.+)$`), kind: 'api', handler: getOrgUnit },
  { method: 'GET', pattern: /^\/admin\/directory\/v1\/users\/([^/]+)$/, kind: 'api', handler: getUser },
  { method: 'POST', pattern: /^\/token$/, kind: 'oauth', handler: handleToken },
  { method: 'POST', pattern: /^\/revoke$/, kind: 'oauth', handler: handleRevoke },
  { method: 'GET', pattern: /^\/o\/oauth2\/v2\/auth$/, kind: 'oauth', handler: handleConsentPage },
  { method: 'GET', pattern: /^\/o\/oauth2\/v2\/auth\/approve$/, kind: 'oauth', handler: handleApprove },
  { method: 'POST', pattern: /^\/o\/oauth2\/v2\/auth\/approve$/, kind: 'oauth', handler: handleApprove },
];

export interface RouteMatch {
  route: Route;
  params: string[];
}

/** Finds the route; `methodMismatch` is true when the path exists for another method. */
export function matchRoute(routes: Route[], method: string, pathname: string): RouteMatch | { methodMismatch: boolean } {
  let pathKnown = false;
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    return { route, params: m.slice(1).map(safeDecode) };
  }
  return { methodMismatch: pathKnown };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export type { EmuRequest };
