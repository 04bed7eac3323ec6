import { describe, expect, it } from 'vitest';
import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  it('shares one load between concurrent callers, then expires', async () => {
    const cache = new ExpiringCache<string, number>(50);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return loads;
    };
    expect(await Promise.all([cache.getOrLoad('a', load), cache.getOrLoad('a', load)])).toEqual([
      1, 1,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.getOrLoad('a', load)).toBe(2);
  });
  it('forgets failed loads and deleted keys, and stays bounded', async () => {
    const cache = new ExpiringCache<string, number>(1000, 2);
    await expect(cache.getOrLoad('x', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await cache.getOrLoad('x', async () => 7)).toBe(7);
    cache.delete('x');
    expect(await cache.getOrLoad('x', async () => 8)).toBe(8);
    await cache.getOrLoad('y', async () => 1);
    await cache.getOrLoad('z', async () => 2);
    expect(await cache.getOrLoad('x', async () => 9)).toBe(9);
  });
});
