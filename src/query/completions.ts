// Completions at a cursor offset: field names (with docs), enum and boolean values, date and range
// templates with concrete dates, and values recently seen in the fleet.
import { quoteIfNeeded } from './diagnosticHelpers';
import { dialectSpec, findField } from './fields';
import { lex } from './lexer';
import { isoDate, isoDateTime } from './time';
import type { CompletionContext, Dialect, FieldSpec, QueryCompletion, Range, Token } from './types';

const MAX_RECENT = 20;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Adjacent tokens (no whitespace between them) form one term: field, operator, value. */
function chunkAt(tokens: Token[], offset: number): Token[] | undefined {
  let chunk: Token[] = [];
  for (const t of tokens) {
    if (chunk.length > 0 && t.range.start !== chunk[chunk.length - 1].range.end) {
      if (offset >= chunk[0].range.start && offset <= chunk[chunk.length - 1].range.end) return chunk;
      chunk = [];
    }
    if (t.range.start > offset) break;
    chunk.push(t);
  }
  if (chunk.length > 0 && offset >= chunk[0].range.start && offset <= chunk[chunk.length - 1].range.end) return chunk;
  return undefined;
}

export function complete(text: string, offset: number, dialect: Dialect, context: CompletionContext): QueryCompletion[] {
  const at = Math.max(0, Math.min(offset, text.length));
  const chunk = chunkAt(lex(text), at);
  if (!chunk) return fieldItems(dialect, { start: at, end: at }, true);
  const [first, second, third] = chunk;
  if (first.kind === 'field') {
    if (at <= first.range.end) return fieldItems(dialect, first.range, false);
    if (at < second.range.end) return [];
    const spec = findField(dialect, first.text);
    if (!spec) return [];
    const value = third?.value;
    return valueItems(spec, value ? value.range : { start: second.range.end, end: second.range.end }, value?.text ?? '', at, context, dialect);
  }
  if (first.kind === 'operator') return at === first.range.start ? fieldItems(dialect, { start: at, end: at }, true) : [];
  // A lone word: the start of a field name (or a free term, which has nothing to complete).
  if (first.value?.quoted || !IDENT.test(first.text.slice(0, at - first.range.start))) return [];
  return fieldItems(dialect, first.range, true);
}

function fieldItems(dialect: Dialect, range: Range, addOperator: boolean): QueryCompletion[] {
  return dialectSpec(dialect).fields.map((f, i) => ({
    label: f.name,
    kind: 'field' as const,
    insertText: addOperator ? `${f.name}${operatorFor(dialect, f)}` : f.name,
    range,
    detail: f.type === 'enum' || f.type === 'boolean' ? `${f.type}: ${(f.values ?? []).join(' | ')}` : f.type,
    documentation: fieldDoc(f),
    sortText: String(i).padStart(3, '0'),
    retrigger: addOperator,
  }));
}

/** v1.1beta1 has only ':'; the v1 filter compares timestamps with >= / <= and matches the rest with '=' or ':'. */
function operatorFor(dialect: Dialect, f: FieldSpec): string {
  if (dialect !== 'chromemanagement') return ':';
  if (f.type === 'time') return '>=';
  return f.type === 'text' ? ':' : '=';
}

export function fieldDoc(f: FieldSpec): string {
  return f.example ? `${f.doc}\n\nExample: \`${f.example}\`` : f.doc;
}

function valueItems(spec: FieldSpec, valueRange: Range, valueText: string, at: number, ctx: CompletionContext, dialect: Dialect): QueryCompletion[] {
  const items: QueryCompletion[] = [];
  const push = (
    label: string,
    kind: QueryCompletion['kind'],
    insertText: string,
    range: Range,
    detail?: string,
    extra: Partial<QueryCompletion> = {},
  ) => items.push({ label, kind, insertText, range, detail, sortText: String(items.length).padStart(3, '0'), ...extra });

  if (spec.type === 'enum' || spec.type === 'boolean') {
    for (const v of spec.values ?? []) push(v, spec.type, v, valueRange, `${spec.name} value`);
    return items;
  }
  if (spec.type === 'time' && dialect === 'chromemanagement') {
    // Quoted RFC 3339 UTC, as the v1 reference writes them.
    const day = (n: number) => `"${isoDate(ctx.now, n)}T00:00:00Z"`;
    push(day(0), 'time', day(0), valueRange, 'today 00:00 UTC');
    for (const n of [7, 30, 90]) push(day(n), 'time', day(n), valueRange, `${n} days ago, 00:00 UTC`);
    push(`"${isoDateTime(ctx.now)}Z"`, 'time', `"${isoDateTime(ctx.now)}Z"`, valueRange, 'now (UTC)');
  } else if (spec.type === 'time') {
    timeItems(spec, valueRange, valueText, at, ctx.now, push);
  } else if (spec.type === 'number') {
    push('0', 'value', '0', valueRange, `${spec.name} is exactly 0`);
  }
  const recent = ctx.recentValues?.[spec.name];
  if (recent && spec.type !== 'time') {
    const seen = new Set(items.map((i) => i.insertText));
    let n = 0;
    for (const v of recent) {
      const insert = quoteIfNeeded(v);
      if (!v || seen.has(insert)) continue;
      seen.add(insert);
      push(v, 'recent', insert, valueRange, 'seen in the fleet', { filterText: insert });
      if (++n >= MAX_RECENT) break;
    }
  }
  return items;
}

type Push = (
  label: string,
  kind: QueryCompletion['kind'],
  insertText: string,
  range: Range,
  detail?: string,
  extra?: Partial<QueryCompletion>,
) => void;

function timeItems(spec: FieldSpec, valueRange: Range, valueText: string, at: number, now: Date, push: Push): void {
  const today = isoDate(now);
  const ago = (n: number) => isoDate(now, n);
  const dots = valueText.indexOf('..');
  // Inside a range: complete only the bound under the cursor (offsets map 1:1 for unquoted values).
  if (dots >= 0 && valueText.length === valueRange.end - valueRange.start) {
    const dotsAt = valueRange.start + dots;
    const part: Range = at > dotsAt + 1 ? { start: dotsAt + 2, end: valueRange.end } : { start: valueRange.start, end: dotsAt };
    push(today, 'time', today, part, 'today (UTC)');
    for (const n of [7, 30, 90]) push(ago(n), 'time', ago(n), part, `${n} days ago`);
    push(isoDateTime(now), 'time', isoDateTime(now), part, 'now (UTC)');
    for (const n of [7, 30, 90]) push(`-${n}d`, 'time', `-${n}d`, part, `${n} days ago, relative (resolved when the query runs)`);
    return;
  }
  push(today, 'time', today, valueRange, 'today (UTC)', { documentation: `${spec.name} today` });
  for (const n of [7, 30, 90]) {
    push(`${ago(n)}..`, 'time', `${ago(n)}..`, valueRange, `in the last ${n} days`, { documentation: `${spec.name} on or after ${ago(n)}` });
  }
  for (const n of [30, 90]) {
    push(`..${ago(n)}`, 'time', `..${ago(n)}`, valueRange, `more than ${n} days ago`, { documentation: `${spec.name} on or before ${ago(n)}` });
  }
  // Relative bounds: resolved to dates each time the query runs, so a saved query stays right tomorrow.
  for (const n of [7, 30, 90]) {
    push(`-${n}d..`, 'time', `-${n}d..`, valueRange, `in the last ${n} days (relative)`, {
      documentation: `${spec.name} on or after the day ${n} days before the day the query runs (today: ${ago(n)})`,
    });
  }
  push('..-90d', 'time', '..-90d', valueRange, 'more than 90 days ago (relative)', {
    documentation: `${spec.name} on or before the day 90 days before the day the query runs (today: ${ago(90)})`,
  });
  push(`${ago(30)}..${today}`, 'snippet', `\${1:${ago(30)}}..\${2:${today}}`, valueRange, 'range a..b (inclusive)', {
    isSnippet: true,
    filterText: `${ago(30)}..${today}`,
    documentation: 'A closed range: both ends included.',
  });
  push(isoDateTime(now), 'time', isoDateTime(now), valueRange, 'now (UTC), YYYY-MM-DDThh:mm:ss');
}
