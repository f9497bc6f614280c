// Read-only previews of what a bulk run will write, one line per browser, opened before the confirmation.
// A content provider (not an untitled file) so closing it never asks to save.
import * as vscode from 'vscode';
import { ANNOTATION_KEYS } from '../model/annotations';
import type { PlannedAnnotations } from '../operations/bulkRun';
import type { BulkTarget } from '../operations/bulkTargets';
import { ANNOTATION_LABELS } from '../model/annotations';

const SCHEME = 'cbcm-preview';
const documents = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

export function registerBulkPreview(): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => documents.get(uri.path) ?? 'This preview is no longer available.',
    }),
  ];
}

const cell = (v: string) => v.replace(/\|/g, '\\|').replace(/\n/g, ' ⏎ ') || '∅';

/** Markdown: per browser, each changed field "current → new", or why it will be skipped. */
export function annotationPreviewText(
  targets: readonly BulkTarget[],
  plan: (t: BulkTarget) => PlannedAnnotations,
  title: string,
): { text: string; writes: number; invalid: number } {
  const lines = [
    `# ${title}`,
    '',
    'Nothing has been sent yet. Review, then confirm in the dialog.',
    '',
    '| Browser | Serial | Change |',
    '|---|---|---|',
  ];
  let writes = 0;
  let invalid = 0;
  for (const t of targets) {
    const p = plan(t);
    let change: string;
    if (!p.ok) {
      invalid++;
      change = `⚠ skipped: ${cell(p.reason)}`;
    } else {
      const diffs = ANNOTATION_KEYS.filter((k) => p.values[k] !== (t.annotations?.[k] ?? '')).map(
        (k) => `${ANNOTATION_LABELS[k]}: ${cell(t.annotations?.[k] ?? '')} → ${cell(p.values[k])}`,
      );
      if (diffs.length) writes++;
      change = diffs.join('; ') || 'unchanged';
    }
    lines.push(`| ${cell(t.machineName ?? t.deviceId)} | ${cell(t.serialNumber ?? '')} | ${change} |`);
  }
  return { text: lines.join('\n') + '\n', writes, invalid };
}

export async function openPreview(name: string, text: string): Promise<void> {
  const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}.md` });
  documents.set(uri.path, text);
  changed.fire(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: false });
}
