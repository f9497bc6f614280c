// Issue 20 item 15: every non-error diagnostic makes a claim about what the API does with the query ("is
// searched as", "will not match", "does not narrow", "finds nothing"). Here each claim is checked against the
// emulator's own query implementation (test/emulator/browserQuery.ts, tokenQuery.ts), on a generated fleet and
// with the fleet values the explorer would feed the diagnostics. A code without a check fails the test.
import * as assert from 'assert';
import { compileBrowserQuery } from '../emulator/browserQuery';
import { compileTokenQuery } from '../emulator/tokenQuery';
import { wordMatcher } from '../emulator/queryTerms';
import { useEmulator } from '../emulator/fixture';
import { diagnose, normalizeEnumValues, type QueryDiagnostic, type QuickFix } from '../../src/query';
import { recentValuesFromBrowsers } from '../../src/language/fleetValues';

function applyFix(text: string, fix: QuickFix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.range.start - a.range.start))
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/** The query without the whitespace-separated term around this range. */
function withoutTerm(text: string, range: { start: number; end: number }): string {
  let start = range.start;
  let end = range.end;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  while (end < text.length && !/\s/.test(text[end])) end++;
  return (text.slice(0, start) + text.slice(end)).replace(/\s+/g, ' ').trim();
}

function fixTitled(d: QueryDiagnostic, prefix: string): QuickFix | undefined {
  return d.fixes.find((f) => f.title.startsWith(prefix));
}

describe('query hints agree with the emulator', function () {
  this.timeout(60_000);
  const emu = useEmulator({ browsers: 1500, seed: 11 });

  const browsers = () => [...emu.fleet.browsers.values()];
  const matched = (query: string): Set<string> => {
    const p = compileBrowserQuery(query);
    return new Set(
      browsers()
        .filter(p)
        .map((b) => b.deviceId),
    );
  };
  const tokensMatched = (query: string): Set<string> => {
    const p = compileTokenQuery(query);
    return new Set([...emu.fleet.tokens.values()].filter((t) => p(t, emu.fleet.tokenState(t))).map((t) => t.tokenPermanentId));
  };
  const same = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));
  const minus = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x));

  /** Checks one diagnostic's claim; returns a description of the failure, or undefined. */
  function check(query: string, dialect: 'browsers' | 'tokens', d: QueryDiagnostic): string | undefined {
    const m = dialect === 'browsers' ? matched : tokensMatched;
    const original = m(query);
    const termText = query.slice(d.range.start, d.range.end);
    switch (d.code) {
      case 'partial-word': {
        if (d.severity === 'info') {
          // "'X' is only the start of 'Y' (seen in the fleet) ... will not match it": the query misses devices Y finds.
          for (const fix of d.fixes) {
            const found = m(applyFix(query, fix));
            if (found.size === 0) return `${fix.title}: no device has that word, so the hint is wrong`;
            if (minus(found, original).length === 0) return `${fix.title}: the original query already matches every such device`;
          }
          return undefined;
        }
        // Wildcard: "searched as 'stripped'" and "will not match longer words".
        const remove = fixTitled(d, 'Remove the wildcard');
        if (remove && !same(original, m(applyFix(query, remove)))) return `not the same as '${applyFix(query, remove)}'`;
        if (!remove && !same(original, m(withoutTerm(query, d.range)))) return 'a wildcard alone should constrain nothing';
        const searched = /is searched as '([^']*)'/.exec(d.message)?.[1] ?? '';
        for (const fix of d.fixes.filter((f) => f.title.startsWith('Use the whole word'))) {
          const longer = /'([^']*)'/.exec(fix.title)![1];
          if (m(applyFix(query, fix)).size === 0) return `${fix.title}: no device has that word`;
          if (wordMatcher(searched)?.(longer)) return `${fix.title}: '${searched}' matches '${longer}' after all`;
        }
        return undefined;
      }
      case 'word-split': {
        if (d.severity === 'warning') {
          // "no letter or digit ... cannot match as intended": the term constrains nothing.
          return same(original, m(withoutTerm(query, d.range))) ? undefined : 'the term constrains something';
        }
        // "splits 'a-b' into a, b and matches each as a whole word, ignoring case".
        const words = /into (.*) and matches/.exec(d.message)?.[1].split(', ') ?? [];
        const field = /^([a-z_]+):/.exec(query.slice(Math.max(0, query.lastIndexOf(' ', d.range.start - 1) + 1), d.range.start))?.[1];
        const phrase = `"${words.join(' ')}"`;
        const asWords = query.slice(0, d.range.start) + phrase + query.slice(d.range.end);
        if (!same(original, m(asWords))) return `not the same as ${field ?? ''}${phrase}`;
        const upper = query.slice(0, d.range.start) + termText.toUpperCase() + query.slice(d.range.end);
        const lower = query.slice(0, d.range.start) + termText.toLowerCase() + query.slice(d.range.end);
        if (!same(original, m(upper)) || !same(original, m(lower))) return 'case matters after all';
        return undefined;
      }
      case 'not-unsupported': {
        // Leading '-': "searches for 'LIX'".
        const fix = fixTitled(d, "Remove '-'");
        if (!fix) return 'no fix';
        return same(original, m(applyFix(query, fix))) ? undefined : `not the same as '${applyFix(query, fix)}'`;
      }
      case 'grouping-unsupported': {
        // "'(x:y' is searched as the words 'x y' [in any field]" or "constrains nothing".
        const words = /searched as the words? '([^']*)'/.exec(d.message)?.[1];
        const replacement = words === undefined ? '' : `"${words}"`;
        const rewritten = query.slice(0, d.range.start) + replacement + query.slice(d.range.end);
        if (!same(original, m(rewritten))) return `not the same as '${rewritten}'`;
        const fix = d.fixes[0];
        if (fix && words === undefined && !same(original, m(applyFix(query, fix)))) return 'removing the term changes the result';
        return undefined;
      }
      case 'and-keyword': {
        // "'AND' would be searched as a word".
        const asWord = query.slice(0, d.range.start) + '"and"' + query.slice(d.range.end);
        if (!same(original, m(asWord))) return 'AND is not searched as the word "and"';
        return undefined;
      }
      case 'free-term-ignored': {
        // "does not narrow the list".
        const fix = fixTitled(d, 'Remove the word');
        if (!fix) return 'no fix';
        return same(original, m(applyFix(query, fix))) ? undefined : 'the word narrows the list';
      }
      case 'conflicting-values':
        return original.size === 0 ? undefined : `matches ${original.size}, not nothing`;
      case 'enum-case': {
        // "the query is sent with that spelling": what is sent equals the fix, and finds the same.
        const fixed = applyFix(query, d.fixes[0]);
        if (normalizeEnumValues(query, dialect) !== fixed) return `sent as '${normalizeEnumValues(query, dialect)}', not '${fixed}'`;
        return same(original, m(fixed)) ? undefined : 'the documented spelling finds something else';
      }
      default:
        return `no emulator check for ${d.code} (${d.severity}): add one`;
    }
  }

  function queries(): { browsers: string[]; tokens: string[] } {
    const rv = recentValuesFromBrowsers(browsers());
    const out = new Set<string>([
      'os:Mac',
      'os:Win',
      'os:Windows',
      'os:"Windows 1"',
      'os_platform:Mac',
      'os_platform:Win',
      'machine_name:DESK',
      'machine_name:DESKTOP',
      'machine_name:mach*',
      'machine_name:DESK*',
      'os:Win* arch:x86_64',
      'machine_name:*',
      'browser_version:13',
      'arch:x86',
      'machine_name:MBP-',
      'os_version:10.0',
      'os:"Mac 15"',
      'Windows AND arch:arm64',
      'os_platform:Windows AND',
      '-Windows',
      'os_platform:Mac -Linux',
      '(os_platform:Windows)',
      'os_platform:(Linux)',
      '(Mac)',
      'arch:arm64 )',
      'machine_name:-',
      'num_extensions:1 num_extensions:2',
      'has_device_id_collision:true has_device_id_collision:false',
      'has_device_id_collision:TRUE',
      'has_device_id_collision:False',
      'os_version:6.8.0-49-generic',
      'arch:X86_64',
      'location:"front desk"',
    ]);
    for (const [field, values] of Object.entries(rv)) {
      if (field === 'num_extensions' || field === 'num_policies') continue;
      for (const v of values.slice(0, 6)) {
        const word = /[\p{L}\p{N}]+/u.exec(v)?.[0];
        if (word && word.length > 3) out.add(`${field}:${word.slice(0, 3)}`);
        if (word) out.add(`${field}:${word}*`);
        if (/[^\p{L}\p{N}\s]/u.test(v) && !/\s/.test(v)) out.add(`${field}:${v}`);
      }
    }
    return {
      browsers: [...out],
      tokens: [
        'active',
        'CHROME_BROWSER',
        'token_state:active',
        'device_type:chrome_browser',
        'token_state:ACTIVE token_state:REVOKED',
        'token_state:Revoked device_type:CHROME_BROWSER',
        'expired token_state:EXPIRED',
      ],
    };
  }

  it('every hint, warning and info is what the emulator does', () => {
    const recentValues = recentValuesFromBrowsers(browsers());
    const { browsers: bq, tokens: tq } = queries();
    const failures: string[] = [];
    let checked = 0;
    for (const [dialect, list] of [
      ['browsers', bq],
      ['tokens', tq],
    ] as const) {
      for (const q of list) {
        for (const d of diagnose(q, dialect, dialect === 'browsers' ? { recentValues } : {})) {
          if (d.severity === 'error') continue;
          checked++;
          let problem: string | undefined;
          try {
            problem = check(q, dialect, d);
          } catch (e) {
            problem = `the emulator refuses a query of the check: ${(e as Error).message}`;
          }
          if (problem) failures.push(`${dialect} '${q}': ${d.code} ${d.severity} "${d.message}": ${problem}`);
        }
      }
    }
    assert.ok(checked > 40, `only ${checked} claims checked`);
    assert.deepStrictEqual(failures, []);
  });

  it("os:Mac gets no 'will not match' hint: it matches the Mac devices", () => {
    const recentValues = recentValuesFromBrowsers(browsers());
    assert.ok(matched('os:Mac').size > 0);
    assert.deepStrictEqual(diagnose('os:Mac', 'browsers', { recentValues }), []);
  });
});
