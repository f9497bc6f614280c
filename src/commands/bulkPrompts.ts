// The questions of "Set annotations…": which fields, and per field clear or a template. Templates are checked
// as they are typed, so a bad placeholder never reaches the preview.
import * as vscode from 'vscode';
import { ANNOTATION_FIELDS, type AnnotationField } from '../api/types';
import type { AnnotationChanges, FieldChange } from '../operations/bulkRun';
import { parseTemplate, TEMPLATE_PLACEHOLDERS, TemplateError } from '../operations/templates';
import { ANNOTATION_LABELS } from '../model/annotations';
import { displayLocale } from '../util/displayLocale';

/** "Set annotations on 12 browsers (1/2): fields" (one browser has its own words). */
function setTitle(count: number, what: string, step: 1 | 2): string {
  const n = count.toLocaleString(displayLocale());
  return count === 1
    ? vscode.l10n.t('Set annotations on {0} browser ({1}/2): {2}', n, step, what)
    : vscode.l10n.t('Set annotations on {0} browsers ({1}/2): {2}', n, step, what);
}

export async function askAnnotationChanges(count: number): Promise<AnnotationChanges | undefined> {
  const fields = await vscode.window.showQuickPick(
    ANNOTATION_FIELDS.map((f) => ({ label: ANNOTATION_LABELS[f], field: f, picked: false })),
    {
      title: setTitle(count, vscode.l10n.t('fields'), 1),
      placeHolder: vscode.l10n.t('Choose the fields to change (Space to tick, Enter to go on)'),
      canPickMany: true,
    },
  );
  if (!fields || fields.length === 0) return undefined;
  const changes = Object.fromEntries(ANNOTATION_FIELDS.map((f) => [f, { mode: 'keep' }])) as AnnotationChanges;
  for (const { field } of fields) {
    const change = await askField(field, count);
    if (!change) return undefined;
    changes[field] = change;
  }
  return changes;
}

async function askField(field: AnnotationField, count: number): Promise<FieldChange | undefined> {
  const label = ANNOTATION_LABELS[field];
  const text = await vscode.window.showInputBox({
    title: setTitle(count, label, 2),
    prompt: vscode.l10n.t(
      'New {0}; leave empty to clear it. Placeholders: {1}',
      label.toLowerCase(),
      TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' '),
    ),
    placeHolder: field === 'annotatedNotes' ? vscode.l10n.t('{notes} — returned {today}') : field === 'annotatedAssetId' ? '{serialNumber}' : '',
    validateInput: (v) => {
      try {
        parseTemplate(v);
        return undefined;
      } catch (e) {
        return e instanceof TemplateError ? e.message : String(e);
      }
    },
  });
  if (text === undefined) return undefined;
  return text === '' ? { mode: 'clear' } : { mode: 'set', template: parseTemplate(text) };
}
