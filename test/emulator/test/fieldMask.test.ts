// The emulator's partial-response parser (`fields`), checked against hand-written selections.
import * as assert from 'assert';
import { applyFieldMask, parseFieldMask } from '../fieldMask';

const DOC = {
  nextPageToken: 't',
  chromeBrowsers: [
    { name: 'n1', machineName: 'A', browsers: [{ version: '1', profiles: [{ id: 'p' }] }], extensionCount: '3' },
    { name: 'n2', machineName: 'B' },
  ],
};
const pick = (fields: string): unknown => applyFieldMask(DOC, parseFieldMask(fields));

describe('emulator: fields (partial response)', () => {
  it('keeps only the named top-level fields', () => {
    assert.deepStrictEqual(pick('nextPageToken'), { nextPageToken: 't' });
  });

  it('selects inside lists element by element with (…)', () => {
    assert.deepStrictEqual(pick('chromeBrowsers(name,extensionCount)'), {
      chromeBrowsers: [{ name: 'n1', extensionCount: '3' }, { name: 'n2' }],
    });
  });

  it('a/b is the same as a(b), nested selections work, and the whole value wins over a part', () => {
    assert.deepStrictEqual(pick('chromeBrowsers/machineName'), { chromeBrowsers: [{ machineName: 'A' }, { machineName: 'B' }] });
    assert.deepStrictEqual(pick('chromeBrowsers(browsers(version))'), { chromeBrowsers: [{ browsers: [{ version: '1' }] }, {}] });
    assert.deepStrictEqual(pick('chromeBrowsers/name,chromeBrowsers'), { chromeBrowsers: DOC.chromeBrowsers });
  });

  it('* keeps everything at its level', () => {
    assert.deepStrictEqual(pick('*'), DOC);
    assert.deepStrictEqual(pick('chromeBrowsers(*)'), { chromeBrowsers: DOC.chromeBrowsers });
  });

  for (const bad of ['', 'a(b', 'a,,b', 'a)', 'a/']) {
    it(`refuses ${JSON.stringify(bad)} with a 400`, () => {
      assert.throws(
        () => parseFieldMask(bad),
        (e: unknown) => (e as { code?: number }).code === 400,
      );
    });
  }
});
