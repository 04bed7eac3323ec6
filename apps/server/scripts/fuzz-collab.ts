// Long fuzzing run of /collab: the logic of test/collab-fuzz.test.ts, for millions of frames,
// against a server started in this process. Checks the stored-versus-memory invariants every
// --check-every frames and everything at the end; exits 1 on the first violation.
// Usage (from apps/server):
//   npx tsx scripts/fuzz-collab.ts [--frames 1000000] [--seed N] [--connections 8]
//     [--driver pglite|postgres] [--check-every 100000]
// FUZZ_SEED and FUZZ_FRAMES are read too; FUZZ_DUMP=<file> writes the writable target's memory
// and store there when they disagree, to replay offline.
import { parseArgs } from 'node:util';
import type { DatabaseDriver } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import type { FuzzStats } from '../test/support/fuzz-connections';
import { knownBadFrames } from '../test/support/fuzz-frames';
import { CollabFuzzRun } from '../test/support/fuzz-run';
import { seededRandom, seedFrom } from '../test/support/random';

// Whole stacks: a crash deep inside Yjs is otherwise cut off before it reaches our code.
Error.stackTraceLimit = 100;
const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: process.env.FUZZ_FRAMES ?? '1000000' },
    seed: { type: 'string', default: process.env.FUZZ_SEED },
    connections: { type: 'string', default: '8' },
    driver: { type: 'string' },
    'check-every': { type: 'string', default: '100000' },
  },
});

function positive(name: string, value: string | undefined) {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--${name} must be a positive integer`);
  return parsed;
}

const frames = positive('frames', values.frames);
const connections = positive('connections', values.connections);
const checkEvery = positive('check-every', values['check-every']);
const seed = seedFrom(values.seed);
const driver: DatabaseDriver =
  values.driver === 'pglite' || values.driver === 'postgres'
    ? values.driver
    : (await availableDrivers()).includes('postgres')
      ? 'postgres'
      : 'pglite';

const line = (stats: FuzzStats, total: number) =>
  `${total} frames, ${Math.round(stats.frames / (stats.ms / 1000 || 1))}/s, ` +
  `${stats.connections} connections, kept open ${stats.kept}, closes ${JSON.stringify(stats.closes)}`;

/** Thrown with what is violated; reported once the server has stopped. */
class Violations extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} violations`);
  }
}

function check(problems: string[]) {
  if (problems.length > 0) throw new Violations(problems);
}

console.log(
  `fuzz /collab on ${driver}: ${frames} frames, ${connections} connections, seed ${seed}`,
);
const run = await CollabFuzzRun.start(seed, driver);
const half = Math.max(1, Math.floor(connections / 2));
try {
  const random = seededRandom(seed);
  const bad = [
    ...run.listStreams(
      'read',
      knownBadFrames(random, await run.targetState('read'), {
        canWrite: false,
        maxFrameBytes: run.maxFrameBytes,
      }),
      half,
    ),
    ...run.listStreams(
      'write',
      knownBadFrames(random, await run.targetState('write'), {
        canWrite: true,
        maxFrameBytes: run.maxFrameBytes,
      }),
      half,
    ),
  ];
  const known = await run.fuzz(bad);
  console.log(`frames that are never valid: ${line(known, known.frames)}`);
  check(run.violations);

  let sent = 0;
  let chunk = 0;
  while (sent < frames) {
    const size = Math.min(checkEvery, frames - sent);
    // Each chunk draws from its own seed, so that a failing chunk can be replayed alone.
    const chunkSeed = (seed + chunk * 0x85ebca6b) >>> 0;
    const streams = await run.randomStreams(connections, size, chunkSeed);
    const stats = await run.fuzz(streams, (progress) => {
      process.stdout.write(`\r  ${line(progress, sent + progress.frames)}      `);
    });
    sent += stats.frames;
    chunk += 1;
    console.log(`\r  ${line(stats, sent)} (chunk ${chunk}, seed ${chunkSeed})`);
    check([
      ...run.violations,
      ...(await run.verifyReadTarget()),
      ...(await run.verifyWriteTargetStored()),
    ]);
  }
  check(await run.verify());
  console.log(`\nOK: ${sent} random and mutated frames, every invariant holds (seed ${seed}).`);
} catch (error) {
  if (!(error instanceof Violations)) throw error;
  console.error(`\nFAILED (replay with --seed ${seed}):`);
  for (const problem of error.problems) console.error(`  - ${problem}`);
  process.exitCode = 1;
} finally {
  await run.stop();
}
// Stock clients' reconnect timers and database pools may outlive the run: a script ends here.
process.exit();
