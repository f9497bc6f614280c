// Edit distance for "did you mean" suggestions. Field tables are tiny, so a plain O(n·m)
// Levenshtein with two rows (counting a swap of neighbours as one edit) is fast enough.

export function editDistance(a: string, b: string): number {
  // Stryker disable next-line ConditionalExpression: a shortcut; the table below also gives 0 for equal strings
  if (a === b) return 0;
  // Stryker disable next-line ConditionalExpression: a shortcut; with a empty the first row already holds b.length
  if (a.length === 0) return b.length;
  // Stryker disable next-line ConditionalExpression: a shortcut; with b empty each row is [i], ending at a.length
  if (b.length === 0) return a.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The candidates closest to `word` (case-insensitive), best first, within a distance that grows
 * with the word's length (a third of it, at least 2). Prefixes count as close ("mach" → "machine_name").
 */
export function closest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let d = editDistance(w, lc);
    if (w.length >= 3 && lc.startsWith(w)) d = Math.min(d, 1);
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, max).map((s) => s.c);
}
