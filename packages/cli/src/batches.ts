// Reading a stream in batches: one promise per batch instead of one per item. At a million rows
// the per-item promises of `for await` cost more than parsing.
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

/** The objects an object-mode stream yields, up to `max` at a time, as soon as they are buffered. */
export async function* objectBatches<T>(stream: Readable, max = 1024): AsyncGenerator<T[]> {
  let ended = false;
  let failure: Error | undefined;
  stream.on("end", () => (ended = true));
  stream.on("error", (e) => (failure ??= e));
  for (;;) {
    if (failure) throw failure;
    const batch: T[] = [];
    let item: T | null;
    while (batch.length < max && (item = stream.read() as T | null) !== null) batch.push(item);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (ended || stream.readableEnded) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off("readable", done);
        stream.off("end", done);
        stream.off("error", done);
        resolve();
      };
      stream.on("readable", done);
      stream.on("end", done);
      stream.on("error", done);
    });
  }
}

/** The lines of a byte stream (UTF-8; `\n` or `\r\n`), a chunk's worth at a time. */
export async function* lineBatches(stream: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
    const lines = text.split("\n");
    rest = lines.pop()!;
    if (lines.length > 0) yield lines.map(stripCr);
  }
  const last = rest + decoder.end();
  if (last !== "") yield [stripCr(last)];
}

function stripCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}
