import * as assert from 'assert';
import { BROWSER_ORDER_BY } from '../../src/api/types';

describe('types', () => {
  it('lists the 19 documented orderBy values', () => {
    assert.strictEqual(BROWSER_ORDER_BY.length, 19);
  });
});
