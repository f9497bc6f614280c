// Enrollment-token values in a filter (`enrollment_token:<value>`) never reach workspaceState or the view's text
// (issue 13 item 5).
import * as assert from 'assert';
import { describeState, holdsSecret, persistableState, type ExplorerViewState } from '../../src/tree/explorerState';

const VALUE = 'c3d1f0b2-secret-token-value';

describe('explorer state: no enrollment-token values persisted or shown', () => {
  const state: ExplorerViewState = {
    browserFilter: { query: `os_platform:Windows enrollment_token:${VALUE}`, orgUnitPath: '/Sales' },
    tokenFilter: { query: 'state:ACTIVE' },
    sort: { orderBy: 'machine_name', sortOrder: 'ASCENDING' },
  };

  it('recognises a query that holds a token value, quoted or not, in any case', () => {
    assert.ok(holdsSecret(`enrollment_token:${VALUE}`));
    assert.ok(holdsSecret(`ENROLLMENT_TOKEN : "${VALUE}"`));
    assert.ok(!holdsSecret('os_platform:Windows'));
  });

  it('leaves such a filter out of what is stored, and keeps everything else', () => {
    const stored = persistableState(state);
    assert.ok(!JSON.stringify(stored).includes(VALUE));
    assert.strictEqual(stored.browserFilter, undefined);
    assert.deepStrictEqual(stored.tokenFilter, state.tokenFilter);
    assert.deepStrictEqual(stored.sort, state.sort);
    assert.ok(state.browserFilter, 'the live state keeps the filter for this session');
  });

  it('shows the filter in the view description without the value', () => {
    const text = describeState(state) ?? '';
    assert.ok(!text.includes(VALUE), text);
    assert.match(text, /enrollment_token:…/);
    assert.match(text, /os_platform:Windows/);
  });
});
