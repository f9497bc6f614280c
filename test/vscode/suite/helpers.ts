// Shared by the integration suites: the extension's testing API and the emulator's control API.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CbcmExtensionApi, CbcmTestingApi } from '../../../src/testing';

export const EXTENSION_ID = 'cbcm-explorer.cbcm-explorer';

export function emulatorUrl(): string {
  const url = process.env.CBCM_EMULATOR_URL;
  assert.ok(url, 'CBCM_EMULATOR_URL is not set in the extension host (the harness sets it)');
  return url;
}

/** GET (or POST with a body) on the emulator's control API. */
export async function control<T = unknown>(route: string, body?: unknown): Promise<T> {
  const res = await fetch(
    `${emulatorUrl()}/__emulator/${route}`,
    body === undefined
      ? undefined
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  assert.ok(res.ok, `emulator control ${route} answered ${res.status}`);
  return (await res.json()) as T;
}

/** The text of a label or tooltip (a string, a TreeItemLabel or Markdown); 'undefined' when there is none. */
export function plainText(v: string | vscode.TreeItemLabel | vscode.MarkdownString | undefined): string {
  if (v === undefined || typeof v === 'string') return String(v);
  return 'label' in v ? v.label : v.value;
}

export async function testingApi(): Promise<CbcmTestingApi> {
  const ext = vscode.extensions.getExtension<CbcmExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  assert.ok(api.testing, 'the testing API is missing: is the extension running in Production mode?');
  return api.testing;
}

/** Signs in through the real service-account flow (JWT exchange at the emulator's token endpoint). */
export async function signInWithEmulatorKey(): Promise<void> {
  const info = await control<{ adminEmail: string }>('info');
  const key = await control<object>('service-account-key');
  await vscode.commands.executeCommand('cbcm.auth.signInServiceAccount', { keyJson: JSON.stringify(key), adminEmail: info.adminEmail });
}
