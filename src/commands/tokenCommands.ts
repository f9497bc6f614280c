import * as vscode from 'vscode';
import { displayLocale } from '../util/displayLocale';
import type { CreateTokenOptions, EnrollmentToken } from '../api/types';
import { OrgUnitNode } from '../tree/nodes/orgUnitNode';
import { TokenNode } from '../tree/nodes/tokenNode';
import { TokensFolderNode } from '../tree/nodes/tokensFolderNode';
import { describeError } from '../util/errors';
import { automationArgs, tokenForCaller } from './automation';
import { type ExplorerCommandContext, refusedReadOnly, requireBackend, targetsOf } from './commandContext';
import type { CommandTable } from './commandTable';
import { pickOrgUnit } from './orgUnitPicker';
import { BACK, inputStep, pickStep, type StepResult } from '../ui/multiStepInput';
import { expiryFromDate } from '../util/tokenExpiry';
import { count } from '../util/relativeTime';
import { createdDate, DEFAULT_TOKEN_ORDER, TOKEN_ORDER_WORDS, type TokenOrder, tokenSummary } from '../tree/tokenText';

const isTokenNode = (n: unknown): n is TokenNode => n instanceof TokenNode;

function ttlPresets(): { label: string; seconds?: number; date?: true }[] {
  return [
    { label: vscode.l10n.t('Never expires') },
    { label: vscode.l10n.t('1 hour'), seconds: 3600 },
    { label: vscode.l10n.t('1 day'), seconds: 86400 },
    { label: vscode.l10n.t('{0} days', 7), seconds: 7 * 86400 },
    { label: vscode.l10n.t('{0} days', 30), seconds: 30 * 86400 },
    { label: vscode.l10n.t('Until a date…'), date: true },
  ];
}

/**
 * The lifetime step of token creation (`step` of `totalSteps`); "Until a date…" adds one more step. BACK from the
 * lifetime returns to the org unit; from the date, to the lifetime.
 */
async function askExpiry(step: number, totalSteps: number): Promise<StepResult<CreateTokenOptions>> {
  const title = vscode.l10n.t('Create an enrollment token');
  for (;;) {
    const pick = await pickStep({ title, step, totalSteps }, ttlPresets(), { placeholder: vscode.l10n.t('Token lifetime') });
    if (pick === BACK || !pick) return pick;
    if (pick.seconds) return { ttlSeconds: pick.seconds };
    if (!pick.date) return {};
    const text = await inputStep(
      { title, step: step + 1, totalSteps: step + 1 },
      {
        prompt: vscode.l10n.t('Expires at the end of this day (UTC)'),
        placeholder: vscode.l10n.t('YYYY-MM-DD'),
        validate: (t) => (t.trim() === '' || expiryFromDate(t) ? undefined : vscode.l10n.t('A future date as YYYY-MM-DD, e.g. {0}', '2027-01-31')),
      },
    );
    if (text === BACK) continue;
    const expireTime = text === undefined ? undefined : expiryFromDate(text);
    return expireTime ? { expireTime } : undefined;
  }
}

/** Lists again the folders that may show a token of this org unit: its own and the account-wide one. */
function redrawTokensOf({ explorer }: ExplorerCommandContext, orgUnitPath: string | undefined): void {
  for (const folder of explorer.loadedTokenFolders()) {
    if (orgUnitPath === undefined || folder.orgUnitPath === undefined || folder.orgUnitPath === orgUnitPath) explorer.refreshNode(folder);
  }
}

/** A token shows in its org unit's folder and in the account-wide one: every node of it takes the new state. */
function updateToken({ explorer }: ExplorerCommandContext, token: EnrollmentToken): void {
  for (const folder of explorer.loadedTokenFolders()) {
    for (const node of folder.loadedNodes) {
      if (node.token.tokenPermanentId !== token.tokenPermanentId) continue;
      node.token = { ...node.token, ...token };
      explorer.redraw(node);
    }
  }
}

/**
 * `preset` (automation, only outside Production) skips the prompts: `{ orgUnitPath, ttlSeconds }`,
 * `{ orgUnitPath, expireTime }` or neither. In Production the caller (possibly another extension) gets the token
 * without its value: the value enrolls machines, and only the admin copies it.
 */
async function create(c: ExplorerCommandContext, clicked?: unknown, _selected?: unknown, options?: unknown): Promise<EnrollmentToken | undefined> {
  const { services, explorer } = c;
  const supplied = automationArgs<CreateTokenOptions & { orgUnitPath?: unknown }>(services.context.extensionMode, options);
  const preset =
    supplied && typeof supplied.orgUnitPath === 'string' && supplied.orgUnitPath ? { ...supplied, orgUnitPath: supplied.orgUnitPath } : undefined;
  const backend = await requireBackend(services);
  if (!backend || refusedReadOnly(services, vscode.l10n.t('Create Enrollment Token'))) return undefined;
  const fromNode = clicked instanceof OrgUnitNode || clicked instanceof TokensFolderNode ? clicked.orgUnitPath : undefined;
  // Multi-step: org unit (unless the tree or automation gave one), then lifetime (the v1 API has none); Back works.
  const asksOrgUnit = !preset?.orgUnitPath && !fromNode;
  const asksExpiry = !preset && backend.tokensExpire !== false;
  const totalSteps = (asksOrgUnit ? 1 : 0) + (asksExpiry ? 1 : 0);
  let orgUnitPath = preset?.orgUnitPath ?? fromNode;
  let expiry: CreateTokenOptions | undefined = preset
    ? { ttlSeconds: preset.ttlSeconds, expireTime: preset.expireTime }
    : asksExpiry
      ? undefined
      : {};
  for (;;) {
    if (asksOrgUnit) {
      orgUnitPath = await pickOrgUnit(backend, {
        title: vscode.l10n.t('Create an enrollment token for…'),
        known: explorer.accountNode?.orgUnits,
        step: 1,
        totalSteps,
      });
      if (!orgUnitPath) return undefined;
    }
    if (!asksExpiry) break;
    const answer = await askExpiry(asksOrgUnit ? 2 : 1, totalSteps);
    if (answer === BACK && asksOrgUnit) continue;
    if (!answer || answer === BACK) return undefined;
    expiry = answer;
    break;
  }
  if (!orgUnitPath || !expiry) return undefined;
  const writer = services.operations.writer();
  if (!writer) return undefined;
  let created: EnrollmentToken | undefined;
  try {
    // One operation of the change history; it records the token's identifiers only, never its value.
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating an enrollment token for {0}…', orgUnitPath) },
      () =>
        writer.operation(
          { action: 'createToken', title: vscode.l10n.t('Create an enrollment token for {0}', orgUnitPath), planned: 1 },
          async (op) => {
            created = await op.createToken({ orgUnitPath, ...expiry });
            return { done: op.tally.done, failed: op.tally.failed, notTried: 0 };
          },
        ),
    );
    if (!created) throw new Error(vscode.l10n.t('No token was returned.'));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the token: {0}', describeError(error)));
    return undefined;
  }
  const token = created;
  services.log.info(`Created enrollment token ${token.tokenPermanentId} for ${orgUnitPath}.`);
  redrawTokensOf(c, orgUnitPath);
  // The value enrolls machines: it goes to the clipboard only when the admin asks.
  const copy = vscode.l10n.t('Copy Token');
  void vscode.window.showInformationMessage(vscode.l10n.t('Enrollment token created for {0}.', orgUnitPath), copy).then(async (choice) => {
    if (choice === copy && token.token) await vscode.env.clipboard.writeText(token.token);
  });
  return tokenForCaller(services.context.extensionMode, token);
}

/**
 * `confirmed` is for automation that already asked (like a CLI's --yes), and only outside Production mode: an
 * installed extension always asks. The question names each token's org unit and creation date, not only its id.
 */
async function revoke(c: ExplorerCommandContext, clicked?: unknown, selected?: unknown, options?: unknown): Promise<void> {
  const { services, view } = c;
  const nodes = targetsOf(view, isTokenNode, clicked, selected).filter((n) => n.token.state !== 'revoked');
  const backend = await requireBackend(services);
  if (nodes.length === 0 || !backend || refusedReadOnly(services, vscode.l10n.t('Revoke Enrollment Token'))) return;
  // The same token may be selected twice (its org unit's folder and the account-wide one).
  const tokens = [...new Map(nodes.map((n) => [n.token.tokenPermanentId, n.token])).values()];
  const skipQuestion = automationArgs<{ confirmed?: boolean }>(services.context.extensionMode, options)?.confirmed === true;
  const revokeButton = vscode.l10n.t('Revoke');
  const ok = skipQuestion
    ? revokeButton
    : await vscode.window.showWarningMessage(
        tokens.length === 1
          ? vscode.l10n.t(
              'Revoke the enrollment token of {0}, created {1}?',
              tokens[0].orgUnitPath ?? vscode.l10n.t('an unreported org unit'),
              createdDate(tokens[0]) ?? vscode.l10n.t('on an unreported date'),
            )
          : vscode.l10n.t('Revoke {0} enrollment tokens?', tokens.length),
        {
          modal: true,
          detail: `${tokens.map((t) => tokenSummary(t)).join('\n')}\n\n${vscode.l10n.t('Machines can no longer enroll with a revoked token. Enrolled browsers stay enrolled.')}`,
        },
        revokeButton,
      );
  if (ok !== revokeButton) return;
  const writer = services.operations.writer();
  if (!writer) return;
  const failures: string[] = [];
  // One operation of the change history for all of them.
  await writer
    .operation(
      {
        action: 'revokeToken',
        title:
          tokens.length === 1
            ? vscode.l10n.t('Revoke 1 enrollment token')
            : vscode.l10n.t('Revoke {0} enrollment tokens', tokens.length.toLocaleString(displayLocale())),
        planned: tokens.length,
      },
      async (op) => {
        for (const token of tokens) {
          try {
            await op.revokeToken(token);
            updateToken(c, { ...token, state: 'revoked' });
            services.log.info(`Revoked enrollment token ${token.tokenPermanentId} of ${token.orgUnitPath ?? 'an unreported org unit'}.`);
          } catch (error) {
            failures.push(`${tokenSummary(token)}: ${describeError(error)}`);
          }
        }
        return { done: op.tally.done, failed: op.tally.failed, notTried: 0 };
      },
    )
    .catch((error) => {
      failures.push(vscode.l10n.t('Could not record the revoke in the change history: {0}', describeError(error)));
    });
  if (failures.length)
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not revoke {0} token(s).', failures.length), { detail: failures.join('\n') });
  else vscode.window.setStatusBarMessage(vscode.l10n.t('Revoked {0}', count(tokens.length, 'enrollment token')), 3000);
}

/** `preset` (automation) skips the question; from a menu the first argument is the clicked node instead. */
async function sortTokens({ explorer }: ExplorerCommandContext, preset?: unknown): Promise<void> {
  const current = explorer.state.tokenOrder ?? DEFAULT_TOKEN_ORDER;
  const given = preset === 'newestFirst' || preset === 'oldestFirst' ? preset : undefined;
  const order: TokenOrder | undefined =
    given ??
    (
      await vscode.window.showQuickPick(
        (['newestFirst', 'oldestFirst'] as const).map((o) => ({
          order: o,
          label: vscode.l10n.t('{0} Created, {1}', o === 'newestFirst' ? '$(arrow-down)' : '$(arrow-up)', TOKEN_ORDER_WORDS[o]),
          description: o === current ? vscode.l10n.t('$(check) now') : undefined,
          detail: vscode.l10n.t(
            'By the time the token was created. The APIs cannot sort tokens: the tree sorts the ones it loaded (up to 1,000 at a time).',
          ),
        })),
        { title: vscode.l10n.t('Sort enrollment tokens') },
      )
    )?.order;
  if (!order) return;
  explorer.state.tokenOrder = order;
  await explorer.saveViewState();
  for (const folder of explorer.loadedTokenFolders()) {
    folder.resort();
    explorer.redraw(folder);
  }
}

async function copyToken(c: ExplorerCommandContext, clicked?: unknown): Promise<void> {
  const node = targetsOf(c.view, isTokenNode, clicked, undefined)[0];
  if (!node?.token.token) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select an enrollment token whose value the API returned.'));
    return;
  }
  await vscode.env.clipboard.writeText(node.token.token);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Enrollment token copied'), 3000);
}

export const tokenCommands = {
  'cbcm.token.create': create,
  'cbcm.token.revoke': revoke,
  'cbcm.explorer.sortTokens': sortTokens,
  'cbcm.token.copy': copyToken,
} satisfies CommandTable<ExplorerCommandContext>;
