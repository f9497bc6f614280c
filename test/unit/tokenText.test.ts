// Enrollment tokens in rows and confirmations, and their order by creation time.
import * as assert from 'assert';
import type { EnrollmentToken } from '../../src/api/types';
import { compareTokens, createdDate, tokenRowDescription, tokenSummary } from '../../src/tree/tokenText';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const t = (id: string, createTime: string | undefined, extra: Partial<EnrollmentToken> = {}): EnrollmentToken => ({
  tokenPermanentId: id,
  createTime,
  orgUnitPath: '/Sales',
  state: 'active',
  creatorId: '1170',
  ...extra,
});

describe('enrollment token text', () => {
  it('rows show state and created date, the org unit only where the folder mixes them, an expiry only when set', () => {
    const token = t('aaaaaaaa-1', '2026-03-01T08:30:00Z');
    assert.strictEqual(tokenRowDescription(token, { showOrgUnit: false }, NOW), 'active · created 2026-03-01');
    assert.strictEqual(tokenRowDescription(token, { showOrgUnit: true }, NOW), 'active · created 2026-03-01 · /Sales');
    assert.strictEqual(
      tokenRowDescription({ ...token, state: 'expired', expireTime: '2026-10-07T12:00:00Z' }, { showOrgUnit: false }, NOW),
      'expired · created 2026-03-01 · expired 3 days ago',
    );
    assert.strictEqual(createdDate(t('x', 'not a time')), undefined);
  });

  it('a confirmation line names the org unit and the created date, not only the id', () => {
    const line = tokenSummary(t('aaaaaaaa-bbbb', '2026-03-01T08:30:00Z'), NOW);
    assert.strictEqual(line, 'Token aaaaaaaa (aaaaaaaa-bbbb), org unit /Sales, created 2026-03-01 (7 months ago), by user id 1170');
    assert.match(
      tokenSummary(t('c', undefined, { orgUnitPath: undefined, creatorId: undefined })),
      /org unit not reported, creation date not reported$/,
    );
  });

  it('sort newest or oldest first, tokens without a time last, ties by id', () => {
    const list = [
      t('b', '2026-01-01T00:00:00Z'),
      t('n', undefined),
      t('a', '2026-01-01T00:00:00Z'),
      t('z', '2026-05-01T00:00:00Z'),
      t('m', '2025-12-01T00:00:00Z'),
    ];
    assert.deepStrictEqual(
      [...list].sort(compareTokens('newestFirst')).map((x) => x.tokenPermanentId),
      ['z', 'a', 'b', 'm', 'n'],
    );
    assert.deepStrictEqual(
      [...list].sort(compareTokens('oldestFirst')).map((x) => x.tokenPermanentId),
      ['m', 'a', 'b', 'z', 'n'],
    );
  });
});
