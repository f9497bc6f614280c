import { promises as fs } from 'node:fs';
import type * as vscode from 'vscode';
import type { AccountInfo } from './accountStore';
import type { AccountService } from './accountService';
import { AuthError } from './tokenErrors';

/**
 * An account whose secrets are still there. VS Code for the web may keep SecretStorage in memory only, so after a
 * window reload the account's label survives (globalState) while its key does not: sign in again then.
 */
async function hasWorkingAccount(accounts: AccountService): Promise<boolean> {
  const source = accounts.activeTokenSource();
  if (!source) return false;
  try {
    await source.getAccessToken();
    return true;
  } catch {
    return false;
  }
}

/**
 * Development start-up (outside Production only, see `autoSignInAtStartup`): with no usable account yet and CBCM_AUTO_SIGNIN_KEY_FILE + CBCM_AUTO_SIGNIN_SUBJECT set,
 * sign in through the normal service-account path (validation, real JWT exchange, real API call).
 * Optional CBCM_AUTO_SIGNIN_CUSTOMER. Only the file *path* and the admin address are logged.
 */
export async function autoSignInFromEnvironment(
  accounts: AccountService,
  log: vscode.LogOutputChannel,
  env: NodeJS.ProcessEnv = process.env,
  retryDelayMs = 1000,
): Promise<AccountInfo | undefined> {
  const keyFile = env.CBCM_AUTO_SIGNIN_KEY_FILE;
  const subject = env.CBCM_AUTO_SIGNIN_SUBJECT;
  if (!keyFile || !subject || (await hasWorkingAccount(accounts))) return undefined;
  log.info(`Automatic sign-in as ${subject} with the key file ${keyFile} (CBCM_AUTO_SIGNIN_*).`);
  let keyJson: string;
  try {
    keyJson = await fs.readFile(keyFile, 'utf8');
  } catch (err) {
    log.error(`Automatic sign-in: cannot read ${keyFile} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
    return undefined;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await accounts.signInServiceAccount(keyJson, subject, env.CBCM_AUTO_SIGNIN_CUSTOMER);
    } catch (err) {
      // Nobody is there to press "Try Again": transient failures (5xx, 429, network) get two more tries.
      const transient = err instanceof AuthError && err.action === 'retry' && err.code !== 'cancelled';
      if (transient && attempt < AUTO_SIGNIN_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt));
        continue;
      }
      // AccountService already logged the AuthError; this line only says the automatic path gave up.
      log.error(`Automatic sign-in failed${err instanceof AuthError ? ` (${err.code})` : ''}.`);
      return undefined;
    }
  }
}

const AUTO_SIGNIN_ATTEMPTS = 3;

/**
 * The start-up hook: outside Production only (F5 debugging, the integration tests). An installed extension never
 * signs in from environment variables — anything that can set the VS Code process's environment could otherwise
 * sign it in as an account of its choosing — and says once in the log that it ignored them.
 */
export async function autoSignInAtStartup(
  isProduction: boolean,
  accounts: AccountService,
  log: vscode.LogOutputChannel,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AccountInfo | undefined> {
  if (!isProduction) return autoSignInFromEnvironment(accounts, log, env);
  if (env.CBCM_AUTO_SIGNIN_KEY_FILE || env.CBCM_AUTO_SIGNIN_SUBJECT) {
    log.info(
      'CBCM_AUTO_SIGNIN_* is set but ignored: automatic sign-in exists only for development and tests, not in an installed extension. Sign in from the CBCM Explorer view.',
    );
  }
  return undefined;
}
