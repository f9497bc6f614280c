// Issue 13: a query whose warnings mean "the API will not do what you typed" (wildcards, AND, a leading '-',
// parentheses, ...) is not sent without an explicit "Run anyway". No vscode import: the dialog is injected, so
// unit tests drive the decision.
import { misleadingWarnings } from '../query';
import type { ListingKind } from '../tree/explorerState';

export const RUN_ANYWAY = 'Run anyway';
export const EDIT_QUERY = 'Edit query';

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
  const more = warnings.length > 1 ? ` (and ${warnings.length - 1} more warning${warnings.length > 2 ? 's' : ''})` : '';
  const message = `The API will not do what this query says${more}.`;
  const detail = [...warnings.map((w) => `• ${w.message}`), '', `Query: ${query.trim()}`].join('\n');
  const picked = await ask(message, detail, ...(canEdit ? [RUN_ANYWAY, EDIT_QUERY] : [RUN_ANYWAY]));
  if (picked === RUN_ANYWAY) return 'run';
  if (picked === EDIT_QUERY && canEdit) return 'edit';
  return 'cancel';
}
