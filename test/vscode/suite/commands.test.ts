// Generic manifest checks: they read package.json, so they keep catching breakage as commands are added.
import * as assert from 'assert';
import * as vscode from 'vscode';

const extensionId = 'cbcm-explorer.cbcm-explorer';

interface Manifest {
  contributes?: {
    commands?: Array<{ command: string; title: string }>;
    menus?: Record<string, Array<{ command?: string; submenu?: string }>>;
    keybindings?: Array<{ command: string }>;
  };
}

function manifest(): Manifest {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} is not installed in this VS Code`);
  return extension.packageJSON as Manifest;
}

async function activatedCommands(): Promise<Set<string>> {
  await vscode.extensions.getExtension(extensionId)?.activate();
  return new Set(await vscode.commands.getCommands(true));
}

describe('Contributed commands', () => {
  it('contributes at least one command', () => {
    assert.ok((manifest().contributes?.commands ?? []).length > 0, 'package.json contributes no commands');
  });

  it('registers every command contributed in package.json', async () => {
    const registered = await activatedCommands();
    const missing = (manifest().contributes?.commands ?? []).map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed in package.json but not registered on activation: ${missing.join(', ')}`);
  });

  it('every menu item and keybinding points at a contributed command', () => {
    const contributes = manifest().contributes ?? {};
    const contributed = new Set((contributes.commands ?? []).map((c) => c.command));
    const referenced = [
      ...Object.entries(contributes.menus ?? {}).flatMap(([menu, items]) =>
        items.filter((i) => i.command !== undefined).map((i) => ({ where: `menus.${menu}`, command: i.command! })),
      ),
      ...(contributes.keybindings ?? []).map((k) => ({ where: 'keybindings', command: k.command })),
    ];
    const dangling = referenced.filter((r) => !contributed.has(r.command)).map((r) => `${r.where}: ${r.command}`);
    assert.deepStrictEqual(dangling, [], `menus/keybindings refer to commands not in contributes.commands: ${dangling.join(', ')}`);
  });
});
