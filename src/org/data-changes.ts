/**
 * What changed: imported or removed data, leads (a model run), the model library, or casework
 * (cases, recommendations, replies, outcomes: what statistics and the ledger count).
 */
export type DataChange = 'data' | 'leads' | 'models' | 'casework';

/**
 * The one signal that data changed. Services that write (import, rollback, model run, extraction
 * import and review, demo load, model import) call `changed` after their write; readers that cache
 * (the platform's `LeadAccessService`) subscribe. No route or command signals by hand.
 */
export class DataChanges {
  private readonly listeners = new Set<(change: DataChange) => void>();

  subscribe(listener: (change: DataChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(change: DataChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
