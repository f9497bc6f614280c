// How the API sees a value: it splits text at every character that is not a letter or digit
// ("Matching occurs on word boundaries (any punctuation or space)") and compares whole words,
// ignoring case. These helpers reproduce that split with source offsets.

const WORD = /[\p{L}\p{N}]+/gu;
const WILDCARD = /[*?%]/;

export interface Word {
  text: string;
  /** Offset in the value text. */
  start: number;
}

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) words.push({ text: m[0], start: m.index });
  return words;
}

export function hasWildcard(text: string): boolean {
  return WILDCARD.test(text);
}

/** True when the text is one word with nothing the API would split on. */
export function isSingleWord(text: string): boolean {
  const w = splitWords(text);
  return w.length === 1 && w[0].text.length === text.length;
}

/** Lower-cased words of a set of fleet values, built once per values array. */
const cache = new WeakMap<readonly string[], Set<string>>();
export function wordSet(values: readonly string[]): Set<string> {
  let set = cache.get(values);
  if (!set) {
    set = new Set();
    for (const v of values) for (const w of splitWords(v)) set.add(w.text.toLowerCase());
    cache.set(values, set);
  }
  return set;
}
