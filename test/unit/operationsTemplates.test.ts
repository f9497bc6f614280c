import * as assert from 'assert';
import { parseTemplate, TemplateError } from '../../src/operations/templates';

describe('annotation templates', () => {
  const now = new Date('2026-05-04T08:09:10Z');
  const browser = { deviceId: 'd1', serialNumber: 'SN-9', machineName: 'LAB-7', annotatedNotes: 'old note', annotatedUser: 'ana' };

  it('fills placeholders from the browser and the clock', () => {
    assert.strictEqual(parseTemplate('{notes} — returned {today}').render(browser, now), 'old note — returned 2026-05-04');
    assert.strictEqual(parseTemplate('{serialNumber}').render(browser, now), 'SN-9');
    assert.strictEqual(parseTemplate('{ machineName }/{user}/{location}').render(browser, now), 'LAB-7/ana/');
    assert.strictEqual(parseTemplate('at {now}').render(browser, now), 'at 2026-05-04 08:09 UTC');
  });

  it('says whether the result differs per browser', () => {
    assert.strictEqual(parseTemplate('fixed text').perBrowser, false);
    assert.strictEqual(parseTemplate('{today}').perBrowser, false);
    assert.strictEqual(parseTemplate('{notes}!').perBrowser, true);
  });

  it('takes {{ and }} as literal braces', () => {
    assert.strictEqual(parseTemplate('{{x}} {serialNumber}').render(browser, now), '{x} SN-9');
  });

  it('refuses unknown placeholders and stray braces with a message naming the fix', () => {
    assert.throws(
      () => parseTemplate('{serialNumbr}'),
      (e: Error) => e instanceof TemplateError && /Unknown placeholder \{serialNumbr\}.*\{serialNumber\}/.test(e.message),
    );
    assert.throws(() => parseTemplate('a { b'), /Unclosed "\{" at position 3/);
    assert.throws(() => parseTemplate('a } b'), /Unmatched "\}" at position 3/);
  });
});
