// One judged load step (saturation, capacity): run it, judge p95 and delivery, re-run a failure.
import type { SimClient } from '../client';
import { runEditPhase, waitForQuiet } from '../load';
import { LOAD_CPU_WARN_PCT, OTHER_CPU_WARN_PCT, type UsageSampler } from '../metrics';
import type { BenchOptions } from '../options';
import type { SaturationStep } from './types';

/** Attempts of a failing step, while the machine is busy with other work. */
const MAX_ATTEMPTS = 3;

/** Other processes took enough CPU to explain a failure. */
export const isNoisy = (step: SaturationStep) => step.usage.otherCpuPct > OTHER_CPU_WARN_PCT;

export interface StepPlan {
  /** Edits/s of every client. */
  ratePerClient: number;
  /** What the step is called in logs, e.g. "1000/s" or "500 connections". */
  label: string;
  stepSeconds: number;
  seed: number;
}

/** Runs one step and judges it against --p95-limit-ms and the delivery floor. */
async function runStep(
  clients: SimClient[],
  sampler: UsageSampler,
  options: BenchOptions,
  plan: StepPlan,
  firstId: number,
  nodes: number,
): Promise<SaturationStep> {
  const { p95LimitMs, deliveredMin } = options.saturation;
  await waitForQuiet(clients, 500, 5000);
  const step = await runEditPhase(clients, sampler, {
    ratePerClient: plan.ratePerClient,
    durationMs: plan.stepSeconds * 1000,
    graceMs: options.graceMs,
    seed: plan.seed,
    firstId,
    quietWaitMs: options.quietWaitSeconds * 1000,
    nodes,
  });
  const failures: string[] = [];
  const p95 = step.latencyMs.p95;
  if (p95 === null || p95 > p95LimitMs) failures.push(`p95 ${p95?.toFixed(1) ?? '–'} ms`);
  if ((step.deliveredRatio ?? 0) < deliveredMin) {
    failures.push(`delivered ${((step.deliveredRatio ?? 0) * 100).toFixed(2)}%`);
  }
  const generatorShort = step.achievedRate < step.targetRate * 0.95;
  if (generatorShort) failures.push(`sent only ${step.achievedRate.toFixed(0)}/s`);
  return {
    ...step,
    passed: failures.length === 0,
    loadLimited: generatorShort || step.usage.loadCpuPct > LOAD_CPU_WARN_PCT,
    attempt: 1,
    ...(failures.length ? { failure: failures.join(', ') } : {}),
  };
}

/**
 * Runs a step; a failure counts only if it repeats on a machine nobody else was hogging: a second
 * attempt always, a third when the second was noisy. Returns every attempt, the last one deciding.
 */
export async function runJudgedStep(
  clients: SimClient[],
  context: { sampler: UsageSampler; options: BenchOptions; log: (line: string) => void },
  plan: StepPlan,
  firstId: number,
  nodes = 1,
): Promise<{ attempts: SaturationStep[]; nextId: number }> {
  const { sampler, options, log } = context;
  const attempts: SaturationStep[] = [];
  let step = await runStep(clients, sampler, options, plan, firstId, nodes);
  while (
    !step.passed &&
    !step.loadLimited &&
    (step.attempt === 1 || (step.attempt < MAX_ATTEMPTS && isNoisy(step)))
  ) {
    log(
      `step ${plan.label} failed (${step.failure}${isNoisy(step) ? ', machine busy' : ''}); running it again`,
    );
    attempts.push(step);
    const attempt = step.attempt + 1;
    step = { ...(await runStep(clients, sampler, options, plan, step.nextId, nodes)), attempt };
  }
  attempts.push(step);
  log(
    `step ${plan.label}: p95 ${step.latencyMs.p95?.toFixed(1) ?? '–'} ms, delivered ${((step.deliveredRatio ?? 0) * 100).toFixed(2)}%, server CPU ${step.usage.serverCpuPct?.toFixed(0)}%, load CPU ${step.usage.loadCpuPct.toFixed(0)}%, other CPU ${step.usage.otherCpuPct.toFixed(0)}% → ${step.passed ? 'pass' : 'fail'}`,
  );
  return { attempts, nextId: step.nextId };
}
