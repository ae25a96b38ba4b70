// Category tree endpoints and the recursive helpers behind them.
import { Controller, Get, Param, ParseIntPipe, Query } from "@nestjs/common";
import { Category, CategoryRepository } from "./category.repository";

const MAX_DEPTH = 6;

export interface CategoryNode {
  id: number;
  name: string;
  children: CategoryNode[];
}

export function ancestors(category: Category): Category[] {
  // No stop at the root: category.parent is undefined there and the next call throws.
  return [category, ...ancestors(category.parent as Category)]; // expect: unbounded-loop
}

export function ancestorsToRoot(category: Category | undefined): Category[] {
  if (category === undefined) {
    return [];
  }
  return [category, ...ancestorsToRoot(category.parent)]; // ok: unbounded-loop
}

export const depthOf = (node: CategoryNode): number =>
  node.children.length === 0 ? 1 : 1 + Math.max(...node.children.map((c) => depthOf(c))); // ok: unbounded-loop

export function firstLeaf(node: CategoryNode): CategoryNode {
  return node.children.length > 0 ? firstLeaf(node.children[0]) : node; // ok: unbounded-loop
}

export function collect(node: CategoryNode, into: CategoryNode[] = []): CategoryNode[] {
  into.push(node);
  node.children.forEach((child) => collect(child, into)); // ok: unbounded-loop
  return into;
}

export function pathTo(node: CategoryNode, id: number): number[] {
  const path: number[] = [node.id];
  return path.concat(pathTo(node.children[0], id)); // expect: unbounded-loop
}

export class CategoryIndex {
  private readonly byId = new Map<number, CategoryNode>();

  constructor(private readonly repository: CategoryRepository) {}

  size(): number {
    return this.size(); // expect: unbounded-loop
  }

  count(): number {
    return this.byId.size; // ok: unbounded-loop
  }

  find(id: number): Promise<Category | null> {
    return this.repository.find(id); // ok: unbounded-loop
  }

  index(node: CategoryNode): void {
    this.byId.set(node.id, node);
    for (const child of node.children) {
      this.index(child); // ok: unbounded-loop
    }
  }

  async rebuild(): Promise<void> {
    const roots = await this.repository.roots();
    roots.forEach((root) => this.index(root));
    await this.rebuild(); // expect: unbounded-loop
  }

  async rebuildOnce(force: boolean): Promise<void> {
    if (!force && this.byId.size > 0) {
      return;
    }
    const roots = await this.repository.roots();
    roots.forEach((root) => this.index(root));
    await this.rebuildOnce(false); // ok: unbounded-loop
  }
}

function subtree(node: CategoryNode, depth: number): CategoryNode {
  if (depth <= 0) {
    return { ...node, children: [] };
  }
  return { ...node, children: node.children.map((c) => subtree(c, depth - 1)) }; // expect: unbounded-loop
}

function outline(node: CategoryNode, levels: number): string[] {
  if (levels === 0) {
    return [node.name];
  }
  return [node.name, ...node.children.flatMap((c) => outline(c, levels - 1))]; // ok: unbounded-loop
}

@Controller("categories")
export class CategoriesController {
  constructor(private readonly repository: CategoryRepository) {}

  @Get(":id/tree")
  async tree(@Param("id", ParseIntPipe) id: number, @Query("depth") depth: string) {
    const root = await this.repository.tree(id);
    return subtree(root, parseInt(depth, 10));
  }

  @Get(":id/outline")
  async outline(@Param("id", ParseIntPipe) id: number, @Query("levels") levels: string) {
    const root = await this.repository.tree(id);
    const capped = Math.min(Number(levels), MAX_DEPTH);
    return outline(root, capped);
  }
}
