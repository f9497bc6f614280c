import * as vscode from 'vscode';
import type { Services } from '../services';
import { DETAILS_VIEW_TYPE, DeviceDetailsPanel } from './deviceDetailsPanel';
import { deviceIdProblem, isDetailsPanelState, targetFromArgument, type OpenDetailsTarget } from './openTarget';

export const OPEN_DETAILS_COMMAND = 'cbcm.browser.openDetails';
const SIGN_IN_COMMAND = 'cbcm.auth.signInServiceAccount';

/** One panel per device; opening a device again reveals its panel. */
export class DeviceDetailsRegistry implements vscode.Disposable {
  private readonly panels = new Map<string, DeviceDetailsPanel>();

  constructor(private readonly services: Services) {}

  get(deviceId: string): DeviceDetailsPanel | undefined {
    return this.panels.get(deviceId);
  }

  open(target: OpenDetailsTarget): DeviceDetailsPanel {
    const existing = this.panels.get(target.deviceId);
    if (existing) {
      existing.reveal();
      return existing;
    }
    return this.track(DeviceDetailsPanel.create(this.services, target.deviceId, target.browser));
  }

  restore(panel: vscode.WebviewPanel, state: unknown): void {
    if (!isDetailsPanelState(state) || this.panels.has(state.deviceId)) {
      panel.dispose();
      return;
    }
    this.track(DeviceDetailsPanel.restore(panel, this.services, state.deviceId));
  }

  private track(p: DeviceDetailsPanel): DeviceDetailsPanel {
    this.panels.set(p.deviceId, p);
    p.onDidDispose(() => {
      if (this.panels.get(p.deviceId) === p) this.panels.delete(p.deviceId);
    });
    return p;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}

export function registerDeviceDetails(services: Services): void {
  const registry = new DeviceDetailsRegistry(services);
  services.context.subscriptions.push(
    registry,
    vscode.commands.registerCommand(OPEN_DETAILS_COMMAND, async (arg?: unknown) => {
      let target = targetFromArgument(arg);
      if (!target && arg !== undefined) {
        const problem = typeof arg === 'string' ? deviceIdProblem(arg) : undefined;
        void vscode.window.showErrorMessage(
          problem ?? 'Open Browser Details needs a browser: pick one in the CBCM view or run the command and enter its device ID.',
        );
        return undefined;
      }
      if (!target) {
        const id = await vscode.window.showInputBox({
          title: 'Open Browser Details',
          prompt: 'Device ID of the browser',
          placeHolder: 'e.g. 0a1b2c3d-…',
          ignoreFocusOut: true,
          validateInput: (v) => deviceIdProblem(v),
        });
        if (id === undefined) return undefined;
        target = { deviceId: id.trim() };
      }
      if (!services.backends.current && !registry.get(target.deviceId)) {
        const choice = await vscode.window.showWarningMessage('Sign in to CBCM to see browser details.', 'Sign in');
        if (choice === 'Sign in') await vscode.commands.executeCommand(SIGN_IN_COMMAND);
        if (!services.backends.current) return undefined;
      }
      registry.open(target);
      // Resolves to nothing: returning the panel would leak a non-serialisable object to callers.
      return undefined;
    }),
    vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => registry.restore(panel, state),
    }),
  );
}
