// The webview's language for numbers and dates: VS Code's display language, which the extension writes into
// <html lang> (src/webview/html.ts). navigator.language would be the browser's or the OS's, not VS Code's.
export function displayLocale(): string | undefined {
  return document.documentElement.lang || undefined;
}
