/** Small AbortSignal helpers shared by the token sources and the loopback listener. No vscode import. */
import { AuthError } from './tokenErrors';

export function cancelledError(): AuthError {
  return new AuthError('cancelled', 'Sign-in was cancelled.', 'retry');
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledError();
}

/**
 * Settles with `promise`, or rejects with a `cancelled` AuthError as soon as `signal` aborts. The underlying
 * request may still finish in the background; its result is then ignored.
 */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        // The original rejection passes through unchanged, whatever it is: this wrapper only adds the abort.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(e);
      },
    );
  });
}
