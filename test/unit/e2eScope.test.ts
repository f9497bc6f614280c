import * as assert from 'assert';
import * as path from 'path';
import { BACKEND_INDEPENDENT_E2E, e2eFilesFor, findE2eFiles } from '../vscode/harness/e2eScope';

describe('E2E scope per backend', () => {
  const all = findE2eFiles();
  const names = (files: string[]) => files.map((f) => path.basename(f));

  it('runs every file on the default backend and when CBCM_E2E_ALL=1', () => {
    assert.deepStrictEqual(e2eFilesFor(all, {}), all);
    assert.deepStrictEqual(e2eFilesFor(all, { CBCM_API_VERSION: 'v1.1beta1' }), all);
    assert.deepStrictEqual(e2eFilesFor(all, { CBCM_API_VERSION: 'chromemanagement-v1', CBCM_E2E_ALL: '1' }), all);
  });

  it('leaves out exactly the backend-independent files on v1, and keeps the backend-dependent ones', () => {
    const v1 = names(e2eFilesFor(all, { CBCM_API_VERSION: 'chromemanagement-v1' }));
    assert.deepStrictEqual(
      names(all).filter((n) => !v1.includes(n)),
      [...BACKEND_INDEPENDENT_E2E].sort(),
    );
    for (const kept of ['deviceDetails.e2e.ts', 'explorer.e2e.ts', 'tokens.e2e.ts', 'fleetOperations.e2e.ts', 'inventory.e2e.ts'])
      assert.ok(v1.includes(kept), kept);
  });

  it('refuses a list naming a file that does not exist (a rename would silently run it on v1 again)', () => {
    assert.throws(
      () =>
        e2eFilesFor(
          all.filter((f) => !f.endsWith('walkthrough.e2e.ts')),
          { CBCM_API_VERSION: 'chromemanagement-v1' },
        ),
      /do not exist/,
    );
  });
});
