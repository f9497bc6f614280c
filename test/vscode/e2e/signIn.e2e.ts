// The installed extension (Production mode) never signs in from CBCM_AUTO_SIGNIN_*: the harness sets them for the
// extension host all the same, the workbench started signed out, and the session signed in through the welcome
// view, the file dialog and the e-mail box (test/vscode/harness/uiSignIn.ts), as an admin does.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { openExplorerFromActivityBar, row } from './explorerHelpers';

describe('Sign-in of the installed extension', () => {
  it('ignored the automatic sign-in variables, said so in its log, and made no token request by itself', () => {
    const startup = e2e().startup;
    assert.ok(startup, 'the harness did not record the start-up');
    assert.strictEqual(
      startup.signedOutAtStart,
      true,
      'the extension was signed in before anyone signed in: CBCM_AUTO_SIGNIN_* was honoured in Production',
    );
    assert.strictEqual(startup.ignoredLogLine, true, 'no "CBCM_AUTO_SIGNIN_* is set but ignored" line in the CBCM Explorer log');
    assert.strictEqual(startup.tokenRequestsBeforeSignIn, 0);
  });

  it('is signed in through the UI: the account and its org units show in the explorer', async () => {
    const { emulator, screenshot } = e2e();
    await openExplorerFromActivityBar();
    await row(new RegExp(emulator.adminEmail.replace(/[.]/g, '\\.')), 1).waitFor({ state: 'visible', timeout: 20_000 });
    await row('All org units (/)', 2).waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot('signed-in-through-the-ui');
  });
});
