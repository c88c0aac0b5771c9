// Parses kept between builds of a program (the language server rebuilds on every keystroke): a
// file whose text did not change is not parsed again, and a file that changed is re-parsed from
// its last parse that needed no error recovery (reparse.ts), so that after a syntax error is
// fixed the next build is incremental again. Results are shared by every program that includes
// the file: nothing downstream modifies a syntax tree.
import { type ParseResult, parse, parsedWithoutRecovery } from "./parse.js";
import { reparse } from "./reparse.js";

export class ParseCache {
  /** the last parse per file */
  private readonly last = new Map<string, ParseResult>();
  /** the last parse per file that reparse() can start from */
  private readonly base = new Map<string, ParseResult>();

  /** parse(uri, text), from the cache when it can be. */
  readonly parse = (uri: string, text: string): ParseResult => {
    const last = this.last.get(uri);
    if (last && last.file.text === text) return last;
    const base = this.base.get(uri);
    const result = base ? reparse(base, text) : parse(uri, text);
    this.last.set(uri, result);
    if (parsedWithoutRecovery(result.file)) this.base.set(uri, result);
    return result;
  };

  /** Drops what is kept for a file (closed, deleted). */
  forget(uri: string): void {
    this.last.delete(uri);
    this.base.delete(uri);
  }
}
