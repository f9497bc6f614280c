// Issue 20 item 16: a new query file proposes a real name on Save As, not its first line.
import * as assert from 'assert';
import { dialectFromDocument, newQueryFileName } from '../../src/query';

describe('new query file: proposed name', () => {
  it('names each dialect as a .cbcmq file, never after the "# dialect:" line', () => {
    assert.strictEqual(newQueryFileName('browsers'), 'browser-queries.cbcmq');
    assert.strictEqual(newQueryFileName('tokens'), 'token-queries.tokens.cbcmq');
    assert.strictEqual(newQueryFileName('chromemanagement'), 'chrome-management-filters.cbcmq');
    for (const d of ['browsers', 'tokens', 'chromemanagement'] as const) {
      assert.match(newQueryFileName(d), /^[a-z][a-z0-9.-]*\.cbcmq$/);
      assert.ok(!newQueryFileName(d).includes('#') && !newQueryFileName(d).includes(' '));
    }
  });

  it('the name alone gives the right dialect for browsers and tokens', () => {
    assert.strictEqual(dialectFromDocument('', newQueryFileName('tokens')), 'tokens');
    assert.strictEqual(dialectFromDocument('', newQueryFileName('browsers')), 'browsers');
  });

  it('skips names already in use', () => {
    const taken = new Set(['browser-queries.cbcmq', 'browser-queries-2.cbcmq', 'token-queries.tokens.cbcmq']);
    assert.strictEqual(
      newQueryFileName('browsers', (n) => taken.has(n)),
      'browser-queries-3.cbcmq',
    );
    assert.strictEqual(
      newQueryFileName('tokens', (n) => taken.has(n)),
      'token-queries-2.tokens.cbcmq',
    );
  });
});
