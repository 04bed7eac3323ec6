import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit';

describe('TokenBuckets', () => {
  it('allows a burst, then the steady rate, and says how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, 1, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(1);
    expect(buckets.take('b')).toBe(0);
    now = 1000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1);
    now = 10_000;
    buckets.sweep();
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
  });
});
