// The injected clock (src/util/clock.ts): the product's dates and the emulator's fleet follow it, so a test can
// run on a date of its choosing and the system's date does not matter.
import * as assert from 'assert';
import { browsersOf, type ChromeBrowser } from '../../src/api';
import { resolveRelativeDates } from '../../src/query';
import { clock, resetClock, setClock } from '../../src/util/clock';
import { relativeTime } from '../../src/util/relativeTime';
import { expiryFromDate } from '../../src/util/tokenExpiry';
import { buildDetailsModel } from '../../src/webview/details/detailsModel';
import { Emulator } from '../emulator';
import { disposeClients, makeClient } from './apiHarness';

const PINNED = Date.parse('2031-02-28T12:00:00Z');
const DAY = 86_400_000;

describe('injected clock', function () {
  this.timeout(20_000);
  // Put back whatever clock the run started with (CBCM_TEST_NOW sets one for the whole run, test/support/testClock.ts).
  let previous: () => number;
  beforeEach(() => {
    previous = setClock(clock.now);
    setClock(previous);
  });
  afterEach(() => setClock(previous));

  it('gives what a test set through now() and date(), and the system clock after a reset', () => {
    setClock(() => PINNED);
    assert.strictEqual(clock.now(), PINNED);
    assert.strictEqual(clock.date().toISOString(), '2031-02-28T12:00:00.000Z');
    resetClock();
    assert.ok(Math.abs(clock.now() - Date.now()) < 1000);
  });

  it('gives the product its "now": ages, relative query dates and token expiry', () => {
    setClock(() => PINNED);
    assert.strictEqual(relativeTime('2031-02-25T12:00:00Z'), '3 days ago');
    assert.strictEqual(resolveRelativeDates('register:-7d..'), 'register:2031-02-21..');
    // A day that is past on the pinned date but in the future of the real one, and the other way round.
    assert.strictEqual(expiryFromDate('2030-06-01'), undefined);
    assert.strictEqual(expiryFromDate('2031-03-01'), '2031-03-01T23:59:59Z');
  });

  it('is the "now" the emulator generates its fleet around, as the product sees it over HTTP', async () => {
    setClock(() => PINNED);
    const emu = await Emulator.start({ browsers: 60, seed: 3 });
    try {
      const { client } = makeClient(emu);
      const browsers: ChromeBrowser[] = [];
      for await (const b of browsersOf(client.listBrowsers({ maxResults: 100 }))) browsers.push(b);
      const activity = browsers.map((b) => Date.parse(b.lastActivityTime ?? '')).filter((t) => !Number.isNaN(t));
      assert.ok(activity.length > 10, 'the fleet has activity times');
      assert.ok(Math.max(...activity) <= PINNED, 'no activity after the clock\'s "now"');
      assert.ok(Math.max(...activity) > PINNED - 30 * DAY, 'recent activity is recent on the pinned date');
      // The details panel's ages, taken from the same clock, agree with the emulator's times.
      const newest = browsers.find((b) => Date.parse(b.lastActivityTime ?? '') === Math.max(...activity))!;
      const age = relativeTime(newest.lastActivityTime, PINNED)!;
      assert.ok(JSON.stringify(buildDetailsModel(newest)).includes(JSON.stringify(age)), `the details model shows "${age}"`);
    } finally {
      disposeClients();
      await emu.stop();
    }
  });
});
