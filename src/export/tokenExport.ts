// Streams the enrollment tokens of the account or of one org unit to CSV or JSON Lines. No vscode import.
//
// The token value IS in the file. Admins export tokens to enroll machines (a deployment script or an MDM
// profile needs the value), and the file is written only where the admin chose in the save dialog, after asking
// for it. The rule that token values never reach settings, globalState, workspaceState, logs or error text still
// holds: nothing here logs, and the callers log only the count and the path.
import type { Writable } from 'node:stream';
import type { EnrollmentToken, TokenListPage } from '../api/types';
import { csvField, write } from './browserExport';

export type TokenExportFormat = 'csv' | 'jsonl';

/** Every field of the normalised token (v1.1beta1 and v1 map onto it; v1 has no expiry fields). */
export const TOKEN_COLUMNS: readonly (keyof EnrollmentToken)[] = [
  'tokenPermanentId',
  'token',
  'orgUnitPath',
  'state',
  'tokenType',
  'createTime',
  'creatorId',
  'expireTime',
  'ttl',
  'revokeTime',
  'revokerId',
  'customerId',
  'tokenId',
];

/** Resolves to the number of tokens written. The caller owns `out`. */
export async function writeTokenExport(
  pages: AsyncIterable<TokenListPage>,
  out: Writable,
  format: TokenExportFormat,
  onProgress?: (written: number) => void,
): Promise<number> {
  let written = 0;
  if (format === 'csv') await write(out, `${TOKEN_COLUMNS.map(csvField).join(',')}\n`);
  for await (const page of pages) {
    let chunk = '';
    for (const t of page.tokens) {
      chunk += format === 'csv' ? `${TOKEN_COLUMNS.map((c) => csvField(t[c])).join(',')}\n` : `${JSON.stringify(pick(t))}\n`;
      written++;
    }
    await write(out, chunk);
    onProgress?.(written);
  }
  return written;
}

/** The documented fields only, in column order (no extra properties a backend might carry). */
function pick(t: EnrollmentToken): Partial<EnrollmentToken> {
  const out: Record<string, unknown> = {};
  for (const c of TOKEN_COLUMNS) if (t[c] !== undefined) out[c] = t[c];
  return out;
}
