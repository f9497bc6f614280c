// The language numbers and dates are shown in: VS Code's display language (vscode.env.language), set once by
// activate(). No vscode import, so pure modules and their unit tests use it too ('en' until it is set).
let locale = 'en';

export function setDisplayLocale(language: string | undefined): void {
  try {
    // An unknown tag would make every toLocaleString throw: keep the previous one then.
    if (language) locale = Intl.getCanonicalLocales(language)[0] ?? locale;
  } catch {
    // keep 'en'
  }
}

export function displayLocale(): string {
  return locale;
}
