// "Import Annotations from CSV": reads a spreadsheet export (Excel, LibreOffice, Google Sheets: BOM, quoted
// fields, "," or ";" or tab, CRLF) with csv-parse, then matches each row to a browser by device id, serial number
// or machine name, and says per row what would change. Only the header mapping and the matching are ours: they
// are specific to this API's fields. csv-parse is required on first use: the bundle ships it as a separate file
// (esbuild.js), so it is not loaded at activation.
import type * as CsvParseSync from 'csv-parse/sync';
import { ANNOTATION_FIELDS, type AnnotationField } from '../api/types';
import { ANNOTATION_LABELS, normalizeAnnotation, validateAnnotation } from '../model/annotations';
import type { AnnotationValues } from '../model/annotations';
import { l10n } from '../util/l10n';
import type { BulkTarget } from './bulkTargets';

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

export function parseAnnotationCsv(text: string): ParsedImport {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    // A require() on purpose (see the top of the file): an import statement would load csv-parse at activation.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('csv-parse/sync') as typeof CsvParseSync;
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    throw new CsvImportError(l10n.t('The file is not valid CSV: {0}. Save it again as CSV (UTF-8) from your spreadsheet.', (e as Error).message));
  }
  if (records.length === 0) throw new CsvImportError(l10n.t('The file is empty. It needs a header row, e.g. "serialNumber,annotatedAssetId".'));
  const header = records[0].map(squash);
  const column = (name: keyof typeof HEADER_NAMES) => header.findIndex((h) => HEADER_NAMES[name].includes(h));
  const key = KEYS.find((k) => column(k) >= 0);
  if (!key) {
    throw new CsvImportError(
      l10n.t('No column identifies the browsers. Add one named deviceId, serialNumber or machineName (found: {0}).', records[0].join(', ')),
    );
  }
  const fields = ANNOTATION_FIELDS.filter((f) => column(f) >= 0);
  const ouColumn = column('orgUnitPath');
  if (fields.length === 0 && ouColumn < 0) {
    throw new CsvImportError(
      l10n.t(
        'No column to import. Add one or more of annotatedUser, annotatedLocation, annotatedAssetId, annotatedNotes or orgUnitPath (found: {0}).',
        records[0].join(', '),
      ),
    );
  }
  const keyColumn = column(key);
  const rows: ImportRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i].map(unneutralise);
    if (cells.every((c) => c.trim() === '')) continue;
    const values: ImportRow['values'] = {};
    for (const f of fields) {
      const v = cells[column(f)];
      if (v !== undefined && v !== '') values[f] = v;
    }
    const ou = ouColumn >= 0 ? cells[ouColumn]?.trim() : undefined;
    rows.push({ line: i + 1, key: (cells[keyColumn] ?? '').trim(), values, orgUnitPath: ou || undefined });
  }
  return { key, fields, hasOrgUnit: ouColumn >= 0, delimiter, rows };
}

/** Lookups of the account's browsers for matching (built from one BASIC listing with annotations). */
export interface FleetIndex {
  byId: Map<string, BulkTarget>;
  bySerial: Map<string, string[]>;
  byName: Map<string, string[]>;
}

export function buildFleetIndex(targets: Iterable<BulkTarget>): FleetIndex {
  const index: FleetIndex = { byId: new Map(), bySerial: new Map(), byName: new Map() };
  const add = (m: Map<string, string[]>, k: string | undefined, id: string) => {
    if (!k) return;
    const key = k.trim().toLowerCase();
    const list = m.get(key);
    if (list) list.push(id);
    else m.set(key, [id]);
  };
  for (const t of targets) {
    index.byId.set(t.deviceId, t);
    add(index.bySerial, t.serialNumber, t.deviceId);
    add(index.byName, t.machineName, t.deviceId);
  }
  return index;
}

export type RowStatus = 'change' | 'unchanged' | 'noMatch' | 'ambiguous' | 'invalid' | 'duplicate';

export interface FieldChangePreview {
  field: AnnotationField | 'orgUnitPath';
  from: string;
  to: string;
}

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

export function matchImport(parsed: ParsedImport, index: FleetIndex, options: MatchOptions = {}): PreviewRow[] {
  const claimed = new Map<string, number>();
  return parsed.rows.map((row) => {
    const base = { line: row.line, key: row.key, changes: [] as FieldChangePreview[] };
    if (!row.key) return { ...base, status: 'invalid' as const, problem: l10n.t('The {0} cell is empty.', parsed.key) };
    const ids =
      parsed.key === 'deviceId'
        ? index.byId.has(row.key)
          ? [row.key]
          : []
        : ((parsed.key === 'serialNumber' ? index.bySerial : index.byName).get(row.key.toLowerCase()) ?? []);
    if (ids.length === 0) return { ...base, status: 'noMatch' as const, problem: l10n.t('No browser has {0} "{1}".', parsed.key, row.key) };
    if (ids.length > 1)
      return {
        ...base,
        status: 'ambiguous' as const,
        candidates: ids,
        problem: l10n.t('{0} browsers have {1} "{2}"; use deviceId for them.', ids.length, parsed.key, row.key),
      };
    const deviceId = ids[0];
    const first = claimed.get(deviceId);
    if (first !== undefined)
      return { ...base, deviceId, status: 'duplicate' as const, problem: l10n.t('Line {0} already sets this browser.', first) };
    claimed.set(deviceId, row.line);
    const target = index.byId.get(deviceId)!;
    const current = target.annotations!;
    const after = { ...current };
    const changes: FieldChangePreview[] = [];
    for (const f of parsed.fields) {
      const raw = row.values[f];
      if (raw === undefined && !options.emptyCellsClear) continue;
      const v = normalizeAnnotation(f, raw ?? '');
      const problem = validateAnnotation(f, v);
      if (problem) return { ...base, deviceId, status: 'invalid' as const, problem: l10n.t('{0}: {1}', ANNOTATION_LABELS[f], problem) };
      if (v !== current[f]) changes.push({ field: f, from: current[f], to: v });
      after[f] = v;
    }
    if (row.orgUnitPath && row.orgUnitPath !== target.orgUnitPath) {
      if (options.orgUnits && !options.orgUnits.has(row.orgUnitPath)) {
        return { ...base, deviceId, status: 'invalid' as const, problem: l10n.t('There is no org unit "{0}".', row.orgUnitPath) };
      }
      changes.push({ field: 'orgUnitPath', from: target.orgUnitPath ?? '', to: row.orgUnitPath });
    }
    return { ...base, deviceId, status: changes.length ? ('change' as const) : ('unchanged' as const), changes, after };
  });
}

/** Counts per status, for the preview's filters and the confirmation. */
export function countByStatus(rows: readonly PreviewRow[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { change: 0, unchanged: 0, noMatch: 0, ambiguous: 0, invalid: 0, duplicate: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
