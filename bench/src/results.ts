// Merging runs into results/latest.json: a run replaces the scenarios it measured and keeps the
// latest result of every other scenario, each with the run it came from.
import type { BenchResults, RunSource } from './report';

/** The header of a run, for the scenarios it measured. */
function sourceOf(results: BenchResults, scenarios: string[]): RunSource {
  return {
    startedAt: results.startedAt,
    finishedAt: results.finishedAt,
    command: results.command,
    revision: results.revision,
    oursDatabase: results.oursDatabase,
    options: results.options,
    scenarios,
  };
}

/**
 * `current` plus what `previous` measured of the scenarios `current` did not run.
 * @example mergeResults(readLatest(), thisRun) // then write it back to results/latest.json
 */
export function mergeResults(previous: BenchResults | null, current: BenchResults): BenchResults {
  const ran = new Set<string>(current.options.scenarios);
  const own = sourceOf(current, [...ran]);
  if (!previous) return current.sources ? current : { ...current, sources: [own] };
  const earlier = (previous.sources ?? [sourceOf(previous, previous.options.scenarios)])
    .map((source) => ({ ...source, scenarios: source.scenarios.filter((s) => !ran.has(s)) }))
    .filter((source) => source.scenarios.length > 0);
  const kept = previous.runs
    .filter((run) => !ran.has(run.scenario))
    .map((run) => ({ ...run, at: run.at ?? previous.startedAt }));
  return {
    ...current,
    runs: [...kept, ...current.runs],
    errors: [...previous.errors.filter((error) => !ran.has(error.scenario)), ...current.errors],
    sources: [own, ...earlier],
  };
}

/** The run a scenario's result came from (the first source that lists it). */
export function sourceFor(results: BenchResults, scenario: string): RunSource | undefined {
  return results.sources?.find((source) => source.scenarios.includes(scenario));
}
