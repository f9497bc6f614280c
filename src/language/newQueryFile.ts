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
  chromemanagement: [
    '# dialect: chromemanagement',
    '# Chrome Management API v1 filters (reference only: the explorer takes v1.1beta1 queries and translates them).',
    '# Join conditions with AND; timestamps take =, <= or >= with "RFC 3339" times; * only on machine_name,',
    '# annotated_asset_id and browser_version.',
    'machine_name:LAB-* AND last_activity_time>="2026-01-01T00:00:00Z"',
    '',
  ].join('\n'),
};

export async function newQueryFile(dialect: Dialect = 'browsers'): Promise<void> {
  const content = EXAMPLES[dialect] ?? EXAMPLES.browsers;
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document);
}
