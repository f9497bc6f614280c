// Streams a browser listing to CSV or JSON without holding the fleet in memory. No vscode import.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { BrowserListPage, ChromeBrowser } from '../api/types';
import { csvField } from './csvField';

// Re-exported: callers and tests know it from here.
export { csvField };

export type ExportFormat = 'csv' | 'json';

export const EXPORT_COLUMNS: readonly (keyof ChromeBrowser)[] = [
  'deviceId',
  'machineName',
  'orgUnitPath',
  'osPlatform',
  'osPlatformVersion',
  'osVersion',
  'osArchitecture',
  'browserVersions',
  'lastActivityTime',
  'lastRegistrationTime',
  'lastPolicyFetchTime',
  'lastStatusReportTime',
  'lastDeviceUser',
  'serialNumber',
  'virtualDeviceId',
  'annotatedUser',
  'annotatedLocation',
  'annotatedAssetId',
  'annotatedNotes',
  'extensionCount',
  'policyCount',
  'safeBrowsingClickThroughCount',
];

export function csvRow(browser: ChromeBrowser): string {
  return EXPORT_COLUMNS.map((c) => csvField(browser[c])).join(',');
}

/** Writes with back-pressure: waits for "drain" when the stream's buffer is full, so a slow disk pauses the listing. */
export async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes every page as it arrives; returns the number of browsers written. The caller owns `out`. */
export async function writeBrowserExport(
  pages: AsyncIterable<BrowserListPage>,
  out: Writable,
  format: ExportFormat,
  onProgress?: (written: number) => void,
): Promise<number> {
  let written = 0;
  await write(out, format === 'csv' ? `${EXPORT_COLUMNS.map(csvField).join(',')}\n` : '[\n');
  for await (const page of pages) {
    let chunk = '';
    for (const browser of page.browsers) {
      chunk += format === 'csv' ? `${csvRow(browser)}\n` : `${written > 0 ? ',\n' : ''}${JSON.stringify(browser)}`;
      written++;
    }
    await write(out, chunk);
    onProgress?.(written);
  }
  if (format === 'json') await write(out, '\n]\n');
  return written;
}
