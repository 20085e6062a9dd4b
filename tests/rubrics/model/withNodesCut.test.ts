import { describe, expect, it } from 'vitest';
import { withNodesCut } from '../../../rubrics/model/build';
import { fc, graphOf } from '../helpers';

describe('withNodesCut', () => {
  it('drops every edge touching a cut node and keeps every node with its kind', async () => {
    const graph = await graphOf(fc('U([Users]) --> API[Post service]', 'API --> C[Redis cache]', 'API --> DB[(Posts DB)]', 'C -.-> DB'));
    const cut = withNodesCut(graph, new Set(['C']));
    expect(cut.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual(['U:client', 'API:service', 'C:cache', 'DB:database']);
    expect(cut.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['U->API', 'API->DB']);
    expect(cut.neighbours('C')).toEqual([]);
    expect(cut.outgoing('API').map((e) => e.to)).toEqual(['DB']);
  });
});
