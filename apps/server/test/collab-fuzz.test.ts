// Fuzzing /collab through the real server: tens of thousands of random and mutated frames over
// parallel connections. Nothing may crash the process, touch the read-only target or the
// bystander, or leave the writable target inconsistent. FUZZ_FRAMES and FUZZ_SEED replay a run
// (the frames; not their interleaving over connections), FUZZ_DUMP=<file> saves the writable
// target's memory and store when they disagree; scripts/fuzz-collab.ts runs millions of frames.
import { availableDrivers } from '@uccn/db/testing';
import { CloseCode, SyncStep } from '@uccn/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { FuzzStats } from './support/fuzz-connections';
import {
  conflictingUpdates,
  deeplyNestedUpdate,
  type FuzzFrame,
  forwardReferenceUpdate,
  hex,
  knownBadFrames,
  syncMessage,
} from './support/fuzz-frames';
import { CollabFuzzRun } from './support/fuzz-run';
import { seededRandom, seedFrom } from './support/random';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 30_000);
const CONNECTIONS = 8;
const seed = seedFrom(process.env.FUZZ_SEED);
// Postgres takes the database work to another process: about twice the frames per second.
const driver = (await availableDrivers()).includes('postgres') ? 'postgres' : 'pglite';

const summary = (stats: FuzzStats) =>
  `${stats.frames} frames in ${(stats.ms / 1000).toFixed(1)} s over ${stats.connections} ` +
  `connections; kept open after ${stats.kept}; closes ${JSON.stringify(stats.closes)}`;

const updateFrame = (kind: string, update: Uint8Array, mustClose: boolean): FuzzFrame => ({
  kind,
  data: syncMessage(SyncStep.Update, update),
  text: false,
  mustClose,
});

describe(`fuzzing /collab (${driver})`, () => {
  let run: CollabFuzzRun;

  beforeAll(async () => {
    console.log(`collab fuzz: seed ${seed}, ${FRAMES} frames (replay with FUZZ_SEED=${seed})`);
    run = await CollabFuzzRun.start(seed, driver);
  });
  afterAll(() => run?.stop());

  it('closes every connection that sends a frame that can never be valid, changing nothing', async () => {
    const random = seededRandom(seed);
    const options = { maxFrameBytes: run.maxFrameBytes };
    const writeBefore = hex(await run.targetState('write'));
    const frames = {
      read: knownBadFrames(random, await run.targetState('read'), { ...options, canWrite: false }),
      write: knownBadFrames(random, await run.targetState('write'), { ...options, canWrite: true }),
    };
    const stats = await run.fuzz([
      ...run.listStreams('read', frames.read, 4),
      ...run.listStreams('write', frames.write, 4),
    ]);
    console.log(`frames that are never valid: ${summary(stats)}`);
    expect(run.violations).toEqual([]);
    expect(stats.frames).toBe(frames.read.length + frames.write.length);
    expect(stats.kept).toBe(0);
    expect(hex(await run.targetState('write'))).toBe(writeBefore);
    expect(await run.verifyWriteTargetStored()).toEqual([]);
    expect(await run.verifyReadTarget()).toEqual([]);
  });

  it('refuses values nested too deeply to be encoded again, keeping memory and store alike', async () => {
    // ~7000 deep used to decode, be integrated, then overflow the stack while being logged.
    const depths = [50, 101, 2000, 7000, 30000];
    const frames = depths.map((depth) =>
      updateFrame(`deep.${depth}`, deeplyNestedUpdate(depth), depth > 100),
    );
    const stats = await run.fuzz(run.listStreams('write', frames));
    expect(run.violations).toEqual([]);
    expect(stats.closes).toEqual({ [CloseCode.MalformedMessage]: 4 });
    expect(run.writeTargetValue('deep', 'depth-50')).toBeDefined();
    for (const depth of depths.slice(1)) {
      expect(run.writeTargetValue('deep', `depth-${depth}`)).toBeUndefined();
    }
    expect(await run.verifyWriteTargetStored()).toEqual([]);
  });

  it('keeps the real content when another update claims its ids, before or after it', async () => {
    const state = await run.targetState('write');
    const after = conflictingUpdates(state, 1_000_001, 'bogus-after');
    const before = conflictingUpdates(state, 2_000_001, 'bogus-before');
    const frames = [after.real, after.bogus, before.bogus, before.real].map((update) =>
      updateFrame('conflict', update, false),
    );
    await run.fuzz(run.listStreams('write', frames));
    expect(run.violations).toEqual([]);
    // The bogus copy is one character longer: that tail is new content, after the real text.
    expect(run.writeTargetText('bogus-after')).toMatch(/^REAL CONTENT/);
    expect(run.writeTargetText('bogus-before')).toBe('REAL CONTENT');
    expect(await run.verifyWriteTargetStored()).toEqual([]);
  });

  it('refuses an item that refers to a later id of its own client, so the log stays loadable', async () => {
    const client = 3_000_001;
    const earlier = new Y.Doc();
    earlier.clientID = client;
    earlier.getText('self-reference').insert(0, 'abc');
    const frames = [
      updateFrame('forward-reference', forwardReferenceUpdate(client), true),
      // Clocks 0-2 of the same client: before the check, this made Yjs retry the forged item,
      // throw, and leave a log that threw again on every load.
      updateFrame('forward-reference.dependency', Y.encodeStateAsUpdate(earlier), false),
    ];
    const stats = await run.fuzz(run.listStreams('write', frames));
    expect(run.violations).toEqual([]);
    expect(stats.closes).toEqual({ [CloseCode.MalformedMessage]: 1 });
    expect(run.writeTargetText('self-reference')).toBe('abc');
    expect(await run.verifyWriteTargetStored()).toEqual([]);
  });

  it(`survives ${FRAMES} random and mutated frames`, async () => {
    const stats = await run.fuzz(await run.randomStreams(CONNECTIONS, FRAMES));
    console.log(`random and mutated frames: ${summary(stats)}`);
    console.log(
      `per kind (frames/closed): ${Object.entries(stats.kinds)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, { frames, closed }]) => `${kind} ${frames}/${closed}`)
        .join(', ')}`,
    );
    expect(run.violations).toEqual([]);
    expect(stats.frames).toBe(FRAMES);
  }, 600_000);

  it('keeps every invariant afterwards: health, read-only target, bystander, a usable writable target', async () => {
    expect(await run.verify({ strictWriteTarget: false })).toEqual([]);
  }, 120_000);

  // Known open (see fuzz-run.ts verify): forged updates can still make the writable target's
  // memory and a reload disagree on where forged content goes. scripts/fuzz-collab.ts checks it.
  it.skip('keeps the writable target exactly consistent after random forged updates', () => {});
});
