// Numbers and dates follow VS Code's display language (setDisplayLocale(vscode.env.language) in activate()), not
// a fixed 'en': in the tree's counts, the details panel's times, and the webviews (through <html lang>).
import * as assert from 'assert';
import { loadedText } from '../../src/tree/listingText';
import { displayLocale, setDisplayLocale } from '../../src/util/displayLocale';
import { count } from '../../src/util/relativeTime';
import { renderShell } from '../../src/webview/html';
import { timeText } from '../../src/webview/details/detailsModel';

describe('Display language for numbers and dates', () => {
  afterEach(() => setDisplayLocale('en'));

  it('formats counts in the display language', () => {
    setDisplayLocale('de');
    assert.strictEqual(loadedText(1234567, true), '1.234.567');
    assert.strictEqual(count(2500, 'browser'), '2.500 browsers');
    setDisplayLocale('en');
    assert.strictEqual(loadedText(1234567, true), '1,234,567');
  });

  it('formats the details panel times in the display language, also after a change', () => {
    const iso = '2026-12-03T10:00:00Z';
    const now = Date.parse(iso);
    setDisplayLocale('en');
    const english = timeText(iso, now)!.absolute;
    setDisplayLocale('de');
    const german = timeText(iso, now)!.absolute;
    assert.notStrictEqual(german, english);
    assert.strictEqual(german, new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'medium' }).format(now));
  });

  it('gives the webviews the display language in <html lang>', () => {
    setDisplayLocale('pt-br');
    const html = renderShell({ cspSource: 'vscode-resource:', scriptUri: 'a.js', styleUri: 'a.css', title: 't', nonce: 'n' });
    assert.match(html, /<html lang="pt-BR">/);
  });

  it('keeps the previous language for a tag Intl cannot read', () => {
    setDisplayLocale('fr');
    setDisplayLocale('not a language tag!');
    assert.strictEqual(displayLocale(), 'fr');
  });
});
