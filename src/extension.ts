import * as vscode from 'vscode';

// activate() only wires services to VS Code; every feature registers itself from its own module.
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('CBCM Explorer', { log: true });
  context.subscriptions.push(log);
  context.subscriptions.push(
    vscode.commands.registerCommand('cbcm.output.show', () => log.show()),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
