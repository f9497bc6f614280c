// Small helpers for tests that talk to the emulator over real HTTP.
import type { Emulator } from './emulator';
import { SCOPES } from './auth';

export interface CallResult<T = unknown> {
  status: number;
  json: T;
  headers: Headers;
}

export const ALL_SCOPES = [SCOPES.browsers, SCOPES.browsersReadonly, SCOPES.orgUnitsReadonly];

export const browsersPath = (customer = 'my_customer'): string => `/admin/directory/v1.1beta1/customer/${customer}/devices/chromebrowsers`;
export const tokensPath = (customer = 'my_customer'): string => `/admin/directory/v1.1beta1/customer/${customer}/chrome/enrollmentTokens`;
export const orgUnitsPath = (customer = 'my_customer'): string => `/admin/directory/v1/customer/${customer}/orgunits`;

/** Calls the emulator with a bearer token; `path` may carry a query string, or pass `query`. */
export async function call<T = any>(
  emu: Emulator,
  token: string | undefined,
  method: string,
  path: string,
  options: { query?: Record<string, string | number | undefined>; body?: unknown } = {},
): Promise<CallResult<T>> {
  const url = new URL(path, emu.url);
  for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

/** Lists every page of chromebrowsers and returns the device ids in order. */
export async function listAllIds(emu: Emulator, token: string, query: Record<string, string | number | undefined> = {}): Promise<string[]> {
  const ids: string[] = [];
  let pageToken: string | undefined;
  do {
    const r = await call(emu, token, 'GET', browsersPath(), { query: { maxResults: 100, ...query, pageToken } });
    if (r.status !== 200) throw new Error(`list failed: ${r.status} ${JSON.stringify(r.json)}`);
    for (const b of r.json.browsers ?? []) ids.push(b.deviceId);
    pageToken = r.json.nextPageToken;
  } while (pageToken);
  return ids;
}
