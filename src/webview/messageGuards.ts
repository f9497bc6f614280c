// The building blocks of every panel's message guards, shared by the extension host and the webview scripts
// (media/src), so it imports nothing from `vscode` or Node.
//
// Why hand-written guards and not a schema library: no schema library is a dependency, the guards are small, and
// each panel's protocol.ts writes its messages once as a type plus one `parse…` function built from these
// blocks. A parser returns a fresh object with only the known keys (extra keys never travel on) or undefined,
// which the receiver drops.

export type Obj = Record<string, unknown>;

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isString(v: unknown): v is string {
  return typeof v === 'string';
}

/** A non-negative safe integer: a count, an index, a line number. */
export function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A guard for one of a fixed list of strings. */
export function isOneOf<T extends string>(values: readonly T[]): (v: unknown) => v is T {
  return (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
}

// ---------------------------------------------------------------- what every panel's messages share

/**
 * Request/reply pairing: a webview message that expects an answer carries a `requestId` (counted up by the
 * webview, see media/src/_webview.ts) and the answer echoes it, so a late answer to an older request is ignored.
 */
export type RequestId = number;
export const isRequestId = isCount;

/** The handshake: a webview says `ready` once its listener is in place; the host posts only after it. */
export interface ReadyMessage {
  type: 'ready';
}

/** "Copy …" buttons: the webview has no clipboard access of its own, the host writes the text. */
export interface CopyMessage {
  type: 'copy';
  text: string;
}

/** Longest text a `copy` message may carry ("Copy as JSON" of a large device fits). */
export const MAX_COPY_LENGTH = 2_000_000;

export function isCopyText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_COPY_LENGTH;
}
