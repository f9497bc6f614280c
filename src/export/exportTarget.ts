// The file name an export is written to. No vscode import.
//
// Save dialogs select only the stem of the proposed name ("cbcm-browsers-2026-…" of "cbcm-browsers-2026-….csv"),
// so an admin who types "x.csv" over it gets "x.csv.csv" (VS Code's own dialog, as in code-server, does exactly
// that; so do some native ones). A doubled extension of the chosen format is never what was meant.
import * as path from 'node:path';

/** "x.csv.csv" → "x.csv" (any letter case of the typed part); every other name is kept as it is. */
export function withSingleExtension(fileName: string, format: string): string {
  const ext = `.${format.toLowerCase()}`;
  const lower = fileName.toLowerCase();
  if (lower.endsWith(ext + ext) && fileName.length > 2 * ext.length) return fileName.slice(0, -ext.length);
  return fileName;
}

/** The same for a path of the `/`-separated kind URIs have. */
export function targetPath(uriPath: string, format: string): string {
  const base = path.posix.basename(uriPath);
  const fixed = withSingleExtension(base, format);
  return fixed === base ? uriPath : path.posix.join(path.posix.dirname(uriPath), fixed);
}
