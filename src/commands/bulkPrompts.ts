// The questions of "Set annotations…": which fields, and per field clear or a template. Templates are checked
// as they are typed, so a bad placeholder never reaches the preview.
import * as vscode from 'vscode';
import { ANNOTATION_FIELDS, type AnnotationField } from '../api/types';
import type { AnnotationChanges, FieldChange } from '../operations/bulkRun';
import { parseTemplate, TEMPLATE_PLACEHOLDERS, TemplateError } from '../operations/templates';
import { ANNOTATION_LABELS } from '../model/annotations';
import { displayLocale } from '../util/displayLocale';

export async function askAnnotationChanges(count: number): Promise<AnnotationChanges | undefined> {
  const fields = await vscode.window.showQuickPick(
    ANNOTATION_FIELDS.map((f) => ({ label: ANNOTATION_LABELS[f], field: f, picked: false })),
    {
      title: `Set annotations on ${count.toLocaleString(displayLocale())} browsers (1/2): fields`,
      placeHolder: 'Choose the fields to change (Space to tick, Enter to go on)',
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
    title: `Set annotations on ${count.toLocaleString(displayLocale())} browsers (2/2): ${label}`,
    prompt: `New ${label.toLowerCase()}; leave empty to clear it. Placeholders: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
    placeHolder: field === 'annotatedNotes' ? '{notes} — returned {today}' : field === 'annotatedAssetId' ? '{serialNumber}' : '',
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
