// Odd answers from "Google", on both backends: a 2xx whose body is not JSON (a proxy's or captive portal's page),
// and error texts that quote secrets back (an enrollment-token value from the query, a bearer token), which must be
// elided before the message reaches the admin, a log or the history.
import * as assert from 'assert';
import type { ApiError } from '../../src/api';
import { useEmulator } from '../emulator/fixture';
import { rejects } from './apiHarness';
import { BACKENDS, disposeBackends } from './bothBackends';

for (const kind of BACKENDS) {
  describe(`odd answers (${kind.name})`, function () {
    this.timeout(20_000);
    after(disposeBackends);
    const emu = useEmulator({ browsers: 20, seed: 31 });
    const someId = (): string => [...emu.fleet.browsers.keys()][0];

    it('a 200 whose body is HTML, not JSON, is an unreadable answer naming a proxy', async () => {
      const { backend } = kind.make(emu);
      emu.setFaults({ failNext: [{ rawBody: '<html><body>Sign in to the proxy</body></html>', times: 10 }] });
      const err = (await rejects(backend.getBrowser(someId(), 'BASIC'))) as ApiError;
      assert.strictEqual(err.kind, 'server');
      assert.strictEqual(err.status, 200);
      assert.match(err.message, /unreadable answer.*proxy/);
      assert.doesNotMatch(err.message, /Sign in to the proxy/, 'the foreign page is not quoted');
    });

    it('a 2xx that is truncated JSON is unreadable too', async () => {
      const { backend } = kind.make(emu);
      emu.setFaults({ failNext: [{ status: 200, rawBody: '{"browsers": [', times: 10 }] });
      const err = (await rejects(backend.getBrowser(someId(), 'BASIC'))) as ApiError;
      assert.strictEqual(err.kind, 'server');
      assert.match(err.message, /unreadable answer/);
    });

    const SECRET_TOKEN = 'c0ffee00-secret-enrollment-value';
    const SECRET_BEARER = 'ya29.a0AfB_secret-access-token';
    const quoting = [
      `Invalid query "enrollment_token:${SECRET_TOKEN} machine_name:x"`,
      `Invalid query: enrollment_token: ${SECRET_TOKEN}`,
      `Invalid query enrollment_token:"${SECRET_TOKEN}"`,
      `Request had Authorization: Bearer ${SECRET_BEARER}`,
      `token ${SECRET_BEARER} is not valid here`,
    ];
    for (const message of quoting) {
      it(`elides the secrets Google's error text quotes back: ${JSON.stringify(message.slice(0, 40))}…`, async () => {
        const { backend, logLines } = kind.make(emu);
        emu.setFaults({ failNext: [{ status: 400, reason: 'invalid', message }] });
        const err = (await rejects(backend.getBrowser(someId(), 'BASIC'))) as ApiError;
        assert.strictEqual(err.kind, 'invalid');
        for (const secret of [SECRET_TOKEN, SECRET_BEARER, 'a0AfB_secret']) {
          assert.ok(!err.message.includes(secret), `secret in the message: ${err.message}`);
          assert.ok(!JSON.stringify(err).includes(secret), 'secret in the serialised error');
          assert.ok(!logLines.join('\n').includes(secret), 'secret in the log');
        }
        assert.match(err.message, /…/, 'the elision is visible');
      });
    }

    it('keeps the harmless rest of the message', async () => {
      const { backend } = kind.make(emu);
      emu.setFaults({ failNext: [{ status: 400, reason: 'invalid', message: `Invalid query enrollment_token:${SECRET_TOKEN} near machine_name` }] });
      const err = (await rejects(backend.getBrowser(someId(), 'BASIC'))) as ApiError;
      assert.match(err.message, /Invalid query enrollment_token:… near machine_name/);
    });
  });
}
