// The JSON control API under /__emulator/ (no auth): for processes that cannot hold the Emulator
// object, such as the VS Code extension host or Playwright.
import { COLON_MATCHES, type ColonMatch, type EmulatorContext, type Reply } from './context';
import { badRequest, notFound } from './errors';
import { validateFaults, type Faults } from './faults';
import type { FleetBrowser } from './fleet';
import { parseJsonObject } from './httpUtil';
import type { RequestLog } from './requestLog';
import type { Route } from './router';

/** What the control API needs from the Emulator. */
export interface ControlTarget {
  readonly context: EmulatorContext;
  readonly requestLog: RequestLog;
  info(): Record<string, unknown>;
  setFaults(faults: Faults): void;
  clearFaults(): void;
  reset(): void;
  advanceClock(ms: number): void;
  issueAccessToken(scopes: string[], subject?: string): string;
}

const P = '^/__emulator';

export function controlRoutes(emu: ControlTarget): Route[] {
  const ctx = emu.context;
  const route = (method: string, path: string, handler: Route['handler']): Route => ({
    method,
    pattern: new RegExp(`${P}${path}$`),
    kind: 'control',
    handler,
  });
  const rawBrowser = (id: string): FleetBrowser => {
    const b = ctx.fleet.browsers.get(id);
    if (!b) throw notFound(`No device ${id} in the emulator's fleet.`);
    return b;
  };
  const ok = (json: unknown): Reply => ({ json });

  return [
    route('GET', '/info', () => ok(emu.info())),
    route('GET', '/service-account-key', () => ok(ctx.serviceAccountKey)),
    route('GET', '/faults', () => ok(ctx.faults.current)),
    route('POST', '/faults', (_c, req) => {
      const body = parseJsonObject(req.body);
      if (body.clear === true) emu.clearFaults();
      delete body.clear;
      let faults: Faults;
      try {
        faults = validateFaults(body);
      } catch (e) {
        throw badRequest(`Invalid faults: ${(e as Error).message}`);
      }
      emu.setFaults(faults);
      return ok(ctx.faults.current);
    }),
    route('DELETE', '/faults', () => {
      emu.clearFaults();
      return ok(ctx.faults.current);
    }),
    // Whether org unit filters include sub-units ('exact' | 'subtree'): the reference does not say.
    route('POST', '/orgunitscope', (_c, req) => {
      const { scope } = parseJsonObject(req.body);
      if (scope !== 'exact' && scope !== 'subtree') throw badRequest(`scope must be "exact" or "subtree" (got ${JSON.stringify(scope)}).`);
      ctx.orgUnitScope = scope;
      return ok({ scope });
    }),
    // What a plain v1 string value after ':'/'=' matches ('word' | 'exact' | 'prefix' | 'substring'): the reference does not say.
    route('POST', '/colonmatch', (_c, req) => {
      const { match } = parseJsonObject(req.body);
      if (!COLON_MATCHES.includes(match as ColonMatch))
        throw badRequest(`match must be one of ${COLON_MATCHES.map((m) => `"${m}"`).join(', ')} (got ${JSON.stringify(match)}).`);
      ctx.colonMatch = match as ColonMatch;
      return ok({ match });
    }),
    // A compact index of the fleet (id, name, OU), optionally of one OU, for tests that need to pick devices.
    route('GET', '/browsers', (_c, req) => {
      const ou = req.query.get('orgUnitPath');
      const browsers = [...ctx.fleet.browsers.values()]
        .filter((b) => !ou || b.orgUnitPath === ou)
        .map((b) => ({ deviceId: b.deviceId, machineName: b.machineName, orgUnitPath: b.orgUnitPath, osPlatform: b.osPlatform }));
      return ok({ browsers });
    }),
    route('GET', '/browsers/([^/]+)', (_c, req) => ok(rawBrowser(req.params[0]))),
    route('PATCH', '/browsers/([^/]+)', (_c, req) => {
      rawBrowser(req.params[0]);
      const body = parseJsonObject(req.body) as Partial<FleetBrowser>;
      if (body.orgUnitPath !== undefined && !ctx.fleet.orgUnits.resolve(body.orgUnitPath)) {
        throw badRequest(`Unknown org unit ${body.orgUnitPath}; add it with POST /__emulator/orgunits first.`);
      }
      return ok(ctx.fleet.patchBrowser(req.params[0], body));
    }),
    route('DELETE', '/browsers/([^/]+)', (_c, req) => {
      rawBrowser(req.params[0]);
      ctx.fleet.deleteBrowser(req.params[0]);
      return ok({});
    }),
    route('POST', '/browsers', (_c, req) => {
      try {
        return ok(ctx.fleet.addBrowser(parseJsonObject(req.body)));
      } catch (e) {
        throw badRequest((e as Error).message);
      }
    }),
    route('GET', '/orgunits', () => ok({ orgUnits: ctx.fleet.orgUnits.list() })),
    route('POST', '/orgunits', (_c, req) => {
      const body = parseJsonObject(req.body);
      if (typeof body.path !== 'string' || body.path === '') throw badRequest('Give {"path": "/Parent/Child", "description"?: "..."}.');
      return ok(ctx.fleet.orgUnits.add(body.path, typeof body.description === 'string' ? body.description : undefined));
    }),
    route('GET', '/tokens', () => ok({ tokens: [...ctx.fleet.tokens.values()].map((t) => ({ ...t, state: ctx.fleet.tokenState(t) })) })),
    route('POST', '/access-token', (_c, req) => {
      const body = parseJsonObject(req.body);
      const scopes = Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string') : [];
      if (scopes.length === 0) throw badRequest('Give {"scopes": ["https://www.googleapis.com/auth/..."], "subject"?: "admin@example.test"}.');
      const subject = typeof body.subject === 'string' ? body.subject : undefined;
      return ok({ access_token: emu.issueAccessToken(scopes, subject), token_type: 'Bearer', expires_in: ctx.accessTokens.lifetimeSeconds });
    }),
    // Domain-wide delegation of the service account's client id: drop a scope to see how the extension reports it.
    route('GET', '/delegated-scopes', () => ok({ scopes: ctx.delegatedScopes })),
    route('POST', '/delegated-scopes', (_c, req) => {
      const body = parseJsonObject(req.body);
      if (!Array.isArray(body.scopes) || !body.scopes.every((s) => typeof s === 'string')) {
        throw badRequest('Give {"scopes": ["https://www.googleapis.com/auth/..."]} (an empty list delegates nothing).');
      }
      ctx.delegatedScopes = [...body.scopes];
      return ok({ scopes: ctx.delegatedScopes });
    }),
    route('POST', '/token-info', (_c, req) => {
      const body = parseJsonObject(req.body);
      const grant = typeof body.token === 'string' ? ctx.accessTokens.lookup(body.token) : undefined;
      if (!grant) throw notFound('No such access token (unknown or expired).');
      return ok({ scopes: grant.scopes, subject: grant.subject, expiresAt: new Date(grant.expiresAt).toISOString() });
    }),
    route('POST', '/revoke-refresh-tokens', () => {
      ctx.oauth.revokeAllRefreshTokens();
      return ok({});
    }),
    route('GET', '/requests', (_c, req) => {
      const since = Number(req.query.get('since') ?? 0) || 0;
      return ok({ total: emu.requestLog.total, apiTotal: emu.requestLog.apiTotal, requests: emu.requestLog.list(since) });
    }),
    route('DELETE', '/requests', () => {
      emu.requestLog.clear();
      return ok({});
    }),
    route('POST', '/clock', (_c, req) => {
      const body = parseJsonObject(req.body);
      if (typeof body.advanceMs !== 'number' || body.advanceMs < 0) throw badRequest('Give {"advanceMs": <non-negative number>}.');
      emu.advanceClock(body.advanceMs);
      return ok({ now: new Date(ctx.clock()).toISOString() });
    }),
    route('POST', '/reset', () => {
      emu.reset();
      return ok(emu.info());
    }),
  ];
}
