// The shape of a conformance case file (test/conformance/cases/*.yaml). Strict: a misspelt key
// fails the suite instead of silently testing nothing.
import { z } from "zod";

const NAME = "[A-Za-z_][A-Za-z0-9_]*";
const OWNER = `(rep|queue):${NAME}(@${NAME})?`;
const owner = z.string().regex(new RegExp(`^${OWNER}$`), "owner is `rep:NAME`, `queue:NAME` or `rep:NAME@TEAM`");
const overlay = z.string().regex(new RegExp(`^${NAME}(\\.${NAME})* -> (${OWNER}|none)$`), "an overlay is `TERRITORY -> OWNER` or `TERRITORY -> none`");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD");

export const expectSchema = z.strictObject({
  status: z.enum(["assigned", "unassigned", "invalid"]),
  /** territory id (dotted path), or null for none */
  territory: z.string().nullable().optional(),
  owner: owner.nullable().optional(),
  via: z.string().nullable().optional(),
  /** overlay territory ids with owners, e.g. `security -> rep:sam` (`-> none`: no one available); any order */
  overlays: z.array(overlay).optional(),
  /** fields reported invalid (status invalid), any order */
  invalid: z.array(z.string()).optional(),
});

export const caseSchema = z.strictObject({
  /** the SPEC rule the case pins down, e.g. "2.6 step 2" */
  spec: z.string(),
  description: z.string(),
  /** file name → text; the entry is `main.carve` */
  files: z.record(z.string(), z.string()),
  /** the default asOf of the records (else the runner's fixed default, see README.md) */
  asOf: date.optional(),
  records: z
    .array(z.strictObject({ note: z.string().optional(), asOf: date.optional(), given: z.record(z.string(), z.unknown()), expect: expectSchema }))
    .default([]),
  /** expected diagnostics: every listed one must be reported (code and 1-based line); `exact` forbids others */
  diagnostics: z
    .strictObject({
      exact: z.boolean().default(false),
      expected: z.array(
        z.strictObject({
          code: z.string().regex(/^CARVE\d{3}$/, "a code is CARVE and three digits"),
          /** 1-based line of the start of the diagnostic's range */
          line: z.number().int().positive(),
          file: z.string().default("main.carve"),
          /** text the message must contain */
          message: z.string().optional(),
          /** text the help line must contain (e.g. a "did you mean") */
          help: z.string().optional(),
          /** true: the diagnostic must carry a witness record (overlaps, shadowing, gaps) */
          witness: z.boolean().optional(),
        }),
      ),
    })
    .optional(),
});

export type ConformanceCase = z.infer<typeof caseSchema>;
export type Expectation = z.infer<typeof expectSchema>;
