// Drafts of unsaved annotation edits (issue 20, item 1): kept per account and device, bounded, robust against
// whatever an older version left in globalState.
import * as assert from 'assert';
import { DRAFT_MAX_AGE_MS, DRAFTS_KEY, DraftStore, MAX_DRAFTS, type DraftMemento } from '../../src/webview/details/draftStore';
import type { AnnotationDraft } from '../../src/webview/details/protocol';

class MemoryMemento implements DraftMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    // A real Memento hands out copies (JSON round-trip): a store must not rely on mutating what it read.
    const v = this.values.get(key);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T);
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

const EMPTY = { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: '' };
const draft = (user: string): AnnotationDraft => ({ annotations: { ...EMPTY, annotatedUser: user }, base: EMPTY });

describe('details panel: draft store', () => {
  let memento: MemoryMemento;
  let clock: number;
  let store: DraftStore;

  beforeEach(() => {
    memento = new MemoryMemento();
    clock = Date.parse('2026-11-25T12:00:00Z');
    store = new DraftStore(memento, () => clock);
  });

  it('keeps a draft per account and device, with the time it was saved', async () => {
    await store.set('sa:admin@a', 'dev-1', draft('alice'));
    clock += 1000;
    await store.set('sa:admin@b', 'dev-1', draft('bob'));
    assert.deepStrictEqual(store.get('sa:admin@a', 'dev-1'), { draft: draft('alice'), savedAt: clock - 1000 });
    assert.strictEqual(store.get('sa:admin@b', 'dev-1')?.draft.annotations.annotatedUser, 'bob');
    assert.strictEqual(store.get('sa:admin@a', 'dev-2'), undefined);
    // A fresh store over the same memento (a reloaded window) sees them.
    assert.strictEqual(new DraftStore(memento, () => clock).get('sa:admin@a', 'dev-1')?.draft.annotations.annotatedUser, 'alice');
  });

  it('forgets a draft that was saved or discarded, and removes the key when none is left', async () => {
    await store.set('acc', 'dev-1', draft('x'));
    await store.delete('acc', 'dev-1');
    assert.strictEqual(store.get('acc', 'dev-1'), undefined);
    assert.strictEqual(memento.values.has(DRAFTS_KEY), false);
    await store.delete('acc', 'never-there'); // no error
  });

  it('cannot confuse two pairs whose ids share a separator', async () => {
    await store.set('a:b', 'c', draft('one'));
    await store.set('a', 'b:c', draft('two'));
    assert.strictEqual(store.get('a:b', 'c')?.draft.annotations.annotatedUser, 'one');
    assert.strictEqual(store.get('a', 'b:c')?.draft.annotations.annotatedUser, 'two');
  });

  it(`keeps at most ${MAX_DRAFTS} drafts, dropping the oldest`, async () => {
    for (let i = 0; i < MAX_DRAFTS + 5; i++) {
      clock += 1000;
      await store.set('acc', `dev-${i}`, draft(`u${i}`));
    }
    const kept = Object.keys(memento.get<Record<string, unknown>>(DRAFTS_KEY)!);
    assert.strictEqual(kept.length, MAX_DRAFTS);
    assert.strictEqual(store.get('acc', 'dev-0'), undefined);
    assert.strictEqual(store.get('acc', 'dev-4'), undefined);
    assert.ok(store.get('acc', 'dev-5'));
    assert.ok(store.get('acc', `dev-${MAX_DRAFTS + 4}`));
  });

  it('drops drafts older than 30 days and anything malformed', async () => {
    await store.set('acc', 'old', draft('old'));
    clock += DRAFT_MAX_AGE_MS + 1;
    assert.strictEqual(store.get('acc', 'old'), undefined);
    await store.set('acc', 'new', draft('new'));
    assert.deepStrictEqual(
      Object.keys(memento.get<Record<string, unknown>>(DRAFTS_KEY)!),
      [JSON.stringify(['acc', 'new'])],
      'the old one left the memento',
    );
    await memento.update(DRAFTS_KEY, {
      [JSON.stringify(['acc', 'bad1'])]: { draft: { annotations: { annotatedUser: 5 } }, savedAt: clock },
      [JSON.stringify(['acc', 'bad2'])]: 'nonsense',
      [JSON.stringify(['acc', 'good'])]: { draft: draft('ok'), savedAt: clock },
    });
    // What is in the memento is read when the store starts (a window's activation).
    const reread = new DraftStore(memento, () => clock);
    assert.strictEqual(reread.get('acc', 'bad1'), undefined);
    assert.strictEqual(reread.get('acc', 'bad2'), undefined);
    assert.strictEqual(reread.get('acc', 'good')?.draft.annotations.annotatedUser, 'ok');
    await memento.update(DRAFTS_KEY, ['not', 'a', 'record']);
    assert.strictEqual(new DraftStore(memento, () => clock).get('acc', 'good'), undefined);
  });

  it('keeps its own copy: an older value showing up in the memento later cannot bring back a deleted draft', async () => {
    await store.set('acc', 'dev-1', draft('typed'));
    const echo = memento.get<unknown>(DRAFTS_KEY);
    await store.delete('acc', 'dev-1');
    // VS Code may hand the extension host the value of an earlier write after a later one.
    await memento.update(DRAFTS_KEY, echo);
    assert.strictEqual(store.get('acc', 'dev-1'), undefined);
    await store.set('acc', 'dev-2', draft('other'));
    assert.strictEqual(new DraftStore(memento, () => clock).get('acc', 'dev-1'), undefined, 'nor is it written back');
  });

  it('writes again when an echo of an earlier write overtook the last one', async () => {
    await store.set('acc', 'dev-1', draft('typed'));
    const stale = memento.get<unknown>(DRAFTS_KEY);
    // The first update after this is replaced by the stale echo before it is stored (VS Code's race).
    let echoes = 1;
    const update = memento.update.bind(memento);
    memento.update = (key, value) => (echoes-- > 0 ? update(key, stale) : update(key, value));
    await store.delete('acc', 'dev-1');
    assert.strictEqual(memento.values.has(DRAFTS_KEY), false, 'the delete was stored in the end');
    assert.strictEqual(new DraftStore(memento, () => clock).get('acc', 'dev-1'), undefined);
  });
});
