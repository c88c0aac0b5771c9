// A small document IR in the style of Wadler's "prettier printer" (and prettier's own docs): the
// printer describes *possible* layouts (groups that print flat when they fit, else broken) and
// layout.ts picks one for a fixed width. Keeping layout decisions out of the node printers is what
// makes the output a pure function of the tree, hence idempotent.

export type Doc = string | Doc[] | Line | Indent | Group | IfBreak | LineSuffix | BreakParent;

export interface Line {
  type: "line";
  /** text printed when the enclosing group is flat ("" for a soft line) */
  flat: string;
  /** always a line break; forces every enclosing group to break */
  hard: boolean;
}
export interface Indent {
  type: "indent";
  contents: Doc;
}
export interface Group {
  type: "group";
  contents: Doc;
  /** set when the group must break (it holds a hard line, a comment, …); see propagateBreaks */
  broken: boolean;
}
export interface IfBreak {
  type: "ifBreak";
  breakContents: Doc;
  flatContents: Doc;
}
/** Text deferred to the end of the current output line: trailing comments. */
export interface LineSuffix {
  type: "lineSuffix";
  text: string;
}
export interface BreakParent {
  type: "breakParent";
}

// Every command is built with the same fields in the same order, so they all share one hidden
// class and the layout loop's property reads stay monomorphic (large files, language server).
function node<T>(type: string, contents: Doc, flat: string, hard: boolean, broken: boolean, flatContents: Doc, text: string): T {
  return { type, contents, flat, hard, broken, breakContents: contents, flatContents, text } as T;
}

/** A space when flat, a line break when broken. */
export const line: Line = node("line", "", " ", false, false, "", "");
/** Nothing when flat, a line break when broken. */
export const softline: Line = node("line", "", "", false, false, "", "");
export const hardline: Line = node("line", "", "", true, false, "", "");
export const breakParent: BreakParent = node("breakParent", "", "", false, false, "", "");

/** A line that prints `flat` when its group fits on one line (e.g. two spaces between clauses). */
export function lineOr(flat: string): Line {
  return node("line", "", flat, false, false, "", "");
}
export function indent(contents: Doc): Indent {
  return node("indent", contents, "", false, false, "", "");
}
export function group(contents: Doc, broken = false): Group {
  return node("group", contents, "", false, broken, "", "");
}
export function ifBreak(breakContents: Doc, flatContents: Doc = ""): IfBreak {
  return node("ifBreak", breakContents, "", false, false, flatContents, "");
}
export function lineSuffix(text: string): LineSuffix {
  return node("lineSuffix", "", "", false, false, "", text);
}

/**
 * Marks every group that contains a hard line or a breakParent (outside line suffixes) as broken,
 * and returns whether `doc` contains one. Run once on the whole document before layout.
 */
export function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) {
    let hard = false;
    for (const d of doc) if (propagateBreaks(d)) hard = true;
    return hard;
  }
  switch (doc.type) {
    case "line":
      return doc.hard;
    case "breakParent":
      return true;
    case "indent":
      return propagateBreaks(doc.contents);
    case "group": {
      const inner = propagateBreaks(doc.contents);
      if (inner) doc.broken = true;
      return doc.broken;
    }
    case "ifBreak": {
      const a = propagateBreaks(doc.breakContents);
      const b = propagateBreaks(doc.flatContents);
      return a || b;
    }
    case "lineSuffix":
      return false;
  }
}
