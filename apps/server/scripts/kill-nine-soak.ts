// Long kill -9 soak of the built server: the logic of test/kill-nine.test.ts, for many cycles.
// Usage, in apps/server after `node build.mjs`:
//   npx tsx scripts/kill-nine-soak.ts [--driver pglite|postgres|all] [--cycles 200] [--seed N]
//     [--writers 4] [--kill-min-ms 5] [--kill-max-ms 150] [--compact-after 20]
//     [--cycles-per-document 50]
// Flags fall back to KILL9_DRIVER, KILL9_CYCLES, KILL9_SEED. Exits 1 on the first violation.
import { parseArgs } from 'node:util';
import type { DatabaseDriver } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import { type CycleReport, KillNineRun } from '../test/support/kill-nine';
import { seedFrom } from '../test/support/random';

const { values } = parseArgs({
  options: {
    driver: { type: 'string', default: process.env.KILL9_DRIVER ?? 'all' },
    cycles: { type: 'string', default: process.env.KILL9_CYCLES ?? '200' },
    seed: { type: 'string', default: process.env.KILL9_SEED },
    writers: { type: 'string', default: '4' },
    'kill-min-ms': { type: 'string', default: '5' },
    'kill-max-ms': { type: 'string', default: '150' },
    'compact-after': { type: 'string', default: '20' },
    'cycles-per-document': { type: 'string', default: '50' },
  },
});

function positive(name: string, value: string | undefined) {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be an integer`);
  return parsed;
}

async function soak(driver: DatabaseDriver, cycles: number, seed: number) {
  console.log(`== ${driver}: ${cycles} cycles, seed ${seed}`);
  const run = await KillNineRun.start({
    driver,
    seed,
    writers: positive('writers', values.writers),
    killWindowMs: [
      positive('kill-min-ms', values['kill-min-ms']),
      positive('kill-max-ms', values['kill-max-ms']),
    ],
    compactAfterUpdates: positive('compact-after', values['compact-after']),
    cyclesPerDocument: positive('cycles-per-document', values['cycles-per-document']),
  });
  const started = performance.now();
  const reports: CycleReport[] = [];
  try {
    for (let index = 0; index < cycles; index += 1) {
      const report = await run.cycle();
      reports.push(report);
      console.log(
        `cycle ${report.cycle}: kill at ${report.killAfterMs} ms, sent ${report.sent}, acked ` +
          `${report.acked}, survived ${report.survived}, restart ${report.restartMs} ms, ` +
          `text ${report.textLength} chars` +
          (report.compacted === null ? '' : `, compacted ${report.compacted}`),
      );
    }
    const compacted = reports.filter((report) => report.compacted).length;
    const store = await run.verifyStore();
    const sum = (key: 'sent' | 'acked' | 'survived') =>
      reports.reduce((total, report) => total + report[key], 0);
    console.log(
      `== ${driver}: ${cycles} cycles in ${Math.round((performance.now() - started) / 1000)} s; ` +
        `sent ${sum('sent')}, acked ${sum('acked')}, survived ${sum('survived')}; ` +
        `final store: snapshot ${store.snapshot}, ${store.logRows} log rows` +
        (driver === 'postgres' ? `; a compaction committed in ${compacted} cycles` : ''),
    );
  } finally {
    await run.dispose();
  }
}

const cycles = positive('cycles', values.cycles);
const seed = seedFrom(values.seed);
const driverFlag = values.driver;
if (driverFlag !== 'all' && driverFlag !== 'pglite' && driverFlag !== 'postgres') {
  throw new Error('--driver must be pglite, postgres or all');
}
const drivers: DatabaseDriver[] = driverFlag === 'all' ? await availableDrivers() : [driverFlag];
try {
  for (const driver of drivers) await soak(driver, cycles, seed);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
