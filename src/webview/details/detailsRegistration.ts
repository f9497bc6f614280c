import * as vscode from 'vscode';
import { readListOpenMode } from '../../configuration';
import type { Services } from '../../services';
import { offerSignIn } from '../../auth/signInGate';
import { lazyModule } from '../../util/lazyModule';
import type { DeviceDetailsPanel } from './detailsPanel';
import { DraftStore } from './draftStore';
import { OpenGestures, type OpenMode } from './openGesture';
import {
  detailsSignInReason,
  DETAILS_VIEW_TYPE,
  deviceIdProblem,
  isDetailsPanelState,
  targetFromArgument,
  type OpenDetailsTarget,
} from './openTarget';

/** The panel's host code loads when the first details panel opens, not at activation. */
const panelModule = lazyModule(() => import('./detailsPanel'));

export const OPEN_DETAILS_COMMAND = 'cbcm.browser.openDetails';
/** The tree item's command: a single click previews, a double click pins (see openGesture.ts). */
export const PREVIEW_DETAILS_COMMAND = 'cbcm.browser.previewDetails';
/** Bound to Enter in the explorer: opens the focused row as VS Code's own Enter would, pinned when it is a browser. */
export const OPEN_FOCUSED_COMMAND = 'cbcm.explorer.openFocused';
/** Bound to Ctrl+S / Cmd+S while a details panel is the focused editor. */
export const SAVE_DETAILS_COMMAND = 'cbcm.details.save';
/** Registered with the explorer commands; named here only to hand over to it. */
const FIND_BROWSER_COMMAND = 'cbcm.browser.find';

/**
 * The open details panels: one per device, plus at most one preview panel that single clicks reuse. Panels of
 * an account close when it signs out or another account becomes active (their unsaved edits stay as drafts).
 */
export class DeviceDetailsRegistry implements vscode.Disposable {
  private readonly panels = new Map<string, DeviceDetailsPanel>();
  private previewPanel: DeviceDetailsPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly drafts: DraftStore;

  constructor(private readonly services: Services) {
    this.drafts = new DraftStore(services.context.globalState);
    this.disposables.push(services.backends.onDidChange(() => this.accountChanged()));
  }

  get(deviceId: string): DeviceDetailsPanel | undefined {
    return this.panels.get(deviceId);
  }

  /** The panel that is the active editor, if any. */
  get active(): DeviceDetailsPanel | undefined {
    return [...this.panels.values()].find((p) => p.panel.active);
  }

  get all(): readonly DeviceDetailsPanel[] {
    return [...this.panels.values()];
  }

  async open(target: OpenDetailsTarget, mode: OpenMode = 'pinned', preserveFocus = mode === 'preview'): Promise<DeviceDetailsPanel> {
    // Everything after this await runs in one go: two quick clicks still share one preview panel.
    const { DeviceDetailsPanel } = await panelModule();
    const existing = this.panels.get(target.deviceId);
    if (existing) {
      if (mode === 'pinned') existing.pin();
      existing.reveal(preserveFocus);
      return existing;
    }
    const preview = this.previewPanel;
    if (mode === 'preview' && preview) {
      this.panels.delete(preview.deviceId);
      preview.showDevice(target);
      this.panels.set(target.deviceId, preview);
      preview.reveal(preserveFocus);
      return preview;
    }
    const created = this.track(DeviceDetailsPanel.create(this.services, this.drafts, target, { preview: mode === 'preview', preserveFocus }));
    if (mode === 'preview') this.previewPanel = created;
    return created;
  }

  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { DeviceDetailsPanel } = await panelModule();
    if (!isDetailsPanelState(state) || this.panels.has(state.deviceId)) {
      panel.dispose();
      return;
    }
    this.track(DeviceDetailsPanel.restore(panel, this.services, this.drafts, state.deviceId));
  }

  private track(p: DeviceDetailsPanel): DeviceDetailsPanel {
    this.panels.set(p.deviceId, p);
    p.onDidPin(() => {
      if (this.previewPanel === p) this.previewPanel = undefined;
    });
    p.onDidDispose(() => {
      if (this.panels.get(p.deviceId) === p) this.panels.delete(p.deviceId);
      if (this.previewPanel === p) this.previewPanel = undefined;
    });
    return p;
  }

  /** Another account's data must not stay on screen: close its panels; the others load again. */
  private accountChanged(): void {
    const now = this.services.backends.accountId;
    const stale = this.all.filter((p) => p.accountId !== undefined && p.accountId !== now);
    for (const p of this.all) if (!stale.includes(p)) p.reloadForAccount();
    if (stale.length === 0) return;
    const drafts = stale.filter((p) => p.isDirty).length;
    for (const p of stale) p.closeQuietly();
    const why = now === undefined ? 'signed out' : 'another account is active';
    this.services.log.info(`Closed ${stale.length} browser details panel(s): ${why}.${drafts ? ` ${drafts} kept unsaved edits as drafts.` : ''}`);
    const shown =
      now === undefined
        ? drafts
          ? vscode.l10n.t('$(info) Closed browser details (signed out); unsaved annotation edits are kept as drafts for that account.')
          : vscode.l10n.t('$(info) Closed browser details (signed out).')
        : drafts
          ? vscode.l10n.t('$(info) Closed browser details (another account is active); unsaved annotation edits are kept as drafts for that account.')
          : vscode.l10n.t('$(info) Closed browser details (another account is active).');
    vscode.window.setStatusBarMessage(shown, 8000);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}

/** The details commands and serializer over `registry` (created by the caller, which keeps it for tests). */
export function registerDeviceDetails(services: Services, registry: DeviceDetailsRegistry): vscode.Disposable[] {
  const gestures = new OpenGestures();
  return [
    vscode.commands.registerCommand(PREVIEW_DETAILS_COMMAND, async (arg?: unknown) => {
      const target = targetFromArgument(arg);
      if (!target) return undefined;
      const mode = gestures.classify(target.deviceId, readListOpenMode());
      // A preview leaves the focus in the tree (arrow keys, Ctrl+A and Delete keep working there); pinned takes it.
      await registry.open(target, mode);
      return undefined;
    }),
    vscode.commands.registerCommand(OPEN_FOCUSED_COMMAND, async () => {
      // The tree's own Enter: selects the focused row and runs its command (ours for a browser, which then pins).
      gestures.keyboardOpen();
      await vscode.commands.executeCommand('list.select');
    }),
    vscode.commands.registerCommand(SAVE_DETAILS_COMMAND, () => {
      const panel = registry.active;
      if (panel) panel.requestSave();
      else
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Save Annotations works in a browser details panel: open one from the CBCM Explorer.'),
        );
    }),
    vscode.commands.registerCommand(OPEN_DETAILS_COMMAND, async (arg?: unknown) => {
      const target = targetFromArgument(arg);
      if (!target && arg !== undefined) {
        const problem = typeof arg === 'string' ? deviceIdProblem(arg) : undefined;
        void vscode.window.showErrorMessage(
          problem ??
            vscode.l10n.t(
              'Open Browser Details needs a browser: pick one in the CBCM view, or run CBCM: Find Browser… and search by name, serial, user or device ID.',
            ),
        );
        return undefined;
      }
      if (!target) {
        // Admins rarely know a device ID: Find Browser searches by name, serial, user or asset ID (a pasted ID works too).
        await vscode.commands.executeCommand(FIND_BROWSER_COMMAND);
        return undefined;
      }
      if (!services.backends.current && !registry.get(target.deviceId)) {
        await offerSignIn(detailsSignInReason());
        if (!services.backends.current) return undefined;
      }
      await registry.open(target, 'pinned');
      // Resolves to nothing: returning the panel would leak a non-serialisable object to callers.
      return undefined;
    }),
    vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => registry.restore(panel, state),
    }),
  ];
}
