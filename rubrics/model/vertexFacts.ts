import type { DataModel, DbRole, NodeKind } from '../vocabulary';
import type { ParsedVertex } from '../parse/types';
import { FLAG_ORDER, flagsIn, marksPlanned, shardKeyIn } from './annotations';
import { classDecides, classifyKind, dataModelOf, roleOf } from './classify';
import { instancesFromTitle, instancesOf } from './instances';
import { techsIn, type TechEntry } from './tech';
import { splitIdentifiers, toWords, withoutCopiedPrimary, withoutNegated, type Words } from './text';
import type { AnnotationFlag, Instances } from './types';

/**
 * What a vertex's own text says (label, shape, classes, enclosing titles), before its edges are
 * considered. Memoised on that text: when the app regrades while the user types, only the
 * vertex being edited is read again.
 */
export interface VertexFacts {
  readonly techs: readonly TechEntry[];
  /** Technology names, each once, frozen (the node's `tech`). */
  readonly techNames: readonly string[];
  /** Kind from class, label, technology, shape or titles; `undefined` leaves it to the graph position. */
  readonly kind: NodeKind | undefined;
  readonly kindFromClass: boolean;
  /** Flags the label states, as a bit mask over FLAG_ORDER. */
  readonly labelFlags: number;
  readonly shardKey: string | undefined;
  readonly instances: Instances;
  /** Meaningful only if the node ends up a database. */
  readonly dataModel: DataModel;
  readonly labelRole: DbRole | undefined;
  /** Words of the label and id together, for matching prompt keywords against the node. */
  readonly matchWords: Words;
  /** The label marks it as future work ("Future", "planned"). */
  readonly planned: boolean;
}

const FLAG_BIT = new Map<AnnotationFlag, number>(FLAG_ORDER.map((flag, i) => [flag, 1 << i]));

export function flagMask(flags: readonly AnnotationFlag[]): number {
  let mask = 0;
  for (const flag of flags) mask |= FLAG_BIT.get(flag) ?? 0;
  return mask;
}

const flagLists = new Map<number, readonly AnnotationFlag[]>();

/** The flags of a mask in FLAG_ORDER, as a shared frozen list. */
export function flagsOfMask(mask: number): readonly AnnotationFlag[] {
  let flags = flagLists.get(mask);
  if (flags === undefined) {
    flags = Object.freeze(FLAG_ORDER.filter((flag) => (mask & (FLAG_BIT.get(flag) ?? 0)) !== 0));
    flagLists.set(mask, flags);
  }
  return flags;
}

/** A store that acknowledges a write only once a quorum has it replicates synchronously, whatever the label adds. */
const CONSENSUS_FLAGS: readonly AnnotationFlag[] = ['sync_replication'];

function uniqueNames(techs: readonly TechEntry[]): string[] {
  const names: string[] = [];
  for (const t of techs) if (!names.includes(t.name)) names.push(t.name);
  return names;
}

function instancesFor(vertex: ParsedVertex, titles: readonly string[]): Instances {
  const own = instancesOf(vertex.lines ?? vertex.label, vertex.shape);
  if (own !== 1) return own;
  const title = titles[0];
  return title === undefined ? 1 : instancesFromTitle(title);
}

function readVertex(vertex: ParsedVertex, titles: readonly string[]): VertexFacts {
  const { label, shape, classes } = vertex;
  const raw = toWords(label);
  const split = toWords(splitIdentifiers(label));
  const techs = split === raw ? techsIn(raw) : [...new Set([...techsIn(raw), ...techsIn(split)])];
  const input = { id: vertex.id, label: vertex.lines ?? label, shape, classes, techs, subgraphTitles: titles };
  return Object.freeze({
    techs,
    techNames: Object.freeze(uniqueNames(techs)),
    kind: classifyKind(input),
    kindFromClass: classDecides(input),
    labelFlags: flagMask([...flagsIn(toWords(withoutNegated(label))), ...(techs.some((t) => t.consensus === true) ? CONSENSUS_FLAGS : [])]),
    shardKey: shardKeyIn(label) ?? (titles[0] === undefined ? undefined : shardKeyIn(titles[0])),
    instances: instancesFor(vertex, titles),
    dataModel: dataModelOf(label, classes, techs),
    labelRole: roleOf(withoutCopiedPrimary(withoutNegated(label)), classes),
    matchWords: toWords(`${label} ${splitIdentifiers(label)} ${splitIdentifiers(vertex.id)}`),
    planned: marksPlanned(raw),
  });
}

interface Remembered {
  readonly vertex: ParsedVertex;
  readonly titles: readonly string[];
  readonly facts: VertexFacts;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const sameText = (r: Remembered, vertex: ParsedVertex, titles: readonly string[]): boolean =>
  r.vertex.label === vertex.label && r.vertex.lines === vertex.lines && r.vertex.shape === vertex.shape && sameList(r.vertex.classes, vertex.classes) && sameList(r.titles, titles);

/** The last few texts seen for each vertex id, newest first: enough for one label being edited. */
const rememberedById = new Map<string, Remembered[]>();
const VERSIONS_PER_ID = 4;

export function vertexFacts(vertex: ParsedVertex, titles: readonly string[]): VertexFacts {
  const versions = rememberedById.get(vertex.id);
  for (const r of versions ?? []) if (sameText(r, vertex, titles)) return r.facts;
  const facts = readVertex(vertex, titles);
  const remembered: Remembered = { vertex, titles, facts };
  if (versions === undefined) {
    if (rememberedById.size > 5_000) rememberedById.clear();
    rememberedById.set(vertex.id, [remembered]);
  } else {
    versions.unshift(remembered);
    if (versions.length > VERSIONS_PER_ID) versions.pop();
  }
  return facts;
}
