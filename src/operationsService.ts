// The change history of this machine (one journal in the extension's global storage) and the write path for
// the active account. Every write the UI makes goes through `writer()`, so it is journalled and the views hear
// about it.
import * as vscode from 'vscode';
import type { ChromeBrowser } from './api/types';
import { FleetWriter } from './operations/fleetWriter';
import { ChangeJournal } from './operations/journal';
import type { BackendProvider } from './services';

export class FleetOperations implements vscode.Disposable {
  readonly journal: ChangeJournal;
  private readonly recorded = new vscode.EventEmitter<void>();
  /** Fires after an operation was written to the history. */
  readonly onDidRecord = this.recorded.event;

  constructor(
    storage: vscode.Uri,
    private readonly backends: BackendProvider,
    private readonly browserChanged: (b: ChromeBrowser) => void,
  ) {
    this.journal = new ChangeJournal({ directory: storage.fsPath });
  }

  /** The write path of the active account; undefined while signed out. */
  writer(): FleetWriter | undefined {
    const backend = this.backends.current;
    // A read-only sign-in never writes: the commands say why first; this keeps any other path from trying.
    if (!backend || this.backends.readOnly) return undefined;
    return new FleetWriter(backend, this.journal, this.backends.accountLabel ?? 'unknown account', {
      changed: (b) => this.browserChanged(b),
      recorded: () => this.recorded.fire(),
    });
  }

  dispose(): void {
    this.recorded.dispose();
  }
}
