// The CBCM API emulator: a real HTTP server on 127.0.0.1 that speaks the Admin SDK Chrome browser and
// enrollment-token APIs, Directory v1 org units, and Google's OAuth endpoints.
import { generateKeyPair, createPublicKey, createHash, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokens, DEFAULT_DELEGATED_SCOPES } from './auth';
import type { ColonMatch, EmulatorContext, OrgUnitScope, ServiceAccountKey } from './context';
import { controlRoutes, type ControlTarget } from './control';
import { FaultInjector, validateFaults, type Faults } from './faults';
import { Fleet, type EmuUser } from './fleet';
import { generateBrowsers, generateTokens } from './fleetGenerator';
import { OAuthState, type OAuthClient } from './oauthState';
import { DEFAULT_ORG_UNIT_PATHS, OrgUnitTree } from './orgUnits';
import { PageTokens } from './pageTokens';
import { Prng } from './prng';
import { RequestLog, type LoggedRequest } from './requestLog';
import { API_AND_OAUTH_ROUTES } from './router';
import { startServer, type RunningServer } from './server';
import { clock as productClock } from '../../src/util/clock';

export interface EmulatorOptions {
  /** Number of generated browsers (default 2000, up to ~200,000). */
  browsers?: number;
  /** Number of generated enrollment tokens (default 40). */
  tokens?: number;
  /** PRNG seed for the fleet and for random faults (default 1). */
  seed?: number;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The "now" the fleet's times are relative to (default: the product's clock, src/util/clock.ts). The clock then runs on from it. */
  now?: Date | number | string;
  /** Shorthand for faults.latencyMs. */
  latencyMs?: number;
  faults?: Faults;
  /** Lifetime of a listing's page tokens, counted from its first page (default 3,600,000 = 1 hour). */
  pageTokenLifetimeMs?: number;
  /** Lifetime of issued access tokens, i.e. expires_in (default 3599). */
  accessTokenLifetimeSeconds?: number;
  customerId?: string;
  /** Super admin that domain-wide delegation may impersonate (default admin@example.test). */
  adminEmail?: string;
  /** A known user who is not an admin (default user@example.test). */
  nonAdminEmail?: string;
  /** Scopes delegated to the service account's client_id (default: chromebrowsers, its readonly, orgunit.readonly). */
  delegatedScopes?: string[];
  /** Org unit paths of the tree (default: ~28 nested OUs). */
  orgUnitPaths?: string[];
  /** Whether org unit filters include sub-units (default 'exact'); see EmulatorContext.orgUnitScope. */
  orgUnitScope?: OrgUnitScope;
  /** What a plain v1 string value after `:`/`=` matches (default 'word'); see EmulatorContext.colonMatch. */
  colonMatch?: ColonMatch;
}

const DEFAULT_ADMIN = 'admin@example.test';
const DEFAULT_NON_ADMIN = 'user@example.test';

export class Emulator implements ControlTarget {
  readonly url: string;
  readonly tokenUrl: string;
  readonly authUrl: string;
  readonly revokeUrl: string;
  readonly customerId: string;
  readonly adminEmail: string;
  readonly nonAdminEmail: string;
  readonly serviceAccountKey: ServiceAccountKey;
  readonly serviceAccountKeyPath: string;
  readonly oauthClient: OAuthClient;
  readonly context: EmulatorContext;
  readonly requestLog: RequestLog;
  private clockOffsetMs = 0;
  /** The "now" the generated fleet is relative to; reset() regenerates the very same fleet. */
  private readonly fleetNow: number;
  private stopped = false;

  private constructor(
    private readonly options: EmulatorOptions,
    private readonly running: RunningServer,
    private readonly keyDir: string,
    parts: { context: EmulatorContext; customerId: string; key: ServiceAccountKey; keyPath: string; log: RequestLog; fleetNow: number },
  ) {
    this.fleetNow = parts.fleetNow;
    this.requestLog = parts.log;
    this.url = `http://127.0.0.1:${running.port}`;
    this.tokenUrl = `${this.url}/token`;
    this.authUrl = `${this.url}/o/oauth2/v2/auth`;
    this.revokeUrl = `${this.url}/revoke`;
    this.customerId = parts.customerId;
    this.adminEmail = options.adminEmail ?? DEFAULT_ADMIN;
    this.nonAdminEmail = options.nonAdminEmail ?? DEFAULT_NON_ADMIN;
    this.serviceAccountKey = parts.key;
    this.serviceAccountKeyPath = parts.keyPath;
    this.context = parts.context;
    this.oauthClient = parts.context.oauth.client;
  }

  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const seed = options.seed ?? 1;
    const initialFaults = validateFaults({ ...(options.faults ?? {}), ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}) });
    const { privateKey, publicKey } = await newKeyPair();
    const keyDir = await mkdtemp(join(tmpdir(), 'cbcm-emu-'));
    const keyPath = join(keyDir, 'service-account.json');
    const customerId = options.customerId ?? `C0emu${String((seed * 7919) % 100000).padStart(5, '0')}`;
    // The product's clock (src/util/clock.ts): a test that sets it gets a fleet generated around the same "now".
    const startReal = productClock.now();
    const base = options.now === undefined ? startReal : new Date(options.now).getTime();
    if (Number.isNaN(base)) throw new Error(`Emulator: invalid "now" option ${String(options.now)}`);
    // Late-bound so the context, the control API and the server share one clock and one emulator.
    // eslint-disable-next-line prefer-const -- the clock below reads it before it is assigned (late binding)
    let emu: Emulator | undefined;
    const clock = (): number => base + (productClock.now() - startReal) + (emu?.clockOffsetMs ?? 0);
    const faults = new FaultInjector(new Prng(seed ^ 0x5eed5eed));
    const context: EmulatorContext = {
      fleet: undefined as unknown as Fleet,
      clock,
      accessTokens: new AccessTokens(clock, options.accessTokenLifetimeSeconds ?? 3599),
      pageTokens: new PageTokens(clock, options.pageTokenLifetimeMs ?? 3_600_000),
      faults,
      oauth: new OAuthState({
        clientId: `${100000000000 + seed}-emu.apps.googleusercontent.com`,
        clientSecret: `GOCSPX-emu-${createHash('sha256').update(`secret${seed}`).digest('hex').slice(0, 24)}`,
      }),
      serviceAccountKey: undefined as unknown as ServiceAccountKey,
      serviceAccountPublicKey: publicKey,
      customerId,
      delegatedScopes: [...(options.delegatedScopes ?? DEFAULT_DELEGATED_SCOPES)],
      orgUnitScope: options.orgUnitScope ?? 'exact',
      colonMatch: options.colonMatch ?? 'word',
      url: '',
      tokenUrl: '',
    };
    context.fleet = buildFleet(options, customerId, clock, base);

    const routes = [...API_AND_OAUTH_ROUTES];
    const log = new RequestLog();
    let running: RunningServer;
    try {
      running = await startServer(() => context, routes, log, '127.0.0.1', options.port ?? 0);
    } catch (e) {
      await rm(keyDir, { recursive: true, force: true });
      throw e;
    }
    const url = `http://127.0.0.1:${running.port}`;
    const key: ServiceAccountKey = {
      type: 'service_account',
      project_id: `cbcm-emu-${seed}`,
      private_key_id: createHash('sha1')
        .update(publicKey.export({ type: 'spki', format: 'pem' }))
        .digest('hex'),
      private_key: privateKey,
      client_email: `cbcm-explorer@cbcm-emu-${seed}.iam.gserviceaccount.com`,
      client_id: String(100000000000000000000n + BigInt(seed)),
      auth_uri: `${url}/o/oauth2/v2/auth`,
      token_uri: `${url}/token`,
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/cbcm-explorer%40cbcm-emu-${seed}.iam.gserviceaccount.com`,
      universe_domain: 'googleapis.com',
    };
    await writeFile(keyPath, JSON.stringify(key, null, 2), { mode: 0o600 });
    context.serviceAccountKey = key;
    context.url = url;
    context.tokenUrl = `${url}/token`;
    emu = new Emulator(options, running, keyDir, { context, customerId, key, keyPath, log, fleetNow: base });
    routes.push(...controlRoutes(emu));
    emu.setFaults(initialFaults);
    return emu;
  }

  /** The in-memory state (replaced by reset()). */
  get fleet(): Fleet {
    return this.context.fleet;
  }

  /** The emulator's current time (ms since epoch). */
  now(): number {
    return this.context.clock();
  }

  /** Moves the emulator's clock forward (token, page-token and access-token expiry). */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** A bearer token the API accepts, for `subject` (default the super admin). */
  issueAccessToken(scopes: string[], subject: string = this.adminEmail): string {
    return this.context.accessTokens.issue(scopes, subject).token;
  }

  /** Merges fault settings (`failNext` replaces the queue); throws on a malformed setting. */
  setFaults(faults: Faults): void {
    validateFaults(faults as Record<string, unknown>);
    this.context.faults.set(faults);
    if (faults.expirePageTokens !== undefined) this.context.pageTokens.forcedExpiries = faults.expirePageTokens;
  }

  clearFaults(): void {
    this.context.faults.clear();
    this.context.pageTokens.forcedExpiries = 0;
  }

  get faults(): Readonly<Faults> {
    return this.context.faults.current;
  }

  /** Requests answered since start or the last clearRequestLog(), including OAuth and control calls. */
  get requestCount(): number {
    return this.requestLog.total;
  }

  /** API requests (no OAuth, no control) answered since start or the last clearRequestLog(). */
  get apiRequestCount(): number {
    return this.requestLog.apiTotal;
  }

  /** Recent requests (method, path with secrets masked, status), oldest first. */
  get requests(): LoggedRequest[] {
    return this.requestLog.list();
  }

  clearRequestLog(): void {
    this.requestLog.clear();
  }

  /** Switches what an org unit filter lists: its own browsers ('exact') or its whole subtree ('subtree'). */
  setOrgUnitScope(scope: OrgUnitScope): void {
    this.context.orgUnitScope = scope;
  }

  /** Switches what a plain v1 string value matches: whole words, the whole value, a prefix or a substring. */
  setColonMatch(match: ColonMatch): void {
    this.context.colonMatch = match;
  }

  /** Delegated scopes of the service account's client id (domain-wide delegation). */
  setDelegatedScopes(scopes: string[]): void {
    this.context.delegatedScopes = [...scopes];
  }

  /** Regenerates the start-up fleet (same seed and "now"), clears faults, page tokens and the request log. Issued tokens stay valid. */
  reset(): void {
    this.context.fleet = buildFleet(this.options, this.customerId, this.context.clock, this.fleetNow);
    this.context.pageTokens.clear();
    this.clearFaults();
    const initial: Faults = { ...(this.options.faults ?? {}) };
    if (this.options.latencyMs !== undefined) initial.latencyMs = this.options.latencyMs;
    this.setFaults(initial);
    this.requestLog.clear();
  }

  info(): Record<string, unknown> {
    return {
      url: this.url,
      tokenUrl: this.tokenUrl,
      authUrl: this.authUrl,
      revokeUrl: this.revokeUrl,
      customerId: this.customerId,
      adminEmail: this.adminEmail,
      nonAdminEmail: this.nonAdminEmail,
      users: this.fleet.users,
      serviceAccountKeyPath: this.serviceAccountKeyPath,
      serviceAccountEmail: this.serviceAccountKey.client_email,
      serviceAccountClientId: this.serviceAccountKey.client_id,
      delegatedScopes: this.context.delegatedScopes,
      oauthClient: this.oauthClient,
      browsers: this.fleet.browsers.size,
      tokens: this.fleet.tokens.size,
      orgUnits: this.fleet.orgUnits.list().length,
      seed: this.options.seed ?? 1,
      now: new Date(this.now()).toISOString(),
    };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.running.close();
    await rm(this.keyDir, { recursive: true, force: true });
  }
}

function buildFleet(options: EmulatorOptions, customerId: string, clock: () => number, now: number): Fleet {
  const seed = options.seed ?? 1;
  const users: EmuUser[] = [
    { email: options.adminEmail ?? DEFAULT_ADMIN, id: '100000000000000000001', isAdmin: true },
    { email: options.nonAdminEmail ?? DEFAULT_NON_ADMIN, id: '100000000000000000002', isAdmin: false },
  ];
  const fleet = new Fleet(new OrgUnitTree(options.orgUnitPaths ?? DEFAULT_ORG_UNIT_PATHS), users, customerId, clock, new Prng(`${seed}:added`));
  const prng = new Prng(seed);
  generateTokens(fleet, options.tokens ?? 40, prng, now);
  generateBrowsers(fleet, options.browsers ?? 2000, prng, now);
  return fleet;
}

async function newKeyPair(): Promise<{ privateKey: string; publicKey: KeyObject }> {
  const privateKey = await new Promise<string>((resolve, reject) =>
    generateKeyPair(
      'rsa',
      { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } },
      (err, _pub, priv) => (err ? reject(err) : resolve(priv)),
    ),
  );
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
