import * as vscode from 'vscode';
import type { ApiVersion } from './api/types';
import { boundSetting, OVERVIEW_STABLE_MAJOR, PAGE_SIZE, REQUEST_TIMEOUT_SECONDS } from './configurationBounds';

/**
 * The one place settings are read. Endpoint settings are `application`-scoped and listed under
 * `restrictedConfigurations`, so a workspace (trusted or not) cannot point credentials at another server.
 */
export interface CbcmConfiguration {
  /** Root of the Admin SDK (production `https://admin.googleapis.com`, or the emulator). */
  readonly apiBaseUrl: string;
  /** Which API serves browsers and tokens (`cbcm.apiVersion`); org units always come from the Directory API v1. */
  readonly apiVersion: ApiVersion;
  /**
   * Root of the Chrome Management API: production `https://chromemanagement.googleapis.com` while `apiBaseUrl` is
   * Google's, otherwise `apiBaseUrl` itself (a proxy or the emulator serves both APIs under one root).
   */
  readonly chromeManagementBaseUrl: string;
  readonly oauthTokenUrl: string;
  readonly oauthAuthUrl: string;
  readonly adminConsoleUrl: string;
  readonly accessLevel: 'readWrite' | 'readOnly';
  /** `cbcm.requestTimeoutSeconds`, clamped to 1–300 s. */
  readonly requestTimeoutMs: number;
  /** `cbcm.pageSize`, clamped to 1–100. */
  readonly pageSize: number;
  /** What was corrected while reading (out-of-range or malformed values), for the log. */
  readonly notes: readonly string[];
}

export const DEFAULTS = {
  apiBaseUrl: 'https://admin.googleapis.com',
  oauthTokenUrl: 'https://oauth2.googleapis.com/token',
  oauthAuthUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  adminConsoleUrl: 'https://admin.google.com',
  apiVersion: 'v1.1beta1',
  chromeManagementBaseUrl: 'https://chromemanagement.googleapis.com',
} as const;

export function readConfiguration(): CbcmConfiguration {
  const c = vscode.workspace.getConfiguration('cbcm');
  const trimSlash = (s: string) => s.replace(/\/+$/, '');
  const timeout = boundSetting('cbcm.requestTimeoutSeconds', c.get<unknown>('requestTimeoutSeconds'), REQUEST_TIMEOUT_SECONDS);
  const pageSize = boundSetting('cbcm.pageSize', c.get<unknown>('pageSize'), PAGE_SIZE);
  const apiBaseUrl = trimSlash(c.get<string>('apiBaseUrl', DEFAULTS.apiBaseUrl) || DEFAULTS.apiBaseUrl);
  return {
    apiBaseUrl,
    apiVersion: c.get<string>('apiVersion') === 'chromemanagement-v1' ? 'chromemanagement-v1' : 'v1.1beta1',
    chromeManagementBaseUrl: apiBaseUrl === DEFAULTS.apiBaseUrl ? DEFAULTS.chromeManagementBaseUrl : apiBaseUrl,
    oauthTokenUrl: c.get<string>('oauthTokenUrl', DEFAULTS.oauthTokenUrl) || DEFAULTS.oauthTokenUrl,
    oauthAuthUrl: c.get<string>('oauthAuthUrl', DEFAULTS.oauthAuthUrl) || DEFAULTS.oauthAuthUrl,
    adminConsoleUrl: trimSlash(c.get<string>('adminConsoleUrl', DEFAULTS.adminConsoleUrl) || DEFAULTS.adminConsoleUrl),
    accessLevel: c.get<string>('accessLevel') === 'readOnly' ? 'readOnly' : 'readWrite',
    requestTimeoutMs: timeout.value * 1000,
    pageSize: pageSize.value,
    notes: [timeout.note, pageSize.note].filter((n): n is string => n !== undefined),
  };
}

/** Settings that only change how a view draws: changing them must not rebuild the backend (that signs the views out). */
const VIEW_ONLY_SECTIONS = ['cbcm.overview', 'cbcm.browserRow'];
/** Every setting `readConfiguration()` reads. */
const BACKEND_SETTINGS = [
  'cbcm.apiBaseUrl',
  'cbcm.apiVersion',
  'cbcm.oauthTokenUrl',
  'cbcm.oauthAuthUrl',
  'cbcm.adminConsoleUrl',
  'cbcm.accessLevel',
  'cbcm.requestTimeoutSeconds',
  'cbcm.pageSize',
];

/** Fires when a `cbcm.*` setting changes, except when only view settings (`cbcm.overview.*`) did. */
export function onDidChangeConfiguration(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('cbcm')) return;
    const viewOnly = VIEW_ONLY_SECTIONS.some((s) => e.affectsConfiguration(s)) && !BACKEND_SETTINGS.some((s) => e.affectsConfiguration(s));
    if (!viewOnly) listener();
  });
}

/**
 * `cbcm.overview.stableMajor`, clamped to 0–999 (0: the overview assumes the stable major from the fleet). Read
 * apart from `readConfiguration()` because a change only redraws the overview: it must not reconnect the account.
 * May be set per workspace (a workspace for one org unit's fleet can pin its own).
 */
export function readOverviewStableMajor(): number {
  return boundSetting(
    'cbcm.overview.stableMajor',
    vscode.workspace.getConfiguration('cbcm').get<unknown>('overview.stableMajor'),
    OVERVIEW_STABLE_MAJOR,
  ).value;
}

/**
 * `cbcm.browserRow.description` as stored (validated and defaulted by the tree's browserRow.ts). A view setting:
 * a change redraws the rows and never reconnects the account.
 */
export function readBrowserRowDescription(): unknown {
  return vscode.workspace.getConfiguration('cbcm').get<unknown>('browserRow.description');
}

/** VS Code's own `workbench.list.openMode` ("singleClick" or "doubleClick"), which the details preview follows. */
export function readListOpenMode(): string | undefined {
  return vscode.workspace.getConfiguration('workbench.list').get<string>('openMode');
}

/**
 * How the UI names each API. The v1.1beta1 endpoints still work; the Chrome Management API v1 reference
 * (/work/shared/reference/chrome-management-api-v1.md, §7) says they keep working until Chrome 166, when Google removes them.
 */
export const API_VERSION_LABELS: Readonly<Record<ApiVersion, { short: string; long: string; note: string }>> = {
  'v1.1beta1': {
    short: 'Admin SDK v1.1beta1',
    long: 'Admin SDK Directory API v1.1beta1',
    note: 'works until Chrome 166, when Google removes these endpoints; switch "cbcm.apiVersion" to chromemanagement-v1 before then',
  },
  'chromemanagement-v1': {
    short: 'Chrome Management v1',
    long: 'Chrome Management API v1',
    note: 'the replacement of the v1.1beta1 endpoints',
  },
};
