// An edit the server acknowledged as saved survives `kill -9` of the built server, on PGlite on
// disk and on Postgres, with compaction running during the bursts. KILL9_CYCLES raises the count,
// KILL9_SEED replays the random choices; scripts/kill-nine-soak.ts runs it for longer.
import { availableDrivers } from '@uccn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CycleReport, KillNineRun } from './support/kill-nine';
import { seedFrom } from './support/random';

const drivers = await availableDrivers();
const cycles = Number(process.env.KILL9_CYCLES ?? 15);
const seed = seedFrom(process.env.KILL9_SEED);

describe.each(drivers)('kill -9 on %s', (driver) => {
  let run: KillNineRun | undefined;

  beforeAll(async () => {
    run = await KillNineRun.start({ driver, seed, compactAfterUpdates: 20 });
    console.log(`[kill-nine] ${driver}: KILL9_SEED=${seed}, ${cycles} cycles`);
  });
  afterAll(async () => {
    await run?.dispose();
  });

  it(
    'keeps every acknowledged edit across SIGKILL mid-burst and restart',
    async () => {
      if (!run) throw new Error('the run did not start');
      const reports: CycleReport[] = [];
      for (let index = 0; index < cycles; index += 1) reports.push(await run.cycle());
      const total = (key: 'sent' | 'acked' | 'survived') =>
        reports.reduce((sum, report) => sum + report[key], 0);
      const compactions =
        driver === 'postgres'
          ? `a compaction committed in ${reports.filter((r) => r.compacted).length} cycles; `
          : '';
      console.log(
        `[kill-nine] ${driver}: sent ${total('sent')}, acked ${total('acked')}, ` +
          `survived ${total('survived')}; ${compactions}restarts ` +
          `${reports.map((r) => r.restartMs).join(' ')} ms`,
      );
      // The bursts were long enough to be acknowledged and to run compactions.
      expect(total('acked')).toBeGreaterThan(0);
      const store = await run.verifyStore();
      expect(store.snapshot).toBe(true);
    },
    60_000 + cycles * 15_000,
  );
});
