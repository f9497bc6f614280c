// Shared set-up for the API client tests: an emulator-issued bearer token behind an AccessTokenSource, a client
// with small retry delays, a fetch spy that still goes over real HTTP, and request-log helpers.
import nodeFetch from 'node-fetch';
import { SCOPES, type Emulator, type LoggedRequest } from '../emulator';
import { useEmulator, type EmulatorFixtureOptions } from '../emulator/fixture';
import { DirectoryBetaClient, type DirectoryBetaClientOptions, type FetchLike } from '../../src/api';
import type { AccessTokenSource } from '../../src/api/tokenSource';

export const ALL_SCOPES = [SCOPES.browsers, SCOPES.orgUnitsReadonly];

/** Tokens straight from the emulator; counts issues and invalidations so 401 handling can be asserted. */
export class EmuTokenSource implements AccessTokenSource {
  issued = 0;
  invalidations = 0;
  private current?: string;

  constructor(
    private readonly emu: Emulator,
    private readonly scopes: string[] = ALL_SCOPES,
    private readonly subject?: string,
  ) {}

  async getAccessToken(): Promise<string> {
    if (!this.current) {
      this.current = this.emu.issueAccessToken(this.scopes, this.subject);
      this.issued++;
    }
    return this.current;
  }

  invalidate(): void {
    this.invalidations++;
    this.current = undefined;
  }

  /** Makes the cached token one the emulator no longer accepts (as if revoked or expired early). */
  async revokeCurrent(): Promise<void> {
    const t = await this.getAccessToken();
    this.emu.context.accessTokens.revoke(t);
  }

  /** The value currently handed out (to check it never shows up in logs or messages). */
  peek(): string | undefined {
    return this.current;
  }
}

export interface SentRequest {
  method: string;
  url: string;
  body?: unknown;
  /** Date.now() when the client handed it to fetch. */
  at: number;
}

export interface TestClient {
  client: DirectoryBetaClient;
  tokens: EmuTokenSource;
  logLines: string[];
  /** Requests the client handed to fetch (real HTTP still happens). */
  sent: SentRequest[];
}

export const FAST_RETRY = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 40 };

const clients: DirectoryBetaClient[] = [];

export function makeClient(emu: Emulator, options: Partial<DirectoryBetaClientOptions> & { scopes?: string[]; subject?: string } = {}): TestClient {
  const { scopes, subject, ...rest } = options;
  const tokens = new EmuTokenSource(emu, scopes, subject);
  const logLines: string[] = [];
  const sent: SentRequest[] = [];
  const spy: FetchLike = (url, init) => {
    sent.push({ method: init.method, url, body: init.body === undefined ? undefined : JSON.parse(init.body), at: Date.now() });
    return (nodeFetch as unknown as FetchLike)(url, init);
  };
  const client = new DirectoryBetaClient({
    baseUrl: emu.url,
    customerId: emu.customerId,
    tokenSource: tokens,
    retry: FAST_RETRY,
    timeoutMs: 5_000,
    log: (l) => logLines.push(l),
    fetch: spy,
    ...rest,
  });
  clients.push(client);
  return { client, tokens, logLines, sent };
}

export function disposeClients(): void {
  for (const c of clients.splice(0)) c.dispose();
}

/** The suite's emulator (see useEmulator), with the clients made by makeClient() disposed after the suite. */
export function useApiEmulator(options: EmulatorFixtureOptions = {}): Emulator {
  after(disposeClients); // registered first, so it runs before the emulator stops
  return useEmulator(options);
}

/** API requests in the emulator's log (OAuth and control calls left out). */
export function apiRequests(emu: Emulator): LoggedRequest[] {
  return emu.requests.filter((r) => r.path.startsWith('/admin/'));
}

export async function collect<P, T>(pages: AsyncIterable<P>, pick: (p: P) => readonly T[]): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(...pick(p));
  return out;
}

export async function rejects(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
