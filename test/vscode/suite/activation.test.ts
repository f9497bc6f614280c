import * as assert from 'assert';
import * as vscode from 'vscode';

const extensionId = 'cbcm-explorer.cbcm-explorer';

describe('CBCM Explorer in a real VS Code', () => {
  it('runs inside VS Code 1.100', () => {
    assert.ok(vscode.version.startsWith('1.100'), `expected VS Code 1.100.x, got ${vscode.version}`);
  });

  it('activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not installed in this VS Code`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });
});
