/**
 * Reading model files: YAML → ModelDefinition, with every problem reported as a Diagnostic that
 * names the file and line (a model author fixes a file, not a stack trace).
 */
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../domain/diagnostic.ts';
import { fixtureSchema, modelSchema, type Fixture, type ModelDefinition } from './definition.ts';

export type FileResult<T> =
  { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

function zodDiagnostics(
  error: z.ZodError,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): Diagnostic[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const line = lineOf(issue.path);
    return {
      code: 'MODEL_SCHEMA',
      severity: 'error',
      message: `${file}${line ? ` 第 ${line} 行` : ''}：${path || '(根)'} ${issue.message}`,
      file,
      row: line,
      column: path || undefined,
    };
  });
}

function parseYaml<T>(text: string, file: string, schema: z.ZodType<T>): FileResult<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => {
        const line = e.linePos?.[0]?.line;
        return {
          code: 'MODEL_YAML',
          severity: 'error',
          message: `${file}${line ? ` 第 ${line} 行` : ''}：YAML 语法错误：${e.message.split('\n')[0] ?? ''}`,
          file,
          row: line,
        };
      }),
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const lineOf = (path: readonly PropertyKey[]): number | undefined => {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true) as
          { range?: [number, number, number] } | undefined;
        if (node?.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    };
    return { ok: false, diagnostics: zodDiagnostics(parsed.error, file, lineOf) };
  }
  return { ok: true, value: parsed.data, diagnostics: [] };
}

/** Parses a `<ID>.model.yaml` (an exported model may embed its fixture under `fixture:`). */
export function parseModelFile(text: string, file: string): FileResult<ModelDefinition> {
  return parseYaml(text, file, modelSchema);
}

/** Parses a `<ID>.fixture.yaml`. */
export function parseFixtureFile(text: string, file: string): FileResult<Fixture> {
  return parseYaml(text, file, fixtureSchema);
}

/** One YAML file holding the model and its fixture (`zhijian models export`). */
export function exportModelYaml(def: ModelDefinition, fixture: Fixture | undefined): string {
  const { fixture: embedded, ...rest } = def;
  const withFixture = { ...rest, fixture: fixture ?? embedded };
  if (!withFixture.fixture) delete withFixture.fixture;
  return stringify(withFixture, { lineWidth: 0, blockQuote: 'literal' });
}
