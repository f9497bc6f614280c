import * as vscode from 'vscode';
import type { BrowserAnnotations, ChromeBrowser } from '../api/types';
import type { Services } from '../services';
import {
  normalizeChangedAnnotations,
  planSave,
  validateChangedAnnotations,
} from './annotationMerge';
import { renderShell } from './html';
import { panelTitle } from './openTarget';
import {
  ANNOTATION_KEYS,
  annotationValuesOf,
  parseWebviewMessage,
  type AnnotationDraft,
  type AnnotationValues,
  type ExtensionMessage,
  type SaveResult,
  type WebviewMessage,
} from './protocol';

export const DETAILS_VIEW_TYPE = 'cbcm.deviceDetails';
const SIGN_IN_COMMAND = 'cbcm.auth.signInServiceAccount';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** Timings of the last open, for the log and the end-to-end benchmark. */
export interface RenderTiming {
  deviceId: string;
  totalMs: number;
  apiMs: number;
  /** Time from command to rendered panel that is not the API round-trip. */
  beyondApiMs: number;
  /** From the command to the webview's `ready`: VS Code creating the webview, then `bootMs`. */
  readyMs: number;
  /** The webview's own start-up: our HTML, CSS and script (counted inside the webview). */
  bootMs: number;
  /** What the panel itself costs beyond the API: start-up + rendering (VS Code's webview creation excluded). */
  ownMs: number;
  /** From the device message to the painted panel. */
  webviewRenderMs: number;
}

function errorMessage(err: unknown): string {
  return err instanceof Error && err.message ? err.message : 'The request failed for an unknown reason.';
}

function toAnnotations(v: AnnotationValues): BrowserAnnotations {
  return { ...v };
}

/**
 * One webview panel showing one device. The webview is recreated whenever it becomes visible again (no
 * retainContextWhenHidden), so the panel keeps the state (device, unsaved draft) and sends it after each
 * `ready`.
 */
export class DeviceDetailsPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private browser: ChromeBrowser | undefined;
  private loadedAt = 0;
  private loadError: string | undefined;
  private draft: AnnotationDraft | undefined;
  private loadAbort: AbortController | undefined;
  private saving: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Set when opened by a command; cleared once the render was timed. */
  private openedAt: number | undefined;
  private apiMs = 0;
  private readyAt: number | undefined;
  lastTiming: RenderTiming | undefined;

  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;
  private readonly onDidRenderEmitter = new vscode.EventEmitter<RenderTiming | undefined>();
  /** Fires each time the webview reports the device on screen (timing only for command-opened panels). */
  readonly onDidRender = this.onDidRenderEmitter.event;

  static create(services: Services, deviceId: string, known?: ChromeBrowser): DeviceDetailsPanel {
    const openedAt = performance.now();
    const panel = vscode.window.createWebviewPanel(
      DETAILS_VIEW_TYPE,
      panelTitle(known, deviceId),
      vscode.ViewColumn.Active,
      webviewOptions(services.context.extensionUri),
    );
    return new DeviceDetailsPanel(panel, services, deviceId, openedAt);
  }

  /** Adopts a panel VS Code restored after a reload. */
  static restore(panel: vscode.WebviewPanel, services: Services, deviceId: string): DeviceDetailsPanel {
    panel.webview.options = webviewOptions(services.context.extensionUri);
    return new DeviceDetailsPanel(panel, services, deviceId, undefined);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
    readonly deviceId: string,
    openedAt: number | undefined,
  ) {
    this.openedAt = openedAt;
    this.disposables.push(
      this.onDidDisposeEmitter,
      this.onDidRenderEmitter,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      panel.onDidChangeViewState((e) => {
        // A hidden webview is destroyed; the next `ready` comes from a fresh document.
        if (!e.webviewPanel.visible) this.ready = false;
      }),
      services.onDidChangeBrowser((b) => this.browserChanged(b)),
      services.backends.onDidChange(() => void this.load()),
    );
    panel.webview.html = this.html();
    void this.load();
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.loadAbort?.abort();
    this.onDidDisposeEmitter.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private html(): string {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.services.context.extensionUri, 'media');
    return renderShell({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', 'details.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'details.css')).toString(),
      title: this.panel.title,
    });
  }

  /** Fetches the FULL projection; a newer load cancels an older one. */
  async load(): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    const backend = this.services.backends.current;
    if (!backend) {
      this.loadError = 'You are signed out. Sign in to CBCM to see this browser.';
      this.sendState();
      return;
    }
    const started = performance.now();
    try {
      const browser = await backend.getBrowser(this.deviceId, 'FULL', abort.signal);
      if (abort.signal.aborted || this.disposed) return;
      this.apiMs = performance.now() - started;
      this.setBrowser(browser);
      this.loadError = undefined;
    } catch (err) {
      if (abort.signal.aborted || this.disposed) return;
      this.loadError = errorMessage(err);
      this.services.log.warn(`Could not load browser ${this.deviceId}: ${this.loadError}`);
    }
    this.sendState();
  }

  private setBrowser(browser: ChromeBrowser): void {
    this.browser = browser;
    this.loadedAt = Date.now();
    this.panel.title = panelTitle(browser, this.deviceId);
  }

  private browserChanged(changed: ChromeBrowser): void {
    if (changed.deviceId !== this.deviceId || changed === this.browser) return;
    // Other views may hold a BASIC copy: keep the FULL fields they don't carry.
    this.setBrowser({ ...(this.browser ?? {}), ...changed });
    this.sendState();
  }

  /** The current device (or the load error) for a freshly loaded or updated webview. */
  private sendState(): void {
    if (this.browser && !this.loadError) {
      const msg: ExtensionMessage = { type: 'device', browser: this.browser, loadedAt: this.loadedAt };
      if (this.draft) msg.draft = this.draft;
      if (this.services.backends.readOnly) msg.readOnly = true;
      this.post(msg);
    } else if (this.loadError) {
      this.post({ type: 'error', deviceId: this.deviceId, message: this.loadError });
    }
  }

  private post(msg: ExtensionMessage): void {
    // Before `ready` the webview has no listener; the state is sent again when it says ready.
    if (!this.ready || this.disposed) return;
    void this.panel.webview.postMessage(msg);
  }

  private receive(raw: unknown): void {
    const msg = parseWebviewMessage(raw);
    if (!msg) {
      // Never log the contents: they may carry device data.
      this.services.log.debug(`Device details: dropped a malformed or unknown webview message (${typeof raw}).`);
      return;
    }
    void this.handle(msg);
  }

  private async handle(msg: WebviewMessage): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.readyAt ??= performance.now();
        this.sendState();
        if (this.loadError && !this.services.backends.current) this.offerSignIn();
        return;
      case 'refresh':
        await this.load();
        return;
      case 'revert':
        this.draft = undefined;
        return;
      case 'draft':
        this.draft = msg.draft ?? undefined;
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(msg.text);
        vscode.window.setStatusBarMessage('Copied to the clipboard', 2000);
        return;
      case 'rendered':
        this.rendered(msg.loadedAt, msg.renderMs, msg.bootMs);
        return;
      case 'save': {
        // One save at a time: the second waits and then re-reads the device like the first.
        const run = this.saving.then(() => this.save(msg.requestId, msg.annotations, msg.base));
        this.saving = run.catch(() => undefined);
        await run;
        return;
      }
    }
  }

  private rendered(loadedAt: number, renderMs: number, bootMs: number): void {
    if (loadedAt !== this.loadedAt) return;
    let timing: RenderTiming | undefined;
    if (this.openedAt !== undefined) {
      const totalMs = performance.now() - this.openedAt;
      timing = {
        deviceId: this.deviceId,
        totalMs: Math.round(totalMs),
        apiMs: Math.round(this.apiMs),
        beyondApiMs: Math.round(totalMs - this.apiMs),
        readyMs: Math.round((this.readyAt ?? performance.now()) - this.openedAt),
        bootMs: Math.round(bootMs),
        ownMs: Math.round(bootMs + renderMs),
        webviewRenderMs: Math.round(renderMs),
      };
      this.openedAt = undefined;
      this.lastTiming = timing;
      this.services.log.info(
        `Browser details rendered in ${timing.totalMs} ms (API ${timing.apiMs} ms, beyond it ${timing.beyondApiMs} ms; ` +
          `webview ready after ${timing.readyMs} ms, of which its own start-up ${timing.bootMs} ms; render ${timing.webviewRenderMs} ms; ` +
          `panel's own work ${timing.ownMs} ms).`,
      );
    }
    this.onDidRenderEmitter.fire(timing);
  }

  private offerSignIn(): void {
    void vscode.window
      .showWarningMessage('Sign in to CBCM to see browser details.', 'Sign in')
      .then((choice) => (choice === 'Sign in' ? vscode.commands.executeCommand(SIGN_IN_COMMAND) : undefined));
  }

  private async save(requestId: number, annotations: AnnotationValues, base: AnnotationValues): Promise<void> {
    const reply = (r: SaveResult) => this.post({ type: 'saveResult', ...r });
    const backend = this.services.backends.current;
    if (!backend) {
      reply({ requestId, ok: false, error: 'You are signed out. Sign in to CBCM, then save again.' });
      this.offerSignIn();
      return;
    }
    const mine = normalizeChangedAnnotations(annotations, base);
    const problems = Object.values(validateChangedAnnotations(annotations, base));
    if (problems.length > 0) {
      reply({ requestId, ok: false, error: problems.join(' ') });
      return;
    }
    try {
      // Re-read first: someone may have changed the annotations since the form was loaded.
      const current = await backend.getBrowser(this.deviceId, 'FULL');
      const remote = annotationValuesOf(current);
      const plan = planSave(base, mine, remote);
      if (plan.kind === 'conflict') {
        this.browser = current;
        this.loadedAt = Date.now();
        reply({ requestId, ok: false, conflict: { fields: plan.fields, remote: plan.remote, browser: current } });
        return;
      }
      let saved = current;
      if (plan.kind === 'write') {
        const updated = await backend.updateAnnotations(this.deviceId, toAnnotations(plan.result));
        // The PUT answer may be a BASIC projection: keep the FULL fields just read, but take the annotations
        // from the answer — one it leaves out was cleared.
        saved = { ...current, ...updated };
        for (const k of ANNOTATION_KEYS) if (updated[k] === undefined) delete saved[k];
        this.services.log.info(`Saved the annotations of browser ${this.deviceId}.`);
      }
      this.draft = undefined;
      this.setBrowser(saved);
      this.services.fireBrowserChanged(saved);
      reply({ requestId, ok: true, browser: saved });
    } catch (err) {
      const message = errorMessage(err);
      this.services.log.warn(`Could not save the annotations of browser ${this.deviceId}: ${message}`);
      reply({ requestId, ok: false, error: message });
    }
  }
}
