import * as vscode from 'vscode';
import type { AccountInfo } from './accountStore';
import type { AccountService } from './accountService';
import { readKeyFile } from './keyFile';
import { looksLikeEmail, parseServiceAccountKey } from './keyValidation';
import { AuthError } from './tokenErrors';
import { BACK, inputStep, pickStep, type StepResult } from '../ui/multiStepInput';

/** The prompts around `AccountService`; every failure ends in `showAuthError` with a next step. */

const ENABLE_API_URL = 'https://console.cloud.google.com/apis/library/admin.googleapis.com';

function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

// A function, not a constant: t() at module load could run before VS Code has loaded the bundle.
const saTitle = () => vscode.l10n.t('Sign in with a service account key');
const SA_STEPS = 2;

/** Step 1: the key, from a file or pasted. Cancelling the file dialog or Back from the paste box returns here. */
async function readKeyText(): Promise<string | undefined> {
  for (;;) {
    const choice = await pickStep(
      { title: saTitle(), step: 1, totalSteps: SA_STEPS },
      [
        { label: vscode.l10n.t('$(file) Choose the JSON key file…'), id: 'file' as const },
        {
          label: vscode.l10n.t('$(clippy) Paste the key JSON…'),
          id: 'paste' as const,
          detail: vscode.l10n.t("The text is hidden while you paste and is kept only in VS Code's secret storage."),
        },
      ],
      { placeholder: vscode.l10n.t("Where is the service account's JSON key?") },
    );
    if (!choice || choice === BACK) return undefined;
    if (choice.id === 'paste') {
      const pasted = await inputStep(
        { title: saTitle(), step: 1, totalSteps: SA_STEPS },
        {
          prompt: vscode.l10n.t('Paste the whole JSON key (Google Cloud console > IAM & Admin > Service accounts > Keys).'),
          password: true,
          validate: (text) => {
            if (text.trim() === '') return undefined;
            try {
              parseServiceAccountKey(text);
              return undefined;
            } catch (err) {
              return err instanceof AuthError ? err.message : 'This is not a service-account key.';
            }
          },
        },
      );
      if (pasted === BACK) continue;
      return pasted;
    }
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Service account key (JSON)'),
      openLabel: vscode.l10n.t('Use This Key'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Service account key')]: ['json'], [vscode.l10n.t('All files')]: ['*'] },
    });
    if (!picked?.[0]) continue; // the dialog was closed: back to the choice
    return readKeyFile(picked[0]);
  }
}

/** Step 2: the admin to act as; BACK returns to the key. */
function askAdminEmail(previous?: string): Promise<StepResult<string>> {
  return inputStep(
    { title: saTitle(), step: 2, totalSteps: SA_STEPS },
    {
      prompt: vscode.l10n.t('E-mail of the admin the service account acts as (a super admin, or an admin allowed to manage Chrome browsers).'),
      placeholder: 'admin@example.com',
      value: previous,
      validate: (v) => (v.trim() === '' || looksLikeEmail(v) ? undefined : 'Enter an e-mail address, for example admin@example.com.'),
    },
  );
}

/** Interactive service-account sign-in. Resolves to the account, or undefined when the admin cancels. */
export async function promptServiceAccountSignIn(
  accounts: AccountService,
  keyText?: string,
  previousEmail?: string,
): Promise<AccountInfo | undefined> {
  let keyJson: string | undefined = keyText;
  let adminEmail: string | undefined;
  for (;;) {
    if (keyJson === undefined) {
      try {
        keyJson = await readKeyText();
      } catch (err) {
        await showAuthError(err, { chooseAnotherKey: () => promptServiceAccountSignIn(accounts) });
        return undefined;
      }
      if (keyJson === undefined || keyJson.trim() === '') return undefined;
    }
    const answer = await askAdminEmail(adminEmail ?? previousEmail);
    if (answer === BACK) {
      keyJson = undefined; // Back: choose the key again
      continue;
    }
    if (!answer) return undefined;
    adminEmail = answer;
    break;
  }
  const key = keyJson;
  try {
    const account = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Signing in as {0}…', adminEmail.trim()), cancellable: true },
      (_p, token) => accounts.signInServiceAccount(key, adminEmail, undefined, abortOn(token)),
    );
    void vscode.window.showInformationMessage(vscode.l10n.t('CBCM Explorer: signed in as {0}.', account.label));
    return account;
  } catch (err) {
    await showAuthError(err, {
      // A wrong admin keeps the key; a bad key starts over.
      retryWithAnotherEmail: () => promptServiceAccountSignIn(accounts, key, adminEmail),
      retry: () => promptServiceAccountSignIn(accounts, key, adminEmail),
      chooseAnotherKey: () => promptServiceAccountSignIn(accounts),
    });
    return undefined;
  }
}

/** Interactive 3-legged sign-in: client id and secret, then the consent page in the browser. */
export async function promptOAuthSignIn(accounts: AccountService): Promise<AccountInfo | undefined> {
  const lastClientId = [...accounts.accounts].reverse().find((a) => a.kind === 'oauth')?.clientId;
  const at = (step: number) => ({ title: vscode.l10n.t('Sign in with Google'), step, totalSteps: 2 });
  let clientId: string | undefined = lastClientId;
  let clientSecret: string | undefined;
  for (let step = 1; step <= 2;) {
    if (step === 1) {
      const id = await inputStep(at(1), {
        prompt: vscode.l10n.t('Client ID of an OAuth client of type "Desktop app" (Google Cloud console > APIs & Services > Credentials).'),
        placeholder: '1234567890-abc.apps.googleusercontent.com',
        value: clientId,
        validate: (v) => (/\s/.test(v.trim()) ? 'A client ID has no spaces.' : undefined),
      });
      if (id === BACK || !id?.trim()) return undefined;
      clientId = id;
      step = 2;
      continue;
    }
    const secret = await inputStep(at(2), {
      prompt: vscode.l10n.t("Client secret of that OAuth client. It is kept only in VS Code's secret storage."),
      password: true,
    });
    if (secret === BACK) {
      step = 1;
      continue;
    }
    if (!secret?.trim()) return undefined;
    clientSecret = secret;
    step = 3;
  }
  if (!clientId || !clientSecret) return undefined;
  const [id, secret] = [clientId, clientSecret];
  try {
    const account = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Approve access in your browser (waiting up to 5 minutes)…'),
        cancellable: true,
      },
      (_p, token) =>
        accounts.signInOAuth(id, secret, {
          signal: abortOn(token),
          openUrl: async (url) => {
            const opened = await vscode.env.openExternal(vscode.Uri.parse(url, true));
            if (!opened) throw new AuthError('cancelled', vscode.l10n.t('The consent page was not opened.'), 'retry');
          },
        }),
    );
    void vscode.window.showInformationMessage(vscode.l10n.t('CBCM Explorer: signed in as {0}.', account.label));
    return account;
  } catch (err) {
    await showAuthError(err, {
      retry: () => promptOAuthSignIn(accounts),
      signInAgain: () => promptOAuthSignIn(accounts),
      checkClientCredentials: () => promptOAuthSignIn(accounts),
    });
    return undefined;
  }
}

type Retry = () => Thenable<unknown>;
export interface AuthErrorRetries {
  retry?: Retry;
  retryWithAnotherEmail?: Retry;
  chooseAnotherKey?: Retry;
  signInAgain?: Retry;
  checkClientCredentials?: Retry;
}

/** Shows an auth failure with the buttons its action calls for. Cancellation shows nothing. */
export async function showAuthError(err: unknown, retries: AuthErrorRetries = {}): Promise<void> {
  const error =
    err instanceof AuthError
      ? err
      : new AuthError('tokenEndpoint', vscode.l10n.t('Sign-in failed unexpectedly; see the CBCM Explorer log.'), 'retry');
  if (error.code === 'cancelled') return;
  const buttons: { title: string; run: () => Thenable<unknown> }[] = [];
  const add = (title: string, run: Retry | undefined) => run && buttons.push({ title, run });
  switch (error.action) {
    case 'openDelegationPage': {
      const url = error.details.delegationUrl;
      if (url) add(vscode.l10n.t('Open Domain-wide Delegation'), () => vscode.env.openExternal(vscode.Uri.parse(url, true)));
      const { clientId, scopes } = error.details;
      if (clientId && scopes)
        add(vscode.l10n.t('Copy Client ID and Scopes'), () => vscode.env.clipboard.writeText(`${clientId}\n${scopes.join(',')}`));
      add(vscode.l10n.t('Try Again'), retries.retry);
      break;
    }
    case 'retryWithAnotherEmail':
      add(vscode.l10n.t('Use Another Admin'), retries.retryWithAnotherEmail ?? retries.retry);
      break;
    case 'chooseAnotherKey':
      add(vscode.l10n.t('Choose Another Key'), retries.chooseAnotherKey ?? retries.retry);
      break;
    case 'checkClock':
    case 'retry':
      add(vscode.l10n.t('Try Again'), retries.retry);
      break;
    case 'signInAgain':
      add(vscode.l10n.t('Sign In Again'), retries.signInAgain ?? retries.retry);
      break;
    case 'checkClientCredentials':
      add(vscode.l10n.t('Enter the Client Again'), retries.checkClientCredentials ?? retries.retry);
      break;
    case 'useServiceAccount':
      add(vscode.l10n.t('Sign In with a Service Account Key'), () => vscode.commands.executeCommand('cbcm.auth.signInServiceAccount'));
      break;
    case 'enableApi':
      add(vscode.l10n.t('Open Google Cloud Console'), () => vscode.env.openExternal(vscode.Uri.parse(ENABLE_API_URL)));
      add(vscode.l10n.t('Try Again'), retries.retry);
      break;
    case 'none':
      break;
  }
  const chosen = await vscode.window.showErrorMessage(error.message, ...buttons.map((b) => b.title));
  await buttons.find((b) => b.title === chosen)?.run();
}

/** The account switcher behind the status bar item: switch, add another account, or sign out. */
export async function showAccountSwitcher(accounts: AccountService): Promise<void> {
  type Item = vscode.QuickPickItem & { run?: () => Thenable<unknown> };
  const active = accounts.activeAccount;
  const items: Item[] = accounts.accounts.map((a) => ({
    label: `${a.id === active?.id ? '$(check) ' : ''}${a.label}`,
    description: vscode.l10n.t(
      '{0} · customer {1} · {2}',
      a.kind === 'serviceAccount' ? vscode.l10n.t('service account') : vscode.l10n.t('Google account'),
      a.customerId,
      a.accessLevel === 'readOnly' ? vscode.l10n.t('read-only') : vscode.l10n.t('read/write'),
    ),
    detail: a.serviceAccountEmail,
    run: () => accounts.switchAccount(a.id),
  }));
  if (items.length > 0) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push(
    {
      label: vscode.l10n.t('$(key) Sign In with a Service Account Key…'),
      run: () => vscode.commands.executeCommand('cbcm.auth.signInServiceAccount'),
    },
    { label: vscode.l10n.t('$(globe) Sign In with Google (OAuth)…'), run: () => vscode.commands.executeCommand('cbcm.auth.signInOAuth') },
  );
  if (accounts.accounts.length > 0)
    items.push({ label: vscode.l10n.t('$(sign-out) Sign Out…'), run: () => vscode.commands.executeCommand('cbcm.auth.signOut') });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('CBCM accounts'),
    placeHolder: vscode.l10n.t('Switch the active account, or add one'),
  });
  await picked?.run?.();
}

/** Asks which account to sign out of (and confirms); resolves to its id or undefined. */
export async function pickAccountToSignOut(accounts: AccountService): Promise<string | undefined> {
  const list = accounts.accounts;
  if (list.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('CBCM Explorer: no account is signed in.'));
    return undefined;
  }
  const picked =
    list.length === 1
      ? { id: list[0].id, label: list[0].label }
      : await vscode.window.showQuickPick(
          list.map((a) => ({ id: a.id, label: a.label, description: vscode.l10n.t('customer {0}', a.customerId) })),
          { title: vscode.l10n.t('Sign out of CBCM'), placeHolder: vscode.l10n.t('Which account?') },
        );
  if (!picked) return undefined;
  const signOut = vscode.l10n.t('Sign Out');
  const confirm = await vscode.window.showWarningMessage(
    vscode.l10n.t('Sign out of {0}? Its credentials are deleted from this computer.', picked.label),
    { modal: true },
    signOut,
  );
  return confirm === signOut ? picked.id : undefined;
}

/** "Which way?" then the matching flow; used by the Accounts menu and the welcome view. */
export async function promptSignIn(accounts: AccountService): Promise<AccountInfo | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('$(key) Service account key'),
        detail: vscode.l10n.t('A service account with domain-wide delegation acts as an admin.'),
        id: 'sa' as const,
      },
      {
        label: vscode.l10n.t('$(globe) Google account (OAuth)'),
        detail: vscode.l10n.t('Sign in as an admin in the browser, with your own OAuth desktop client.'),
        id: 'oauth' as const,
      },
    ],
    { title: vscode.l10n.t('Sign in to Chrome Browser Cloud Management'), ignoreFocusOut: true },
  );
  if (!choice) return undefined;
  return choice.id === 'sa' ? promptServiceAccountSignIn(accounts) : promptOAuthSignIn(accounts);
}
