// The two API clients side by side, so one table of cases runs against both backends: the Admin SDK Directory
// API v1.1beta1 (DirectoryBetaClient) and the Chrome Management API v1 (ChromeManagementClient). Both speak to
// the same emulator fleet over real HTTP; only the paths and scopes differ.
import nodeFetch from 'node-fetch';
import { SCOPES, type Emulator, type LoggedRequest } from '../emulator';
import {
  ChromeManagementClient,
  DirectoryBetaClient,
  type CbcmBackend,
  type ChromeManagementClientOptions,
  type DirectoryBetaClientOptions,
  type FetchLike,
} from '../../src/api';
import { EmuTokenSource, FAST_RETRY, type SentRequest } from './apiHarness';

export type BackendOptions = Partial<DirectoryBetaClientOptions & ChromeManagementClientOptions>;

export interface BackendUnderTest {
  backend: CbcmBackend & { dispose(): void };
  tokens: EmuTokenSource;
  logLines: string[];
  /** Requests the client handed to fetch (real HTTP still happens). */
  sent: SentRequest[];
}

export interface BackendKind {
  name: string;
  make(emu: Emulator, options?: BackendOptions): BackendUnderTest;
  /** Browser and token requests of this API in the emulator's log (org units, OAuth and control calls left out). */
  apiRequests(emu: Emulator): LoggedRequest[];
  /** Moves the request bodies carried, as id lists. */
  movedIds(sent: SentRequest[]): string[][];
}

const made: { dispose(): void }[] = [];

function spyingFetch(sent: SentRequest[]): FetchLike {
  return (url, init) => {
    sent.push({ method: init.method, url, body: init.body === undefined ? undefined : JSON.parse(init.body), at: Date.now() });
    return (nodeFetch as unknown as FetchLike)(url, init);
  };
}

export const BACKENDS: readonly BackendKind[] = [
  {
    name: 'v1.1beta1',
    make(emu, options = {}) {
      const tokens = new EmuTokenSource(emu, [SCOPES.browsers, SCOPES.orgUnitsReadonly]);
      const logLines: string[] = [];
      const sent: SentRequest[] = [];
      const backend = new DirectoryBetaClient({
        baseUrl: emu.url,
        customerId: emu.customerId,
        tokenSource: tokens,
        retry: FAST_RETRY,
        timeoutMs: 5_000,
        log: (l) => logLines.push(l),
        fetch: spyingFetch(sent),
        ...options,
      });
      made.push(backend);
      return { backend, tokens, logLines, sent };
    },
    apiRequests: (emu) => emu.requests.filter((r) => r.path.startsWith('/admin/directory/v1.1beta1/')),
    movedIds: (sent) => sent.filter((r) => r.url.includes('moveChromeBrowsersToOu')).map((r) => (r.body as { resource_ids: string[] }).resource_ids),
  },
  {
    name: 'chromemanagement-v1',
    make(emu, options = {}) {
      const tokens = new EmuTokenSource(emu, [SCOPES.cmBrowsers, SCOPES.cmTokens, SCOPES.orgUnitsReadonly]);
      const logLines: string[] = [];
      const sent: SentRequest[] = [];
      const backend = new ChromeManagementClient({
        baseUrl: emu.url,
        directoryBaseUrl: emu.url,
        customerId: emu.customerId,
        tokenSource: tokens,
        retry: FAST_RETRY,
        timeoutMs: 5_000,
        log: (l) => logLines.push(l),
        fetch: spyingFetch(sent),
        ...options,
      });
      made.push(backend);
      return { backend, tokens, logLines, sent };
    },
    apiRequests: (emu) => emu.requests.filter((r) => r.path.startsWith('/v1/customers/')),
    movedIds: (sent) => sent.filter((r) => r.url.includes('chromeBrowsers:move')).map((r) => (r.body as { resourceIds: string[] }).resourceIds),
  },
];

/** Disposes every client BACKENDS made (call in `after`/`afterEach`, before the emulator stops). */
export function disposeBackends(): void {
  for (const b of made.splice(0)) b.dispose();
}
