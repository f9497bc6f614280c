// Unsaved annotation edits of the details panel, kept when its tab closes or the window reloads, so they can be
// offered back. Keyed by account and device: the same device id in another account is another browser.
// Annotations are not secrets (they are shown in the tree and the Admin console), so a Memento holds them.
// No vscode import: unit-tested in Node.
import { isOfferedDraft, type AnnotationDraft, type OfferedDraft } from './protocol';

/** The part of vscode.Memento the store needs (globalState: survives reloads and is the same in every window). */
export interface DraftMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const DRAFTS_KEY = 'cbcm.details.drafts';
/** Enough for a day's work; the oldest go first beyond it, so the store cannot grow without bound. */
export const MAX_DRAFTS = 50;
/** A draft older than this is of no use any more (the device has surely changed since). */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600_000;

type Stored = Record<string, OfferedDraft>;

/**
 * Reads the memento once and then keeps its own copy: the copy in memory is the truth for this window, written
 * through on every change. VS Code echoes each globalState write back to the extension host, and an echo of an
 * earlier write can land after a later write and replace it (in memory, and then on disk with the next flush);
 * reading the memento again would resurrect a draft that was just saved or discarded. So every write is checked
 * once it is stored and written again if an echo overtook it.
 */
export class DraftStore {
  private readonly all: Stored;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly memento: DraftMemento,
    private readonly now: () => number = Date.now,
  ) {
    this.all = this.read();
  }

  get(accountId: string, deviceId: string): OfferedDraft | undefined {
    const entry = this.all[keyOf(accountId, deviceId)];
    return entry && entry.savedAt >= this.now() - DRAFT_MAX_AGE_MS ? entry : undefined;
  }

  set(accountId: string, deviceId: string, draft: AnnotationDraft): Thenable<void> {
    this.all[keyOf(accountId, deviceId)] = { draft, savedAt: this.now() };
    return this.write();
  }

  delete(accountId: string, deviceId: string): Thenable<void> {
    const key = keyOf(accountId, deviceId);
    if (!(key in this.all)) return Promise.resolve();
    delete this.all[key];
    return this.write();
  }

  /** Valid, young-enough entries only: what another version or a hand edit left behind is dropped. */
  private read(): Stored {
    const raw = this.memento.get<unknown>(DRAFTS_KEY);
    const out: Stored = {};
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
    const oldest = this.now() - DRAFT_MAX_AGE_MS;
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (isOfferedDraft(v) && v.savedAt >= oldest) out[k] = v;
    }
    return out;
  }

  /** The newest MAX_DRAFTS young-enough drafts; the rest leave memory and the memento. */
  private write(): Promise<void> {
    const oldest = this.now() - DRAFT_MAX_AGE_MS;
    const keep = Object.entries(this.all)
      .filter(([, v]) => v.savedAt >= oldest)
      .sort((a, b) => b[1].savedAt - a[1].savedAt)
      .slice(0, MAX_DRAFTS);
    for (const k of Object.keys(this.all)) delete this.all[k];
    Object.assign(this.all, Object.fromEntries(keep));
    // One write at a time, each storing what the copy holds when its turn comes (the latest state).
    this.writing = this.writing.then(
      () => this.store(),
      () => this.store(),
    );
    return this.writing;
  }

  private async store(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const wanted = Object.keys(this.all).length > 0 ? { ...this.all } : undefined;
      await this.memento.update(DRAFTS_KEY, wanted);
      if (JSON.stringify(this.memento.get<unknown>(DRAFTS_KEY)) === JSON.stringify(wanted)) return;
    }
  }
}

/** JSON of the pair: no separator character that an id could contain can make two pairs collide. */
function keyOf(accountId: string, deviceId: string): string {
  return JSON.stringify([accountId, deviceId]);
}
