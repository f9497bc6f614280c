// Splits a list-page query into terms: whitespace separates terms, double quotes group words,
// `field:value` targets a field. Shared by the browser and the enrollment-token dialects.
import { badRequest } from './errors';

export interface QueryTerm {
  /** Field name exactly as typed (case matters), or undefined for a free term. */
  field?: string;
  value: string;
  /** The term as typed, for error messages. */
  raw: string;
}

export function splitTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < query.length) {
    while (i < query.length && /\s/.test(query[i])) i++;
    if (i >= query.length) break;
    const start = i;
    let inQuotes = false;
    let text = '';
    while (i < query.length && (inQuotes || !/\s/.test(query[i]))) {
      if (query[i] === '"') inQuotes = !inQuotes;
      else text += query[i];
      i++;
    }
    const raw = query.slice(start, i);
    if (inQuotes) throw badRequest(`Invalid Input: unbalanced quote in query term ${raw}`);
    terms.push(toTerm(raw, text));
  }
  return terms;
}

function toTerm(raw: string, unquoted: string): QueryTerm {
  // A field prefix is only recognised outside quotes: `"a:b"` is a free phrase.
  const m = /^([A-Za-z_][A-Za-z0-9_]*):/.exec(raw);
  if (!m) return { value: unquoted, raw };
  const field = m[1];
  let value = raw.slice(m[0].length);
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
  value = value.replace(/"/g, '');
  return { field, value, raw };
}

/** Words of a value: runs of letters/digits; punctuation and spaces separate words. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A case-insensitive matcher for whole words: every word of `value` must appear in the text, in
 * order and adjacent (separated only by punctuation/space), never as part of a longer word.
 */
export function wordMatcher(value: string): ((text: string | undefined) => boolean) | undefined {
  const words = wordsOf(value);
  if (words.length === 0) return undefined;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
  return (text) => text !== undefined && re.test(text);
}
