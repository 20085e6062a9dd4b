import { describe, expect, it } from 'vitest';
import { CapabilitiesSchema } from '../../../rubrics/coverage/schema';
import { GENERIC_CAPABILITIES } from '../../../rubrics/coverage/generic';
import { failureDrill, type DrillReport } from '../../../rubrics/drill/failureDrill';
import { fc, graphOf } from '../helpers';

/** The drill as short strings: capability ids, `client->store` flows, node ids. */
function brief(report: DrillReport): Record<string, string[]> {
  return {
    broken: report.brokenCapabilities.map((c) => c.id),
    working: report.workingCapabilities.map((c) => c.id),
    unserved: report.unservedCapabilities.map((c) => c.id),
    brokenFlows: report.brokenFlows.map((f) => `${f.client.id}->${f.store.id}`),
    workingFlows: report.workingFlows.map((f) => `${f.client.id}->${f.store.id}`),
    unreachable: [...report.unreachable],
  };
}

/** Users behind a balancer, three service instances, a cache and a database. */
const SHOP = fc('U([Users]) --> LB[Load balancer]', 'LB --> API[Post service ×3]', 'API --> C[Redis cache]', 'API --> DB[(Posts DB)]');

/** Generic capabilities: requests-served (a service), data-stored (a service, then a store). */
const CASES: readonly { readonly name: string; readonly diagram: string; readonly failed: string[]; readonly expected: Record<string, string[]> }[] = [
  {
    name: 'with nothing failed everything the design serves works',
    diagram: SHOP,
    failed: [],
    expected: { broken: [], working: ['requests-served', 'data-stored'], unserved: [], brokenFlows: [], workingFlows: ['U->C', 'U->DB'], unreachable: [] },
  },
  {
    name: 'the cache failing breaks the flow to it, but data is still stored in the database',
    diagram: SHOP,
    failed: ['C'],
    expected: { broken: [], working: ['requests-served', 'data-stored'], unserved: [], brokenFlows: ['U->C'], workingFlows: ['U->DB'], unreachable: [] },
  },
  {
    name: 'the cache and the database failing together break storing data and every flow to a store',
    diagram: SHOP,
    failed: ['C', 'DB'],
    expected: { broken: ['data-stored'], working: ['requests-served'], unserved: [], brokenFlows: ['U->C', 'U->DB'], workingFlows: [], unreachable: [] },
  },
  {
    name: 'the balancer failing cuts everything behind it off from the users',
    diagram: SHOP,
    failed: ['LB'],
    expected: { broken: ['requests-served', 'data-stored'], working: [], unserved: [], brokenFlows: ['U->C', 'U->DB'], workingFlows: [], unreachable: ['API', 'C', 'DB'] },
  },
  {
    name: 'one of two services failing leaves the other path working',
    diagram: fc('U([Users]) --> LB[Load balancer]', 'LB --> A1[Service A]', 'LB --> A2[Service B]', 'A1 --> DB[(Posts DB)]', 'A2 --> DB'),
    failed: ['A1'],
    expected: { broken: [], working: ['requests-served', 'data-stored'], unserved: [], brokenFlows: [], workingFlows: ['U->DB'], unreachable: [] },
  },
  {
    name: 'a capability the design never served is not counted as broken',
    diagram: fc('U([Users]) --> API[Post service]'),
    failed: ['API'],
    expected: { broken: ['requests-served'], working: [], unserved: ['data-stored'], brokenFlows: [], workingFlows: [], unreachable: [] },
  },
  {
    name: 'the only client failing breaks its flows but leaves the nodes it reached as they are drawn',
    diagram: fc('U([Users]) --> API[Post service]', 'API --> DB[(Posts DB)]'),
    failed: ['U'],
    expected: { broken: ['requests-served', 'data-stored'], working: [], unserved: [], brokenFlows: ['U->DB'], workingFlows: [], unreachable: ['API', 'DB'] },
  },
];

describe('failureDrill', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      expect(brief(failureDrill(await graphOf(c.diagram), GENERIC_CAPABILITIES, new Set(c.failed)))).toEqual(c.expected);
    });
  }

  it("reads a prompt's own capability chains: the feed cache failing breaks the precomputed feed only", async () => {
    const capabilities = CapabilitiesSchema.parse([
      { id: 'posts-stored', title: 'Posts are stored', core: true, rule: 'database-choice', missing: 'x', chain: [{ kind: ['service'] }, { kind: ['database'] }] },
      { id: 'feed-cached', title: 'The feed is cached', core: false, rule: 'caching', missing: 'x', chain: [{ kind: ['service'] }, { kind: ['cache'] }] },
    ]);
    const report = failureDrill(await graphOf(SHOP), capabilities, new Set(['C']));
    expect(report.brokenCapabilities).toEqual([{ id: 'feed-cached', title: 'The feed is cached', core: false }]);
    expect(report.workingCapabilities.map((c) => c.id)).toEqual(['posts-stored']);
  });
});
