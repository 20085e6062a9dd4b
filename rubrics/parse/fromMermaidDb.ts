import { cleanLabel, cleanLabelLines } from './labels';
import type {
  ArrowHead,
  FlowDirection,
  LinkStroke,
  ParsedClassDef,
  ParsedEdge,
  ParsedFlowchart,
  ParsedSubgraph,
  ParsedVertex,
} from './types';

/**
 * The subset of Mermaid's flowchart database (mermaid ~11.17, `diagram.db`) this module reads.
 * Declared structurally so nothing here imports Mermaid: the Node and renderer adapters both
 * pass their own Mermaid's db in. These are Mermaid internals; the adapter tests pin them.
 */
export interface MermaidFlowVertex {
  readonly id: string;
  readonly text?: string;
  readonly type?: string;
  readonly classes?: readonly string[];
  readonly styles?: readonly string[];
}

export interface MermaidFlowEdge {
  readonly start: string;
  readonly end: string;
  readonly text?: string;
  readonly type?: string;
  readonly stroke?: string;
  readonly length?: number;
}

export interface MermaidFlowSubgraph {
  readonly id: string;
  readonly title?: string;
  readonly nodes: readonly string[];
}

export interface MermaidFlowClass {
  readonly id: string;
  readonly styles?: readonly string[];
}

export interface MermaidFlowDb {
  getDirection(): string | undefined;
  getVertices(): ReadonlyMap<string, MermaidFlowVertex>;
  getEdges(): readonly MermaidFlowEdge[];
  getSubGraphs(): readonly MermaidFlowSubgraph[];
  getClasses(): ReadonlyMap<string, MermaidFlowClass>;
}

const DIRECTIONS: readonly FlowDirection[] = ['TB', 'TD', 'BT', 'LR', 'RL'];

function toDirection(raw: string | undefined): FlowDirection {
  const upper = (raw ?? '').trim().toUpperCase();
  if (upper === 'V') return 'TB';
  if (upper === '>') return 'LR';
  if (upper === '<') return 'RL';
  if (upper === '^') return 'BT';
  return DIRECTIONS.find((d) => d === upper) ?? 'TB';
}

function toStroke(raw: string | undefined): LinkStroke {
  return raw === 'dotted' || raw === 'thick' || raw === 'invisible' ? raw : 'normal';
}

function toArrow(type: string | undefined): { arrow: ArrowHead; bidirectional: boolean } {
  const raw = type ?? 'arrow_point';
  const bidirectional = raw.startsWith('double_');
  const head = raw.replace(/^double_/, '').replace(/^arrow_/, '');
  const arrow: ArrowHead = head === 'circle' || head === 'cross' || head === 'open' ? head : 'point';
  return { arrow, bidirectional };
}

function vertexFrom(raw: MermaidFlowVertex): ParsedVertex {
  const lines = cleanLabelLines(raw.text ?? raw.id);
  const label = lines.replace(/\n/g, ' ');
  return Object.freeze({
    id: raw.id,
    label: label === '' ? raw.id : label,
    ...(lines.includes('\n') ? { lines } : {}),
    shape: raw.type ?? 'default',
    classes: Object.freeze([...(raw.classes ?? [])]),
    styles: Object.freeze([...(raw.styles ?? [])]),
  });
}

function edgeFrom(raw: MermaidFlowEdge): ParsedEdge {
  return Object.freeze({
    from: raw.start,
    to: raw.end,
    label: cleanLabel(raw.text ?? ''),
    stroke: toStroke(raw.stroke),
    ...toArrow(raw.type),
    length: raw.length ?? 1,
  });
}

function subgraphsFrom(raw: readonly MermaidFlowSubgraph[]): readonly ParsedSubgraph[] {
  const ids = new Set(raw.map((s) => s.id));
  const parentOf = new Map<string, string>();
  for (const sub of raw) {
    for (const member of sub.nodes) if (ids.has(member) && member !== sub.id) parentOf.set(member, sub.id);
  }
  return Object.freeze(
    raw.map((sub): ParsedSubgraph => {
      const parent = parentOf.get(sub.id);
      const title = cleanLabel(sub.title ?? sub.id);
      return Object.freeze({
        id: sub.id,
        title: title === '' ? sub.id : title,
        nodeIds: Object.freeze([...sub.nodes]),
        ...(parent === undefined ? {} : { parent }),
      });
    }),
  );
}

/** Pure conversion of Mermaid's flowchart db into plain, frozen parsed data. */
export function fromMermaidDb(db: MermaidFlowDb): ParsedFlowchart {
  const subgraphs = subgraphsFrom(db.getSubGraphs());
  const subgraphIds = new Set(subgraphs.map((s) => s.id));
  const vertices = [...db.getVertices().values()].filter((v) => !subgraphIds.has(v.id)).map(vertexFrom);
  const classDefs = [...db.getClasses().values()].map(
    (c): ParsedClassDef => Object.freeze({ id: c.id, styles: Object.freeze([...(c.styles ?? [])]) }),
  );
  return Object.freeze({
    direction: toDirection(db.getDirection()),
    vertices: Object.freeze(vertices),
    edges: Object.freeze(db.getEdges().map(edgeFrom)),
    subgraphs,
    classDefs: Object.freeze(classDefs),
  });
}
