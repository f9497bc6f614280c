// Writing a filter query in the editor: completions while typing, and a diagnostic for what the API ignores.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';

describe('Filter query editor', () => {
  it('completes field names and flags OR, which the API does not support', async () => {
    const { page, runCommand, screenshot } = e2e();
    await runCommand('CBCM: New Filter Query');
    const editor = page.locator('.monaco-editor[data-uri^="untitled"]').first();
    await editor.waitFor({ state: 'visible', timeout: 15_000 });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('os_pl');
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'os_platform' }).first();
    await suggestion.waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('query-completions');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Windows OR machine_name:LIX');
    await page.keyboard.press('Escape');
    const squiggle = editor.locator('.squiggly-error').first();
    await squiggle.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await editor.locator('.view-lines').innerText();
    assert.match(text.replace(/\u00a0/g, ' '), /os_platform:Windows OR machine_name:LIX/);
    await screenshot('query-diagnostics');
  });
});
