// The widget's initial JavaScript, as a host page pays for it: the built entry plus every chunk
// it imports statically, transitively. Chunks reached only by import() load on demand and are
// left out. Run after `npm run build:widget`; issue #4 caps the total at 60 KB gzipped.
// Imports are read with TypeScript's parser, not a regex: minified strings can hold `from"…"`.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';

// kB as Vite prints them (1000 bytes), the unit issue #4 was written in.
const budget = 60_000;
const dir = join(import.meta.dirname, '../dist/widget');
const entry = join(dir, 'vaccine-order-app.js');

/** Relative specifiers of the top-level `import … from` / `export … from` statements. */
function staticImports(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return source.statements.flatMap((statement) => {
    const isLink = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement);
    const specifier = isLink ? statement.moduleSpecifier : undefined;
    return specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.') ? [specifier.text] : [];
  });
}

const seen = new Map();
const pending = [entry];
while (pending.length > 0) {
  const file = pending.shift();
  if (seen.has(file)) continue;
  const text = readFileSync(file);
  seen.set(file, { raw: text.length, gzip: gzipSync(text).length });
  pending.push(...staticImports(file, text.toString('utf8')).map((specifier) => join(dirname(file), specifier)));
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
let total = 0;
for (const [file, { raw, gzip }] of seen) {
  total += gzip;
  console.log(`${relative(process.cwd(), file).padEnd(48)} ${kb(raw).padStart(11)}  gzip ${kb(gzip).padStart(9)}`);
}
console.log(`initial total: ${kb(total)} gzip (${total} bytes), budget ${kb(budget)}`);
if (total > budget) process.exitCode = 1;
