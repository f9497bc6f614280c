// "Import Annotations from CSV": reads a spreadsheet export (Excel, LibreOffice, Google Sheets: BOM, quoted
// fields, "," or ";" or tab, CRLF) with csv-parse, then matches each row to a browser by device id, serial number
// or machine name, and says per row what would change. Only the header mapping and the matching are ours: they
// are specific to this API's fields. csv-parse is required on first use: the bundle ships it as a separate file
// (esbuild.js), so it is not loaded at activation.
import type * as CsvParseSync from 'csv-parse/sync';
import { ANNOTATION_FIELDS, type AnnotationField } from '../api/types';
import type { AnnotationValues } from '../model/annotations';
import { l10n } from '../util/l10n';
import type { BulkTarget } from './bulkTargets';
import { interner } from '../util/intern';

export type ImportKey = 'deviceId' | 'serialNumber' | 'machineName';
const KEYS: readonly ImportKey[] = ['deviceId', 'serialNumber', 'machineName'];

/** Header spellings admins use, compared without case, spaces, "-" and "_". */
const HEADER_NAMES: Record<ImportKey | AnnotationField | 'orgUnitPath', string[]> = {
  deviceId: ['deviceid', 'device', 'id'],
  serialNumber: ['serialnumber', 'serial', 'serialno'],
  machineName: ['machinename', 'machine', 'hostname', 'computername', 'name'],
  annotatedUser: ['annotateduser', 'user', 'assigneduser'],
  annotatedLocation: ['annotatedlocation', 'location'],
  annotatedAssetId: ['annotatedassetid', 'assetid', 'asset', 'assettag'],
  annotatedNotes: ['annotatednotes', 'notes', 'note'],
  orgUnitPath: ['orgunitpath', 'orgunit', 'ou'],
};

export class CsvImportError extends Error {}

export interface ImportRow {
  /** 1-based line of the row in the file (the header is line 1), as the spreadsheet shows it. */
  line: number;
  key: string;
  /** Cells of annotation columns; an empty cell is absent (it changes nothing unless `emptyCellsClear`). */
  values: Partial<Record<AnnotationField, string>>;
  orgUnitPath?: string;
}

export interface ParsedImport {
  key: ImportKey;
  fields: AnnotationField[];
  hasOrgUnit: boolean;
  delimiter: string;
  rows: ImportRow[];
}

const squash = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** The delimiter of the header line: the one of "," ";" tab that occurs most outside quotes ("," if none). */
function detectDelimiter(text: string): string {
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const n = header.split(d).length - 1;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** Our own export puts an apostrophe before a leading formula trigger; read it back without. */
function unneutralise(cell: string): string {
  return /^'[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/.test(cell) ? cell.slice(1) : cell;
}

interface HeaderMap {
  key?: ImportKey;
  keyColumn: number;
  fields: AnnotationField[];
  columns: number[];
  ouColumn: number;
  names: string[];
}

function headerMap(cells: string[]): HeaderMap {
  const header = cells.map(squash);
  const column = (name: keyof typeof HEADER_NAMES) => header.findIndex((h) => HEADER_NAMES[name].includes(h));
  const key = KEYS.find((k) => column(k) >= 0);
  const fields = ANNOTATION_FIELDS.filter((f) => column(f) >= 0);
  return { key, keyColumn: key ? column(key) : -1, fields, columns: fields.map(column), ouColumn: column('orgUnitPath'), names: cells };
}

export function parseAnnotationCsv(text: string): ParsedImport {
  const delimiter = detectDelimiter(text);
  let header: HeaderMap | undefined;
  let recordIndex = 0;
  // Repeated cells (a location, an org unit, "returned") as one string each.
  const intern = interner();
  // Each record becomes its ImportRow as csv-parse reads it, so its arrays of cells never pile up for the file.
  const toRow = (record: string[]): ImportRow | null => {
    const line = ++recordIndex;
    if (!header) {
      header = headerMap(record);
      return null;
    }
    if (!header.key || (header.fields.length === 0 && header.ouColumn < 0)) return null;
    const cells = record.map(unneutralise);
    if (cells.every((c) => c.trim() === '')) return null;
    const values: ImportRow['values'] = {};
    header.fields.forEach((f, j) => {
      const v = cells[header!.columns[j]];
      if (v !== undefined && v !== '') values[f] = intern(v);
    });
    const ou = header.ouColumn >= 0 ? cells[header.ouColumn]?.trim() : undefined;
    return { line, key: (cells[header.keyColumn] ?? '').trim(), values, orgUnitPath: ou ? intern(ou) : undefined };
  };
  let rows: ImportRow[];
  try {
    // A require() on purpose (see the top of the file): an import statement would load csv-parse at activation.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('csv-parse/sync') as typeof CsvParseSync;
    // csv-parse's types allow on_record to return only a record of cells; it passes on whatever it returns.
    const onRecord = toRow as unknown as (record: string[]) => string[] | null;
    rows = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, on_record: onRecord }) as unknown as ImportRow[];
  } catch (e) {
    throw new CsvImportError(l10n.t('The file is not valid CSV: {0}. Save it again as CSV (UTF-8) from your spreadsheet.', (e as Error).message));
  }
  const h = header;
  if (!h) throw new CsvImportError(l10n.t('The file is empty. It needs a header row, e.g. "serialNumber,annotatedAssetId".'));
  if (!h.key) {
    throw new CsvImportError(
      l10n.t('No column identifies the browsers. Add one named deviceId, serialNumber or machineName (found: {0}).', h.names.join(', ')),
    );
  }
  if (h.fields.length === 0 && h.ouColumn < 0) {
    throw new CsvImportError(
      l10n.t(
        'No column to import. Add one or more of annotatedUser, annotatedLocation, annotatedAssetId, annotatedNotes or orgUnitPath (found: {0}).',
        h.names.join(', '),
      ),
    );
  }
  return { key: h.key, fields: h.fields, hasOrgUnit: h.ouColumn >= 0, delimiter, rows };
}

/** Lookups of the account's browsers for matching (built from one BASIC listing with annotations). */
export interface FleetIndex {
  byId: Map<string, BulkTarget>;
  /** Lower-cased serial number → the device id, or the ids when several browsers share it (kept as one string
   * in the common case: 100,000 one-element arrays would cost ~5 MB per map). */
  bySerial: Map<string, string | string[]>;
  byName: Map<string, string | string[]>;
}

/** The device ids `key` names in one of the index's maps (lower-cased key). */
export function idsFor(m: ReadonlyMap<string, string | string[]>, key: string): readonly string[] {
  const v = m.get(key.toLowerCase());
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

/**
 * The lookups of `targets`; with `key`, only the one a file keyed that way needs (matching by serial number
 * never looks at machine names, and 100,000 lower-cased names cost ~6 MB).
 */
export function buildFleetIndex(targets: Iterable<BulkTarget>, key?: ImportKey): FleetIndex {
  const index: FleetIndex = { byId: new Map(), bySerial: new Map(), byName: new Map() };
  const add = (m: Map<string, string | string[]>, k: string | undefined, id: string) => {
    if (!k) return;
    const lower = k.trim().toLowerCase();
    const known = m.get(lower);
    if (known === undefined) m.set(lower, id);
    else if (typeof known === 'string') m.set(lower, [known, id]);
    else known.push(id);
  };
  const serials = key === undefined || key === 'serialNumber';
  const names = key === undefined || key === 'machineName';
  for (const t of targets) {
    index.byId.set(t.deviceId, t);
    if (serials) add(index.bySerial, t.serialNumber, t.deviceId);
    if (names) add(index.byName, t.machineName, t.deviceId);
  }
  return index;
}

export type RowStatus = 'change' | 'unchanged' | 'noMatch' | 'ambiguous' | 'invalid' | 'duplicate';

export interface FieldChangePreview {
  field: AnnotationField | 'orgUnitPath';
  from: string;
  to: string;
}

/** One row of the preview as the preview and the apply use it; built on demand from ImportPreview (importPreview.ts). */
export interface PreviewRow {
  line: number;
  key: string;
  status: RowStatus;
  deviceId?: string;
  /** More than one browser has this key (a machine name used twice). */
  candidates?: string[];
  changes: FieldChangePreview[];
  /** Why the row is invalid, unmatched or ambiguous, in words. */
  problem?: string;
  /** What the browser should hold after the import (all four fields), for the write. */
  after?: AnnotationValues;
}

export interface MatchOptions {
  /** An empty cell clears the field (default: an empty cell leaves it as it is). */
  emptyCellsClear?: boolean;
  /** Org units that exist (paths); an unknown path makes the row invalid. */
  orgUnits?: ReadonlySet<string>;
}
