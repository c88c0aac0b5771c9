// Lays a Doc out for a fixed width (the classic prettier algorithm): a group prints flat when its
// flat form fits in the rest of the line, otherwise broken; outer groups break before inner ones.
import { propagateBreaks, type Doc } from "./doc.js";

const INDENT = 2;
type Mode = 0 | 1;
const BREAK: Mode = 0;
const FLAT: Mode = 1;

// The command stack is kept as three parallel arrays (doc, indentation, mode) rather than an array
// of tuples: formatting a large file pushes hundreds of thousands of commands, and tuples made the
// garbage collector the main cost.
const docs: Doc[] = [];
const inds: number[] = [];
const modes: Mode[] = [];

/** Prints `doc` with lines of at most `width` columns where the layout allows. Lines end in `\n`. */
export function layout(doc: Doc, width: number): string {
  propagateBreaks(doc);
  const out: string[] = [];
  let pos = 0;
  let suffixes: string[] = [];
  docs.length = inds.length = modes.length = 0;
  const push = (d: Doc, ind: number, mode: Mode) => {
    docs.push(d);
    inds.push(ind);
    modes.push(mode);
  };
  push(doc, 0, BREAK);
  while (docs.length > 0) {
    const d = docs.pop()!;
    const ind = inds.pop()!;
    const mode = modes.pop()!;
    if (typeof d === "string") {
      out.push(d);
      pos += d.length;
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) push(d[i], ind, mode);
      continue;
    }
    switch (d.type) {
      case "indent":
        push(d.contents, ind + INDENT, mode);
        break;
      case "group":
        if (d.broken) push(d.contents, ind, BREAK);
        else if (mode === FLAT) push(d.contents, ind, FLAT);
        else push(d.contents, ind, fits(d.contents, width - pos) ? FLAT : BREAK);
        break;
      case "ifBreak":
        push(mode === BREAK ? d.breakContents : d.flatContents, ind, mode);
        break;
      case "lineSuffix":
        suffixes.push(d.text);
        break;
      case "breakParent":
        break;
      case "line":
        if (mode === FLAT && !d.hard) {
          out.push(d.flat);
          pos += d.flat.length;
        } else if (suffixes.length > 0) {
          // Trailing comments go before the line break; then the break is processed again.
          push(d, ind, mode);
          for (let i = suffixes.length - 1; i >= 0; i--) push(suffixes[i], ind, mode);
          suffixes = [];
        } else {
          trimTrailingSpace(out);
          out.push(newline(ind));
          pos = ind;
        }
        break;
    }
  }
  out.push(...suffixes);
  trimTrailingSpace(out);
  return out.join("");
}

const newlines: string[] = [];
function newline(ind: number): string {
  return (newlines[ind] ??= "\n" + " ".repeat(ind));
}

const fitDocs: Doc[] = [];
const fitModes: Mode[] = [];

/**
 * Whether `contents` printed flat, followed by the rest of the command stack up to its next line
 * break, fits in `width`. Indentation does not matter here: a break ends the measured line.
 */
function fits(contents: Doc, width: number): boolean {
  fitDocs.length = fitModes.length = 0;
  fitDocs.push(contents);
  fitModes.push(FLAT);
  let restIdx = docs.length;
  while (width >= 0) {
    if (fitDocs.length === 0) {
      if (restIdx === 0) return true;
      restIdx--;
      fitDocs.push(docs[restIdx]);
      fitModes.push(modes[restIdx]);
      continue;
    }
    const d = fitDocs.pop()!;
    const mode = fitModes.pop()!;
    if (typeof d === "string") {
      width -= d.length;
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) {
        fitDocs.push(d[i]);
        fitModes.push(mode);
      }
      continue;
    }
    switch (d.type) {
      case "indent":
        fitDocs.push(d.contents);
        fitModes.push(mode);
        break;
      case "group":
        fitDocs.push(d.contents);
        fitModes.push(d.broken ? BREAK : mode);
        break;
      case "ifBreak":
        fitDocs.push(mode === BREAK ? d.breakContents : d.flatContents);
        fitModes.push(mode);
        break;
      case "line":
        if (mode === BREAK || d.hard) return true;
        width -= d.flat.length;
        break;
      default:
        break;
    }
  }
  return false;
}

/** Drops spaces at the end of the output so far (indentation of blank lines, flat separators). */
function trimTrailingSpace(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1];
    let end = last.length;
    while (end > 0 && (last.charCodeAt(end - 1) === 32 || last.charCodeAt(end - 1) === 9)) end--;
    if (end === last.length) return;
    if (end > 0) {
      out[out.length - 1] = last.slice(0, end);
      return;
    }
    out.pop();
  }
}
