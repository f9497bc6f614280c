// Translation of a v1.1beta1 `query` into a Chrome Management API v1 `filter` (reference §5.5):
// keys renamed, implicit AND made explicit, `a..b` time ranges turned into `>=`/`<=` pairs with RFC 3339 UTC
// times, and the org unit moved into the filter. Pure: used by the v1 backend (so the UI's queries keep
// working) and by the "Convert to Chrome Management filter" code action. Anything without an equivalent is
// left out of the filter and named in `untranslatable`, so the caller can refuse or warn; never guessed.
//
// `field:value` on text: the reference does not say what a plain v1 value matches (whole word as in v1.1beta1,
// whole value, prefix, or substring; it documents `prefix*`, `*suffix` and `*substring*`, which suggests a plain
// value is none of those). So the translation must not depend on it:
//   - machine_name, annotated_asset_id, browser_version (the documented wildcard fields): each word is sent as the
//     documented substring form `field:"*word*"`, which contains every whole-word match under any reading; the
//     client then keeps only whole-word matches (`wholeWords`, chromeManagementWordMatch.ts).
//   - the other text fields have no documented wildcard, so nothing the filter can say finds a word inside a
//     longer value if `:` compares whole values or prefixes: the term is sent as `field:value` and `caveats` says
//     so (shown in the Convert document and logged), and the client narrows a substring reading back to words.
import { V1_FILTER_OF_QUERY_KEY, WILDCARD_FIELDS } from './chromeManagementFields';
import { canNarrow, substringWords, type WordCondition } from './chromeManagementWordMatch';
import { parseQuery, splitRange } from './parser';
import { checkTime } from './time';
import type { FieldTerm, ValueNode } from './types';

export interface FilterConversion {
  /** The v1 filter ('' when nothing constrains the listing). */
  filter: string;
  /** One sentence per term that could not be translated (never containing an enrollment-token value). */
  untranslatable: string[];
  /** Text terms whose v1 results the client keeps to whole-word matches (the v1.1beta1 meaning). */
  wholeWords: WordCondition[];
  /** How a text term was rewritten, one sentence each (for the Convert document). */
  notes: string[];
  /** Terms that may find fewer browsers than v1.1beta1 under some reading of `:` (one sentence each). */
  caveats: string[];
}

interface Collected {
  untranslatable: string[];
  wholeWords: WordCondition[];
  notes: string[];
  caveats: string[];
}

/** v1.1beta1 query key → v1 filter field: from the one v1 field table (reference table 5.2). */
const BROWSER_KEYS = V1_FILTER_OF_QUERY_KEY;

const TOKEN_KEYS: Readonly<Record<string, string>> = { device_type: 'device_type', token_state: 'token_state' };

/** The v1 filter fields a browser query may produce (for tests and the dialect table). */
export const CHROME_MANAGEMENT_FIELD_OF: Readonly<Record<string, string>> = Object.fromEntries([...BROWSER_KEYS].map(([k, v]) => [k, v.to]));

export interface ConvertOptions {
  /** The listing's org unit (the old `orgUnitPath` parameter): a path or `id:<orgUnitId>`. */
  orgUnitPath?: string;
}

/** Converts a chromebrowsers.list `query` (plus its orgUnitPath) into a chromeBrowsers.list `filter`. */
export function convertToChromeManagementFilter(query: string, options: ConvertOptions = {}): FilterConversion {
  const parts: string[] = [];
  const out: Collected = { untranslatable: [], wholeWords: [], notes: [], caveats: [] };
  const { untranslatable } = out;
  for (const term of parseQuery(query, 'browsers').terms) {
    if (term.kind === 'keyword') {
      if (term.keyword !== 'AND')
        untranslatable.push(`${term.text}: neither API supports ${term.keyword}; the filter combines conditions with AND only.`);
      continue;
    }
    if (term.kind === 'free') {
      const v = freeValue(term.value, untranslatable);
      if (v !== undefined) parts.push(v);
      continue;
    }
    const converted = convertBrowserTerm(term, out);
    if (converted) parts.push(converted);
  }
  const ou = orgUnitTerm(options.orgUnitPath);
  if (ou) parts.unshift(ou);
  return { filter: parts.join(' AND '), ...out };
}

/** Converts an enrollmentTokens `query` (plus its orgUnitPath) into an enrollmentTokens.list `filter`. */
export function convertTokenQueryToChromeManagementFilter(query: string, options: ConvertOptions = {}): FilterConversion {
  const parts: string[] = [];
  const untranslatable: string[] = [];
  for (const term of parseQuery(query, 'tokens').terms) {
    // The old token listing ignores words without a field, so dropping them keeps the meaning.
    if (term.kind !== 'field') continue;
    const to = TOKEN_KEYS[term.field.name];
    const value = term.value?.text.trim() ?? '';
    if (!to || term.operator.text !== ':' || value === '') {
      untranslatable.push(
        `${termText(term)}: not an enrollment-token filter (use device_type:CHROME_BROWSER or token_state:ACTIVE|EXPIRED|REVOKED).`,
      );
      continue;
    }
    // The v1 filter keeps the short state names (ACTIVE, not ENROLLMENT_TOKEN_STATE_ACTIVE).
    parts.push(`${to}=${value.toUpperCase()}`);
  }
  const ou = orgUnitTerm(options.orgUnitPath);
  if (ou) parts.unshift(ou);
  return { filter: parts.join(' AND '), untranslatable, wholeWords: [], notes: [], caveats: [] };
}

function orgUnitTerm(orgUnitPath: string | undefined): string | undefined {
  if (!orgUnitPath) return undefined;
  if (orgUnitPath.startsWith('id:')) return `org_unit_id=${quote(orgUnitPath.slice(3))}`;
  // [I] Whether org_unit_path includes sub-units is not documented; the old parameter did not either.
  return `org_unit_path=${quote(orgUnitPath)}`;
}

function convertBrowserTerm(term: FieldTerm, out: Collected): string | undefined {
  const { untranslatable } = out;
  const name = term.field.name;
  const text = termText(term);
  if (name === 'enrollment_token') {
    // The value is a secret: name the field only.
    untranslatable.push('enrollment_token: the Chrome Management API cannot filter browsers by the enrollment token they used.');
    return undefined;
  }
  const key = BROWSER_KEYS.get(name);
  if (!key) {
    untranslatable.push(`${text}: "${name}" is not a Chrome browser query field, so there is nothing to translate.`);
    return undefined;
  }
  if (term.operator.text !== ':') {
    untranslatable.push(`${text}: v1.1beta1 queries only use ":"; fix the query first.`);
    return undefined;
  }
  const value = term.value?.text.trim() ?? '';
  if (value === '') {
    untranslatable.push(`${text}: the term has no value.`);
    return undefined;
  }
  switch (key.kind) {
    case 'number':
      if (!/^\d+$/.test(value)) {
        untranslatable.push(`${text}: ${name} takes a whole number (neither API has numeric ranges).`);
        return undefined;
      }
      return `${key.to}=${value}`;
    case 'boolean': {
      const v = value.toLowerCase();
      if (v !== 'true' && v !== 'false') {
        untranslatable.push(`${text}: ${name} takes true or false.`);
        return undefined;
      }
      return `${key.to}=${v}`;
    }
    case 'time':
      return timeTerms(key.to, term.value!, text, untranslatable);
    default:
      if (value.includes('*')) {
        // In v1 `*` is a wildcard (on three fields); in v1.1beta1 it was punctuation. Not the same query.
        untranslatable.push(`${text}: "*" would become a wildcard in the Chrome Management filter; remove it or write the wildcard deliberately.`);
        return undefined;
      }
      return textTerm(key.to, value, text, out);
  }
}

/** A v1.1beta1 whole-word text term, sent so that no reading of a plain v1 `:` makes it miss where avoidable. */
function textTerm(field: string, value: string, text: string, out: Collected): string | undefined {
  if (WILDCARD_FIELDS.has(field)) {
    const words = substringWords(value);
    // No letter or digit: v1.1beta1 matched every browser, so there is nothing to send.
    if (words.length === 0) return undefined;
    const sent = words.map((w) => `${field}:"*${w}*"`).join(' AND ');
    out.wholeWords.push({ field, value });
    out.notes.push(
      `${text} is sent as ${sent}: the reference documents "*…*" as a substring match, so it finds every browser the whole-word query found whatever a plain ":" means; CBCM Explorer then keeps only those where ${value} is a whole word.`,
    );
    return sent;
  }
  const sent = `${field}:${quote(value)}`;
  if (canNarrow(field)) out.wholeWords.push({ field, value });
  out.caveats.push(
    `${text} is sent as ${sent}. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose ${field} only contains ${value} among other words is not found, and ${field} has no documented wildcard to ask for it.`,
  );
  return sent;
}

/** `d`, `a..b`, `a..`, `..b` → `>=`/`<=` pairs with quoted RFC 3339 UTC times (old times had no zone: UTC). */
function timeTerms(field: string, value: ValueNode, text: string, untranslatable: string[]): string | undefined {
  const range = splitRange(value);
  const bad = (why: string): undefined => {
    untranslatable.push(`${text}: ${why}`);
    return undefined;
  };
  let lower: string | undefined;
  let upper: string | undefined;
  if (!range) {
    const t = checkTime(value.text.trim());
    if (!t.ok) return bad(`${t.reason}; use YYYY-MM-DD or YYYY-MM-DDThh:mm:ss.`);
    [lower, upper] = [t.start, t.end];
  } else {
    if (range.separators !== 1 || (!range.lower && !range.upper)) return bad('a range is written a..b, a.. or ..b.');
    if (range.lower) {
      const t = checkTime(range.lower.text);
      if (!t.ok) return bad(`${t.reason}; use YYYY-MM-DD or YYYY-MM-DDThh:mm:ss.`);
      lower = t.start;
    }
    if (range.upper) {
      const t = checkTime(range.upper.text);
      if (!t.ok) return bad(`${t.reason}; use YYYY-MM-DD or YYYY-MM-DDThh:mm:ss.`);
      upper = t.end;
    }
  }
  const out: string[] = [];
  if (lower) out.push(`${field}>="${lower}Z"`);
  // The old bound covered its whole last second; v1 timestamps carry fractions, so the new bound must too.
  if (upper) out.push(`${field}<="${upper}.999Z"`);
  return out.join(' AND ');
}

function freeValue(value: ValueNode, untranslatable: string[]): string | undefined {
  const text = value.text.trim();
  if (text === '') return undefined;
  if (text.includes('*')) {
    untranslatable.push(`${value.raw}: "*" has a meaning in the Chrome Management filter that it did not have before.`);
    return undefined;
  }
  // A quoted phrase stays a phrase (contiguous within one field); a bare word stays a bare global term.
  return value.quoted || /\s/.test(text) ? `"${text}"` : quote(text);
}

const BARE = /^[A-Za-z0-9._\-/@]+$/;

/**
 * Bare when safe; double-quoted when the value has spaces or punctuation the filter grammar would read.
 * v1.1beta1 values cannot contain a double quote (the old lexer strips them), so no escaping is needed.
 */
export function quote(value: string): string {
  return BARE.test(value) && value !== 'AND' && value !== 'OR' && value !== 'NOT' ? value : `"${value}"`;
}

function termText(term: FieldTerm): string {
  return `${term.field.name}${term.operator.text}${term.value?.raw ?? ''}`;
}

/**
 * A `.cbcmq` document in the 'chromemanagement' dialect holding the converted query exactly as the v1 backend sends
 * it, with how text terms were rewritten, what may find fewer browsers, and what could not be translated, as
 * comments. The original query is not copied (it may hold an enrollment-token value).
 */
export function chromeManagementFilterDocument(query: string): string {
  const { filter, untranslatable, notes, caveats, wholeWords } = convertToChromeManagementFilter(query);
  const lines = [
    '# dialect: chromemanagement',
    '# Converted from a v1.1beta1 query by CBCM Explorer: the last line is the filter exactly as the explorer sends it',
    '# (listing one org unit puts org_unit_path=... in front).',
  ];
  if (untranslatable.length === 0) lines.push('# Everything was translated.');
  for (const n of notes) lines.push(`# Rewritten: ${n}`);
  if (wholeWords.length > 0) lines.push(`# Kept to whole words by the explorer (v1.1beta1 meaning): ${wholeWords.map((w) => w.field).join(', ')}.`);
  for (const c of caveats) lines.push(`# May find fewer: ${c}`);
  for (const u of untranslatable) lines.push(`# Not translated: ${u}`);
  lines.push(filter === '' ? '# (nothing left to filter on)' : filter, '');
  return lines.join('\n');
}
