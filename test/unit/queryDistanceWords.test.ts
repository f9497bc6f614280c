// Issue 19: exact values of the "did you mean" distance and of the API's word split (src/query/distance.ts,
// words.ts). Expected values are worked out by hand: edit distance counts an insertion, a deletion, a change or a
// swap of two neighbours as one edit (optimal string alignment); words are runs of letters and digits, as the
// reference says matching happens "on word boundaries (any punctuation or space)".
import * as assert from 'assert';
import { closest, editDistance } from '../../src/query/distance';
import { hasWildcard, isSingleWord, splitWords, wordSet } from '../../src/query/words';

describe('query distance: editDistance', () => {
  const CASES: [string, string, number][] = [
    ['', '', 0],
    ['abc', 'abc', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['a', 'b', 1],
    ['ab', 'cd', 2],
    ['abc', 'abd', 1],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1], // one swap
    ['abc', 'acb', 1],
    ['abcd', 'badc', 2], // two swaps
    ['ca', 'abc', 3], // optimal string alignment: a swapped pair is not edited again
    ['machin_name', 'machine_name', 1],
    ['mahcine', 'machine', 1],
    ['user', 'usre', 1],
    ['abcdef', 'abcfed', 2],
  ];
  for (const [a, b, want] of CASES) {
    it(`'${a}' → '${b}' is ${want}`, () => {
      assert.strictEqual(editDistance(a, b), want);
      assert.strictEqual(editDistance(b, a), want, 'symmetric');
    });
  }
});

describe('query distance: closest', () => {
  it('keeps candidates within a third of the word length (at least 2), best first', () => {
    // 'abcdefghi' has 9 letters: limit 3.
    assert.deepStrictEqual(closest('abcdefghi', ['abcdefxyz', 'abcdexyzw', 'abcdefghz']), ['abcdefghz', 'abcdefxyz']);
    // 'abcdef' has 6 letters: limit 2.
    assert.deepStrictEqual(closest('abcdef', ['abcxyz', 'aacdeh', 'abcdeg']), ['abcdeg', 'aacdeh']);
    assert.deepStrictEqual(closest('ab', ['cd', 'xy', 'abcde']), ['cd', 'xy']);
  });

  it('counts a prefix of three letters or more as one edit away', () => {
    assert.deepStrictEqual(closest('mach', ['machine_name', 'mac', 'os']), ['mac', 'machine_name']);
    assert.deepStrictEqual(closest('abc', ['abcdefgh', 'xyzabc']), ['abcdefgh']);
    assert.deepStrictEqual(closest('ab', ['abcdef']), []);
    // An exact match stays ahead of a candidate one edit away, whatever the alphabet says.
    assert.deepStrictEqual(closest('abc', ['aac', 'abc']), ['abc', 'aac']);
  });

  it('ignores case, keeps the candidate spelling, ties alphabetical, at most max', () => {
    assert.deepStrictEqual(closest('USR', ['user', 'User_X']), ['user']);
    assert.deepStrictEqual(closest('abcd', ['abce', 'abcf', 'abcg', 'abch']), ['abce', 'abcf', 'abcg']);
    assert.deepStrictEqual(closest('abcd', ['abch', 'abce', 'abcg'], 1), ['abce']);
    assert.deepStrictEqual(closest('zzzz', ['abcd']), []);
  });
});

describe('query words: the API word split', () => {
  it('splits at every character that is not a letter or digit, with offsets', () => {
    assert.deepStrictEqual(splitWords('LAB-PC_01 x'), [
      { text: 'LAB', start: 0 },
      { text: 'PC', start: 4 },
      { text: '01', start: 7 },
      { text: 'x', start: 10 },
    ]);
    assert.deepStrictEqual(splitWords('Montréal 東京'), [
      { text: 'Montréal', start: 0 },
      { text: '東京', start: 9 },
    ]);
    assert.deepStrictEqual(splitWords('-#-'), []);
  });

  it('isSingleWord: exactly one word and nothing around it', () => {
    assert.strictEqual(isSingleWord('abc'), true);
    assert.strictEqual(isSingleWord('a-b'), false);
    assert.strictEqual(isSingleWord('abc '), false);
    assert.strictEqual(isSingleWord('-abc'), false);
    assert.strictEqual(isSingleWord(''), false);
    assert.strictEqual(isSingleWord('-'), false);
  });

  it('hasWildcard: *, ? and %', () => {
    assert.deepStrictEqual(['a*', 'a?', 'a%', 'a', 'a.b'].map(hasWildcard), [true, true, true, false, false]);
  });

  it('wordSet: the lower-cased words of all values, built once per values array', () => {
    const values = ['LAB-PC', 'lab Desk', 'ÉCOLE'];
    const set = wordSet(values);
    assert.deepStrictEqual([...set], ['lab', 'pc', 'desk', 'école']);
    assert.strictEqual(wordSet(values), set, 'the same array gives the cached set');
    assert.notStrictEqual(wordSet([...values]), set, 'another array gets its own set');
  });
});
