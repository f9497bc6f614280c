// The local change history: an append-only JSON Lines file in the extension's global storage. Every record is
// written whole with one append, so a crash can at worst tear the last line, which reading ignores. When the file
// grows past its cap, it is renamed to an archive at the start of the next operation (whole operations move,
// none is dropped), and a fresh file begins.
import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import {
  isJournalRecord,
  withoutSecrets,
  type EndRecord,
  type ItemRecord,
  type JournalOperation,
  type JournalRecord,
  type OperationRecord,
} from './journalRecords';
import { clock } from '../util/clock';

export const JOURNAL_FILE = 'change-history.jsonl';
const ARCHIVE_PREFIX = 'change-history-archive-';
export const DEFAULT_JOURNAL_CAP_BYTES = 20 * 1024 * 1024;

export interface JournalOptions {
  /** A folder only this extension writes (context.globalStorageUri.fsPath). */
  directory: string;
  capBytes?: number;
  now?: () => Date;
}

export interface JournalReadResult {
  operations: JournalOperation[];
  /** Lines that could not be read (a torn last line after a crash, or damage); they are skipped. */
  skippedLines: number;
}

export class ChangeJournal {
  private readonly file: string;
  private readonly capBytes: number;
  private readonly now: () => Date;
  /** Appends run one after another, so lines never interleave within this window. */
  private queue: Promise<void> = Promise.resolve();
  /** Whether this instance checked that the file ends with a line break (a crash may have torn the last line). */
  private tailChecked = false;

  constructor(private readonly options: JournalOptions) {
    this.file = path.join(options.directory, JOURNAL_FILE);
    this.capBytes = options.capBytes ?? DEFAULT_JOURNAL_CAP_BYTES;
    this.now = options.now ?? (() => clock.date());
  }

  get filePath(): string {
    return this.file;
  }

  /** Starts an operation; archives the file first when it is over its cap. */
  async begin(fields: Omit<OperationRecord, 't' | 'op' | 'at'>): Promise<OperationRecord> {
    const record: OperationRecord = { t: 'op', op: randomUUID(), at: this.now().toISOString(), ...fields };
    await this.enqueue(async () => {
      await this.archiveIfFull();
      await this.appendLines([record]);
    });
    return record;
  }

  async items(op: string, items: Omit<ItemRecord, 't' | 'op' | 'at'>[]): Promise<void> {
    if (items.length === 0) return;
    const at = this.now().toISOString();
    await this.enqueue(() => this.appendLines(items.map((i) => ({ t: 'item' as const, op, at, ...i }))));
  }

  async end(op: string, fields: Omit<EndRecord, 't' | 'op' | 'at'>): Promise<void> {
    await this.enqueue(() => this.appendLines([{ t: 'end', op, at: this.now().toISOString(), ...fields }]));
  }

  /** The current file's operations, oldest first. */
  async read(): Promise<JournalReadResult> {
    await this.queue;
    return readJournalFile(this.file);
  }

  /** Archive files, newest first (each can be read with readJournalFile). */
  async archives(): Promise<string[]> {
    const names = await fs.readdir(this.options.directory).catch(() => [] as string[]);
    return names
      .filter((n) => n.startsWith(ARCHIVE_PREFIX))
      .sort()
      .reverse()
      .map((n) => path.join(this.options.directory, n));
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async appendLines(records: JournalRecord[]): Promise<void> {
    await fs.mkdir(this.options.directory, { recursive: true });
    let text = records.map((r) => JSON.stringify(withoutSecrets(r)) + '\n').join('');
    // After a torn last line, start on a fresh line, or the first new record would be glued to the torn one.
    if (!this.tailChecked) {
      if (await this.endsMidLine()) text = '\n' + text;
      this.tailChecked = true;
    }
    // One append per call: the records of a batch land together or (torn by a crash) the last line is cut.
    await fs.appendFile(this.file, text, { encoding: 'utf8', mode: 0o600 });
  }

  private async endsMidLine(): Promise<boolean> {
    const handle = await fs.open(this.file, 'r').catch(() => undefined);
    if (!handle) return false;
    try {
      const { size } = await handle.stat();
      if (size === 0) return false;
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last[0] !== 0x0a;
    } finally {
      await handle.close();
    }
  }

  private async archiveIfFull(): Promise<void> {
    const size = await fs.stat(this.file).then(
      (s) => s.size,
      () => 0,
    );
    if (size <= this.capBytes) return;
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    await fs.rename(this.file, path.join(this.options.directory, `${ARCHIVE_PREFIX}${stamp}.jsonl`));
    this.tailChecked = true; // a new file
  }
}

/** Reads one journal file; missing file = empty history. */
export async function readJournalFile(file: string): Promise<JournalReadResult> {
  const text = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  return parseJournal(text);
}

export function parseJournal(text: string): JournalReadResult {
  const byOp = new Map<string, JournalOperation>();
  let skippedLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skippedLines++;
      continue;
    }
    if (!isJournalRecord(value)) {
      skippedLines++;
      continue;
    }
    if (value.t === 'op') byOp.set(value.op, { record: value, items: [] });
    else {
      const op = byOp.get(value.op);
      if (!op) {
        skippedLines++;
        continue;
      }
      if (value.t === 'item') addItem(op, value);
      else op.end = value;
    }
  }
  return { operations: [...byOp.values()], skippedLines };
}

/** An outcome replaces the pending record of the same target, so each target appears once. */
function addItem(op: JournalOperation, item: ItemRecord): void {
  const i = op.items.findIndex((x) => x.pending && x.target === item.target && x.change.kind === item.change.kind);
  if (i < 0) op.items.push(item);
  else
    op.items[i] = item.change.kind === 'delete' && !('record' in item.change && item.change.record) ? { ...item, change: op.items[i].change } : item;
}
