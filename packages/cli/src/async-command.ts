// Commands that stream (`assign`) finish after `main` has returned: their exit code and errors
// are reported here, the same way `main` reports those of synchronous commands.
import { ExitCode, IoError, UsageError } from "./output.js";

export function settle(work: Promise<number>): void {
  work.then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) process.stderr.write(`error: ${e.message}\n(run with --help for usage)\n`);
      else if (e instanceof IoError) process.stderr.write(`error: ${e.message}\n`);
      else process.stderr.write(`internal error: ${(e as Error)?.stack ?? String(e)}\nplease report this as a bug\n`);
      process.exitCode = ExitCode.Usage;
    },
  );
}
