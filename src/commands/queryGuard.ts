// Issue 13: a query whose warnings mean "the API will not do what you typed" (wildcards, AND, a leading '-',
// parentheses, ...) is not sent without an explicit "Run anyway". No vscode import: the dialog is injected, so
// unit tests drive the decision.
import { misleadingWarnings } from '../query';
import type { ListingKind } from '../tree/explorerState';
import { l10n } from '../util/l10n';

export const runAnyway = (): string => l10n.t('Run anyway');
export const editQuery = (): string => l10n.t('Edit query');

/** Shows a modal warning with these buttons; resolves to the button picked, or undefined when dismissed. */
export type AskModal = (message: string, detail: string, ...buttons: string[]) => PromiseLike<string | undefined>;

export type QueryDecision = 'run' | 'edit' | 'cancel';

/**
 * 'run' when the query has no misleading warning or the admin chose "Run anyway"; 'edit' when they chose to edit
 * it (offered only with `canEdit`); 'cancel' otherwise. Nothing is asked for a query without such warnings.
 */
export async function confirmMisleadingQuery(query: string, kind: ListingKind, ask: AskModal, canEdit: boolean): Promise<QueryDecision> {
  const warnings = misleadingWarnings(query.trim(), kind);
  if (warnings.length === 0) return 'run';
  const extra = warnings.length - 1;
  const message =
    extra === 0
      ? l10n.t('The API will not do what this query says.')
      : extra === 1
        ? l10n.t('The API will not do what this query says (and 1 more warning).')
        : l10n.t('The API will not do what this query says (and {0} more warnings).', extra);
  const detail = [...warnings.map((w) => `• ${w.message}`), '', l10n.t('Query: {0}', query.trim())].join('\n');
  const [run, edit] = [runAnyway(), editQuery()];
  const picked = await ask(message, detail, ...(canEdit ? [run, edit] : [run]));
  if (picked === run) return 'run';
  if (picked === edit && canEdit) return 'edit';
  return 'cancel';
}
