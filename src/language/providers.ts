// The cbcm-query providers, loaded when the first cbcm-query document opens (see index.ts), not at activation.
import type * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCodeLens, type SelectedOrgUnit } from './codeLens';
import { registerCompletions } from './completionProvider';
import { registerDiagnostics } from './diagnostics';
import { registerFormatter } from './formatter';
import { registerHover } from './hoverProvider';

export function registerQueryProviders(selectedOrgUnit: SelectedOrgUnit): vscode.Disposable[] {
  return [
    ...registerDiagnostics(),
    ...registerCompletions(),
    ...registerHover(),
    ...registerCodeActions(),
    ...registerFormatter(),
    ...registerCodeLens(selectedOrgUnit),
  ];
}
