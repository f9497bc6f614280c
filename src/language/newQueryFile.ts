import * as vscode from 'vscode';
import type { Dialect } from '../query';
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
};

export async function newQueryFile(dialect: Dialect = 'browsers'): Promise<void> {
  const content = EXAMPLES[dialect] ?? EXAMPLES.browsers;
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document);
}
