// The webview's language: numbers and dates in VS Code's display language, which the extension writes into
// <html lang> (src/webview/html.ts), and the translations of its l10n.t strings, which it writes into a meta tag
// (vscode.l10n.bundle; none in English). navigator.language would be the browser's or the OS's, not VS Code's.
import { bundleTranslator, L10N_BUNDLE_META, setTranslator } from '../../src/util/l10n';

export function displayLocale(): string | undefined {
  return document.documentElement.lang || undefined;
}

/** The bundle the extension sent, or undefined (English, or a tag that is not a JSON object of strings). */
export function readBundle(): Record<string, string> | undefined {
  const content = document.querySelector(`meta[name="${L10N_BUNDLE_META}"]`)?.getAttribute('content');
  if (!content) return undefined;
  try {
    const bundle: unknown = JSON.parse(content);
    if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) return undefined;
    return Object.fromEntries(Object.entries(bundle).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return undefined;
  }
}

// At load, before any page code asks for a string (every entry imports this module).
const bundle = readBundle();
if (bundle) setTranslator(bundleTranslator(bundle));
