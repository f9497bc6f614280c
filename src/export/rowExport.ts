// Streams a FULL (or BASIC) browser listing into an export of the columns the admin chose, one row per browser,
// per profile or per extension (the browser's columns repeated on each of its rows), or into JSON Lines of the
// whole records. Each batch is written and dropped before the next is read: memory holds one batch, never the
// fleet. Cells go through csvField, which quotes every field and neutralises spreadsheet formulas. No vscode import.
import type { Writable } from 'node:stream';
import type { BrowserInstall, BrowserProfile, ChromeBrowser } from '../api/types';
import { csvField, write } from './browserExport';
import type { ExportColumn, ExportRow, RowShape } from './columns';

export type ExportShape = RowShape | 'jsonl';

export interface ExportCounts {
  browsers: number;
  /** Data rows written (JSON Lines: one per browser). */
  rows: number;
}

const items = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v.filter((x) => x !== null && typeof x === 'object') : []);

/**
 * The rows of one browser. A profile is one `profiles[]` entry of one install (`browsers[]`); a browser without
 * profiles (or a profile without extensions) has no row in those shapes — "one row per extension" lists
 * extensions, and the browser shape lists every browser.
 */
export function* rowsOf(browser: ChromeBrowser, shape: RowShape): Generator<ExportRow> {
  if (shape === 'browser') {
    yield { browser };
    return;
  }
  for (const install of items<BrowserInstall>(browser.browsers)) {
    for (const profile of items<BrowserProfile>(install.profiles)) {
      if (shape === 'profile') yield { browser, install, profile };
      else for (const extension of items(profile.extensions)) yield { browser, install, profile, extension };
    }
  }
}

export function csvHeader(columns: readonly ExportColumn[]): string {
  return `${columns.map((c) => csvField(c.id)).join(',')}\n`;
}

export function csvLine(row: ExportRow, columns: readonly ExportColumn[]): string {
  return `${columns.map((c) => csvField(c.value(row))).join(',')}\n`;
}

/** CSV of the chosen columns in the chosen shape; resolves to what was written. The caller owns `out`. */
export async function writeRowExport(
  batches: AsyncIterable<readonly ChromeBrowser[]>,
  out: Writable,
  shape: RowShape,
  columns: readonly ExportColumn[],
  onProgress?: (c: ExportCounts) => void,
): Promise<ExportCounts> {
  if (columns.length === 0) throw new RangeError('An export needs at least one column.');
  const counts: ExportCounts = { browsers: 0, rows: 0 };
  await write(out, csvHeader(columns));
  for await (const batch of batches) {
    let chunk = '';
    for (const browser of batch) {
      counts.browsers++;
      for (const row of rowsOf(browser, shape)) {
        chunk += csvLine(row, columns);
        counts.rows++;
      }
    }
    await write(out, chunk);
    onProgress?.({ ...counts });
  }
  return counts;
}

/** One JSON record per line, as the API returned it (mapped to the domain names for v1). */
export async function writeJsonLines(
  batches: AsyncIterable<readonly ChromeBrowser[]>,
  out: Writable,
  onProgress?: (c: ExportCounts) => void,
): Promise<ExportCounts> {
  const counts: ExportCounts = { browsers: 0, rows: 0 };
  for await (const batch of batches) {
    let chunk = '';
    for (const browser of batch) chunk += `${JSON.stringify(browser)}\n`;
    counts.browsers += batch.length;
    counts.rows += batch.length;
    await write(out, chunk);
    onProgress?.({ ...counts });
  }
  return counts;
}
