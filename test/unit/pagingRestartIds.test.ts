// restartablePages keeps the ids of yielded pages compactly (one string per page) until a restart needs them:
// the ids it gives back after a page-token expiry must be exactly those yielded, whatever characters they hold.
import * as assert from 'assert';
import { ApiError } from '../../src/api';
import { restartablePages, type RawPage } from '../../src/api/paging';

/** A listing over `pages`; the token of page `expireAt` has expired the first time it is used. */
function source(pages: string[][], expireAt: number) {
  let expired = false;
  return async (pageToken: string | undefined): Promise<RawPage<{ id: string }>> => {
    const i = pageToken === undefined ? 0 : Number(pageToken);
    if (i === expireAt && !expired) {
      expired = true;
      throw new ApiError({ kind: 'pageTokenExpired', operation: 'browsers.list', message: 'expired' });
    }
    return { items: pages[i].map((id) => ({ id })), nextPageToken: i + 1 < pages.length ? String(i + 1) : undefined };
  };
}

async function listed(pages: string[][], expireAt: number): Promise<string[]> {
  const out: string[] = [];
  for await (const page of restartablePages({ operation: 'browsers.list', fetchPage: source(pages, expireAt), keyOf: (x) => x.id, maxRestarts: 1 }))
    out.push(...page.items.map((x) => x.id));
  return out;
}

describe('api client: restart after a page-token expiry, ids kept per page', () => {
  it('skips exactly the ids yielded before the restart and nothing else', async () => {
    assert.deepStrictEqual(await listed([['a', 'b'], ['c', 'd'], ['e']], 2), ['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps an id holding a line break whole (the separator of the compact form)', async () => {
    // Before the restart "x\ny" was listed; after it, "x" and "y" are new browsers and must not be taken for it.
    assert.deepStrictEqual(await listed([['x\ny'], ['x', 'y', 'x\ny', 'z']], 1), ['x\ny', 'x', 'y', 'z']);
  });
});
