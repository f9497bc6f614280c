import type * as vscode from 'vscode';
import type { CbcmBackend } from './api/backend';
import type { ChromeBrowser } from './api/types';
import type { BrowserWrite } from './api/writeEvents';
import type { FleetOperations } from './operationsService';

/** The backend of the active account; the UI asks here and never builds HTTP clients itself. */
export interface BackendProvider {
  /** undefined while signed out. */
  readonly current: CbcmBackend | undefined;
  /** Who is signed in (admin e-mail or service-account subject), for the change history. */
  readonly accountLabel: string | undefined;
  /** True when the active account was signed in read-only (whatever cbcm.accessLevel says now). */
  readonly readOnly: boolean;
  /**
   * The active account's id (no secret: it names the admin and the key's client), undefined while signed out.
   * Data shown for one account must not stay on screen for another: views compare it on `onDidChange`.
   */
  readonly accountId: string | undefined;
  /** Fires when the active account, its credentials or the endpoint settings change. */
  readonly onDidChange: vscode.Event<void>;
  /** Fires after `current` changed browsers (annotations, move, delete), whoever asked it to. */
  readonly onDidWriteBrowsers: vscode.Event<BrowserWrite>;
}

/**
 * A complete listing without a filter that a view other than the tree made (the fleet overview): the tree's org
 * unit counts take it. `browsers` need only `deviceId` and `orgUnitPath`.
 */
export interface CompleteFleetListing {
  /** The account it was listed with: counts of another account are dropped. */
  readonly accountId: string | undefined;
  /** The org unit listed; undefined for the whole account. */
  readonly orgUnitPath?: string;
  /**
   * True when the listing is known to have held the org unit's sub-units too (the API read its org unit filter
   * as 'subtree'), so the sub-units were counted as well; false when only the org unit itself can be trusted.
   */
  readonly includesSubUnits: boolean;
  readonly browsers: readonly Pick<ChromeBrowser, 'deviceId' | 'orgUnitPath'>[];
}

/** What every UI module receives from activate(). */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly backends: BackendProvider;
  /** Fired after the extension changed a browser (annotations saved, moved) so every view updates it in place. */
  readonly onDidChangeBrowser: vscode.Event<ChromeBrowser>;
  fireBrowserChanged(browser: ChromeBrowser): void;
  /** Fired when a view completed an unfiltered listing (the overview), so the tree's org unit counts follow. */
  readonly onDidCompleteFleetListing: vscode.Event<CompleteFleetListing>;
  fireFleetListingCompleted(listing: CompleteFleetListing): void;
  /** The change history and the one write path that records into it. */
  readonly operations: FleetOperations;
}
