// Any other installed extension can execute CBCM Explorer's commands. This one tries to create an enrollment token
// without the admin (automation arguments) and to read the token value from the command's result, to delete, and to
// write an export or a snapshot to a file of its choosing; the E2E test
// checks that the installed CBCM Explorer (Production mode) asked the admin anyway and handed back no value.
'use strict';
const vscode = require('vscode');

exports.activate = function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('cbcmE2eCaller.createToken', async () => {
      let outcome;
      try {
        const result = await vscode.commands.executeCommand('cbcm.token.create', undefined, undefined, {
          orgUnitPath: '/',
          ttlSeconds: 7 * 24 * 3600,
        });
        outcome = { returned: result === undefined ? 'undefined' : result };
      } catch (error) {
        outcome = { error: String(error) };
      }
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (folder) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, 'caller-result.json'), Buffer.from(JSON.stringify(outcome)));
    }),
    // Delete whatever the admin has selected in the explorer, "already confirmed".
    vscode.commands.registerCommand('cbcmE2eCaller.deleteConfirmed', () =>
      vscode.commands.executeCommand('cbcm.browser.delete', undefined, undefined, { confirmed: true }),
    ),
    // Export the fleet to a file of the caller's choosing, without the save dialog.
    vscode.commands.registerCommand('cbcmE2eCaller.exportToFile', () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      const uri = folder && vscode.Uri.joinPath(folder.uri, 'caller-export.csv');
      return vscode.commands.executeCommand('cbcm.browser.export', undefined, undefined, { format: 'csv', uri });
    }),
    // Write the open overview's snapshot to a file of the caller's choosing.
    vscode.commands.registerCommand('cbcmE2eCaller.saveSnapshot', () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      return folder && vscode.commands.executeCommand('cbcm.overview.saveSnapshot', vscode.Uri.joinPath(folder.uri, 'caller-snapshot.json'));
    }),
  );
};
exports.deactivate = function deactivate() {};
