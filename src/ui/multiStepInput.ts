// One step of a multi-step input (sign-in, token creation): VS Code shows "Title (2/3)" from step/totalSteps, and
// every step after the first has a Back button. A step resolves to its value, BACK, or undefined when dismissed.
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type StepResult<T> = T | typeof BACK | undefined;

export interface StepPosition {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

function place(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, at: StepPosition): void {
  input.title = at.title;
  input.step = at.step;
  input.totalSteps = at.totalSteps;
  input.ignoreFocusOut = true;
  input.buttons = at.step > 1 ? [vscode.QuickInputButtons.Back] : [];
}

export function pickStep<T extends vscode.QuickPickItem>(
  at: StepPosition,
  items: readonly T[],
  options: { placeholder?: string; matchOnDescription?: boolean } = {},
): Promise<StepResult<T>> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    place(pick, at);
    pick.placeholder = options.placeholder;
    pick.matchOnDescription = options.matchOnDescription ?? false;
    pick.items = items;
    let result: StepResult<T>;
    pick.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) {
        result = BACK;
        pick.hide();
      }
    });
    pick.onDidAccept(() => {
      result = pick.selectedItems[0] ?? pick.activeItems[0];
      if (result) pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(result);
    });
    pick.show();
  });
}

export function inputStep(
  at: StepPosition,
  options: { prompt: string; placeholder?: string; value?: string; password?: boolean; validate?: (value: string) => string | undefined },
): Promise<StepResult<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    place(box, at);
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value ?? '';
    box.password = options.password ?? false;
    let result: StepResult<string>;
    const check = (v: string) => (box.validationMessage = options.validate?.(v));
    box.onDidChangeValue(check);
    box.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) {
        result = BACK;
        box.hide();
      }
    });
    box.onDidAccept(() => {
      if (options.validate?.(box.value)) return;
      result = box.value;
      box.hide();
    });
    box.onDidHide(() => {
      box.dispose();
      resolve(result);
    });
    check(box.value);
    box.show();
  });
}
