// How much of a listing is loaded, and org unit counts with their age.
import * as assert from 'assert';
import type { ChromeBrowser } from '../../src/api/types';
import { countAgeText, loadedSentence, loadedText } from '../../src/tree/listingText';
import { OrgUnitCounts } from '../../src/tree/orgUnitCounts';

const b = (deviceId: string, orgUnitPath?: string): ChromeBrowser => ({ deviceId, orgUnitPath });

describe('listing counts', () => {
  it('say how many are loaded and whether more exist', () => {
    assert.strictEqual(loadedText(212, true), '212');
    assert.strictEqual(loadedText(1200, true), '1,200');
    assert.strictEqual(loadedText(100, false), '100 loaded, more…');
    assert.match(loadedSentence(100, false, 'browser'), /^100 browsers loaded; the API has more/);
    assert.match(loadedSentence(1, true, 'enrollment token'), /^1 enrollment token: all of them/);
  });

  it('count an org unit from its complete listing, only the browsers that say they are in it', () => {
    const counts = new OrgUnitCounts();
    counts.countOrgUnit('/Sales', [b('a', '/Sales'), b('b', '/Sales'), b('c', '/Sales/EMEA'), b('d')], 1000);
    assert.deepStrictEqual(
      counts.get('/Sales'),
      { browsers: 3, countedAt: 1000 },
      'a sub-unit’s browser does not count; one without an org unit counts where listed',
    );
    assert.strictEqual(counts.get('/Sales/EMEA'), undefined);
  });

  it('count every org unit from a complete account listing, empty ones as 0', () => {
    const counts = new OrgUnitCounts();
    const changed = counts.countAccount(['/', '/Sales', '/Empty'], [b('a', '/Sales'), b('b', '/'), b('c', '/Hidden')], 5);
    assert.deepStrictEqual(changed.sort(), ['/', '/Empty', '/Hidden', '/Sales']);
    assert.deepStrictEqual(
      ['/', '/Sales', '/Empty', '/Hidden'].map((p) => counts.get(p)?.browsers),
      [1, 1, 0, 1],
    );
  });

  it('count an org unit and each known sub-unit from a listing that holds the subtree, nothing outside it', () => {
    const counts = new OrgUnitCounts();
    const known = ['/', '/Sales', '/Sales/EMEA', '/Sales/Empty', '/Salesforce', '/Other'];
    const listed = [b('a', '/Sales'), b('b', '/Sales/EMEA'), b('c', '/Sales/EMEA'), b('d'), b('e', '/Other')];
    const changed = counts.countSubtree('/Sales', known, listed, 7);
    assert.deepStrictEqual(changed.sort(), ['/Sales', '/Sales/EMEA', '/Sales/Empty']);
    assert.deepStrictEqual(
      ['/Sales', '/Sales/EMEA', '/Sales/Empty'].map((p) => counts.get(p)),
      [
        { browsers: 2, countedAt: 7 },
        { browsers: 2, countedAt: 7 },
        { browsers: 0, countedAt: 7 },
      ],
      'each its own browsers; one without an org unit counts where listed',
    );
    for (const p of ['/', '/Salesforce', '/Other']) assert.strictEqual(counts.get(p), undefined, p);
  });

  it('follow deletes and moves made here exactly once, keeping the age; forget what they cannot follow', () => {
    const counts = new OrgUnitCounts();
    counts.countOrgUnit('/Sales', [b('a', '/Sales'), b('b', '/Sales')], 7);
    assert.deepStrictEqual(counts.remove(['a']), ['/Sales']);
    assert.deepStrictEqual(counts.remove(['a']), [], 'the same browser removed by a second folder changes nothing');
    assert.deepStrictEqual(counts.get('/Sales'), { browsers: 1, countedAt: 7 });
    assert.strictEqual(counts.forget('/Sales'), true);
    assert.strictEqual(counts.get('/Sales'), undefined);
  });

  it('read as "212 browsers · 5 minutes ago"', () => {
    const now = Date.parse('2026-10-10T12:00:00Z');
    assert.strictEqual(countAgeText({ browsers: 212, countedAt: now - 5 * 60_000 }, now), '212 browsers · 5 minutes ago');
    assert.strictEqual(countAgeText({ browsers: 1, countedAt: now }, now), '1 browser · just now');
  });
});
