// One import-preview row as the webview shows it (no `vscode` import: the memory benchmark builds pages too).
import { ANNOTATION_LABELS } from '../../model/annotations';
import type { PreviewRow } from '../../operations/csvImport';
import type { PreviewRowView } from './protocol';
import { l10n } from '../../util/l10n';

const label = (f: string) => (f === 'orgUnitPath' ? l10n.t('Org unit') : (ANNOTATION_LABELS[f as keyof typeof ANNOTATION_LABELS] ?? f));

export function rowView(r: PreviewRow, browserLabel: (id: string) => string | undefined): PreviewRowView {
  const text =
    r.problem ??
    (r.changes.length
      ? r.changes.map((c) => `${label(c.field)}: ${c.from || '∅'} → ${c.to || '∅'}`).join('; ')
      : l10n.t('already holds these values'));
  return { line: r.line, key: r.key, status: r.status, browser: r.deviceId ? (browserLabel(r.deviceId) ?? r.deviceId) : undefined, text };
}
