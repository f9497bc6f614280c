import * as vscode from 'vscode';
import { keyTooLargeError, MAX_KEY_FILE_BYTES } from './keyValidation';
import { AuthError } from './tokenErrors';

/**
 * Reads a service-account key file through `workspace.fs` (so a key on the remote side of a remote window can be
 * picked too), refusing one over MAX_KEY_FILE_BYTES from its size alone, before reading it.
 */
export async function readKeyFile(uri: vscode.Uri): Promise<string> {
  let bytes: Uint8Array;
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_KEY_FILE_BYTES) throw keyTooLargeError(size);
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    if (err instanceof AuthError) throw err;
    throw new AuthError(
      'invalidKey',
      vscode.l10n.t('Cannot read the key file {0}. Check the path.', uri.scheme === 'file' ? uri.fsPath : uri.toString(true)),
      'chooseAnotherKey',
    );
  }
  if (bytes.byteLength > MAX_KEY_FILE_BYTES) throw keyTooLargeError(bytes.byteLength); // it grew meanwhile
  return new TextDecoder('utf-8').decode(bytes);
}
