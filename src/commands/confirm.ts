// The modal questions before a write. One place builds them, so the palette, menus and drag and drop ask alike.
import * as vscode from 'vscode';
import type { ChromeBrowser } from '../api/types';
import { type ModalQuestion, moveQuestion } from './confirmText';

export type { ModalQuestion } from './confirmText';

/** Tests (outside Production, through the testing API) see each question and answer it instead of the admin. */
export type ModalAnswerer = (question: ModalQuestion) => string | undefined;
let answerer: ModalAnswerer | undefined;
export const modalTesting = {
  answerWith(a: ModalAnswerer | undefined): void {
    answerer = a;
  },
};

/** Shows the question; true only when the admin chose its action. */
export async function askModal(q: ModalQuestion): Promise<boolean> {
  const choice = answerer
    ? answerer(q)
    : (await vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, ...q.buttons.map((title) => ({ title }))))?.title;
  return choice === q.action;
}

/** The one confirmation of every move (the Move command, drag and drop): the target org unit and the count. */
export const confirmMove = (browsers: readonly ChromeBrowser[], destination: string) => askModal(moveQuestion(browsers, destination));
