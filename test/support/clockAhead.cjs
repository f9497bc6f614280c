// Moves this process's wall clock: `CBCM_TEST_CLOCK_AHEAD_DAYS=365 npx mocha --require test/support/clockAhead.cjs`
// runs the suite as if the system clock were a year ahead (no faketime on the test machines). Date.now(),
// `new Date()` and Date() move; timers and performance.now() do not (they measure durations, not dates).
'use strict';
const days = Number(process.env.CBCM_TEST_CLOCK_AHEAD_DAYS ?? '0');
if (!Number.isFinite(days)) throw new Error(`CBCM_TEST_CLOCK_AHEAD_DAYS must be a number, got ${process.env.CBCM_TEST_CLOCK_AHEAD_DAYS}`);
if (days !== 0) {
  const offset = days * 24 * 60 * 60 * 1000;
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() + offset);
      else super(...args);
    }
    static now() {
      return realNow() + offset;
    }
  }
  // Date() called as a function returns the current time as text.
  const DateFn = new Proxy(ShiftedDate, {
    apply: () => new ShiftedDate().toString(),
  });
  globalThis.Date = DateFn;
}
