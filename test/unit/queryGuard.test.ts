// Issue 13: queries whose warnings mean "the API will not do what you typed" need an explicit "Run anyway",
// and every diagnostic has the severity its rule table documents (a leading '-' was documented as an error
// and reported as a warning).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { confirmMisleadingQuery, editQuery, runAnyway, type AskModal } from '../../src/commands/queryGuard';
import { diagnose, misleadingWarnings, type Dialect, type Severity } from '../../src/query';

function recorder(answer: string | undefined): { ask: AskModal; calls: { message: string; detail: string; buttons: string[] }[] } {
  const calls: { message: string; detail: string; buttons: string[] }[] = [];
  return {
    calls,
    ask: async (message, detail, ...buttons) => {
      calls.push({ message, detail, buttons });
      return answer;
    },
  };
}

const MISLEADING: [string, 'browsers' | 'tokens', string][] = [
  ['a wildcard', 'browsers', 'machine_name:mach*'],
  ['AND', 'browsers', 'os_platform:Windows AND arch:x86_64'],
  ["a leading '-'", 'browsers', 'os_platform:Windows -LIX'],
  ['parentheses around a field term', 'browsers', '(os_platform:Windows)'],
  ['parentheses in a value', 'browsers', 'os_platform:(Windows)'],
  ['a lone parenthesis', 'browsers', 'os_platform:Windows )'],
  ['a word in a tokens query', 'tokens', 'active'],
  ['two values of one field', 'tokens', 'token_state:ACTIVE token_state:REVOKED'],
];

describe('explorer filter: misleading queries need "Run anyway"', () => {
  for (const [name, dialect, query] of MISLEADING) {
    it(`asks before sending ${name}: ${query}`, async () => {
      assert.ok(misleadingWarnings(query, dialect).length > 0);
      const run = recorder(runAnyway());
      assert.strictEqual(await confirmMisleadingQuery(query, dialect, run.ask, true), 'run');
      assert.strictEqual(run.calls.length, 1);
      assert.deepStrictEqual(run.calls[0].buttons, [runAnyway(), editQuery()]);
      assert.ok(run.calls[0].detail.includes(misleadingWarnings(query, dialect)[0].message));
      assert.strictEqual(await confirmMisleadingQuery(query, dialect, recorder(undefined).ask, true), 'cancel');
      assert.strictEqual(await confirmMisleadingQuery(query, dialect, recorder(editQuery()).ask, true), 'edit');
    });
  }

  it('offers only "Run anyway" when the query cannot be edited (CodeLens, overview)', async () => {
    const r = recorder(editQuery());
    assert.strictEqual(await confirmMisleadingQuery('machine_name:mach*', 'browsers', r.ask, false), 'cancel');
    assert.deepStrictEqual(r.calls[0].buttons, [runAnyway()]);
  });

  for (const [query, dialect] of [
    ['os_platform:Windows last_activity:..2026-01-01', 'browsers'],
    ['has_device_id_collision:TRUE', 'browsers'],
    ['token_state:active', 'tokens'],
    ['os:"Windows 10"', 'browsers'],
    ['', 'browsers'],
  ] as [string, 'browsers' | 'tokens'][]) {
    it(`sends without asking: '${query}'`, async () => {
      const r = recorder(undefined);
      assert.strictEqual(await confirmMisleadingQuery(query, dialect, r.ask, true), 'run');
      assert.strictEqual(r.calls.length, 0);
    });
  }

  it('the parentheses warning fixes to the same query without them', () => {
    const [d] = diagnose('(os_platform:Windows)', 'browsers');
    assert.strictEqual(d.code, 'grouping-unsupported');
    assert.strictEqual(d.severity, 'warning');
    assert.deepStrictEqual(d.fixes[0].edits, [{ range: { start: 0, end: 21 }, newText: 'os_platform:Windows' }]);
    const [lone] = diagnose('os_platform:Windows )', 'browsers');
    assert.deepStrictEqual(lone.fixes[0].edits, [{ range: { start: 19, end: 21 }, newText: '' }]);
  });
});

/** code → severities, from the rule table at the top of src/query/diagnostics.ts. */
function documentedSeverities(): Map<string, Set<Severity>> {
  const src = fs.readFileSync(path.join(__dirname, '../../src/query/diagnostics.ts'), 'utf8');
  const table = new Map<string, Set<Severity>>();
  let code: string | undefined;
  for (const line of src.split('\n')) {
    if (!line.startsWith('//')) break;
    const m = /^\/\/ {3}([a-z-]+)?\s+(error|warning|info|hint)\s/.exec(line);
    if (!m) continue;
    if (m[1]) code = m[1];
    if (code) (table.get(code) ?? table.set(code, new Set()).get(code)!).add(m[2] as Severity);
  }
  return table;
}

describe('query diagnostics: one severity story', () => {
  const table = documentedSeverities();
  const corpus: [string, Dialect][] = [
    ['-LIX', 'browsers'],
    ['NOT LIX', 'browsers'],
    ['! LIX', 'browsers'],
    ['machine_name!=LIX', 'browsers'],
    ['machine_name:mach*', 'browsers'],
    ['a AND b', 'browsers'],
    ['a OR b', 'browsers'],
    ['(os:Windows)', 'browsers'],
    ['os:(Windows', 'browsers'],
    ['machine_name:-', 'browsers'],
    ['machine_name:a-b', 'browsers'],
    ['has_device_id_collision:TRUE', 'browsers'],
    ['has_device_id_collision:maybe', 'browsers'],
    ['num_extensions:1 num_extensions:2', 'browsers'],
    ['active', 'tokens'],
    ['token_state:active', 'tokens'],
    ['Machine_name:x', 'browsers'],
    ['machine_name:', 'browsers'],
    ['register:2024-13-01', 'browsers'],
    ['register:2024-02-01..2024-01-01', 'browsers'],
    ['num_extensions:1..3', 'browsers'],
    ['num_extensions:x', 'browsers'],
    ['machine_name:"LIX', 'browsers'],
    [':LIX', 'browsers'],
    ['org_unit:/x', 'browsers'],
    ['register>2024-01-01', 'browsers'],
  ];
  it("documents a leading '-' as a warning, as it is reported", () => {
    assert.ok(table.get('not-unsupported')?.has('warning'));
    assert.strictEqual(diagnose('-LIX', 'browsers')[0].severity, 'warning');
  });
  for (const [text, dialect] of corpus) {
    it(`'${text}' (${dialect}): every diagnostic has a documented severity`, () => {
      const got = diagnose(text, dialect);
      assert.ok(got.length > 0);
      for (const d of got) {
        assert.ok(table.get(d.code)?.has(d.severity), `${d.code} ${d.severity} is not in the rule table of diagnostics.ts: ${d.message}`);
      }
    });
  }
});
