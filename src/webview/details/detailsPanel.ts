import * as vscode from 'vscode';
import type { ChromeBrowser } from '../../api/types';
import type { AnnotationOutcome } from '../../operations/fleetWriter';
import { type BrowserWrite, writeConcerns } from '../../api/writeEvents';
import {
  ANNOTATION_KEYS,
  annotationValuesOf,
  normalizeChangedAnnotations,
  planSave,
  validateChangedAnnotations,
  type AnnotationValues,
} from '../../model/annotations';
import type { Services } from '../../services';
import { adoptRestoredPanel, createWebviewPanel, PanelHost, type PanelPage } from '../panelHost';
import type { DraftStore } from './draftStore';
import { describeTiming, RenderTimer, type RenderTiming } from './renderTiming';
import { panelTitle, type OpenDetailsTarget } from './openTarget';
import {
  parseWebviewMessage,
  type AnnotationDraft,
  type ExtensionMessage,
  type OfferedDraft,
  type SaveResult,
  type WebviewMessage,
} from './protocol';

import { detailsSignInReason, DETAILS_VIEW_TYPE } from './openTarget';
export { detailsSignInReason, DETAILS_VIEW_TYPE };
const detailsPage = (): PanelPage => ({ script: 'details', loadingText: vscode.l10n.t('Loading browser details…') });

function errorMessage(err: unknown): string {
  return err instanceof Error && err.message ? err.message : vscode.l10n.t('The request failed for an unknown reason.');
}

/** How a panel is opened: pinned (a tab of its own) or as the reused single-click preview. */
export interface PanelOpenOptions {
  preview: boolean;
  /** Keep the focus where it is (a single click in the tree keeps it in the tree). */
  preserveFocus: boolean;
}

/**
 * One webview panel showing one device. The webview is recreated whenever it becomes visible again (no
 * retainContextWhenHidden), so the panel keeps the state (device, unsaved draft) and sends it after each
 * `ready`. Unsaved edits also go to the draft store, which outlives the panel (closed tab, reload).
 *
 * The preview panel changes device (showDevice) until it is pinned: by a double click or Enter in the tree,
 * or as soon as the admin edits an annotation (so a single click elsewhere cannot replace unsaved work).
 */
export class DeviceDetailsPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly host: PanelHost<WebviewMessage, ExtensionMessage>;
  private currentDeviceId: string;
  private known: ChromeBrowser | undefined;
  private browser: ChromeBrowser | undefined;
  private loadedAt = 0;
  private loadError: string | undefined;
  /** Why the device left the page (deleted); set until a refresh loads it again. */
  private blankedBecause: string | undefined;
  private draft: AnnotationDraft | undefined;
  /** A draft from an earlier panel, offered back until the admin restores or discards it. */
  private offered: OfferedDraft | undefined;
  /** The account whose data this panel shows; another account's panel must not stay open. */
  private boundAccountId: string | undefined;
  private previewing: boolean;
  /** Set while this panel's own save writes: the write event it causes is not news to it. */
  private ownWrite = false;
  private loadAbort: AbortController | undefined;
  private saving: Promise<void> = Promise.resolve();
  private disposed = false;
  private quiet = false;
  lastTiming: RenderTiming | undefined;

  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;
  private readonly onDidPinEmitter = new vscode.EventEmitter<void>();
  /** The preview panel became a panel of its own. */
  readonly onDidPin = this.onDidPinEmitter.event;
  private readonly onDidRenderEmitter = new vscode.EventEmitter<RenderTiming | undefined>();
  /** Fires each time the webview reports the device on screen (timing only for command-opened panels). */
  readonly onDidRender = this.onDidRenderEmitter.event;

  static create(services: Services, drafts: DraftStore, target: OpenDetailsTarget, options: PanelOpenOptions): DeviceDetailsPanel {
    const timer = new RenderTimer();
    timer.start();
    const panel = createWebviewPanel(services, DETAILS_VIEW_TYPE, panelTitle(target.browser, target.deviceId, { preview: options.preview }), {
      preserveFocus: options.preserveFocus,
    });
    return new DeviceDetailsPanel(panel, services, drafts, target, options.preview, timer);
  }

  /** Adopts a panel VS Code restored after a reload (always pinned: it was a tab the admin kept). */
  static restore(panel: vscode.WebviewPanel, services: Services, drafts: DraftStore, deviceId: string): DeviceDetailsPanel {
    return new DeviceDetailsPanel(adoptRestoredPanel(services, panel), services, drafts, { deviceId }, false, new RenderTimer());
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
    private readonly drafts: DraftStore,
    target: OpenDetailsTarget,
    preview: boolean,
    /** Times opens by a command (and a preview's change of device); a restored panel's is never started. */
    private readonly timer: RenderTimer,
  ) {
    this.currentDeviceId = target.deviceId;
    this.known = target.browser;
    this.previewing = preview;
    this.disposables.push(
      this.onDidDisposeEmitter,
      this.onDidPinEmitter,
      this.onDidRenderEmitter,
      services.backends.onDidWriteBrowsers((w) => this.browserWritten(w)),
    );
    this.bindAccount();
    this.host = new PanelHost(panel, services, {
      name: 'Device details',
      page: detailsPage(),
      parse: parseWebviewMessage,
      ready: () => {
        this.timer.webviewReady();
        this.sendState();
      },
      handle: (msg) => this.handle(msg),
      signInReason: () => (this.loadError ? detailsSignInReason() : undefined),
      closed: () => this.dispose(),
    });
    void this.load();
  }

  get deviceId(): string {
    return this.currentDeviceId;
  }

  get isPreview(): boolean {
    return this.previewing;
  }

  get isDirty(): boolean {
    return this.draft !== undefined;
  }

  /** The account this panel's data belongs to (undefined: none loaded yet, e.g. restored while signed out). */
  get accountId(): string | undefined {
    return this.boundAccountId;
  }

  /** The preview panel shows another device: a fresh page (nothing of the last device survives in it). */
  showDevice(target: OpenDetailsTarget): void {
    if (!this.previewing) throw new Error('Only the preview panel changes device.');
    this.loadAbort?.abort();
    this.currentDeviceId = target.deviceId;
    this.known = target.browser;
    this.browser = undefined;
    this.loadError = undefined;
    this.blankedBecause = undefined;
    this.draft = undefined;
    this.offered = undefined;
    this.timer.start();
    this.bindAccount();
    this.updateTitle();
    this.host.render();
    void this.load();
  }

  /** Turns the preview into a panel of its own (no-op when it is one already). */
  pin(): void {
    if (!this.previewing) return;
    this.previewing = false;
    this.updateTitle();
    this.onDidPinEmitter.fire();
  }

  /** Save as the form's Save button would (Ctrl+S / Cmd+S, the title-bar button). */
  requestSave(): void {
    this.post({ type: 'requestSave' });
  }

  /** The active account changed, or its credentials or settings did: load again with the new backend. */
  reloadForAccount(): void {
    if (this.boundAccountId === undefined) this.bindAccount();
    void this.load();
  }

  reveal(preserveFocus = false): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  /** Closes without its own note about a kept draft (the caller says why panels closed, once for all). */
  closeQuietly(): void {
    this.quiet = true;
    this.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.loadAbort?.abort();
    if (this.draft && !this.blankedBecause && this.boundAccountId && !this.quiet) {
      const name = this.browser?.machineName || this.deviceId;
      vscode.window.setStatusBarMessage(
        vscode.l10n.t('$(info) Unsaved annotation changes of {0} kept as a draft: open the browser again to restore them.', name),
        8000,
      );
    }
    this.onDidDisposeEmitter.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.host.dispose();
  }

  /** Fetches the FULL projection; a newer load cancels an older one. */
  async load(): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    const backend = this.services.backends.current;
    if (!backend) {
      this.loadError = vscode.l10n.t('You are signed out. Sign in to CBCM to see this browser.');
      this.sendState();
      return;
    }
    const started = performance.now();
    try {
      const browser = await backend.getBrowser(this.deviceId, 'FULL', abort.signal);
      if (abort.signal.aborted || this.disposed) return;
      this.timer.apiTook(performance.now() - started);
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
    this.blankedBecause = undefined;
    this.loadedAt = Date.now();
    this.updateTitle();
  }

  private updateTitle(): void {
    const title = panelTitle(this.browser ?? this.known, this.deviceId, {
      dirty: this.draft !== undefined,
      preview: this.previewing,
      deleted: this.blankedBecause !== undefined,
    });
    if (this.panel.title !== title) this.panel.title = title;
  }

  /** Binds the panel to the active account and picks up the draft kept for this device there. */
  private bindAccount(): void {
    this.boundAccountId = this.services.backends.accountId;
    this.offered = this.boundAccountId && !this.draft ? this.drafts.get(this.boundAccountId, this.deviceId) : undefined;
  }

  /** Another view (or another panel's command) changed this browser through the backend. */
  private browserWritten(w: BrowserWrite): void {
    if (this.disposed || !writeConcerns(w, this.deviceId)) return;
    switch (w.kind) {
      case 'updated': {
        if (this.ownWrite) return;
        // The answer may be a BASIC projection: keep the FULL fields it lacks, but take its annotations (one it
        // leaves out was cleared).
        const merged: ChromeBrowser = { ...(this.browser ?? {}), ...w.browser };
        for (const k of ANNOTATION_KEYS) if (w.browser[k] === undefined) delete merged[k];
        this.setBrowser(merged);
        this.sendState();
        return;
      }
      case 'moved':
        // Read it again: the org unit and whatever the move changed with it (policies) come from the API.
        void this.load();
        return;
      case 'deleted':
        this.loadAbort?.abort();
        // The tab keeps the machine name (only the name: the page drops every value of the device).
        if (this.browser) this.known = { deviceId: this.deviceId, ...(this.browser.machineName ? { machineName: this.browser.machineName } : {}) };
        this.browser = undefined;
        this.loadError = undefined;
        this.blankedBecause = vscode.l10n.t(
          'This browser was deleted from the account, so there is nothing left to show or annotate. If it enrolls again (its enrollment token still valid), Refresh shows it.',
        );
        this.forgetDraft();
        this.offered = undefined;
        this.updateTitle();
        this.sendState();
        return;
    }
  }

  /** No unsaved edits any more (saved, reverted, or the browser is gone): out of memory and out of the store. */
  private forgetDraft(): void {
    this.draft = undefined;
    if (this.boundAccountId) void this.drafts.delete(this.boundAccountId, this.deviceId);
    this.updateTitle();
  }

  private draftChanged(draft: AnnotationDraft | undefined): void {
    if (!draft) {
      this.forgetDraft();
      return;
    }
    this.draft = draft;
    this.offered = undefined;
    // Editing keeps the tab: a single click on another browser must not replace unsaved work.
    this.pin();
    if (this.boundAccountId) void this.drafts.set(this.boundAccountId, this.deviceId, draft);
    this.updateTitle();
  }

  /** The current device (or the load error) for a freshly loaded or updated webview. */
  private sendState(): void {
    if (this.blankedBecause) {
      this.post({ type: 'blank', deviceId: this.deviceId, message: this.blankedBecause });
    } else if (this.browser && !this.loadError) {
      const msg: ExtensionMessage = { type: 'device', browser: this.browser, loadedAt: this.loadedAt };
      if (this.draft) msg.draft = this.draft;
      else if (this.offered) msg.offeredDraft = this.offered;
      if (this.services.backends.readOnly) msg.readOnly = true;
      this.post(msg);
    } else if (this.loadError) {
      this.post({ type: 'error', deviceId: this.deviceId, message: this.loadError });
    }
  }

  private post(msg: ExtensionMessage): void {
    this.host.post(msg);
  }

  /** A message of the webview (the host answered `ready` and `copy`); tests post a save here as the form would. */
  async handle(msg: Exclude<WebviewMessage, { type: 'ready' | 'copy' }>): Promise<void> {
    switch (msg.type) {
      case 'refresh':
        await this.load();
        return;
      case 'revert':
        this.forgetDraft();
        return;
      case 'draft':
        this.draftChanged(msg.draft ?? undefined);
        return;
      case 'restoreDraft':
        // The form holds it now; its `draft` message stores it again.
        this.offered = undefined;
        return;
      case 'discardDraft':
        this.offered = undefined;
        this.forgetDraft();
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
    const timing = this.timer.rendered(this.deviceId, renderMs, bootMs);
    if (timing) {
      this.lastTiming = timing;
      this.services.log.info(describeTiming(timing));
    }
    this.onDidRenderEmitter.fire(timing);
  }

  private async save(requestId: number, annotations: AnnotationValues, base: AnnotationValues): Promise<void> {
    const reply = (r: SaveResult) => this.post({ type: 'saveResult', ...r });
    const backend = this.services.backends.current;
    if (!backend) {
      reply({ requestId, ok: false, error: vscode.l10n.t('You are signed out. Sign in to CBCM, then save again.') });
      this.host.offerSignIn(detailsSignInReason());
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
        const writer = this.services.operations.writer();
        if (!writer) {
          reply({ requestId, ok: false, error: vscode.l10n.t('You are signed out. Sign in to CBCM, then save again.') });
          this.host.offerSignIn(detailsSignInReason());
          return;
        }
        // Through the one write path: journalled as an operation of the change history (and undoable there).
        let outcome: AnnotationOutcome | undefined;
        this.ownWrite = true;
        try {
          await writer.operation(
            { action: 'annotate', title: vscode.l10n.t('Annotate {0}', current.machineName ?? this.deviceId), planned: 1 },
            async (op) => {
              outcome = await op.annotate(this.deviceId, remote, plan.result);
              return { done: op.tally.done, failed: op.tally.failed, notTried: 0 };
            },
          );
        } finally {
          this.ownWrite = false;
        }
        if (!outcome || outcome.status === 'failed') throw new Error(outcome?.reason ?? vscode.l10n.t('The save did not run.'));
        if (outcome.status === 'conflict') {
          // Changed again between the re-read above and the write path's own re-read.
          const browser = { ...current, ...outcome.browser };
          this.browser = browser;
          this.loadedAt = Date.now();
          reply({ requestId, ok: false, conflict: { fields: outcome.conflicts, remote: outcome.remote, browser } });
          return;
        }
        if (outcome.status === 'written') {
          // The PUT answer may be a BASIC projection: keep the FULL fields just read, but take the annotations
          // that were written — an empty one was cleared.
          saved = { ...current, ...outcome.browser };
          for (const k of ANNOTATION_KEYS) {
            if (outcome.after[k] === '') delete saved[k];
            else saved[k] = outcome.after[k];
          }
        }
        this.services.log.info(`Saved the annotations of browser ${this.deviceId}.`);
      }
      this.forgetDraft();
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
