import { Emulator } from '../test/emulator';
import { listFleet, TokenBucketLimiter } from '../src/api';
import { clientFor } from '../bench/emulatorClient';
(async () => {
  const emu = await Emulator.start({ browsers: 20000, seed: 11, latencyMs: 250 });
  const sizes = new Map<string, number>();
  for (const b of emu.fleet.browsers.values()) sizes.set(b.orgUnitPath!, (sizes.get(b.orgUnitPath!) ?? 0) + 1);
  console.log([...sizes.entries()].sort((a,b)=>b[1]-a[1]).slice(0,8));
  const c = clientFor(emu);
  const t0 = performance.now();
  let lastParts = 0;
  for await (const _ of listFleet(c, { limiter: new TokenBucketLimiter() }, undefined, (p) => { if (p.parts !== lastParts) { lastParts = p.parts; console.log(((performance.now()-t0)/1000).toFixed(2), JSON.stringify(p)); } })) {}
  console.log('total', ((performance.now()-t0)/1000).toFixed(2));
  c.dispose(); await emu.stop();
})();
