// Where the extension runs: it prefers the local (UI) side — the OAuth loopback listener is then on the machine of
// the admin's browser, and credentials stay on that machine — and may run on the remote side when it must.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

describe('Extension kind', () => {
  it('declares ui first, workspace allowed', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { extensionKind?: string[] };
    assert.deepStrictEqual(manifest.extensionKind, ['ui', 'workspace']);
  });

  it('runs on the workspace side when that is the only place it can (this web workbench has no local Node host)', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'installed');
    assert.strictEqual(ext?.extensionKind, vscode.ExtensionKind.Workspace);
    assert.ok(vscode.env.remoteName, 'the harness serves a remote (server-side) extension host');
  });
});
