// Shared by the benchmarks: timing several runs, medians, and the one table `npm run bench` prints.

export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/**
 * One line of the table. `ratio` = ours / baseline (lower is better). Every row has a baseline: measured in the
 * same run (`kind: 'measured'`), or a computed limit (`kind: 'computed'`: a quota-bound ideal, or a budget where
 * nothing can be measured side by side, e.g. a memory ceiling).
 */
export interface BenchRow {
  name: string;
  unit: 'ms' | 's' | 'MB' | 'KB' | 'req';
  ours: Stat;
  baseline?: Stat & { name: string; kind?: 'measured' | 'computed' };
  /** Shown in the ratio column, e.g. "7.9× faster"; computed from ours/baseline when absent. */
  ratioText?: string;
  ratio?: number;
  target: string;
  pass: boolean | undefined;
  note?: string;
}

export function stat(samples: readonly number[]): Stat {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs: s.length };
}

/** Milliseconds of `fn`, `runs` times (after `warmup` untimed runs). */
export async function timeRuns(runs: number, fn: () => unknown, warmup = 0): Promise<Stat> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stat(samples);
}

function num(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  if (v >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

export function formatStat(s: Stat, unit: string): string {
  return `${num(s.median)} ${unit} (${num(s.min)}–${num(s.max)}, n=${s.runs})`;
}

export function ratioText(row: BenchRow): string {
  if (row.ratioText) return row.ratioText;
  const ratio = row.ratio ?? (row.baseline && row.baseline.median > 0 ? row.ours.median / row.baseline.median : undefined);
  if (ratio !== undefined && Number.isFinite(ratio)) return `${ratio.toFixed(2)}×`;
  return '—';
}

/** A computed baseline: one exact figure (a quota-bound ideal, a budget). */
export function computedBaseline(name: string, value: number): Stat & { name: string; kind: 'computed' } {
  return { name, kind: 'computed', median: value, min: value, max: value, runs: 1 };
}

/** A measured baseline from its samples. */
export function measuredBaseline(name: string, s: Stat): Stat & { name: string; kind: 'measured' } {
  return { name, kind: 'measured', ...s };
}

/**
 * Gives a row that has no side-by-side measurement its budget as the (computed) baseline, so every row reports
 * ours, a baseline, the ratio and the target the same way.
 */
export function withBudget(row: BenchRow, budget: number, label = 'budget'): BenchRow {
  if (row.baseline) return row;
  const ratio = row.ours.median / budget;
  return { ...row, baseline: computedBaseline(label, budget), ratio };
}

function baselineText(r: BenchRow): string {
  if (!r.baseline) return '—';
  const b = r.baseline;
  if (b.kind === 'computed') return `${b.name} (computed): ${num(b.median)} ${r.unit}`;
  return `${b.name}: ${formatStat(b, r.unit)}`;
}

/** A Markdown table (readable in a terminal, pasted as is into the README). */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['Benchmark', 'Ours: median (min–max, runs)', 'Baseline: median (min–max, runs)', 'Ratio', 'Target', 'Result'];
  const lines = rows.map((r) => [
    r.name,
    formatStat(r.ours, r.unit),
    baselineText(r),
    ratioText(r),
    r.target,
    typeof r.pass !== 'boolean' ? 'n/a' : r.pass ? 'pass' : '**FAIL**', // JSON turns undefined into null
  ]);
  // A "|" inside a cell would end it in Markdown.
  const all = [header, ...lines.map((l) => l.map((c) => c.replace(/\|/g, '\\|')))];
  const widths = header.map((_, i) => Math.max(...all.map((l) => l[i].length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(fmt)].join('\n');
}

export const MB = 1024 * 1024;
