interface CacheEntry<T> {
  version: number;
  at: number;
  value: T;
}

/** Small LRU keyed by the query's JSON; entries of an older lead version are stale. */
export class ResultCache<T> {
  private readonly map = new Map<string, CacheEntry<T>>();
  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
  ) {}
  get(key: string, version: number): T | undefined {
    const e = this.map.get(key);
    if (!e || e.version !== version || Date.now() - e.at > this.ttlMs) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }
  set(key: string, version: number, value: T): void {
    this.map.set(key, { version, at: Date.now(), value });
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
}
