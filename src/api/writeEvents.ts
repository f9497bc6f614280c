// Every change the extension makes to browsers, announced by the backend that made it. Views (the tree, open
// details panels) follow these instead of each command telling each view: a command cannot forget one, and
// views never import each other. Pure: no vscode import.
import type { CbcmBackend } from './backend';
import type { ChromeBrowser } from './types';

export type BrowserWrite =
  /** Annotations saved; `browser` is the API's answer (possibly a BASIC projection). */
  | { kind: 'updated'; browser: ChromeBrowser }
  /** Moved to `orgUnitPath` (only the ids the API accepted). */
  | { kind: 'moved'; deviceIds: readonly string[]; orgUnitPath: string }
  | { kind: 'deleted'; deviceIds: readonly string[] };

/** True when `write` concerns `deviceId`. */
export function writeConcerns(write: BrowserWrite, deviceId: string): boolean {
  return write.kind === 'updated' ? write.browser.deviceId === deviceId : write.deviceIds.includes(deviceId);
}

/**
 * The same backend, reporting each successful write to `onWrite` after the API answered. Reads pass through
 * untouched; a failed write reports nothing (a move reports the ids that did move, even when others failed).
 */
export function observeWrites<B extends CbcmBackend>(backend: B, onWrite: (write: BrowserWrite) => void): B {
  const wrapped: Partial<CbcmBackend> = {
    async updateAnnotations(deviceId, annotations, signal) {
      const browser = await backend.updateAnnotations(deviceId, annotations, signal);
      onWrite({ kind: 'updated', browser });
      return browser;
    },
    async deleteBrowser(deviceId, signal) {
      await backend.deleteBrowser(deviceId, signal);
      onWrite({ kind: 'deleted', deviceIds: [deviceId] });
    },
    async moveBrowsers(deviceIds, orgUnitPath, signal, onProgress) {
      const result = await backend.moveBrowsers(deviceIds, orgUnitPath, signal, onProgress);
      if (result.moved.length > 0) onWrite({ kind: 'moved', deviceIds: result.moved, orgUnitPath });
      return result;
    },
  };
  // A Proxy rather than a copy: the backend's own methods keep `this` = the backend, and members added to
  // CbcmBackend later pass through without being listed here.
  return new Proxy(backend, {
    get(target, prop) {
      if (typeof prop === 'string' && Object.prototype.hasOwnProperty.call(wrapped, prop)) {
        return wrapped[prop as keyof typeof wrapped];
      }
      const v: unknown = Reflect.get(target, prop);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
