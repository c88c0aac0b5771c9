// Commands that stream (`assign`) finish after `main` has returned: their exit code and errors
// are reported here, the same way `main` reports those of synchronous commands.
import { ExitCode, IoError, UsageError } from "./output.js";

export function settle(work: Promise<number>): void {
  let settled = false;
  // If the work stalls (nothing left to wake it), Node would exit with main's code 0: say so instead.
  const stalled = () => {
    if (settled) return;
    process.stderr.write("internal error: the command stopped before it finished\nplease report this as a bug\n");
    process.exitCode = ExitCode.Usage;
  };
  process.once("beforeExit", stalled);
  work.then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (e: unknown) => {
      settled = true;
      if (e instanceof UsageError) process.stderr.write(`error: ${e.message}\n(run with --help for usage)\n`);
      else if (e instanceof IoError) process.stderr.write(`error: ${e.message}\n`);
      else process.stderr.write(`internal error: ${(e as Error)?.stack ?? String(e)}\nplease report this as a bug\n`);
      process.exitCode = ExitCode.Usage;
    },
  );
}
