// Loaded by .mocharc.cjs before every unit and emulator test. Two ways to run the suite on another date:
// - CBCM_TEST_CLOCK_AHEAD_DAYS=365: the whole process's wall clock moves (clockAhead.cjs), as if the machine's
//   date were a year ahead; product, emulator and tests alike.
// - CBCM_TEST_NOW=2031-02-28T12:00:00Z: only the injected clock (src/util/clock.ts) starts at that instant and runs
//   on; the product and the emulator's fleet take their "now" from it, so a product line that still read
//   Date.now() for a date would show up as a failure.
import './clockAhead.cjs';
import { setClock } from '../../src/util/clock';

const pinned = process.env.CBCM_TEST_NOW;
if (pinned) {
  const base = Date.parse(pinned);
  if (Number.isNaN(base)) throw new Error(`CBCM_TEST_NOW must be an ISO date, got ${pinned}`);
  const started = Date.now();
  setClock(() => base + (Date.now() - started));
}
