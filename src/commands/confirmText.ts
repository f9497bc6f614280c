// The words of the modal questions before a write, and of the log lines after it. No vscode import: unit-testable.
import type { ChromeBrowser } from '../api/types';
import { count } from '../util/relativeTime';
import { displayLocale } from '../util/displayLocale';

/** A modal question: `buttons` in the order given to VS Code (the first is the default); Cancel/Escape ends it. */
export interface ModalQuestion {
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  /** The button that goes ahead. */
  readonly action: string;
}

const MAX_LISTED = 10;

/** One line per browser (the first ten): machine name — serial number or device ID — org unit. */
export function browserLines(browsers: readonly ChromeBrowser[]): string {
  const lines = browsers
    .slice(0, MAX_LISTED)
    .map((b) => `• ${b.machineName || '(no name)'} — ${b.serialNumber || b.deviceId} — ${b.orgUnitPath || '(org unit not reported)'}`);
  const more = browsers.length - MAX_LISTED;
  return lines.join('\n') + (more > 0 ? `\n… and ${more.toLocaleString(displayLocale())} more` : '');
}

/** The label of the default button of a delete question: Enter must not delete. */
export const KEEP_BUTTON = "Don't Delete";

export function deleteQuestion(browsers: readonly ChromeBrowser[]): ModalQuestion {
  const noun = browsers.length === 1 ? 'browser' : `${browsers.length.toLocaleString(displayLocale())} browsers`;
  return {
    message: `Delete ${noun}?`,
    detail: `${browserLines(browsers)}\n\nDeleting removes the browser's data and enrollment from the account. It re-enrolls only if its enrollment token is still valid.`,
    // VS Code adds Cancel (Escape) itself and makes the first button the default: a harmless one comes first.
    buttons: [KEEP_BUTTON, 'Delete'],
    action: 'Delete',
  };
}

/** Every move asks this (the Move command, drag and drop): the target org unit and the count. */
export function moveQuestion(browsers: readonly ChromeBrowser[], destination: string): ModalQuestion {
  return {
    message: `Move ${count(browsers.length, 'browser')} to ${destination}?`,
    detail: browserLines(browsers),
    buttons: ['Move'],
    action: 'Move',
  };
}

/** The label of the default button of a bulk move question: Enter must not move a fleet. */
export const KEEP_PLACE_BUTTON = "Don't Move";

/**
 * The confirmation of a bulk delete (a query's matches, a selection): the exact count on the action button, and,
 * as for a single delete, a harmless first button so Enter (the default) deletes nothing.
 */
export function bulkDeleteQuestion(n: number, detail: string): ModalQuestion {
  const action = `Delete ${n.toLocaleString(displayLocale())}`;
  return { message: `Delete ${count(n, 'browser')}?`, detail, buttons: [KEEP_BUTTON, action], action };
}

/** The confirmation of a bulk move: the target and the exact count; the default (first) button moves nothing. */
export function bulkMoveQuestion(n: number, destination: string, detail: string): ModalQuestion {
  const action = `Move ${n.toLocaleString(displayLocale())}`;
  return { message: `Move ${count(n, 'browser')} to ${destination}?`, detail, buttons: [KEEP_PLACE_BUTTON, action], action };
}

/** The output-log line after a delete: the count and the device IDs deleted. */
export function deleteLogLine(deletedIds: readonly string[], failed: number, notTried: number): string {
  return `Deleted ${deletedIds.length} browser(s)${deletedIds.length ? ` (${deletedIds.join(', ')})` : ''}; ${failed} failed; ${notTried} not tried.`;
}
