// Where an export is written. A `file:` target (a disk where the extension runs, including the remote side when the
// extension runs there) gets a partial file next to it, created exclusively and never through a symlink
// (partialFile.ts), renamed into place when complete. Any other target — a folder of the remote side while the
// extension runs locally (`vscode-remote:`), a virtual file system — is written through `vscode.workspace.fs`:
// the listing streams into an exclusive partial file in this machine's temp folder, which `workspace.fs.copy`
// puts into place when complete. workspace.fs has no exclusive-create or no-follow flag, so there the guarantees
// are what its API allows: the leftover of a failed export is copied with `overwrite: false` under a random name,
// and nothing is ever written at a predictable `.partial` name on the other side.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import * as vscode from 'vscode';
import { createPartialFile, randomSuffix, type PartialFile } from './partialFile';

export interface ExportDestination {
  readonly stream: Writable;
  /** Puts the complete file at the target. */
  finish(): Promise<void>;
  /** After a failure: keeps what was written, next to the target; resolves to where it is (for the message). */
  keepPartial(): Promise<string>;
  /** After a cancellation: leaves nothing behind. */
  discard(): Promise<void>;
}

export async function openExportDestination(target: vscode.Uri): Promise<ExportDestination> {
  return target.scheme === 'file' ? localDestination(target) : workspaceFsDestination(target);
}

async function localDestination(target: vscode.Uri): Promise<ExportDestination> {
  const partial = await createPartialFile(target.fsPath);
  return {
    stream: partial.stream,
    finish: () => partial.commit(target.fsPath),
    keepPartial: async () => {
      await partial.close().catch(() => undefined); // a write error already ended the stream
      return partial.path;
    },
    discard: () => partial.discard(),
  };
}

async function workspaceFsDestination(target: vscode.Uri): Promise<ExportDestination> {
  const local: PartialFile = await createPartialFile(path.join(os.tmpdir(), `cbcm-export-${path.posix.basename(target.path)}`));
  const localUri = vscode.Uri.file(local.path);
  return {
    stream: local.stream,
    async finish() {
      await local.close();
      // The admin confirmed replacing an existing target in the save dialog. On failure the local file stays for keepPartial().
      await vscode.workspace.fs.copy(localUri, target, { overwrite: true });
      await local.discard();
    },
    async keepPartial() {
      await local.close().catch(() => undefined);
      const kept = target.with({ path: `${target.path}.${randomSuffix()}.partial` });
      try {
        await vscode.workspace.fs.copy(localUri, kept, { overwrite: false });
        await local.discard();
        return kept.toString(true);
      } catch {
        return local.path; // the other side refused it: what was fetched stays in this machine's temp folder
      }
    },
    discard: () => local.discard(),
  };
}
