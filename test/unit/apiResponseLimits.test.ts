// Response bodies are capped (MAX_RESPONSE_BYTES): the cap is measured against the largest legitimate answer (a FULL
// page of 100 browsers with 60 extensions and 300 policies each, on both API versions), and an oversized body is cut
// off while it streams in, with a clear error, never read whole. Real clients, real HTTP against the emulator.
import * as assert from 'assert';
import nodeFetch from 'node-fetch';
import { SCOPES } from '../emulator';
import { useEmulator } from '../emulator/fixture';
import { ApiError, ChromeManagementClient, DirectoryBetaClient, type FetchLike } from '../../src/api';
import { MAX_RESPONSE_BYTES } from '../../src/api/http';
import { JwtTokenSource } from '../../src/auth/jwtTokenSource';
import { parseServiceAccountKey } from '../../src/auth/keyValidation';
import { scopesFor } from '../../src/auth/scopes';
import { AuthError } from '../../src/auth/tokenErrors';
import { EmuTokenSource } from './apiHarness';

const MiB = 1024 * 1024;

async function eventually(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A fetch that counts the bytes of every body the client read (node-fetch, real HTTP). */
function measuringFetch(sizes: number[]): FetchLike {
  return async (url, init) => {
    const res = await (nodeFetch as unknown as FetchLike)(url, init);
    return {
      status: res.status,
      headers: res.headers,
      text: async () => {
        const text = await res.text();
        sizes.push(Buffer.byteLength(text));
        return text;
      },
    };
  };
}

describe('response size cap', function () {
  this.timeout(30_000);
  const emu = useEmulator({ browsers: 100, seed: 8, beforeEachTest: 'clearFaults' });
  const scopes = [SCOPES.browsers, SCOPES.orgUnitsReadonly, SCOPES.cmBrowsers, SCOPES.cmTokens];

  before(() => {
    // The worst legitimate case: every browser at the generator's maximum of extensions and policies.
    for (const b of emu.fleet.browsers.values()) {
      b.extensionCount = 60;
      b.policyCount = 300;
      // Extensions and user policies live in the profiles of an installed Chrome.
      if (!b.browserVersions?.length) b.browserVersions = ['130.0.6723.91'];
      b.lastDeviceUser ??= 'worst.case.user@example.test';
    }
  });

  it('leaves a wide margin above the largest FULL page of either API version, which still reads fine', async () => {
    const sizes: number[] = [];
    const tokenSource = new EmuTokenSource(emu, scopes);
    const beta = new DirectoryBetaClient({ baseUrl: emu.url, customerId: emu.customerId, tokenSource, fetch: measuringFetch(sizes) });
    const v1 = new ChromeManagementClient({
      baseUrl: emu.url,
      directoryBaseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource,
      fetch: measuringFetch(sizes),
    });
    try {
      for (const backend of [beta, v1]) {
        for await (const page of backend.listBrowsers({ projection: 'FULL', maxResults: 100 })) {
          assert.strictEqual(page.browsers.length, 100);
          const extensions = (b: (typeof page.browsers)[number]) =>
            (b.browsers ?? []).flatMap((i) => i.profiles ?? []).flatMap((p) => p.extensions ?? []).length;
          assert.ok(
            page.browsers.every((b) => extensions(b) > 0 && (b.machinePolicies?.length ?? 0) > 0),
            'FULL pages carry extensions and policies',
          );
          break;
        }
      }
    } finally {
      beta.dispose();
      v1.dispose();
    }
    const biggest = Math.max(...sizes);
    assert.ok(biggest > 4 * MiB, `the worst-case page should be several MiB (got ${biggest} bytes)`);
    assert.ok(MAX_RESPONSE_BYTES >= 4 * biggest, `cap ${MAX_RESPONSE_BYTES} leaves less than 4x over the biggest page (${biggest} bytes)`);
    assert.ok(MAX_RESPONSE_BYTES < 48 * MiB, 'the 48 MiB answer of the review must be refused');
  });

  for (const contentLength of [false, true]) {
    it(`cuts a 48 MiB answer ${contentLength ? 'announced by Content-Length before reading it' : 'off while it streams in'}, with a clear error and no retry`, async () => {
      const before = { ...emu.context.faults.bodies };
      emu.setFaults({ failNext: [{ bodyBytes: 48 * MiB, contentLength, pathIncludes: '/orgunits', times: 5 }] });
      const client = new DirectoryBetaClient({
        baseUrl: emu.url,
        customerId: emu.customerId,
        tokenSource: new EmuTokenSource(emu, scopes),
        retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10 },
      });
      try {
        const err = await client.listOrgUnits().then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
        assert.strictEqual(err.reason, 'responseTooLarge');
        assert.strictEqual(err.attempts, 1, 'the same oversized answer is not fetched again');
        assert.match(err.message, /larger than 32 MiB.*cbcm\.pageSize/);
        assert.doesNotMatch(err.message, /127\.0\.0\.1/, 'the message names no URL');
      } finally {
        client.dispose();
      }
      const bodies = emu.context.faults.bodies;
      assert.strictEqual(bodies.started, before.started + 1);
      await eventually('the emulator to see the client stop reading', () => bodies.abandoned === before.abandoned + 1);
      assert.strictEqual(bodies.completed, before.completed, 'the client read the whole 48 MiB body');
    });
  }

  it('honours a smaller cap given to the client', async () => {
    const client = new DirectoryBetaClient({
      baseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource: new EmuTokenSource(emu, scopes),
      maxResponseBytes: 2_000,
    });
    try {
      await assert.rejects(client.listOrgUnits(), (e: unknown) => e instanceof ApiError && e.reason === 'responseTooLarge');
    } finally {
      client.dispose();
    }
    assert.throws(() => new DirectoryBetaClient({ tokenSource: new EmuTokenSource(emu), maxResponseBytes: 0 }), RangeError);
  });

  it("caps the token endpoint's answer too", async () => {
    emu.setFaults({ includeOAuth: true, failNext: [{ bodyBytes: 8 * MiB, pathIncludes: '/token', times: 5 }] });
    const source = new JwtTokenSource({
      key: parseServiceAccountKey(JSON.stringify(emu.serviceAccountKey)),
      subject: emu.adminEmail,
      scopes: scopesFor('readOnly'),
      tokenUrl: emu.tokenUrl,
      adminConsoleUrl: 'https://admin.google.com',
      timeoutMs: 5_000,
    });
    const err = await source.getAccessToken().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof AuthError, `expected an AuthError, got ${String(err)}`);
    assert.strictEqual(err.code, 'tokenEndpoint');
    assert.match(err.message, /far larger than any token/);
    assert.strictEqual(emu.context.faults.bodies.completed, 0, 'the token body was read whole');
  });
});
