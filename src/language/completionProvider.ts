// Completions in .cbcmq documents, delegated line by line to the query engine.
import * as vscode from 'vscode';
import { ALL_DIALECTS, complete, type QueryCompletion } from '../query';
import { documentDialect, queryLineAt, SELECTOR, toRange } from './queryDocument';
import { recentValuesFor } from './recentValues';
import { clock } from '../util/clock';

const KIND: Record<QueryCompletion['kind'], vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Field,
  value: vscode.CompletionItemKind.Value,
  enum: vscode.CompletionItemKind.EnumMember,
  boolean: vscode.CompletionItemKind.Constant,
  time: vscode.CompletionItemKind.Constant,
  recent: vscode.CompletionItemKind.Value,
  snippet: vscode.CompletionItemKind.Snippet,
};

const DIALECT_PREFIX = /^\s*#\s*dialect\s*:\s*([A-Za-z_]*)$/i;

export function toCompletionItem(line: number, c: QueryCompletion): vscode.CompletionItem {
  const item = new vscode.CompletionItem(c.label, KIND[c.kind]);
  item.insertText = c.isSnippet ? new vscode.SnippetString(c.insertText) : c.insertText;
  item.range = toRange(line, c.range);
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
  if (c.sortText) item.sortText = c.sortText;
  if (c.filterText) item.filterText = c.filterText;
  if (c.retrigger) item.command = { title: vscode.l10n.t('Suggest values'), command: 'editor.action.triggerSuggest' };
  return item;
}

/** `# dialect: |` on the first line offers the dialect names. */
function dialectItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
  if (position.line !== 0) return [];
  const before = document.lineAt(0).text.slice(0, position.character);
  const m = DIALECT_PREFIX.exec(before);
  if (!m) return [];
  const range = new vscode.Range(0, position.character - m[1].length, 0, position.character);
  return ALL_DIALECTS.map((d) => {
    const item = new vscode.CompletionItem(d, vscode.CompletionItemKind.EnumMember);
    item.range = range;
    item.detail = 'query dialect';
    return item;
  });
}

export function registerCompletions(): vscode.Disposable[] {
  return [
    vscode.languages.registerCompletionItemProvider(
      SELECTOR,
      {
        provideCompletionItems(document, position) {
          const q = queryLineAt(document, position.line);
          if (!q) return dialectItems(document, position);
          const dialect = documentDialect(document);
          const items = complete(q.text, position.character, dialect, { now: clock.date(), recentValues: recentValuesFor(dialect) });
          return items.map((c) => toCompletionItem(q.line, c));
        },
      },
      ':',
      '.',
      ' ',
    ),
  ];
}
