// Recent filter queries live in globalState: a query holding an enrollment-token value must never be written there
// (issue 13 item 5), whatever its case or quoting; others are kept newest first, without repeats, at most 15.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { RecentQueries } from '../../src/commands/recentQueries';

function memoryMemento(): vscode.Memento & { writes: unknown[] } {
  const store = new Map<string, unknown>();
  const writes: unknown[] = [];
  return {
    writes,
    keys: () => [...store.keys()],
    get: <T>(key: string, fallback?: T) => (store.has(key) ? (store.get(key) as T) : fallback) as T,
    update: (key: string, value: unknown) => {
      writes.push(value);
      store.set(key, value);
      return Promise.resolve();
    },
  };
}

describe('recent queries (globalState)', () => {
  it('never stores a query naming an enrollment-token value, in any case or quoting', async () => {
    const memento = memoryMemento();
    const recent = new RecentQueries(memento);
    for (const q of ['enrollment_token:abc123', 'ENROLLMENT_TOKEN:abc123', 'os:Mac enrollment_token : "a b c"', 'Enrollment_Token:xyz'])
      await recent.remember('browsers', q);
    assert.deepStrictEqual(recent.list('browsers'), []);
    assert.ok(!JSON.stringify(memento.writes).match(/abc123|xyz|a b c/), JSON.stringify(memento.writes));
  });

  it('keeps other queries newest first, once each, at most 15, per listing kind', async () => {
    const recent = new RecentQueries(memoryMemento());
    for (let i = 0; i < 17; i++) await recent.remember('browsers', `machine:m${i}`);
    await recent.remember('browsers', ' machine:m5 ');
    await recent.remember('tokens', 'state:ACTIVE');
    const list = recent.list('browsers');
    assert.strictEqual(list.length, 15);
    assert.deepStrictEqual(list.slice(0, 3), ['machine:m5', 'machine:m16', 'machine:m15']);
    assert.strictEqual(list.filter((q) => q === 'machine:m5').length, 1);
    assert.deepStrictEqual(recent.list('tokens'), ['state:ACTIVE']);
  });
});
