/**
 * Nodes numbered 0..size-1, undirected, in compressed form: the neighbours of node `v` are
 * `next[start[v]]` … `next[start[v + 1] - 1]` (an edge drawn twice is listed twice).
 */
export interface IndexedGraph {
  readonly size: number;
  readonly start: Int32Array;
  readonly next: Int32Array;
  /** Where requests start. */
  readonly entries: readonly number[];
}

/** Builds the compressed form from undirected edges given as pairs (`ends[2k]`, `ends[2k + 1]`). */
export function indexedGraph(size: number, ends: readonly number[], entries: readonly number[]): IndexedGraph {
  const start = new Int32Array(size + 1);
  for (const v of ends) start[v + 1] = (start[v + 1] as number) + 1;
  for (let v = 0; v < size; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, size);
  const next = new Int32Array(ends.length);
  const append = (v: number, neighbour: number): void => {
    const at = fill[v] as number;
    next[at] = neighbour;
    fill[v] = at + 1;
  };
  for (let k = 0; k < ends.length; k += 2) {
    append(ends[k] as number, ends[k + 1] as number);
    append(ends[k + 1] as number, ends[k] as number);
  }
  return { size, start, next, entries };
}

/** What one depth-first search says about every node's failure. */
export interface Cuts {
  /** Nodes reachable from some entry, in visiting order. */
  readonly visited: Int32Array;
  /** `visited` position of each node, -1 if no entry reaches it. */
  readonly position: Int32Array;
  /** Nodes no entry can reach once `v` fails (excluding `v`), as node numbers. */
  cutOffBy(v: number): number[];
}

/**
 * Tarjan's articulation points with a virtual root joined to every entry, so "separated from
 * the root" means "unreachable from every entry". A child subtree whose lowest reachable visit
 * is not above its parent is cut off when the parent fails; subtrees are contiguous runs of the
 * visiting order. Linear in nodes + edges.
 */
export function articulationCuts(g: IndexedGraph): Cuts {
  const root = g.size;
  const isEntry = new Uint8Array(g.size);
  for (const e of g.entries) isEntry[e] = 1;
  const disc = new Int32Array(g.size + 1).fill(-1);
  const low = new Int32Array(g.size + 1);
  const parent = new Int32Array(g.size + 1).fill(-1);
  const cursor = new Int32Array(g.size + 1);
  const order = new Int32Array(g.size + 1);
  const stack = new Int32Array(g.size + 1);
  const ranges: Array<number[] | undefined> = [];
  let count = 0;
  let depth = 0;
  const visit = (v: number, from: number): void => {
    disc[v] = count;
    low[v] = count;
    order[count++] = v;
    parent[v] = from;
    stack[depth++] = v;
  };
  /** The next neighbour of `v` to look at, or -1; an entry's last neighbour is the virtual root. */
  const nextNeighbour = (v: number): number => {
    const i = cursor[v] as number;
    cursor[v] = i + 1;
    if (v === root) return i < g.entries.length ? (g.entries[i] as number) : -1;
    const pos = (g.start[v] as number) + i;
    const end = g.start[v + 1] as number;
    if (pos < end) return g.next[pos] as number;
    return pos === end && isEntry[v] === 1 ? root : -1;
  };
  visit(root, -1);
  while (depth > 0) {
    const v = stack[depth - 1] as number;
    const w = nextNeighbour(v);
    if (w >= 0) {
      if (w === parent[v]) continue;
      if ((disc[w] as number) >= 0) low[v] = Math.min(low[v] as number, disc[w] as number);
      else visit(w, v);
      continue;
    }
    depth--;
    const p = parent[v] as number;
    if (p < 0) continue;
    low[p] = Math.min(low[p] as number, low[v] as number);
    if (p !== root && (low[v] as number) >= (disc[p] as number)) {
      const first = disc[v] as number;
      (ranges[p] ??= []).push(first, count);
    }
  }
  disc[root] = -1;
  for (let v = 0; v < g.size; v++) if ((disc[v] as number) > 0) disc[v] = (disc[v] as number) - 1;
  return {
    visited: order.slice(1, count),
    position: disc.subarray(0, g.size),
    cutOffBy: (v) => {
      const cut: number[] = [];
      const list = ranges[v] ?? [];
      for (let k = 0; k < list.length; k += 2) for (let i = list[k] as number; i < (list[k + 1] as number); i++) cut.push(order[i] as number);
      return cut;
    },
  };
}
