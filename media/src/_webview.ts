// The webview side of the panel kit (src/webview/panelHost.ts is the other side): the VS Code API, acquired
// once per page, messages from the extension checked by the panel's protocol guard (anything else is dropped and
// logged without its contents), the `ready` handshake, and request/reply pairing by id.

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

// VS Code allows one call per page; every entry script is its own bundle, so this runs once per page.
const vscode = acquireVsCodeApi();

export interface PanelChannel<Out> {
  post(message: Out): void;
  /** What VS Code keeps for this panel across reloads (the serializer reads it). */
  setState(state: unknown): void;
  /** Says `ready`: call once the page can render what the extension sends. */
  ready(): void;
}

/**
 * Listens for the extension's messages: `parse` is the protocol's guard, `handle` gets only what it accepts.
 * `name` goes into the console note about a dropped message.
 */
export function connect<In, Out extends { type: string }>(
  name: string,
  parse: (raw: unknown) => In | undefined,
  handle: (message: In) => void,
): PanelChannel<Out> {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parse(event.data);
    if (message === undefined) {
      console.debug(`${name}: dropped an unknown or malformed message`);
      return;
    }
    handle(message);
  });
  return {
    post: (message) => vscode.postMessage(message),
    setState: (state) => vscode.setState(state),
    ready: () => vscode.postMessage({ type: 'ready' }),
  };
}

/**
 * Pairs replies with requests: `next()` numbers a request, `settle(id)` accepts the reply to the latest one only
 * (a reply to an older request, or one this page never sent, is ignored).
 */
export class Requests {
  private seq = 0;
  private pending: number | undefined;

  next(): number {
    this.pending = ++this.seq;
    return this.pending;
  }

  settle(requestId: number): boolean {
    if (requestId !== this.pending) return false;
    this.pending = undefined;
    return true;
  }
}
