// Relative times in browser queries (`last_activity:..-90d`, `register:-7d..`): accepted by the diagnostics,
// offered by completion, explained by hover, and resolved to the documented absolute forms when the query runs.
import * as assert from 'assert';
import { complete, diagnose, hover, parseQuery, resolveRelativeDates, serialize } from '../../src/query';
import { convertToChromeManagementFilter } from '../../src/query/chromeManagementFilter';

const NOW = new Date('2026-12-03T12:00:00Z');
const errors = (q: string) => diagnose(parseQuery(q, 'browsers'), 'browsers').filter((d) => d.severity === 'error');

describe('query: relative dates', () => {
  it('resolves days, weeks and hours of time fields to absolute times, and nothing else', () => {
    assert.strictEqual(resolveRelativeDates('last_activity:..-90d', NOW), 'last_activity:..2026-09-04');
    assert.strictEqual(resolveRelativeDates('register:-7d..', NOW), 'register:2026-11-26..');
    assert.strictEqual(resolveRelativeDates('sync:-12h.. os:Windows', NOW), 'sync:2026-12-03T00:00:00.. os:Windows');
    assert.strictEqual(resolveRelativeDates('report:-2w..-1d machine_name:LAB', NOW), 'report:2026-11-19..2026-12-02 machine_name:LAB');
    // Not a time field, or quoted: left as written.
    assert.strictEqual(resolveRelativeDates('note:-7d machine_name:"-7d" register:"-7d.."', NOW), 'note:-7d machine_name:"-7d" register:"-7d.."');
    assert.strictEqual(resolveRelativeDates('register:2026-01-01..', NOW), 'register:2026-01-01..');
  });

  it('are valid in the diagnostics, a reversed relative range is flagged, a near miss gets a fix', () => {
    assert.deepStrictEqual(errors('last_activity:..-90d register:-7d..'), []);
    assert.deepStrictEqual(
      errors('register:-7d..-90d').map((d) => d.code),
      ['bad-range'],
    );
    const bad = errors('register:-7days..');
    assert.strictEqual(bad.length, 1);
    assert.match(bad[0].message, /-7d \(days\)/);
    assert.ok(
      bad[0].fixes?.some((f) => f.title === 'Change to -7d'),
      JSON.stringify(bad[0].fixes),
    );
  });

  it('are offered by completion and explained by hover', () => {
    const text = 'register:';
    const labels = complete(text, text.length, 'browsers', { now: NOW }).map((c) => c.label);
    assert.ok(labels.includes('-7d..') && labels.includes('..-90d'), labels.join(', '));
    const q = 'last_activity:..-90d';
    const h = hover(q, q.length - 1, 'browsers');
    assert.match(h?.contents ?? '', /`-90d` is 90 days ago: `\d{4}-\d{2}-\d{2}` now/);
  });

  it('survive formatting, and the Chrome Management filter gets the resolved RFC 3339 times', () => {
    assert.strictEqual(serialize(parseQuery('register:-7d..', 'browsers')), 'register:-7d..');
    const { filter, untranslatable } = convertToChromeManagementFilter(resolveRelativeDates('last_activity:..-90d', NOW));
    assert.deepStrictEqual(untranslatable, []);
    assert.match(filter, /^last_activity_time<="2026-09-04T23:59:59(\.999)?Z"$/);
  });
});
