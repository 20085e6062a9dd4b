/**
 * Plain parsed flowchart data: what Mermaid's parser understood, with no Mermaid types.
 * Produced by an environment adapter (Node or renderer) through `fromMermaidDb`.
 */
import type { NodeKind } from '../vocabulary';

export type FlowDirection = 'TB' | 'TD' | 'BT' | 'LR' | 'RL';

export interface ParsedVertex {
  readonly id: string;
  /** Plain label text: entities decoded, `<br/>` turned into a space, markdown and quotes stripped. */
  readonly label: string;
  /** The label with its line breaks kept as `\n`, when it has any: a break separates a name from its description. */
  readonly lines?: string;
  /** Mermaid shape name (`square`, `round`, `cylinder`, `procs`, …); `default` when none was given. */
  readonly shape: string;
  readonly classes: readonly string[];
  readonly styles: readonly string[];
}

export type ArrowHead = 'point' | 'circle' | 'cross' | 'open';
export type LinkStroke = 'normal' | 'dotted' | 'thick' | 'invisible';

export interface ParsedEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly stroke: LinkStroke;
  readonly arrow: ArrowHead;
  readonly bidirectional: boolean;
  /** Mermaid link length (`-->` is 1, `--->` is 2, …). */
  readonly length: number;
}

export interface ParsedSubgraph {
  readonly id: string;
  readonly title: string;
  /** Direct members: vertex ids and nested subgraph ids. */
  readonly nodeIds: readonly string[];
  readonly parent?: string;
}

export interface ParsedClassDef {
  readonly id: string;
  readonly styles: readonly string[];
}

export interface ParsedFlowchart {
  readonly direction: FlowDirection;
  readonly vertices: readonly ParsedVertex[];
  readonly edges: readonly ParsedEdge[];
  readonly subgraphs: readonly ParsedSubgraph[];
  readonly classDefs: readonly ParsedClassDef[];
  /** Kinds the author set with `%% sysdrill: <id> is <kind>` lines (see `kindOverrides.ts`), by vertex id. */
  readonly kindOverrides?: Readonly<Record<string, NodeKind>>;
}

export interface ParseError {
  /** 1-based line in the text the user wrote. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly message: string;
  /** A concrete fix, usually with the corrected line. */
  readonly hint?: string;
  /** The offending source line. */
  readonly excerpt?: string;
}

export type ParseResult =
  | { readonly ok: true; readonly flowchart: ParsedFlowchart }
  | { readonly ok: false; readonly errors: readonly ParseError[] };
