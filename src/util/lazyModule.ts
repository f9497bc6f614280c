/**
 * A module loaded on first use (`await import('./x')`, which the build splits into a file of its own, see
 * esbuild.js) and kept: every call after the first gets the same module at once.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
