// What `cbcm.browser.openDetails` accepts and how the panel is titled. Pure (no vscode import) so the
// rules are unit-tested in Node.
import type { ChromeBrowser } from '../../api/types';
import { l10n } from '../../util/l10n';

/** Here rather than in detailsPanel.ts: the registration needs them at activation, the panel only on first use. */
export const DETAILS_VIEW_TYPE = 'cbcm.deviceDetails';
export const detailsSignInReason = (): string => l10n.t('Sign in to CBCM to see browser details.');

/** A device id, or a tree node / object carrying one (tree nodes also carry the BASIC `browser`). */
export interface OpenDetailsTarget {
  deviceId: string;
  browser?: ChromeBrowser;
}

/** Device ids go into a URL path: refuse what cannot be one, with a hint. */
export function deviceIdProblem(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return l10n.t('Enter the device ID of a browser (shown in the browser list and in the Admin console).');
  if (/[\s/?#\\]/.test(v)) return l10n.t('A device ID has no spaces, slashes, "?" or "#". Copy it from the browser list.');
  if (v.length > 200) return l10n.t('That is too long for a device ID. Copy it from the browser list.');
  return undefined;
}

export function targetFromArgument(arg: unknown): OpenDetailsTarget | undefined {
  if (typeof arg === 'string') return deviceIdProblem(arg) ? undefined : { deviceId: arg.trim() };
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as { deviceId?: unknown; browser?: unknown };
  const browser = typeof o.browser === 'object' && o.browser !== null ? (o.browser as ChromeBrowser) : undefined;
  const id = typeof o.deviceId === 'string' ? o.deviceId : browser?.deviceId;
  if (typeof id !== 'string' || deviceIdProblem(id)) return undefined;
  return browser && browser.deviceId === id ? { deviceId: id.trim(), browser } : { deviceId: id.trim() };
}

/** What the tab title says beyond the name: VS Code marks neither preview nor unsaved webview tabs itself. */
export interface TitleState {
  /** Unsaved annotation edits: "●" in front, like an unsaved file. */
  dirty?: boolean;
  /** The reused single-click tab. */
  preview?: boolean;
  deleted?: boolean;
}

/** The tab title shows device data: strip characters that would disguise it and keep it short. */
export function panelTitle(browser: Pick<ChromeBrowser, 'deviceId' | 'machineName'> | undefined, deviceId: string, state: TitleState = {}): string {
  const raw = (typeof browser?.machineName === 'string' && browser.machineName.trim()) || deviceId;
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const short = [...clean].length > 60 ? `${[...clean].slice(0, 59).join('')}…` : clean;
  const name = short || deviceId;
  const title = state.deleted
    ? l10n.t('Browser: {0} (deleted)', name)
    : state.preview
      ? l10n.t('Browser: {0} (preview)', name)
      : l10n.t('Browser: {0}', name);
  return `${state.dirty ? '● ' : ''}${title}`;
}

/** Only the device id survives a reload; the data is fetched again (it is untrusted and may be stale). */
export interface DetailsPanelState {
  deviceId: string;
}

export function isDetailsPanelState(v: unknown): v is DetailsPanelState {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { deviceId?: unknown }).deviceId === 'string' &&
    !deviceIdProblem((v as { deviceId: string }).deviceId)
  );
}
