import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

// What VS Code itself makes of the localisation files. The manifest VS Code hands the extension host has its
// %key% placeholders replaced from package.nls.json (a key missing there stays "%key%" and fails here). The
// runtime bundle is only loaded by VS Code for a display language other than English (this VS Code has no
// language pack), so here it checks that VS Code finds the declared bundle folder in the extension and that
// vscode.l10n answers with the English text; in another display language, that the bundle is loaded.
describe('Localisation in VS Code', () => {
  const extension = () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    return ext;
  };

  it('resolves every command title and category from package.nls.json', () => {
    const commands = extension().packageJSON.contributes.commands as { command: string; title: string; category?: string }[];
    const unresolved = commands.filter((c) => /%/.test(c.title) || /%/.test(c.category ?? '')).map((c) => `${c.command}: ${c.title}`);
    assert.deepStrictEqual(unresolved, []);
    const reveal = commands.find((c) => c.command === 'cbcm.explorer.revealListing');
    assert.strictEqual(reveal?.title, 'Reveal Filtered Listing');
    assert.strictEqual(reveal?.category, 'CBCM');
  });

  it('resolves view names and walkthrough texts from package.nls.json', () => {
    const contributes = extension().packageJSON.contributes as {
      views: Record<string, { name: string }[]>;
      walkthroughs: { title: string; description: string; steps: { title: string; description: string }[] }[];
    };
    const texts = [
      ...Object.values(contributes.views).flatMap((views) => views.map((v) => v.name)),
      ...contributes.walkthroughs.flatMap((w) => [w.title, w.description, ...w.steps.flatMap((s) => [s.title, s.description])]),
    ];
    assert.ok(texts.length > 0);
    assert.deepStrictEqual(
      texts.filter((t) => /^%.*%$/.test(t)),
      [],
    );
  });

  it('finds the runtime bundle the manifest declares, and vscode.l10n answers with it', async () => {
    const ext = extension();
    assert.strictEqual(ext.packageJSON.l10n, './l10n');
    const bundleUri = vscode.Uri.joinPath(ext.extensionUri, 'l10n', 'bundle.l10n.json');
    const bundle = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(bundleUri))) as Record<string, string>;
    assert.strictEqual(bundle['Find Browser'], 'Find Browser');
    if (vscode.env.language.startsWith('en')) {
      // English is the source language: VS Code loads no bundle and t() formats the English text itself.
      assert.strictEqual(vscode.l10n.bundle, undefined);
      assert.strictEqual(vscode.l10n.t('Find Browser: {0} matches', 3), 'Find Browser: 3 matches');
    } else {
      assert.ok(vscode.l10n.bundle, `no l10n bundle loaded for display language ${vscode.env.language}`);
    }
  });
});
