/**
 * `npm run code:size [-- DIR]` — the size figures of the code-health table (issue notes): files over
 * 400 lines and functions over 80 lines in `src/` and `web/src/`, tests left out. Functions are found
 * with the TypeScript parser (declarations, methods, arrows, function expressions), so a long object
 * literal or SQL string does not count as a long function.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const FILE_LIMIT = 400;
const FUNCTION_LIMIT = 80;

const root = process.argv[2] ?? process.cwd();

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist') out.push(...sourceFiles(path));
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

interface LongFunction {
  where: string;
  lines: number;
}

function longFunctions(path: string, text: string): LongFunction[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > FUNCTION_LIMIT)
        found.push({ where: `${relative(root, path)}:${start + 1}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = ['src', 'web/src'].flatMap((d) => sourceFiles(join(root, d)));
const bigFiles: { where: string; lines: number }[] = [];
const functions: LongFunction[] = [];
for (const path of files) {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n').length;
  if (lines > FILE_LIMIT) bigFiles.push({ where: relative(root, path), lines });
  functions.push(...longFunctions(path, text));
}

const list = (rows: { where: string; lines: number }[]) =>
  rows
    .sort((a, b) => b.lines - a.lines)
    .map((r) => `  ${String(r.lines).padStart(5)}  ${r.where}`)
    .join('\n');
console.log(`files read: ${files.length} (src/ and web/src/, tests left out)`);
console.log(`files over ${FILE_LIMIT} lines: ${bigFiles.length}\n${list(bigFiles)}`);
console.log(`functions over ${FUNCTION_LIMIT} lines: ${functions.length}\n${list(functions)}`);
