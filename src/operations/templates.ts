// Annotation templates: text with {placeholders} filled from each browser's own values, e.g. notes
// "{notes} — returned {today}" or asset id "{serialNumber}" (GAM's #notes#). Parsed once, so a typo in a
// placeholder is an error before the preview, never a literal "{serialNumbr}" written to a thousand browsers.
import type { ChromeBrowser } from '../api/types';
import { l10n } from '../util/l10n';

/** Placeholder → how to read it from a browser; the short names match the details panel's labels. */
const FIELDS: Record<string, (b: Partial<ChromeBrowser>) => string | undefined> = {
  deviceId: (b) => b.deviceId,
  machineName: (b) => b.machineName,
  serialNumber: (b) => b.serialNumber,
  orgUnitPath: (b) => b.orgUnitPath,
  osPlatform: (b) => b.osPlatform,
  osVersion: (b) => b.osVersion,
  lastDeviceUser: (b) => b.lastDeviceUser,
  user: (b) => b.annotatedUser,
  location: (b) => b.annotatedLocation,
  assetId: (b) => b.annotatedAssetId,
  notes: (b) => b.annotatedNotes,
  annotatedUser: (b) => b.annotatedUser,
  annotatedLocation: (b) => b.annotatedLocation,
  annotatedAssetId: (b) => b.annotatedAssetId,
  annotatedNotes: (b) => b.annotatedNotes,
};
const CLOCK_FIELDS = ['today', 'now'] as const;

export const TEMPLATE_PLACEHOLDERS: readonly string[] = [...Object.keys(FIELDS), ...CLOCK_FIELDS];

type Piece = { text: string } | { field: string };

export interface AnnotationTemplate {
  readonly source: string;
  /** True when the result depends on the browser (then the preview shows it per browser). */
  readonly perBrowser: boolean;
  render(browser: Partial<ChromeBrowser>, now: Date): string;
}

export class TemplateError extends Error {}

/** `{{` and `}}` stand for literal braces. */
export function parseTemplate(source: string): AnnotationTemplate {
  const pieces: Piece[] = [];
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if ((c === '{' || c === '}') && source[i + 1] === c) {
      text += c;
      i++;
      continue;
    }
    if (c === '}') throw new TemplateError(l10n.t('Unmatched "}" at position {0}; write "}}" for a literal brace.', i + 1));
    if (c !== '{') {
      text += c;
      continue;
    }
    const close = source.indexOf('}', i);
    if (close < 0) throw new TemplateError(l10n.t('Unclosed "{" at position {0}; write "{{" for a literal brace.', i + 1));
    const name = source.slice(i + 1, close).trim();
    if (!(name in FIELDS) && !(CLOCK_FIELDS as readonly string[]).includes(name)) {
      throw new TemplateError(
        l10n.t('Unknown placeholder {0}. Use one of: {1}.', `{${name}}`, TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')),
      );
    }
    if (text) pieces.push({ text });
    text = '';
    pieces.push({ field: name });
    i = close;
  }
  if (text) pieces.push({ text });
  return {
    source,
    perBrowser: pieces.some((p) => 'field' in p && p.field in FIELDS),
    render(browser, now) {
      return pieces.map((p) => ('text' in p ? p.text : valueOf(p.field, browser, now))).join('');
    },
  };
}

function valueOf(field: string, browser: Partial<ChromeBrowser>, now: Date): string {
  if (field === 'today') return now.toISOString().slice(0, 10);
  if (field === 'now') return now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return FIELDS[field](browser) ?? '';
}
