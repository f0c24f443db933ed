// Runs every *.test.ts under the folders given (default: shared and server) with node's own
// test runner, through tsx. Node 20's --test does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Arguments: folders to search; `--exclude=<folder>` leaves one out; `--e2e` runs only the
// end-to-end tests (*.e2e.test.ts, which drive real browsers), otherwise they are left out.
// *.browser.test.ts files belong to web-test-runner, never to node.
const args = process.argv.slice(2);
const excluded = args.filter((a) => a.startsWith('--exclude=')).map((a) => join(a.slice('--exclude='.length)));
const e2e = args.includes('--e2e');
const folders = args.filter((a) => !a.startsWith('--'));
const kindMatches = (file) => !file.endsWith('.browser.test.ts') && file.endsWith('.e2e.test.ts') === e2e;
const files = (folders.length > 0 ? folders : ['shared', 'server'])
  .flatMap(findTests)
  .filter(kindMatches)
  .filter((file) => !excluded.some((dir) => file.startsWith(`${dir}/`)))
  .sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
