// Time a process's main thread has spent on a core and runnable but waiting for one, in ms, from
// /proc/PID/task/PID/schedstat (Linux; NaN elsewhere). On a busy machine the first is what the
// work cost, the second what the other processes added. The main thread is where JavaScript runs;
// the garbage collector's helper threads are not counted.
import { readFileSync } from "node:fs";

export function mainThreadTimes(pid = process.pid) {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ").map(Number);
    return { cpu: run / 1e6, wait: wait / 1e6 };
  } catch {
    return { cpu: NaN, wait: NaN };
  }
}
