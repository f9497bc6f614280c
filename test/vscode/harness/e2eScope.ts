// Which E2E files a run takes: the v1 backend's run leaves out the files the backend does not matter to.
import * as fs from 'fs';
import * as path from 'path';
import { e2eDir } from './paths';

/** test/vscode/e2e/**\/*.e2e.ts, sorted. */
export function findE2eFiles(dir = e2eDir): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.e2e.ts')) found.push(path.join(entry.parentPath, entry.name));
  }
  return found.sort();
}

/**
 * E2E files whose behaviour does not depend on the API backend: the panel lifecycle and drafts, multi-step inputs,
 * the output log, automation refused in Production, sign-in from the environment, the walkthrough. The run on the
 * Chrome Management API v1 backend (CBCM_API_VERSION=chromemanagement-v1, scripts/test.sh) leaves them out to keep
 * the suite within its time; the v1 integration suite covers the backend under them. CBCM_E2E_ALL=1 runs them too.
 */
export const BACKEND_INDEPENDENT_E2E = [
  'deviceDetailsLifecycle.e2e.ts',
  'multiStepInput.e2e.ts',
  'outputLog.e2e.ts',
  'productionCaller.e2e.ts',
  'signIn.e2e.ts',
  'walkthrough.e2e.ts',
];

/** The files of this run: all of them on the default backend, those the backend matters to on the other one. */
export function e2eFilesFor(all: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const names = new Set(all.map((f) => path.basename(f)));
  const unknown = BACKEND_INDEPENDENT_E2E.filter((n) => !names.has(n));
  if (unknown.length) throw new Error(`BACKEND_INDEPENDENT_E2E names files that do not exist: ${unknown.join(', ')}`);
  if (env.CBCM_E2E_ALL === '1' || (env.CBCM_API_VERSION ?? 'v1.1beta1') === 'v1.1beta1') return all;
  return all.filter((f) => !BACKEND_INDEPENDENT_E2E.includes(path.basename(f)));
}
