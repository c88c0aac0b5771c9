// A one-line progress report on stderr while `carve assign` runs, only when stderr is a terminal
// (never in logs or CI). Redrawn at most every 200 ms; called once per batch of rows.
import { count } from "./summary-table.js";

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly enabled = Boolean(stream.isTTY)) {}

  tick(rows: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    const rate = rows / Math.max(0.001, (now - this.started) / 1000);
    this.stream.write(`\r\u001b[Kassigning… ${count(rows)} rows (${count(Math.round(rate))} rows/s)`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write("\r\u001b[K");
    this.drawn = false;
  }

  elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}
