import * as vscode from 'vscode';
import { newQueryFileName, type Dialect } from '../query';
import { LANGUAGE_ID } from './queryDocument';

export const NEW_QUERY_FILE_COMMAND = 'cbcm.query.newQueryFile';

const EXAMPLES: Record<Dialect, string> = {
  browsers: [
    '# dialect: browsers',
    '# One query per line; click "Run in CBCM Explorer" above a line to filter the browser list.',
    '# Terms are all required (no OR). Field names are case sensitive; words match whole and ignore case.',
    '# Times: YYYY-MM-DD or YYYY-MM-DDThh:mm:ss, ranges a..b, a.. (on or after), ..b (on or before).',
    'machine_name:LIX register:2024-01-01..',
    '',
  ].join('\n'),
  tokens: [
    '# dialect: tokens',
    '# One query per line; click "Run in CBCM Explorer" above a line to filter the enrollment tokens.',
    'device_type:CHROME_BROWSER token_state:ACTIVE',
    '',
  ].join('\n'),
  chromemanagement: [
    '# dialect: chromemanagement',
    '# Chrome Management API v1 filters (reference only: the explorer takes v1.1beta1 queries and translates them).',
    '# Join conditions with AND; timestamps take =, <= or >= with "RFC 3339" times; * only on machine_name,',
    '# annotated_asset_id and browser_version.',
    'machine_name:LAB-* AND last_activity_time>="2026-01-01T00:00:00Z"',
    '',
  ].join('\n'),
};

/**
 * Opens an untitled query file with a real name (`browser-queries.cbcmq`, in the first workspace folder when there
 * is one), so Save As proposes that name instead of the first line ("# dialect: browsers.cbcmq").
 */
export async function newQueryFile(dialect: Dialect = 'browsers'): Promise<void> {
  const content = EXAMPLES[dialect] ?? EXAMPLES.browsers;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const openNames = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path.split('/').pop()));
  const uriFor = (name: string): vscode.Uri =>
    folder ? vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
  const existing = new Set<string>();
  if (folder) {
    try {
      for (const [name] of await vscode.workspace.fs.readDirectory(folder)) existing.add(name);
    } catch {
      // A folder that cannot be read: only open documents count.
    }
  }
  const name = newQueryFileName(dialect, (n) => openNames.has(n) || existing.has(n));
  const document = await vscode.workspace.openTextDocument(uriFor(name));
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), content));
  if (editor.document.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
  editor.selection = new vscode.Selection(0, 0, 0, 0);
}
