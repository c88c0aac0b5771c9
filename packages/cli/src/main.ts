#!/usr/bin/env node
// The `carve` command line: a thin shell over the language packages.
// Exit codes: 0 ok, 1 findings or failures, 2 usage or I/O errors.
import { SQL_DIALECTS } from "@carve/compiler";
import { Command, CommanderError, Option } from "commander";
import { settle } from "./async-command.js";
import { type AssignOptions, runAssign } from "./commands/assign.js";
import { runBalance } from "./commands/balance.js";
import { runCheck } from "./commands/check.js";
import { type CompileOptions, runCompile } from "./commands/compile.js";
import { runDiff } from "./commands/diff.js";
import { runExplain } from "./commands/explain.js";
import { runFmt } from "./commands/fmt.js";
import { runImportAssignmentRules, runImportTerritories } from "./commands/import.js";
import { runLsp } from "./commands/lsp.js";
import { runTestCommand } from "./commands/test.js";
import { ExitCode, IoError, UsageError } from "./output.js";
import { VERSION } from "./version.js";

function formatOption(choices: string[]): Option {
  return new Option("--format <format>", "output format").choices(choices).default("text");
}

export function buildProgram(): { program: Command; result: { code: number } } {
  const result = { code: ExitCode.Ok as number };
  const program = new Command("carve")
    .description("Territory rules as code: check, format, test and run .carve rulesets")
    .version(VERSION, "-V, --version")
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  program
    .command("check")
    .description("check rulesets for errors (files or folders; a file declaring `ruleset` pulls in its imports)")
    .argument("<paths...>", ".carve files or folders")
    .addOption(formatOption(["text", "json", "sarif", "github"]))
    .option("--no-color", "never use colour")
    .action((paths: string[], o: { format: "text" | "json" | "sarif" | "github"; color: boolean }) => {
      result.code = runCheck(paths, { format: o.format, color: o.color });
    });

  program
    .command("fmt")
    .description("format .carve files in place in the one canonical layout")
    .argument("<paths...>", ".carve files or folders")
    .option("--check", "list files that are not formatted and exit 1, without writing")
    .option("--stdout", "print the formatted text instead of writing files")
    .option("--no-color", "never use colour")
    .action((paths: string[], o: { check?: boolean; stdout?: boolean; color: boolean }) => {
      if (o.check && o.stdout) throw new UsageError("--check and --stdout cannot be used together");
      result.code = runFmt(paths, o);
    });

  program
    .command("compile")
    .description("compile a ruleset to the artifact services load with @carve/runtime")
    .argument("<path>", "the ruleset's entry file, or a folder holding exactly one")
    .addOption(new Option("--target <target>", "what to emit").choices(["json", "js", "sql"]).default("json"))
    .addOption(new Option("--dialect <dialect>", "with --target sql: the SQL dialect").choices([...SQL_DIALECTS]))
    .option("--table <name>", "with --target sql: the table to decide, e.g. crm.leads (default records)")
    .option("--as-of <date>", "with --target sql: the decision date (default: the warehouse's today, UTC, when the query runs)")
    .option("-o, --output <file>", "write to this file instead of standard output")
    .option("--no-color", "never use colour")
    .action((path: string, o: CompileOptions & { color: boolean }) => {
      result.code = runCompile(path, o);
    });

  program
    .command("test")
    .description("run the ruleset's tests; a failure shows expected vs actual and the trace")
    .argument("<path>", "the ruleset's entry file, or a folder holding exactly one")
    .option("--coverage", "also report which territories, overrides and condition branches the tests reached")
    .option("--as-of <date>", "the date for tests without `as of` (default: today, UTC)")
    .addOption(formatOption(["text", "json"]))
    .option("--no-color", "never use colour")
    .action((path: string, o: { coverage?: boolean; asOf?: string; format: "text" | "json"; color: boolean }) => {
      result.code = runTestCommand(path, o);
    });

  program
    .command("explain")
    .description("decide one record and show every step: owner, territory, via, overlays and the trace")
    .argument("<path>", "the ruleset's entry file, or a folder holding exactly one")
    .requiredOption("--record <json>", "the record as JSON, or @FILE to read it from a file (@- for standard input)")
    .option("--why-not <territory>", "also explain why the record is not in this territory (e.g. na.west)")
    .option("--as-of <date>", "the decision date (default: today, UTC)")
    .addOption(formatOption(["text", "json"]))
    .option("--no-color", "never use colour")
    .action((path: string, o: { record: string; whyNot?: string; asOf?: string; format: "text" | "json"; color: boolean }) => {
      result.code = runExplain(path, o);
    });

  program
    .command("assign")
    .description("assign every record of a CSV or NDJSON file, streaming; prints a summary (rows = assigned + unassigned + rejected)")
    .argument("<path>", "the ruleset's entry file, or a folder holding exactly one")
    .requiredOption("--records <file>", "the input: .csv (with a header row), .ndjson or .jsonl; - for standard input")
    .option("--out <file>", "write one result row per assigned or unassigned record (.csv, .ndjson or .jsonl; - for standard output)")
    .option("--rejects <file>", "write every rejected row with its row number and reasons (.csv, .ndjson or .jsonl)")
    .option("--as-of <date>", "the decision date (default: today, UTC)")
    .addOption(new Option("--format <format>", "the --out format when its extension does not say (default csv)").choices(["csv", "ndjson"]))
    .addOption(new Option("--input-format <format>", "the --records format when its extension does not say").choices(["csv", "ndjson"]))
    .option("--normalize-only", "decide nothing: --out gets each valid record's normalised fields, one column per field (the table `compile --target sql` reads)")
    .option("--no-color", "never use colour")
    .action((path: string, o: AssignOptions & { color: boolean }) => {
      settle(runAssign(path, o));
    });

  program
    .command("balance")
    .description("per territory and per owner: records and the sum of a measure, with spread figures (is the plan equitable?)")
    .argument("<path>", "the ruleset's entry file, or a folder holding exactly one")
    .requiredOption("--records <file>", "the records: .csv (with a header row), .ndjson or .jsonl; - for standard input")
    .option("--measure <field>", "a number field of the record to sum, e.g. annual_revenue")
    .option("--as-of <date>", "the decision date (default: today, UTC)")
    .addOption(formatOption(["text", "markdown", "json"]))
    .addOption(new Option("--input-format <format>", "the --records format when its extension does not say").choices(["csv", "ndjson"]))
    .option("--no-color", "never use colour")
    .action((path: string, o: { records: string; measure?: string; asOf?: string; format: "text" | "markdown" | "json"; inputFormat?: "csv" | "ndjson"; color: boolean }) => {
      settle(runBalance(path, o));
    });

  program
    .command("diff")
    .description("what changes between two versions: every kind of record that changes territory or owner (with an example), the declarations that changed, and with --records the records that move")
    .argument("<paths...>", "OLD NEW (two rulesets: entry files or folders), or one PATH with --base")
    .option("--base <gitref>", "compare PATH with itself at this git revision (e.g. origin/main)")
    .option("--records <file>", "also replay both versions on these records: .csv, .ndjson or .jsonl; - for standard input")
    .addOption(new Option("--input-format <format>", "the --records format when its extension does not say").choices(["csv", "ndjson"]))
    .option("--limit <n>", "list at most this many moved records (default 20)")
    .option("--out <file>", "write every moved record to this file (.csv, .ndjson or .jsonl)")
    .option("--as-of <date>", "the decision date (default: today, UTC)")
    .addOption(formatOption(["text", "markdown", "json"]))
    .option("--no-color", "never use colour")
    .action((paths: string[], o: { base?: string; records?: string; inputFormat?: "csv" | "ndjson"; limit?: string; out?: string; asOf?: string; format: "text" | "markdown" | "json"; color: boolean }) => {
      settle(runDiff(paths, o));
    });

  const importCmd = program
    .command("import")
    .description("import rules from another system as a formatted, checked .carve ruleset (report on standard error)");
  importCmd
    .command("salesforce-territories")
    .description("a Salesforce Territory2 model folder: territories, types, rules and rule associations")
    .argument("<model-dir>", "the model's folder (territory2Models/NAME); the territory2Types folder beside it is read too")
    .option("-o, --output <file>", "write the ruleset to this file instead of standard output")
    .option("--report <file>", "also write the report as JSON")
    .option("--no-analysis", "skip the static analysis of the imported plan")
    .option("--no-color", "never use colour")
    .action((dir: string, o: { output?: string; report?: string; analysis: boolean; color: boolean }) => {
      result.code = runImportTerritories(dir, o);
    });
  importCmd
    .command("salesforce-assignment-rules")
    .description("a Salesforce Lead.assignmentRules or Case.assignmentRules file: one rule's ordered entries")
    .argument("<file>", "the .assignmentRules (or .assignmentRules-meta.xml) file")
    .option("--rule <name>", "the rule to import, by its fullName (default: the active rule)")
    .option("-o, --output <file>", "write the ruleset to this file instead of standard output")
    .option("--report <file>", "also write the report as JSON")
    .option("--no-analysis", "skip the static analysis of the imported plan")
    .option("--no-color", "never use colour")
    .action((file: string, o: { rule?: string; output?: string; report?: string; analysis: boolean; color: boolean }) => {
      result.code = runImportAssignmentRules(file, o);
    });

  program
    .command("lsp")
    .description("run the language server (editors start it; it speaks LSP on standard input/output)")
    .requiredOption("--stdio", "talk LSP over standard input/output (the only transport)")
    .action(() => {
      runLsp();
    });

  for (const c of program.commands) c.exitOverride().showSuggestionAfterError(true);
  return { program, result };
}

export function main(argv: string[]): number {
  const { program, result } = buildProgram();
  try {
    program.parse(argv, { from: "user" });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with a CommanderError too, with exit code 0.
      return e.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n(run with --help for usage)\n`);
      return ExitCode.Usage;
    }
    if (e instanceof IoError) {
      process.stderr.write(`error: ${e.message}\n`);
      return ExitCode.Usage;
    }
    process.stderr.write(`internal error: ${(e as Error)?.stack ?? String(e)}\nplease report this as a bug\n`);
    return ExitCode.Usage;
  }
}

// A reader that stops early (`carve check … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = main(process.argv.slice(2));
