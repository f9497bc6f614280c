// The one clock the product reads "now" from for dates: relative ages, the overview's and inventory's ages,
// journal times, token expiry, time-stamped file names, the `-3d` query dates. Durations (timers, request times)
// use performance.now() and are not on it. Tests set it (`setClock`) to pin or shift the date the product sees, and
// the emulator generates its fleet from the same clock, so results do not depend on the day the suite runs.
// No vscode or Node import: the webview bundles (relativeTime.ts) use it too.

let source: () => number = () => Date.now();

export const clock = {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number {
    return source();
  },
  /** The current time as a Date. */
  date(): Date {
    return new Date(source());
  },
};

/** Makes the product's "now" come from `now` (tests: a fixed instant, or the real time shifted); returns the previous source, to put it back. */
export function setClock(now: () => number): () => number {
  const previous = source;
  source = now;
  return previous;
}

/** Back to the system clock. */
export function resetClock(): void {
  source = () => Date.now();
}
