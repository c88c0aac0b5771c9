#!/usr/bin/env node
// The `carve` command line: a thin shell over the language packages.
// Exit codes: 0 ok, 1 findings or failures, 2 usage or I/O errors.
import { Command, CommanderError, Option } from "commander";
import { runCheck } from "./commands/check.js";
import { runCompile } from "./commands/compile.js";
import { runFmt } from "./commands/fmt.js";
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
    .addOption(formatOption(["text", "json"]))
    .option("--no-color", "never use colour")
    .action((paths: string[], o: { format: "text" | "json"; color: boolean }) => {
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
    .addOption(new Option("--target <target>", "what to emit").choices(["json"]).default("json"))
    .option("-o, --output <file>", "write to this file instead of standard output")
    .option("--no-color", "never use colour")
    .action((path: string, o: { target: "json"; output?: string; color: boolean }) => {
      result.code = runCompile(path, o);
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

process.exitCode = main(process.argv.slice(2));
