// The "partial word" and "word split" rules. The API splits values at every character that is not a
// letter or digit and matches whole words, ignoring case (reference: "Matching occurs on word
// boundaries ... you would not be able to do partial matches on words"). So:
//   - a wildcard (`mach*`, `?`, `%`) is punctuation: `mach*` searches for the word `mach` (warning);
//   - with fleet values known, a word that only starts fleet words cannot match them (info);
//   - punctuation inside a value splits it into several words, each matched whole (hint);
//   - a value with no letter or digit at all cannot match as intended (warning).
import { dialectSpec } from './fields';
import { diag, quoteIfNeeded, replace } from './diagnosticHelpers';
import type { DiagnoseOptions, Dialect, QueryDiagnostic, QuickFix, ValueNode } from './types';
import { hasWildcard, splitWords, wordSet } from './words';

export function checkWords(value: ValueNode, field: string | undefined, dialect: Dialect, options: DiagnoseOptions, out: QueryDiagnostic[]): void {
  const t = value.text;
  const words = splitWords(t);
  const fleet = fleetValues(field, dialect, options);
  if (hasWildcard(t)) {
    const stripped = words.map((w) => w.text).join(' ');
    const fixes: QuickFix[] = [];
    const last = words[words.length - 1]?.text.toLowerCase();
    if (fleet && last) {
      for (const w of [...wordSet(fleet)].filter((x) => x.startsWith(last) && x !== last).slice(0, 3)) {
        fixes.push(
          replace(`Use the whole word '${w}' (seen in the fleet)`, value.range, quoteIfNeeded(stripped.slice(0, stripped.length - last.length) + w)),
        );
      }
    }
    if (stripped) fixes.push(replace(`Remove the wildcard (search for '${stripped}')`, value.range, quoteIfNeeded(stripped), fixes.length === 0));
    out.push(
      diag(
        'partial-word',
        'warning',
        `The API has no wildcards and matches whole words only (case-insensitive): '${t}' is searched as ` +
          `${stripped ? `'${stripped}'` : 'nothing'} and will not match longer words.`,
        value.range,
        fixes,
      ),
    );
    return;
  }
  if (words.length === 0) {
    out.push(
      diag(
        'word-split',
        'warning',
        `'${t}' has no letter or digit: the API ignores punctuation, so this term cannot match as intended.`,
        value.range,
      ),
    );
    return;
  }
  if (fleet) {
    const known = wordSet(fleet);
    for (const w of words) {
      const lw = w.text.toLowerCase();
      if (known.has(lw)) continue;
      const longer = [...known].filter((x) => x.startsWith(lw)).slice(0, 3);
      if (longer.length === 0) continue;
      const range = value.quoted ? value.range : { start: value.range.start + w.start, end: value.range.start + w.start + w.text.length };
      out.push(
        diag(
          'partial-word',
          'info',
          `'${w.text}' is only the start of ${longer.map((x) => `'${x}'`).join(', ')} (seen in the fleet); the API matches whole words, so it will not match ${longer.length > 1 ? 'them' : 'it'}.`,
          range,
          value.quoted ? [] : longer.map((x, k) => replace(`Use '${x}'`, range, x, k === 0)),
        ),
      );
    }
  }
  if (words.length > 1 || words[0].text.length !== t.length) {
    if (value.quoted && words.length > 1 && /^[\p{L}\p{N}\s]+$/u.test(t)) return; // a plain quoted phrase is clear enough
    out.push(
      diag(
        'word-split',
        'hint',
        `The API splits '${t}' at punctuation and spaces into ${words.map((w) => w.text).join(', ')} and matches each as a whole word, ignoring case.`,
        value.range,
      ),
    );
  }
}

function fleetValues(field: string | undefined, dialect: Dialect, options: DiagnoseOptions): readonly string[] | undefined {
  const rv = options.recentValues;
  if (!rv) return undefined;
  if (field) return rv[field];
  // Free terms match any field: pool the text fields' values (cached by wordSet on this array).
  let pooled = pooledCache.get(rv);
  if (!pooled) {
    pooled = dialectSpec(dialect)
      .fields.filter((f) => f.type === 'text')
      .flatMap((f) => rv[f.name] ?? []);
    pooledCache.set(rv, pooled);
  }
  return pooled.length ? pooled : undefined;
}
const pooledCache = new WeakMap<object, readonly string[]>();
