// The whole-word meaning of a v1.1beta1 `field:value` (reference §5.5: words split at any punctuation or space,
// compared ignoring case), applied by the client to v1 results.
//
// Why: the v1 reference does not say what a plain `field:value` matches (whole word, whole value, prefix or
// substring). On machine_name, annotated_asset_id and browser_version the translation therefore sends the
// documented substring wildcard `"*word*"` per word, which finds every whole-word match under any reading but
// also finds more (`*LT*` finds DESKTOP-ALT1). The client narrows back what it widened, and what a substring
// reading of `:` would widen on the other fields, so v1 shows the browsers v1.1beta1 showed. Fields whose value the
// client does not see whole in a listing row (os_platform_version, last_device_user) are never narrowed: dropping
// a browser the server matched on a value we cannot see would be a silent miss of our own.
import { splitWords } from './words';

/**
 * The listing-row values the whole-word rule reads. A ChromeBrowser of src/api fits it: declared here because
 * src/api builds on src/query, never the reverse.
 */
export interface WordMatchRow {
  readonly machineName?: string;
  readonly annotatedAssetId?: string;
  readonly browserVersions?: readonly string[];
  readonly annotatedUser?: string;
  readonly annotatedLocation?: string;
  readonly annotatedNotes?: string;
  readonly osPlatform?: string;
  readonly osArchitecture?: string;
  readonly osVersion?: string;
}

/** One translated `field:value` whose results the client keeps to whole-word matches. */
export interface WordCondition {
  /** The v1 filter field. */
  readonly field: string;
  /** The value as typed in the v1.1beta1 query. */
  readonly value: string;
}

type Values = (b: WordMatchRow) => readonly (string | undefined)[];

/** v1 filter field → the listing-row values it is matched against (all in the BASIC `fields` list). */
const ROW_VALUES: ReadonlyMap<string, Values> = new Map<string, Values>([
  ['machine_name', (b) => [b.machineName]],
  ['annotated_asset_id', (b) => [b.annotatedAssetId]],
  ['browser_version', (b) => b.browserVersions ?? []],
  ['annotated_user', (b) => [b.annotatedUser]],
  ['annotated_location', (b) => [b.annotatedLocation]],
  ['annotated_note', (b) => [b.annotatedNotes]],
  ['os_platform', (b) => [b.osPlatform]],
  ['os_architecture', (b) => [b.osArchitecture]],
  ['os_version', (b) => [b.osVersion]],
]);

/** Whether the client can apply the whole-word rule to this v1 field from a listing row. */
export function canNarrow(field: string): boolean {
  return ROW_VALUES.has(field);
}

const lowerWords = (text: string): string[] => splitWords(text).map((w) => w.text.toLowerCase());

/** Every word of `value`, in order and adjacent, is a whole word of `text` (v1.1beta1's rule). */
export function matchesWholeWords(value: string, text: string | undefined): boolean {
  const want = lowerWords(value);
  if (want.length === 0) return true;
  if (text === undefined) return false;
  const have = lowerWords(text);
  // Stryker disable next-line ArithmeticOperator: `i - want.length` only adds starts past the end, where have[i + k] is undefined
  for (let i = 0; i + want.length <= have.length; i++) {
    if (want.every((w, k) => have[i + k] === w)) return true;
  }
  return false;
}

/**
 * The words of a value to send as `"*word*"` substrings: each word once, leaving out a word contained in another
 * (`120.0.6099` needs `*120*` and `*6099*`; `*0*` adds nothing). Each is a substring of any whole-word match.
 */
export function substringWords(value: string): string[] {
  const words = [...new Set(splitWords(value).map((w) => w.text))];
  // A word never drops itself: it is not longer than itself, nor before itself.
  return words.filter((w, i) => !words.some((o, j) => o.toLowerCase().includes(w.toLowerCase()) && (o.length > w.length || j < i)));
}

/** A predicate keeping the browsers that satisfy every condition the client can check. */
export function wholeWordFilter(conditions: readonly WordCondition[]): ((b: WordMatchRow) => boolean) | undefined {
  const checks = conditions.filter((c) => canNarrow(c.field));
  if (checks.length === 0) return undefined;
  return (b) => checks.every((c) => ROW_VALUES.get(c.field)!(b).some((text) => matchesWholeWords(c.value, text)));
}
