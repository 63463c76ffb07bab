import type { Diagnostic, Severity } from '../domain/diagnostic.ts';
import type { DiagnosticSink } from './row-validator.ts';

/** One line of the summary: how often one reason occurred in one column. */
export interface ReasonCount {
  readonly code: string;
  readonly severity: Severity;
  readonly column?: string;
  /** The first message of this reason (messages of one code differ only in details). */
  readonly message: string;
  count: number;
}

/** What a batch keeps of its diagnostics (batches.report) and what the CLI prints. */
export interface DiagnosticSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly reasons: readonly ReasonCount[];
  /** The first diagnostics, as listed. */
  readonly first: readonly Diagnostic[];
  /** Diagnostics beyond the listing cap (counted, not listed). */
  readonly unlisted: number;
}

/** Listing cap of the report's detail sheet: 100,000 rows keep the workbook quick to open. */
export const LISTED_CAP = 100_000;

/**
 * Collects a batch's diagnostics: every one counted per reason and column, the first `cap` listed.
 * Memory is bounded by the cap whatever the file holds (100,000 bad IDs stay usable).
 */
export class DiagnosticCollector implements DiagnosticSink {
  readonly listed: Diagnostic[] = [];
  unlisted = 0;
  errors = 0;
  warnings = 0;
  private readonly reasons = new Map<string, ReasonCount>();
  private readonly listedOnce = new Set<string>();

  constructor(private readonly cap = LISTED_CAP) {}

  private tally(d: Diagnostic): void {
    if (d.severity === 'error') this.errors += 1;
    else this.warnings += 1;
    const key = `${d.severity}|${d.code}|${d.column ?? ''}`;
    const reason = this.reasons.get(key);
    if (reason) reason.count += 1;
    else {
      this.reasons.set(key, {
        code: d.code,
        severity: d.severity,
        ...(d.column !== undefined ? { column: d.column } : {}),
        message: d.message,
        count: 1,
      });
    }
  }

  private list(d: Diagnostic): void {
    if (this.listed.length < this.cap) this.listed.push(d);
    else this.unlisted += 1;
  }

  add(d: Diagnostic): void {
    this.tally(d);
    this.list(d);
  }

  count(d: Diagnostic): void {
    this.tally(d);
    const key = `${d.code}|${d.file ?? ''}|${d.sheet ?? ''}|${d.column ?? ''}`;
    if (!this.listedOnce.has(key)) {
      this.listedOnce.add(key);
      this.list(d);
    }
  }

  /** Reasons, errors first, then by count. */
  reasonCounts(): ReasonCount[] {
    return [...this.reasons.values()].sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.count - a.count,
    );
  }

  summary(first = 20): DiagnosticSummary {
    return {
      errors: this.errors,
      warnings: this.warnings,
      reasons: this.reasonCounts(),
      first: this.listed.slice(0, first),
      unlisted: this.unlisted,
    };
  }
}
