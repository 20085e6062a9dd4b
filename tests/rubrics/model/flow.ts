import type { ParsedEdge, ParsedFlowchart, ParsedSubgraph, ParsedVertex } from '../../../rubrics/parse/types';

/** Hand-built parsed flowcharts for model tests (no Mermaid needed). */
export const v = (id: string, label = id, shape = 'square', classes: string[] = []): ParsedVertex => ({ id, label, shape, classes, styles: [] });

export const e = (from: string, to: string, label = '', stroke: ParsedEdge['stroke'] = 'normal', bidirectional = false): ParsedEdge => ({
  from,
  to,
  label,
  stroke,
  arrow: 'point',
  bidirectional,
  length: 1,
});

export const flow = (vertices: ParsedVertex[], edges: ParsedEdge[] = [], subgraphs: ParsedSubgraph[] = []): ParsedFlowchart => ({
  direction: 'LR',
  vertices,
  edges,
  subgraphs,
  classDefs: [],
});
