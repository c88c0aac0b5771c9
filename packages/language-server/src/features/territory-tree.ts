// The territory tree of a program as features walk it: every `territories` block (nested ones
// too) with its file, and each territory's parent. Recovered (partial) nodes are skipped.
import type { Program, TerritoriesBlock, TerritoryDecl } from "@carve/language";

export interface BlockInFile {
  block: TerritoriesBlock;
  file: string;
  /** the territory the block is nested in; undefined for the top-level block */
  parent?: TerritoryDecl;
}

const blocksCache = new WeakMap<Program, BlockInFile[]>();
const parentsCache = new WeakMap<Program, Map<TerritoryDecl, TerritoryDecl>>();

export function territoryBlocks(program: Program): BlockInFile[] {
  const hit = blocksCache.get(program);
  if (hit) return hit;
  const out: BlockInFile[] = [];
  const visit = (block: TerritoriesBlock | undefined, file: string, parent?: TerritoryDecl) => {
    if (!block) return;
    out.push({ block, file, ...(parent ? { parent } : {}) });
    for (const t of block.territories ?? []) if (t) visit(t.children, program.fileOf.get(t) ?? file, t);
  };
  if (program.territories) visit(program.territories, program.fileOf.get(program.territories) ?? program.entry);
  blocksCache.set(program, out);
  return out;
}

export function territoryParents(program: Program): Map<TerritoryDecl, TerritoryDecl> {
  const hit = parentsCache.get(program);
  if (hit) return hit;
  const parents = new Map<TerritoryDecl, TerritoryDecl>();
  const visit = (children: (TerritoryDecl | undefined)[] | undefined, parent?: TerritoryDecl) => {
    for (const t of children ?? []) {
      if (!t) continue;
      if (parent) parents.set(t, parent);
      visit(t.children?.territories, t);
    }
  };
  visit(program.territories?.territories);
  visit(program.overlays?.territories);
  parentsCache.set(program, parents);
  return parents;
}
