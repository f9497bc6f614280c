// Turns a bar of the overview into the exact explorer filter that lists the same browsers. A query is only
// offered when (1) src/query accepts it and (2) it matches no other category the chart counted: text fields
// match whole words (`browser_version:108` would also match the patch number of 120.0.5200.108), so each
// candidate is checked against the values actually seen before it is used.
import { serialize, validateQueryInput, type Dialect } from '../query';
import { splitWords } from '../query/words';
import type { ItemAction, OverviewScope } from './figures';
import { l10n } from '../util/l10n';

export const notExpressibleRange = (): string =>
  l10n.t('The API filters this field by exact numbers only (no ranges), so a bucket of several values cannot be one query.');

/** Lower-cased words, as the API compares them. */
function wordsOf(text: string): string[] {
  return splitWords(text).map((w) => w.text.toLowerCase());
}

/** Whether `value`'s words appear, adjacent and in order, among `text`'s words (the API's text match). */
export function phraseMatches(value: string, text: string): boolean {
  const v = wordsOf(value);
  const t = wordsOf(text);
  if (v.length === 0) return false;
  outer: for (let i = 0; i + v.length <= t.length; i++) {
    for (let j = 0; j < v.length; j++) if (t[i + j] !== v[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * `field:value` in the serializer's exact spelling: quoted when the value holds several words (the
 * serializer drops the quotes around a single word). undefined for values a query cannot carry.
 */
export function fieldTerm(field: string, value: string): string | undefined {
  if (value.includes('"') || wordsOf(value).length === 0) return undefined;
  return serialize(`${field}:"${value}"`, 'browsers');
}

/** A filter action, or a `none` explaining why the query cannot be used. */
export function filterAction(query: string, dialect: Exclude<Dialect, 'chromemanagement'>, scope: OverviewScope): ItemAction {
  const exact = serialize(query, dialect);
  const problem = validateQueryInput(exact, dialect);
  if (problem) return { kind: 'none', reason: l10n.t('No exact filter for this: {0}', problem) };
  const action: ItemAction = { kind: 'filter', dialect, query: exact };
  if (scope.kind === 'orgUnit') action.orgUnitPath = scope.orgUnitPath;
  return action;
}

/**
 * The first candidate value whose word match selects exactly `own` among all seen values (`others` are the
 * values of the other categories). undefined when every candidate would also match another category.
 */
export function exactValue(candidates: readonly string[], own: Iterable<string>, others: Iterable<string>): string | undefined {
  const ownList = [...own];
  const otherList = [...others];
  return candidates.find((c) => ownList.every((t) => phraseMatches(c, t)) && !otherList.some((t) => phraseMatches(c, t)));
}
