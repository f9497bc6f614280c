import * as vscode from 'vscode';
import { hover } from '../query';
import { documentDialect, queryLineAt, SELECTOR, toRange } from './queryDocument';

export function registerHover(): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(document, position) {
        const q = queryLineAt(document, position.line);
        if (!q) return undefined;
        const h = hover(q.text, position.character, documentDialect(document));
        return h ? new vscode.Hover(new vscode.MarkdownString(h.contents), toRange(q.line, h.range)) : undefined;
      },
    }),
  ];
}
