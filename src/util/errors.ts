/** The admin-facing text of any failure. ApiError/AuthError messages already say what to do next. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** True for the abort of an operation the admin cancelled. */
export function isCancellation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'AbortError' || (error as { kind?: string }).kind === 'cancelled';
}
