// The HTML shell of the fleet overview webview: the device panel's shell (html.ts: CSP, nonce, no inline code)
// with its own script, stylesheet and loading text. It carries no fleet data; figures arrive as messages and are
// drawn on canvases and written with textContent.
import { renderShell, type ShellOptions } from './html';

export type OverviewShellOptions = Omit<ShellOptions, 'loadingText'>;

export function renderOverviewShell(o: OverviewShellOptions): string {
  return renderShell({ ...o, loadingText: 'Loading the fleet overview…' });
}
