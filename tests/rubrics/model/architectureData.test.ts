import { describe, expect, it } from 'vitest';
import { architectureData, architectureFromData } from '../../../rubrics/model/build';
import { fc, graphOf } from '../helpers';

describe('architectureData / architectureFromData (the graph across the grading worker boundary)', () => {
  it('survives structured cloning and answers every lookup as the graph it came from', async () => {
    const graph = await graphOf(fc('U([Mobile app]) --> LB[Load balancer pair]', 'LB --> API[Post service ×3]', 'API --> DB[(Posts DB)]', 'API -.-> C[Redis feed cache]'));
    const rebuilt = architectureFromData(structuredClone(architectureData(graph)));
    expect(rebuilt.nodes).toEqual(graph.nodes);
    expect(rebuilt.edges).toEqual(graph.edges);
    expect(rebuilt.subgraphs).toEqual(graph.subgraphs);
    for (const node of graph.nodes) {
      expect(rebuilt.node(node.id)).toEqual(node);
      expect(rebuilt.outgoing(node.id)).toEqual(graph.outgoing(node.id));
      expect(rebuilt.incoming(node.id)).toEqual(graph.incoming(node.id));
      expect(rebuilt.neighbours(node.id)).toEqual(graph.neighbours(node.id));
      expect(rebuilt.matchWords(rebuilt.node(node.id) ?? node)).toEqual(graph.matchWords(node));
    }
    expect(rebuilt.ofKind('cache', 'database')).toEqual(graph.ofKind('cache', 'database'));
  });
});
