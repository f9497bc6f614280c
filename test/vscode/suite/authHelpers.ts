// Helpers of the sign-in suites (authFlows.test.ts, authCanary.test.ts): the auth testing hooks, the emulator's
// consent page played like a browser would, and a scan of everything on disk the extension host can write.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AuthTestingHooks } from '../../../src/auth/testingHooks';
import { control, testingApi } from './helpers';

export interface EmulatorInfo {
  url: string;
  adminEmail: string;
  nonAdminEmail: string;
  customerId: string;
  oauthClient: { clientId: string; clientSecret: string };
  serviceAccountClientId: string;
}

export const info = (): Promise<EmulatorInfo> => control<EmulatorInfo>('info');
export const serviceAccountKey = (): Promise<Record<string, unknown>> => control<Record<string, unknown>>('service-account-key');

export async function authHooks(): Promise<AuthTestingHooks> {
  const hooks = (await testingApi()).auth;
  assert.ok(hooks, 'exports.testing.auth is missing (it exists outside Production mode only)');
  return hooks;
}

/** Plays the admin in the browser: the consent page must render, then approve (or deny) as `loginHint`. */
export async function approveConsent(authorizeUrl: string, loginHint: string, decision: 'allow' | 'deny' = 'allow'): Promise<void> {
  const page = await fetch(authorizeUrl);
  assert.strictEqual(page.status, 200, `consent page answered ${page.status}`);
  const u = new URL(authorizeUrl);
  const approve = new URL(`${u.origin}${u.pathname}/approve${u.search}`);
  approve.searchParams.set('login_hint', loginHint);
  approve.searchParams.set('decision', decision);
  const res = await fetch(approve, { redirect: 'manual' });
  assert.strictEqual(res.status, 302, `approve answered ${res.status}`);
  await fetch(res.headers.get('location') ?? ''); // the extension's loopback listener
}

/**
 * Runs `cbcm.auth.signInOAuth` without opening a browser, approving the consent URL the extension announces.
 * Resolves/rejects like the command.
 */
export async function signInOAuthThroughCommand(
  hooks: AuthTestingHooks,
  clientId: string,
  clientSecret: string,
  loginHint: string,
): Promise<unknown> {
  let sub: vscode.Disposable | undefined;
  const consentFailed = new Promise<never>((_resolve, reject) => {
    sub = hooks.accounts.onDidStartOAuthFlow((e) => {
      sub?.dispose();
      approveConsent(e.authorizeUrl, loginHint).catch(reject);
    });
  });
  try {
    return await Promise.race([vscode.commands.executeCommand('cbcm.auth.signInOAuth', { clientId, clientSecret, openUrl: false }), consentFailed]);
  } finally {
    sub?.dispose();
  }
}

/** Every file below `dir` (bounded), as text. */
function filesUnder(dir: string, limit = 2000): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= limit) return;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** The server's log root (…/logs) above the extension's log folder: extension host log and output channels. */
export function logRoot(hooks: AuthTestingHooks): string {
  let dir = hooks.logUri.fsPath;
  while (path.basename(dir) !== 'logs' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  assert.strictEqual(path.basename(dir), 'logs', `no logs folder above ${hooks.logUri.fsPath}`);
  return dir;
}

/** settings.json files of the user-data folder the server uses (found above the log root or the global storage). */
export function settingsFiles(hooks: AuthTestingHooks): string[] {
  const found = new Set<string>();
  for (const start of [hooks.logUri.fsPath, hooks.globalStorageUri.fsPath]) {
    let dir = start;
    while (path.dirname(dir) !== dir) {
      for (const candidate of ['User/settings.json', 'Machine/settings.json', 'data/User/settings.json', 'data/Machine/settings.json']) {
        const file = path.join(dir, candidate);
        if (fs.existsSync(file)) found.add(file);
      }
      dir = path.dirname(dir);
    }
  }
  return [...found];
}

export interface Surface {
  name: string;
  text: string;
}

/** Log files, settings files, every cbcm.* setting value, every globalState entry. */
export function everySurface(hooks: AuthTestingHooks, extra: Surface[] = []): Surface[] {
  const surfaces: Surface[] = [];
  for (const file of filesUnder(logRoot(hooks))) {
    try {
      surfaces.push({ name: file, text: fs.readFileSync(file, 'utf8') });
    } catch {
      // a log rotated away while we walked
    }
  }
  for (const file of settingsFiles(hooks)) surfaces.push({ name: file, text: fs.readFileSync(file, 'utf8') });
  surfaces.push({ name: 'cbcm settings', text: JSON.stringify(vscode.workspace.getConfiguration('cbcm')) });
  surfaces.push({ name: 'globalState', text: JSON.stringify(hooks.globalStateEntries()) });
  return [...surfaces, ...extra];
}

export function assertNowhere(surfaces: Surface[], needles: { what: string; value: string }[]): void {
  for (const n of needles) {
    assert.ok(n.value.length >= 8, `needle ${n.what} too short to be meaningful`);
    const hits = surfaces.filter((s) => s.text.includes(n.value)).map((s) => s.name);
    assert.deepStrictEqual(hits, [], `${n.what} found in: ${hits.join(', ')}`);
  }
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
