// The widget's initial JavaScript, as a host page pays for it: the built entry plus every chunk
// it imports statically, transitively. Chunks reached only by import() load on demand and are
// left out. Run after `npm run build:widget`; issue #4 caps the total at 60 KB gzipped.
// Imports are read with TypeScript's parser, not a regex: minified strings can hold `from"…"`.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';

/** In bytes; kB as Vite prints them (1000 bytes), the unit issue #4 was written in. */
export const initialWidgetBudget = 60_000;

export interface InitialWidgetSize {
  files: { file: string; raw: number; gzip: number }[];
  /** Gzipped bytes of all those files together. */
  gzipTotal: number;
}

/** Relative specifiers of the top-level `import … from` / `export … from` statements. */
function staticImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return source.statements.flatMap((statement) => {
    const isLink = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement);
    const specifier = isLink ? statement.moduleSpecifier : undefined;
    return specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.') ? [specifier.text] : [];
  });
}

export function measureInitialWidget(dir = join(import.meta.dirname, '../dist/widget')): InitialWidgetSize {
  const files: InitialWidgetSize['files'] = [];
  const seen = new Set<string>();
  const pending = [join(dir, 'vaccine-order-app.js')];
  for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file);
    files.push({ file, raw: text.length, gzip: gzipSync(text).length });
    pending.push(...staticImports(file, text.toString('utf8')).map((specifier) => join(dirname(file), specifier)));
  }
  return { files, gzipTotal: files.reduce((sum, f) => sum + f.gzip, 0) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
  const { files, gzipTotal } = measureInitialWidget();
  for (const { file, raw, gzip } of files) {
    console.log(`${relative(process.cwd(), file).padEnd(48)} ${kb(raw).padStart(11)}  gzip ${kb(gzip).padStart(9)}`);
  }
  console.log(`initial total: ${kb(gzipTotal)} gzip (${gzipTotal} bytes), budget ${kb(initialWidgetBudget)}`);
  if (gzipTotal > initialWidgetBudget) process.exitCode = 1;
}
