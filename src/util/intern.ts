// One string for equal values that arrive as separate copies (JSON.parse and csv-parse make a new string per
// occurrence): 100,000 browsers in a few org units otherwise hold 100,000 copies of each path.

/**
 * An interner: returns the first string seen equal to `s`. It remembers at most `limit` distinct values, so a
 * field of unique values (asset ids) costs only that much while it is in use; drop it with what it served.
 */
export function interner(limit = 10_000): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    if (seen.size < limit) seen.set(s, s);
    return s;
  };
}
