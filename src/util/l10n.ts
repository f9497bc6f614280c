// Translation for code that must not import vscode (pure, unit-tested modules; the webview scripts). It mirrors
// `vscode.l10n.t` for positional arguments: `l10n.t('Move {0} to {1}?', n, path)`. Until `setTranslator` is
// called (activate() hands it vscode.l10n.t; a webview, the bundle its host sent) the message is English with
// its {0} placeholders filled. `npm run l10n` (scripts/l10n-export.mjs) exports these calls to the bundle too, so
// every message must be a string literal, and no `l10n.t` may run at module load (use a function).

export type L10nArg = string | number | boolean;
export type Translate = (message: string, ...args: L10nArg[]) => string;

/** Fills `{0}`, `{1}`… with the arguments, as vscode.l10n.t does; an index without an argument stays as it is. */
export function format(message: string, args: readonly L10nArg[]): string {
  return message.replace(/\{(\d+)\}/g, (match, index: string) => {
    const arg = args[Number(index)];
    return arg === undefined ? match : String(arg);
  });
}

const english: Translate = (message, ...args) => format(message, args);
let translator: Translate = english;

/** activate(): vscode.l10n.t; a webview: its bundle's lookup; undefined: back to English. */
export function setTranslator(t: Translate | undefined): void {
  translator = t ?? english;
}

/** A translator over a bundle (`vscode.l10n.bundle`: the English message → its translation). */
export function bundleTranslator(bundle: Readonly<Record<string, string>>): Translate {
  return (message, ...args) => format(Object.prototype.hasOwnProperty.call(bundle, message) ? bundle[message] : message, args);
}

/** The meta tag of a webview page that holds its bundle (src/webview/html.ts writes it, media/src/_locale.ts reads it). */
export const L10N_BUNDLE_META = 'cbcm-l10n-bundle';

export const l10n = {
  t: (message: string, ...args: L10nArg[]): string => translator(message, ...args),
};
