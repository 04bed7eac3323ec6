// Reads a node's /metrics as Prometheus text, the way an operator's scraper would.

/**
 * The value of one sample of a node's /metrics (the first series of that name, labels ignored),
 * or undefined when the node does not expose it.
 * @example await readMetric(node.url, 'uccn_redis_up') // 1
 */
export async function readMetric(baseUrl: string, name: string): Promise<number | undefined> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
  const text = await response.text();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (match?.[1] === name) return Number(match[3]);
  }
  return undefined;
}
