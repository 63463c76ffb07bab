import { maskIdsInText } from '../domain/mask.ts';

export type LogLevel = 'info' | 'warn' | 'error';

/** Where log lines go (stderr by default; tests collect them). */
export type LogSink = (line: string) => void;

let sink: LogSink = (line) => process.stderr.write(`${line}\n`);

/** Replaces the sink (tests) and returns the previous one. */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

/**
 * The only logger of the server. Every line passes through `maskIdsInText`, so an ID number that
 * slips into a message (an error text quoting a cell) is never written in full.
 */
export function log(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
  const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
  sink(maskIdsInText(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${extra}`));
}
