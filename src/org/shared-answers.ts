import type { DataChanges } from './data-changes.ts';

/**
 * Answers of costly reads (a scan of a million leads) shared by the asks that come while one is
 * computed and reused for `ttlMs` after it settled; every data-change signal drops them all, so a
 * write (an import, a run, a recorded reply or payment) shows at the next ask. A failed
 * computation is not kept.
 */
export class SharedAnswers {
  private readonly entries = new Map<string, { value: Promise<unknown>; settled?: number }>();
  private readonly unsubscribe: () => void;

  constructor(
    changes: DataChanges,
    private readonly ttlMs: () => number,
  ) {
    this.unsubscribe = changes.subscribe(() => this.clear());
  }

  get<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && (hit.settled === undefined || Date.now() - hit.settled < this.ttlMs())) {
      return hit.value as Promise<T>;
    }
    const value = fn();
    const entry: { value: Promise<unknown>; settled?: number } = { value };
    this.entries.set(key, entry);
    value.then(
      () => (entry.settled = Date.now()),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Stops listening for changes (the service is closing). */
  close(): void {
    this.unsubscribe();
    this.entries.clear();
  }
}
