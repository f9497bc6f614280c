// Signs the packaged extension in the way an admin does: the installed .vsix runs in Production mode, where the
// automatic sign-in from CBCM_AUTO_SIGNIN_* does not exist, so the E2E session starts signed out and goes through the
// welcome view's button, the key-file quick pick, VS Code's file dialog (the simple, quick-input one of the web
// workbench: type the path) and the admin e-mail box. Once per E2E session; SecretStorage keeps the account across
// "Developer: Reload Window" (frontProxy.ts).
import * as fs from 'fs';
import * as path from 'path';
import type { Emulator } from '../../emulator';
import type { E2eFixture } from './fixture';

/** What the session saw before and during the sign-in, for test/vscode/e2e/signIn.e2e.ts to assert. */
export interface StartupFacts {
  /** The welcome view asked to sign in although CBCM_AUTO_SIGNIN_* were set for the extension host. */
  signedOutAtStart: boolean;
  /** The extension's log said it ignored CBCM_AUTO_SIGNIN_*. */
  ignoredLogLine: boolean;
  /** Token requests the emulator saw before the UI sign-in began (an automatic sign-in would make one). */
  tokenRequestsBeforeSignIn: number;
  /** Milliseconds the UI sign-in took. */
  signInMs: number;
}

const WELCOME_TEXT = 'Sign in to see the Chrome browsers';

export async function signInThroughUi(f: E2eFixture, emulator: Emulator, logsDir: string): Promise<StartupFacts> {
  const { page, quickInput } = f;
  const view = page.locator('[id="workbench.view.extension.cbcm"]');
  if (!(await view.isVisible().catch(() => false))) {
    await page.locator('.activitybar .action-item a[aria-label^="Chrome Browsers"]').first().click();
  }
  const welcome = page.locator('.welcome-view-content', { hasText: WELCOME_TEXT });
  const account = view.locator('.monaco-list-row[aria-level="1"]').first();
  await welcome.or(account).first().waitFor({ state: 'visible', timeout: 60_000 });
  if (!(await welcome.isVisible())) {
    // Already signed in before anyone did anything: the automatic sign-in ran in Production. signIn.e2e.ts fails on it.
    return {
      signedOutAtStart: false,
      ignoredLogLine: false,
      tokenRequestsBeforeSignIn: emulator.requests.filter((r) => r.path.startsWith('/token')).length,
      signInMs: 0,
    };
  }
  // Activation logs one of the two; an automatic sign-in may still be on its way while the welcome view shows.
  const said = await waitForLogLine(logsDir, [/CBCM_AUTO_SIGNIN_\* is set but ignored/, /Automatic sign-in as /], 30_000);
  const ignoredLogLine = said === 0;
  if (said === 1) {
    await account.waitFor({ state: 'visible', timeout: 60_000 }).catch(() => undefined);
    return {
      signedOutAtStart: false,
      ignoredLogLine,
      tokenRequestsBeforeSignIn: emulator.requests.filter((r) => r.path.startsWith('/token')).length,
      signInMs: 0,
    };
  }
  const tokenRequestsBeforeSignIn = emulator.requests.filter((r) => r.path.startsWith('/token')).length;

  const started = Date.now();
  await welcome.locator('.monaco-button', { hasText: 'Sign In with a Service Account Key' }).first().click();
  await waitForTitle(f, 'Sign in with a service account key (1/2)');
  await quickInput.pick(/Choose the JSON key file/);
  // The file dialog: a quick input holding a path. Typing the key file's path and Enter opens it.
  await waitForTitle(f, 'Service account key (JSON)');
  const step2 = f.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Sign in with a service account key (2/2)' }).first();
  await chooseInFileDialog(f, emulator.serviceAccountKeyPath, () => step2.isVisible().catch(() => false), 'Use This Key');
  await quickInput.fill(emulator.adminEmail, { submit: true });
  await f.waitForNotification(`signed in as ${emulator.adminEmail}`, 60_000);
  await page.keyboard.press('Escape'); // the toast
  return { signedOutAtStart: true, ignoredLogLine, tokenRequestsBeforeSignIn, signInMs: Date.now() - started };
}

/** The visible quick input shows `title` (each step reuses the same widget, so wait for the step itself). */
async function waitForTitle(f: E2eFixture, title: string): Promise<void> {
  await f.page.locator('.quick-input-widget .quick-input-title', { hasText: title }).first().waitFor({ state: 'visible', timeout: 20_000 });
}

/**
 * Chooses `filePath` in the web workbench's simple file dialog and accepts it, until the next step (`nextTitle`)
 * shows. The dialog opens on a folder and, once it has read it, sets its input to that folder — which can overwrite
 * a path typed before (more so on a busy machine) — and it reads the typed path's folder before it can accept the
 * file. So: type the path whenever the input does not hold it, accept only while it does and the file is listed
 * (Enter, or the "Use This Key" button when an Enter came in the middle of an update), and check again.
 */
export async function chooseInFileDialog(f: E2eFixture, filePath: string, accepted: () => Promise<boolean>, acceptLabel: string): Promise<void> {
  const widget = f.page.locator('.quick-input-widget');
  const fileRow = widget.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(filePath) }).first();
  const value = () => f.page.evaluate(() => document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input')?.value ?? '');
  const deadline = Date.now() + 45_000;
  for (let accepts = 0; ;) {
    if (await accepted()) return;
    if (Date.now() > deadline) throw new Error(`the file dialog did not accept ${filePath} (its input shows ${JSON.stringify(await value())})`);
    if ((await value()) !== filePath) {
      await f.quickInput.fill(filePath);
      await f.page
        .waitForFunction((v) => document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input')?.value === v, filePath, {
          timeout: 2_000,
        })
        .catch(() => undefined);
      continue;
    }
    if (
      !(await fileRow.waitFor({ state: 'visible', timeout: 2_000 }).then(
        () => true,
        () => false,
      ))
    )
      continue;
    if ((await value()) !== filePath) continue;
    if (accepts++ % 2 === 0) await f.page.keyboard.press('Enter');
    else
      await widget
        .locator('.monaco-button', { hasText: acceptLabel })
        .first()
        .click()
        .catch(() => undefined);
    for (let i = 0; i < 10 && !(await accepted()); i++) await f.page.waitForTimeout(200);
  }
}

/** Polls the extension host's log files (the output channel "CBCM Explorer"); the index of the pattern seen, or -1. */
async function waitForLogLine(logsDir: string, patterns: RegExp[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const file of logFiles(logsDir)) {
      const text = readText(file);
      const found = patterns.findIndex((p) => p.test(text));
      if (found >= 0) return found;
    }
    if (Date.now() > deadline) return -1;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function logFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === 'CBCM Explorer.log')
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
