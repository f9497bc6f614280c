// The part every webview panel shares: webview options, the HTML shell, the `ready` handshake (nothing is
// posted before it, and a hidden webview that VS Code destroyed must say it again), parse-or-drop of incoming
// messages (logged without their contents: they may carry device data), the clipboard for `copy`, the sign-in
// offer when no account is active, and dispose. A panel is then its model, its view script and its protocol:
// it passes its parser and callbacks here and posts through `post`.
import * as vscode from 'vscode';
import { offerSignIn } from '../auth/signInGate';
import type { Services } from '../services';
import { describeError } from '../util/errors';
import { renderShell } from './html';
import type { CopyMessage, ReadyMessage } from './messageGuards';

/** A panel's page: `media/dist/<script>.js` with `media/<script>.css`, and what it says until it has rendered. */
export interface PanelPage {
  script: string;
  loadingText: string;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export interface CreatePanelOptions {
  preserveFocus?: boolean;
  /** Keep the webview alive while hidden (the import preview: its rows are sent once). */
  retainContextWhenHidden?: boolean;
}

/** A new panel in the active editor group, with the options every panel uses. */
export function createWebviewPanel(services: Services, viewType: string, title: string, o: CreatePanelOptions = {}): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    viewType,
    title,
    { viewColumn: vscode.ViewColumn.Active, preserveFocus: o.preserveFocus ?? false },
    { ...webviewOptions(services.context.extensionUri), ...(o.retainContextWhenHidden ? { retainContextWhenHidden: true } : {}) },
  );
}

/** A panel VS Code restored after a reload gets the same options as a new one. */
export function adoptRestoredPanel(services: Services, panel: vscode.WebviewPanel): vscode.WebviewPanel {
  panel.webview.options = webviewOptions(services.context.extensionUri);
  return panel;
}

/** What a panel tells its host. */
export interface PanelBehaviour<In extends { type: string }> {
  /** Its name in the log ("Device details"). */
  readonly name: string;
  readonly page: PanelPage;
  /** The protocol's guard for webview messages: undefined drops the message. */
  parse(raw: unknown): In | undefined;
  /** The webview is listening (first load, or shown again): send it the whole state. */
  ready(): void;
  /** Every message but `ready` and `copy`, which the host answers itself. */
  handle(msg: Exclude<In, ReadyMessage | CopyMessage>): Promise<void> | void;
  /**
   * After `ready` while no account is active: why the panel needs one (the sign-in offer's text), or undefined
   * when it has nothing to ask (it shows cached data, or nothing failed).
   */
  signInReason?(): string | undefined;
  /** The admin closed the panel (or VS Code did): the panel disposes itself. */
  closed(): void;
}

export class PanelHost<In extends { type: string }, Out> implements vscode.Disposable {
  private ready = false;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
    private readonly behaviour: PanelBehaviour<In>,
  ) {
    const retained = panel.options.retainContextWhenHidden === true;
    this.disposables.push(
      panel.onDidDispose(() => behaviour.closed()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      panel.onDidChangeViewState((e) => {
        // A hidden webview is destroyed (unless retained); the next `ready` comes from a fresh document.
        if (!retained && !e.webviewPanel.visible) this.ready = false;
      }),
    );
    this.render();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** A fresh page (the old document and everything in it is gone); posting waits for its `ready`. */
  render(): void {
    this.ready = false;
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.services.context.extensionUri, 'media');
    const { script, loadingText } = this.behaviour.page;
    webview.html = renderShell({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', `${script}.js`)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, `${script}.css`)).toString(),
      title: this.panel.title,
      loadingText,
      l10nBundle: vscode.l10n.bundle,
    });
  }

  /** Before `ready` the webview has no listener: dropped, since `ready()` sends the whole state again. */
  post(msg: Out): void {
    if (!this.ready || this.disposed) return;
    void this.panel.webview.postMessage(msg);
  }

  /** The sign-in prompt (both methods); the panel reloads through the account change that follows. */
  offerSignIn(reason: string): void {
    void offerSignIn(reason);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private receive(raw: unknown): void {
    if (this.disposed) return;
    const msg = this.behaviour.parse(raw);
    if (!msg) {
      // Never log the contents: they may carry device data.
      this.services.log.debug(`${this.behaviour.name}: dropped a malformed or unknown webview message (${typeof raw}).`);
      return;
    }
    this.dispatch(msg).catch((error: unknown) => {
      const message = describeError(error);
      this.services.log.warn(`${this.behaviour.name}: handling a "${msg.type}" message failed: ${message}`);
      void vscode.window.showErrorMessage(message);
    });
  }

  private async dispatch(msg: In): Promise<void> {
    if (isReady(msg)) {
      this.ready = true;
      this.behaviour.ready();
      const reason = this.services.backends.current ? undefined : this.behaviour.signInReason?.();
      if (reason) this.offerSignIn(reason);
      return;
    }
    if (isCopy(msg)) {
      await vscode.env.clipboard.writeText(msg.text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied to the clipboard'), 2000);
      return;
    }
    await this.behaviour.handle(msg as Exclude<In, ReadyMessage | CopyMessage>);
  }
}

function isReady(msg: { type: string }): msg is ReadyMessage {
  return msg.type === 'ready';
}

function isCopy(msg: { type: string }): msg is CopyMessage {
  return msg.type === 'copy';
}
