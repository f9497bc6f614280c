// The HTML shell of every webview panel (panelHost.ts renders it). It holds no fleet or device data at all:
// everything arrives later as messages and is rendered with textContent, so the CSP below is the only thing this
// file must get right.

import { randomBytes } from 'crypto';
import { displayLocale } from '../util/displayLocale';
import { L10N_BUNDLE_META, l10n } from '../util/l10n';

export interface ShellOptions {
  /** `webview.cspSource` */
  cspSource: string;
  /** `webview.asWebviewUri(media/dist/<page>.js)` as a string */
  scriptUri: string;
  /** `webview.asWebviewUri(media/<page>.css)` as a string */
  styleUri: string;
  /** Shown until the script has rendered (for the details panel: the machine name or device id). */
  title: string;
  /** For tests; defaults to 16 random bytes. */
  nonce?: string;
  /** The status shown until the script has rendered; defaults to the device panel's. */
  loadingText?: string;
  /**
   * `vscode.l10n.bundle` (English message → translation; undefined in English): the webview's l10n.t reads it
   * from a meta tag (media/src/_locale.ts), so the page speaks the display language as the extension does.
   */
  l10nBundle?: Readonly<Record<string, string>>;
}

/** 128 bits from the OS CSPRNG, base64 (a valid CSP nonce value). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * default-src 'none': nothing loads unless listed. Styles, images and fonts only from the extension's own
 * webview origin; scripts only with this render's nonce. No 'unsafe-inline', no 'unsafe-eval'. The web
 * components style their shadow roots with constructable stylesheets (adoptedStyleSheets), which CSP does not
 * treat as inline styles.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return (
    ["default-src 'none'", `style-src ${cspSource}`, `img-src ${cspSource}`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ') + ';'
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** For double-quoted attributes; keeps `'` readable so the CSP's `'none'` stays literal in the markup. */
function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderShell(o: ShellOptions): string {
  const nonce = o.nonce ?? createNonce();
  const attr = escapeAttribute;
  // Every panel's stylesheet sits next to media/base.css, the rules all panels share ([hidden], fonts, header).
  const baseStyleUri = o.styleUri.replace(/[^/]*$/, 'base.css');
  return `<!DOCTYPE html>
<html lang="${attr(displayLocale())}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${o.l10nBundle ? `<meta name="${L10N_BUNDLE_META}" content="${attr(JSON.stringify(o.l10nBundle))}">\n` : ''}<link rel="stylesheet" href="${attr(baseStyleUri)}">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading" role="status">${escapeHtml(o.loadingText ?? l10n.t('Loading browser details…'))}</p></main>
<script nonce="${attr(nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}
