/**
 * Lists the exports of `src/` and `web/src/` that no other file imports (`npx tsx
 * scripts/dead-exports.ts`): "unused" ones nothing uses at all, "local" ones used only inside their
 * own file (listed with `--local`: often the types of an exported signature, kept). Every file of tsconfig.json counts as a user (tests, bench,
 * scripts); an import is followed through re-exports (`export * from`), so a symbol reached
 * through `src/contract/index.ts` is used. Exits 1 when an export is unused.
 */
import ts from 'typescript';
import { relative } from 'node:path';

const root = process.cwd();
const configPath = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json');
if (!configPath) throw new Error('tsconfig.json not found');
const config = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
if (!config) throw new Error('tsconfig.json unreadable');
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();
const own = program
  .getSourceFiles()
  .filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/'));

/** Symbols another file reaches by an import or a re-export, with every alias on the way. */
const used = new Set<ts.Symbol>();
function mark(symbol: ts.Symbol | undefined): void {
  let s = symbol;
  while (s && !used.has(s)) {
    used.add(s);
    s = s.flags & ts.SymbolFlags.Alias ? checker.getImmediateAliasedSymbol(s) : undefined;
  }
}

/** Names used in their own file (other than at their declaration). */
const localUses = new Map<ts.Symbol, number>();

for (const file of own) {
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node)) {
      if (node.name) mark(checker.getSymbolAtLocation(node.name));
    } else if (ts.isExportSpecifier(node) && node.parent.parent.moduleSpecifier) {
      // `export { a } from './x.ts'`: the re-export is used only if its own alias is.
    } else if (ts.isImportTypeNode(node) && node.qualifier) {
      mark(
        checker.getSymbolAtLocation(
          ts.isIdentifier(node.qualifier) ? node.qualifier : node.qualifier.right,
        ),
      );
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      // `await import('./x.ts')`: every export of that module counts as used.
      const spec = node.arguments[0];
      const target = spec && checker.getSymbolAtLocation(spec);
      if (target) for (const e of checker.getExportsOfModule(target)) mark(e);
    } else if (ts.isShorthandPropertyAssignment(node)) {
      // `{ call }`: the property's value is the variable of that name.
      const s = checker.getShorthandAssignmentValueSymbol(node);
      if (s) localUses.set(s, (localUses.get(s) ?? 0) + 1);
    } else if (ts.isIdentifier(node)) {
      const s = checker.getSymbolAtLocation(node);
      if (s && !(s.declarations ?? []).some((d) => (d as ts.NamedDeclaration).name === node)) {
        localUses.set(s, (localUses.get(s) ?? 0) + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

// `export *` chains: a module reached through a star re-export exposes all its used names.
const unused: string[] = [];
const local: string[] = [];
for (const file of own) {
  const path = relative(root, file.fileName);
  if (!/^(src|web\/src)\//.test(path) || /\.test\.tsx?$/.test(path)) continue;
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!moduleSymbol) continue;
  for (const e of checker.getExportsOfModule(moduleSymbol)) {
    const target = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
    const declaredHere = (target.declarations ?? []).some((d) => d.getSourceFile() === file);
    if (!declaredHere || used.has(e) || used.has(target)) continue;
    const line =
      file.getLineAndCharacterOfPosition(target.declarations?.[0]?.getStart() ?? 0).line + 1;
    (localUses.get(target) ? local : unused).push(`${path}:${line} ${e.name}`);
  }
}
for (const l of unused) console.log(`unused  ${l}`);
if (process.argv.includes('--local')) for (const l of local) console.log(`local   ${l}`);
process.exit(unused.length > 0 ? 1 : 0);
