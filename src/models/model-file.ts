/**
 * Reading model files: YAML → ModelDefinition, with every problem reported as a Diagnostic that
 * names the file and line (a model author fixes a file, not a stack trace).
 */
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../domain/diagnostic.ts';
import {
  DEFAULT_FIXTURE_NAME,
  fixtureSchema,
  fixtureSetSchema,
  type Fixture,
  modelSchema,
  namedFixtures,
  type ModelDefinition,
  type NamedFixture,
} from './definition.ts';

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

function parseYaml<T>(
  text: string,
  file: string,
  schemaFor: (value: unknown) => z.ZodType<T>,
): FileResult<T> {
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
  const value: unknown = doc.toJS();
  const parsed = schemaFor(value).safeParse(value);
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
  return parseYaml(text, file, () => modelSchema);
}

/**
 * Parses a `<ID>.fixture.yaml`: one fixture (the older format; named 默认 unless it has a `name`)
 * or `fixtures:` with several named ones.
 */
export function parseFixtureFile(text: string, file: string): FileResult<NamedFixture[]> {
  const parsed = parseYaml<Fixture | { fixtures: Fixture[] }>(text, file, (value) =>
    value !== null && typeof value === 'object' && 'fixtures' in value
      ? fixtureSetSchema
      : fixtureSchema,
  );
  return parsed.ok ? { ...parsed, value: namedFixtures(parsed.value) } : parsed;
}

/** One YAML file holding the model and its fixtures (`zhijian models export`). */
export function exportModelYaml(
  def: ModelDefinition,
  fixtures: readonly NamedFixture[] = namedFixtures(def),
): string {
  const { fixture: _embedded, fixtures: _list, ...rest } = def;
  // `partial: false` is the default: left out, so an exact fixture reads as before.
  const plain = fixtures.map(({ partial, ...f }) => (partial ? { ...f, partial } : f));
  const only = plain.length === 1 ? plain[0] : undefined;
  // A lone 默认 fixture is written the old way, so older installations still read the file.
  const embedded =
    only?.name === DEFAULT_FIXTURE_NAME
      ? { fixture: { ...only, name: undefined } }
      : plain.length > 0
        ? { fixtures: plain }
        : {};
  return stringify({ ...rest, ...embedded }, { lineWidth: 0, blockQuote: 'literal' });
}
