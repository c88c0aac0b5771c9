// fast-check generators of Carve ASTs shaped exactly as the parser builds them (ranges aside), for
// the formatter's round-trip property: parse(format(ast)) is ast again.
import fc from "fast-check";
import type {
  Cond, DottedName, Expect, FieldDecl, GivenEntry, Item, ListLit, Literal, Name, RangeLit, RepAttr, Scalar,
  SourceFile, StringLit, TeamMember, TerritoriesBlock, TerritoryDecl, TestDecl, Via,
} from "@carve/language";
import { parseNumber } from "@carve/language";

const R = { start: 0, end: 0 };
// Plain identifiers plus a few contextual keywords that real files use as names.
const WORDS = ["a", "b2", "acme", "west_ae", "_x", "Foo", "US", "employees", "annual_revenue", "country", "region", "owner"];

const nameA: fc.Arbitrary<Name> = fc.constantFrom(...WORDS).map((text) => ({ kind: "Name", text, range: R }));
const dottedA: fc.Arbitrary<DottedName> = fc.array(nameA, { minLength: 1, maxLength: 3 }).map((parts) => ({
  kind: "DottedName", parts, text: parts.map((p) => p.text).join("."), range: R,
}));

// Strings: anything, with the characters that need escaping well represented.
const SPECIAL = ['"', "\\", "\n", "\t", "\r", "\u0000", "\u007f", "\u0085", "\u2028", "\u2029", "\u202e", "\ufeff", "#", "😀", "é"];
const stringA: fc.Arbitrary<StringLit> = fc
  .array(fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: "binary", maxLength: 4 }), fc.string({ maxLength: 12 })), { maxLength: 6 })
  .map((parts) => ({ kind: "String", value: parts.join(""), range: R }));

const digits = fc.integer({ min: 0, max: 99_999 }).map(String);
const rawNumberA = fc
  .tuple(digits, fc.option(digits, { nil: undefined }), fc.constantFrom("", "K", "M", "B"), fc.boolean())
  .map(([w, f, m, underscore]) => {
    const whole = underscore && w.length > 3 ? `${w.slice(0, -3)}_${w.slice(-3)}` : w;
    return `${whole}${f !== undefined ? `.${f}` : ""}${m}`;
  });
const numberA = rawNumberA.map((raw) => ({ kind: "Number" as const, value: parseNumber(raw)!, raw, range: R }));
const dateA = fc
  .tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => ({ kind: "Date" as const, value: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, range: R }));
const codeA = fc.constantFrom("US-CA", "GB-ENG", "FR-75", "de-by").map((value) => ({ kind: "Code" as const, value, range: R }));
const identA = nameA.map((name) => ({ kind: "Ident" as const, name, range: R }));
const boolA = fc.boolean().map((value) => ({ kind: "Bool" as const, value, range: R }));

export const scalarA: fc.Arbitrary<Scalar> = fc.oneof(stringA, numberA, dateA, codeA, identA, boolA);
export const listA: fc.Arbitrary<ListLit> = fc.array(scalarA, { maxLength: 25 }).map((items) => ({ kind: "List", items, range: R }));
const rangeA: fc.Arbitrary<RangeLit> = fc.tuple(scalarA, scalarA).map(([low, high]) => ({ kind: "Range", low, high, range: R }));
const literalA: fc.Arbitrary<Literal> = fc.oneof(scalarA, listA, rangeA);

const testA: fc.Arbitrary<Cond> = fc.oneof(
  fc.record({ field: dottedA, op: fc.constantFrom("==", "!=", "<", "<=", ">", ">=" as const), value: scalarA }).map((t) => ({ kind: "Compare" as const, ...t, opRange: R, range: R })),
  fc.record({ field: dottedA, negated: fc.boolean(), value: fc.oneof(listA, rangeA, identA) }).map((t) => ({ kind: "In" as const, ...t, range: R })),
  fc.record({ field: dottedA, negated: fc.boolean(), op: fc.constantFrom("starts_with", "ends_with", "contains" as const), value: fc.oneof(stringA, listA, identA) })
    .map((t) => ({ kind: "StringTest" as const, ...t, opRange: R, range: R })),
  fc.record({ field: dottedA, negated: fc.boolean() }).map((t) => ({ kind: "IsSet" as const, ...t, range: R })),
  nameA.map((name) => ({ kind: "SegmentRef" as const, name, range: R })),
);

/** Conditions with the parser's shape: `or` of `and`s of negations; parentheses hold any condition. */
export const condA: fc.Arbitrary<Cond> = fc.letrec<{ cond: Cond; conj: Cond; neg: Cond }>((tie) => ({
  cond: fc.oneof(
    { weight: 2, arbitrary: tie("conj") },
    { weight: 1, arbitrary: fc.array(tie("conj"), { minLength: 2, maxLength: 4 }).map((operands) => ({ kind: "Or" as const, operands, range: R })) },
  ),
  conj: fc.oneof(
    { weight: 2, arbitrary: tie("neg") },
    { weight: 1, arbitrary: fc.array(tie("neg"), { minLength: 2, maxLength: 4 }).map((operands) => ({ kind: "And" as const, operands, range: R })) },
  ),
  neg: fc.oneof(
    { weight: 4, arbitrary: testA },
    { weight: 1, arbitrary: tie("neg").map((operand) => ({ kind: "Not" as const, operand, range: R })) },
    { weight: 1, arbitrary: tie("cond").map((inner) => ({ kind: "Paren" as const, inner, range: R })) },
  ),
})).cond;

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Drops undefined properties: the parser leaves absent parts out rather than setting them undefined. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const territoryA: fc.Arbitrary<TerritoryDecl> = fc.letrec<{ territory: TerritoryDecl; block: TerritoriesBlock }>((tie) => ({
  territory: fc
    .record({ name: nameA, label: opt(stringA), when: opt(condA), assign: opt(dottedA), from: opt(dateA), until: opt(dateA), children: opt(tie("block")) })
    .map((t) => clean({ kind: "Territory" as const, ...t, range: R })),
  block: fc
    .record({ policy: fc.constantFrom("first", "unique" as const), territories: fc.array(tie("territory"), { maxLength: 3 }), otherwise: opt(dottedA) })
    .map((b) => clean({
      kind: "Territories" as const, policy: b.policy, policyRange: R, territories: b.territories, range: R,
      otherwise: b.otherwise && { kind: "Otherwise" as const, target: b.otherwise, range: R },
    })),
})).territory;

const viaA: fc.Arbitrary<Via> = fc.oneof(
  nameA.map((name) => ({ kind: "override" as const, name, range: R })),
  dottedA.map((path) => ({ kind: "territory" as const, path, range: R })),
  fc.constant({ kind: "otherwise" as const, range: R }),
);
const expectA: fc.Arbitrary<Expect> = fc.oneof(
  fc.record({ path: dottedA, via: opt(viaA) }).map((e) => clean({ kind: "ExpectTerritory" as const, ...e, range: R })),
  fc.record({ inTeam: fc.boolean(), target: nameA, via: opt(viaA) }).map((e) => clean({ kind: "ExpectOwner" as const, ...e, range: R })),
  fc.constant({ kind: "ExpectUnassigned" as const, range: R }),
  dottedA.map((field) => ({ kind: "ExpectInvalid" as const, field, range: R })),
  dottedA.map((path) => ({ kind: "ExpectOverlay" as const, path, range: R })),
);
const givenA: fc.Arbitrary<GivenEntry> = fc.record({ field: dottedA, value: literalA }).map((g) => ({ kind: "GivenEntry", ...g, range: R }));
const testDeclA: fc.Arbitrary<TestDecl> = fc
  .record({ name: stringA, asOf: opt(dateA), given: fc.array(givenA, { maxLength: 8 }), emptyGiven: fc.boolean(), expects: fc.array(expectA, { maxLength: 3 }) })
  .map((t) => clean({
    kind: "Test" as const, name: t.name, asOf: t.asOf, given: t.given, expects: t.expects, range: R,
    givenRange: t.given.length > 0 || t.emptyGiven ? R : undefined,
  }));

const fieldA: fc.Arbitrary<FieldDecl> = fc
  .record({
    name: dottedA,
    type: fc.oneof(
      fc.constantFrom("string", "int", "money", "country", "rep" as const).map((name) => ({ kind: "Type" as const, name, values: [] as Name[], range: R })),
      fc.array(nameA, { minLength: 1, maxLength: 14 }).map((values) => ({ kind: "Type" as const, name: "enum" as const, values, range: R })),
    ),
    optional: fc.boolean(),
    key: fc.boolean(),
  })
  .map((f) => clean({ kind: "Field" as const, name: f.name, type: f.type, optional: f.optional, key: f.key ? R : undefined, range: R }));

const repAttrA: fc.Arbitrary<RepAttr> = fc.oneof(
  stringA.map((value) => ({ kind: "RepAttr" as const, name: "email" as const, value, range: R })),
  numberA.map((value) => ({ kind: "RepAttr" as const, name: "capacity" as const, value, range: R })),
  fc.tuple(dateA, dateA).map(([low, high]) => ({ kind: "RepAttr" as const, name: "away" as const, value: { kind: "Range" as const, low, high, range: R }, range: R })),
  dateA.map((value) => ({ kind: "RepAttr" as const, name: "until" as const, value, range: R })),
);
const memberA: fc.Arbitrary<TeamMember> = fc
  .record({ rep: nameA, weight: opt(numberA), from: opt(dateA), until: opt(dateA) })
  .map((m) => clean({ kind: "Member" as const, ...m, range: R }));

export const itemA: fc.Arbitrary<Item> = fc.oneof(
  fc.record({ name: nameA, label: opt(stringA) }).map((r) => clean({ kind: "Ruleset" as const, ...r, range: R })),
  stringA.map((path) => ({ kind: "Import" as const, path, range: R })),
  fc.record({ name: nameA, fields: fc.array(fieldA, { maxLength: 5 }) }).map((r) => ({ kind: "Record" as const, ...r, range: R })),
  fc.record({ name: nameA, label: opt(stringA), attrs: fc.array(repAttrA, { maxLength: 3 }) }).map((r) => clean({ kind: "Rep" as const, ...r, range: R })),
  fc.record({ name: nameA, label: opt(stringA) }).map((q) => clean({ kind: "Queue" as const, ...q, range: R })),
  fc.record({
    name: nameA, label: opt(stringA), members: fc.array(memberA, { maxLength: 8 }),
    strategy: opt(fc.oneof(
      dottedA.map((field) => ({ kind: "Strategy" as const, name: "hash" as const, field, range: R })),
      fc.constantFrom("round_robin", "least_loaded" as const).map((name) => ({ kind: "Strategy" as const, name, range: R })),
    )),
    overflow: opt(dottedA),
  }).map((t) => clean({ kind: "Team" as const, ...t, range: R })),
  fc.record({ name: nameA, value: listA }).map((s) => ({ kind: "Set" as const, ...s, range: R })),
  fc.record({ name: nameA, cond: condA }).map((s) => ({ kind: "Segment" as const, ...s, range: R })),
  fc.record({ name: nameA, label: opt(stringA), when: opt(condA), assign: opt(dottedA), from: opt(dateA), until: opt(dateA) })
    .map((o) => clean({ kind: "Override" as const, ...o, range: R })),
  territoryA.map((t) => t.children ?? { kind: "Territories" as const, policy: "first" as const, policyRange: R, territories: [t], range: R }),
  fc.array(territoryA, { maxLength: 3 }).map((territories) => ({ kind: "Overlays" as const, territories, range: R })),
  testDeclA,
);

/** A file of generated items, with no source text and no comments (the formatter needs neither). */
export const fileA: fc.Arbitrary<SourceFile> = fc.array(itemA, { minLength: 1, maxLength: 4 }).map((items) => ({
  kind: "File", uri: "generated.carve", text: "", items, comments: [], range: R,
}));
