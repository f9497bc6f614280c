// The words of the modal questions before a write, and of the log lines after it. No vscode import: unit-testable
// (l10n.t from src/util/l10n.ts is VS Code's translation once activate() has run, English in unit tests).
import type { ChromeBrowser } from '../api/types';
import { displayLocale } from '../util/displayLocale';
import { l10n } from '../util/l10n';

/** A modal question: `buttons` in the order given to VS Code (the first is the default); Cancel/Escape ends it. */
export interface ModalQuestion {
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  /** The button that goes ahead. */
  readonly action: string;
}

const MAX_LISTED = 10;
const n = (x: number) => x.toLocaleString(displayLocale());

/** One line per browser (the first ten): machine name — serial number or device ID — org unit. */
export function browserLines(browsers: readonly ChromeBrowser[]): string {
  const lines = browsers
    .slice(0, MAX_LISTED)
    .map(
      (b) => `• ${b.machineName || l10n.t('(no name)')} — ${b.serialNumber || b.deviceId} — ${b.orgUnitPath || l10n.t('(org unit not reported)')}`,
    );
  const more = browsers.length - MAX_LISTED;
  return lines.join('\n') + (more > 0 ? `\n${l10n.t('… and {0} more', n(more))}` : '');
}

/** The label of the default button of a delete question: Enter must not delete. */
export const keepButton = (): string => l10n.t("Don't Delete");

export function deleteQuestion(browsers: readonly ChromeBrowser[]): ModalQuestion {
  const action = l10n.t('Delete');
  return {
    message: browsers.length === 1 ? l10n.t('Delete browser?') : l10n.t('Delete {0} browsers?', n(browsers.length)),
    detail: l10n.t(
      "{0}\n\nDeleting removes the browser's data and enrollment from the account. It re-enrolls only if its enrollment token is still valid.",
      browserLines(browsers),
    ),
    // VS Code adds Cancel (Escape) itself and makes the first button the default: a harmless one comes first.
    buttons: [keepButton(), action],
    action,
  };
}

/** "Move 3 browsers to /Sales?" (one browser has its own words). */
function moveMessage(count: number, destination: string): string {
  return count === 1 ? l10n.t('Move {0} browser to {1}?', n(count), destination) : l10n.t('Move {0} browsers to {1}?', n(count), destination);
}

/** Every move asks this (the Move command, drag and drop): the target org unit and the count. */
export function moveQuestion(browsers: readonly ChromeBrowser[], destination: string): ModalQuestion {
  const action = l10n.t('Move');
  return { message: moveMessage(browsers.length, destination), detail: browserLines(browsers), buttons: [action], action };
}

/** The label of the default button of a bulk move question: Enter must not move a fleet. */
export const keepPlaceButton = (): string => l10n.t("Don't Move");

/**
 * The confirmation of a bulk delete (a query's matches, a selection): the exact count on the action button, and,
 * as for a single delete, a harmless first button so Enter (the default) deletes nothing.
 */
export function bulkDeleteQuestion(count: number, detail: string): ModalQuestion {
  const action = l10n.t('Delete {0}', n(count));
  const message = count === 1 ? l10n.t('Delete {0} browser?', n(count)) : l10n.t('Delete {0} browsers?', n(count));
  return { message, detail, buttons: [keepButton(), action], action };
}

/** The confirmation of a bulk move: the target and the exact count; the default (first) button moves nothing. */
export function bulkMoveQuestion(count: number, destination: string, detail: string): ModalQuestion {
  const action = l10n.t('Move {0}', n(count));
  return { message: moveMessage(count, destination), detail, buttons: [keepPlaceButton(), action], action };
}

/** The output-log line after a delete: the count and the device IDs deleted (the log stays English). */
export function deleteLogLine(deletedIds: readonly string[], failed: number, notTried: number): string {
  return `Deleted ${deletedIds.length} browser(s)${deletedIds.length ? ` (${deletedIds.join(', ')})` : ''}; ${failed} failed; ${notTried} not tried.`;
}
