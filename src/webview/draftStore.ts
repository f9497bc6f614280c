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

export class DraftStore {
  constructor(
    private readonly memento: DraftMemento,
    private readonly now: () => number = Date.now,
  ) {}

  get(accountId: string, deviceId: string): OfferedDraft | undefined {
    return this.read()[keyOf(accountId, deviceId)];
  }

  set(accountId: string, deviceId: string, draft: AnnotationDraft): Thenable<void> {
    const all = this.read();
    all[keyOf(accountId, deviceId)] = { draft, savedAt: this.now() };
    return this.write(all);
  }

  delete(accountId: string, deviceId: string): Thenable<void> {
    const all = this.read();
    const key = keyOf(accountId, deviceId);
    if (!(key in all)) return Promise.resolve();
    delete all[key];
    return this.write(all);
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

  private write(all: Stored): Thenable<void> {
    const newestFirst = Object.entries(all).sort((a, b) => b[1].savedAt - a[1].savedAt).slice(0, MAX_DRAFTS);
    return this.memento.update(DRAFTS_KEY, newestFirst.length > 0 ? Object.fromEntries(newestFirst) : undefined);
  }
}

/** JSON of the pair: no separator character that an id could contain can make two pairs collide. */
function keyOf(accountId: string, deviceId: string): string {
  return JSON.stringify([accountId, deviceId]);
}
