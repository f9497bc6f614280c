// Shared by the benchmarks: timing several runs, medians, and the one table `npm run bench` prints.

export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** One line of the table. `ratio` = ours / baseline (lower is better) unless `ratioLabel` says otherwise. */
export interface BenchRow {
  name: string;
  unit: 'ms' | 's' | 'MB' | 'KB';
  ours: Stat;
  baseline?: Stat & { name: string };
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
export async function timeRuns(runs: number, fn: () => Promise<unknown> | unknown, warmup = 0): Promise<Stat> {
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
  if (row.ratio !== undefined) return `${row.ratio.toFixed(2)}×`;
  return '—';
}

/** A Markdown table (readable in a terminal, pasted as is into the README). */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['Benchmark', 'Ours: median (min–max, runs)', 'Baseline: median (min–max, runs)', 'Ratio', 'Target', 'Result'];
  const lines = rows.map((r) => [
    r.name,
    formatStat(r.ours, r.unit),
    r.baseline ? `${r.baseline.name}: ${formatStat(r.baseline, r.unit)}` : '—',
    ratioText(r),
    r.target,
    r.pass === undefined ? 'n/a' : r.pass ? 'pass' : '**FAIL**',
  ]);
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((l) => l[i].length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

export const MB = 1024 * 1024;
