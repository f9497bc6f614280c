// Any other installed extension can execute CBCM Explorer's commands. This one tries to create an enrollment token
// without the admin (automation arguments) and to read the token value from the command's result; the E2E test
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
  );
};
exports.deactivate = function deactivate() {};
