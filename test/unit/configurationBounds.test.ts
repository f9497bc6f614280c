// The numeric settings are clamped where they are read: a settings.json can hold any value (VS Code only warns in the
// settings editor), and a time-out above 2^31-1 ms would make Node fire the timer at once.
import * as assert from 'assert';
import { boundSetting, PAGE_SIZE, REQUEST_TIMEOUT_SECONDS } from '../../src/configurationBounds';

describe('setting bounds', () => {
  const timeout = (raw: unknown) => boundSetting('cbcm.requestTimeoutSeconds', raw, REQUEST_TIMEOUT_SECONDS);
  const pageSize = (raw: unknown) => boundSetting('cbcm.pageSize', raw, PAGE_SIZE);

  it('keeps values in range without a note', () => {
    assert.deepStrictEqual(timeout(30), { value: 30 });
    assert.deepStrictEqual(timeout(1), { value: 1 });
    assert.deepStrictEqual(timeout(300), { value: 300 });
    assert.deepStrictEqual(timeout(2.5), { value: 2.5 });
    assert.deepStrictEqual(pageSize(50), { value: 50 });
    assert.deepStrictEqual(timeout(undefined), { value: 30 });
    assert.deepStrictEqual(pageSize(undefined), { value: 100 });
  });

  const cases: [string, (raw: unknown) => ReturnType<typeof timeout>, unknown, number, RegExp][] = [
    ['a time-out that overflows the timer', timeout, 1e12, 300, /is 1000000000000; it must be from 1 to 300, so 300 is used/],
    ['2^31 ms as seconds', timeout, 2 ** 31, 300, /so 300 is used/],
    ['a zero time-out', timeout, 0, 1, /so 1 is used/],
    ['a negative time-out', timeout, -5, 1, /so 1 is used/],
    ['a time-out that is not a number', timeout, '30', 30, /not a number; using 30/],
    ['an infinite time-out', timeout, Number.POSITIVE_INFINITY, 30, /not a number/],
    ['NaN', timeout, Number.NaN, 30, /not a number/],
    ['a page size over 100', pageSize, 1000, 100, /whole number from 1 to 100, so 100 is used/],
    ['a zero page size', pageSize, 0, 1, /so 1 is used/],
    ['a fractional page size', pageSize, 50.7, 50, /is 50.7; .* so 50 is used/],
    ['a page size that is not a number', pageSize, null, 100, /not a number; using 100/],
  ];
  for (const [name, read, raw, value, note] of cases) {
    it(`clamps ${name}`, () => {
      const out = read(raw);
      assert.strictEqual(out.value, value);
      assert.match(out.note ?? '', note);
    });
  }

  it('never lets a time-out exceed what a Node timer can hold', () => {
    assert.ok(REQUEST_TIMEOUT_SECONDS.max * 1000 < 2 ** 31 - 1);
  });
});
