// What activate() returns. Tests in the real VS Code reach the extension's live objects through `testing`
// instead of a fake `vscode` module; nothing here changes behaviour.
import type * as vscode from 'vscode';
import type { AuthTestingHooks } from './auth/testingHooks';
import type { modalTesting } from './commands/confirm';
import type { Services } from './services';
import type { ExplorerProvider } from './tree/explorerProvider';
import type { ExplorerNode } from './tree/nodes/explorerNode';
import type { DeviceDetailsRegistry } from './webview/details/detailsRegistration';

export interface CbcmTestingApi {
  readonly services: Services;
  readonly explorer: ExplorerProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  /** Sign-in internals for test/vscode/suite/auth*.test.ts; undefined in Production mode. */
  readonly auth: AuthTestingHooks | undefined;
  /** Sees and answers the modal confirmations of writes (delete, move) instead of the admin; `answerWith(undefined)` stops. */
  readonly modal: typeof modalTesting;
  /** The open device-details panels (a test saves through one as its form would). */
  readonly details?: DeviceDetailsRegistry;
  /** How long activate() took (ms), for the activation benchmark. */
  readonly activateMs?: number;
}

export interface CbcmExtensionApi {
  /** undefined in Production mode (an installed .vsix): other extensions can read `exports`. */
  readonly testing: CbcmTestingApi | undefined;
}
