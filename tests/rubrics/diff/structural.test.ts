import { describe, expect, it } from 'vitest';
import { normaliseLabel, structuralDiff, type StructuralDiff } from '../../../rubrics/diff/structural';
import type { ArchEdge } from '../../../rubrics/model/types';
import { fc, graphOf } from '../helpers';

const edge = (e: ArchEdge): string => `${e.from}->${e.to}`;

/** The diff as short strings: ids, `before->after:aspects`, `from->to`. */
function brief(diff: StructuralDiff): Record<string, string[]> {
  return {
    addedNodes: diff.addedNodes.map((n) => n.id),
    removedNodes: diff.removedNodes.map((n) => n.id),
    changedNodes: diff.changedNodes.map((c) => `${c.before.id}->${c.after.id}:${c.aspects.join(',')}`),
    addedEdges: diff.addedEdges.map(edge),
    removedEdges: diff.removedEdges.map(edge),
    changedEdges: diff.changedEdges.map((c) => `${edge(c.before)}:${c.aspects.join(',')}`),
  };
}

const NONE = { addedNodes: [], removedNodes: [], changedNodes: [], addedEdges: [], removedEdges: [], changedEdges: [] };

const BASE = ['U([Users]) --> API[Photo service]', 'API --> DB[(Photos DB)]'];

const CASES: readonly { readonly name: string; readonly before: string[]; readonly after: string[]; readonly expected: Partial<Record<keyof typeof NONE, string[]>> }[] = [
  { name: 'the same diagram differs in nothing', before: BASE, after: BASE, expected: {} },
  {
    name: 'a cache added behind the service is one component and one connection added',
    before: BASE,
    after: [...BASE, 'API --> C[Redis cache]'],
    expected: { addedNodes: ['C'], addedEdges: ['API->C'] },
  },
  {
    name: 'a database removed takes its connection with it',
    before: BASE,
    after: ['U([Users]) --> API[Photo service]'],
    expected: { removedNodes: ['DB'], removedEdges: ['API->DB'] },
  },
  {
    name: 'a new id with the same label in other case and punctuation is the same component',
    before: BASE,
    after: ['U([Users]) --> API[Photo service]', 'API --> Store[(photos-db)]'],
    expected: {},
  },
  {
    name: 'a service scaled to three instances changes its instances, not its label',
    before: BASE,
    after: ['U([Users]) --> API[Photo service ×3]', 'API --> DB[(Photos DB)]'],
    expected: { changedNodes: ['API->API:instances'] },
  },
  {
    name: 'the same id drawn as a worker instead of a queue changes kind and label',
    before: [...BASE, 'API --> Q[[Upload queue]]'],
    after: [...BASE, 'API --> Q[Upload worker]'],
    expected: { changedNodes: ['Q->Q:kind,label'] },
  },
  {
    name: 'a connection relabelled from writes to reads is changed, not replaced',
    before: ['U([Users]) --> API[Photo service]', 'API -->|writes| DB[(Photos DB)]'],
    after: ['U([Users]) --> API[Photo service]', 'API -->|reads| DB[(Photos DB)]'],
    expected: { changedEdges: ['API->DB:label'] },
  },
  {
    name: 'a solid connection drawn dotted changes style',
    before: BASE,
    after: ['U([Users]) --> API[Photo service]', 'API -.-> DB[(Photos DB)]'],
    expected: { changedEdges: ['API->DB:style'] },
  },
  {
    name: 'a plain line written from the other end is the same connection',
    before: ['U([Users]) --> API[Photo service]', 'API --- DB[(Photos DB)]'],
    after: ['U([Users]) --> API[Photo service]', 'DB[(Photos DB)] --- API'],
    expected: {},
  },
  {
    name: 'an arrow reversed is one connection removed and another added',
    before: ['U([Users]) --> API[Photo service]', 'API --> W[Thumbnail worker]'],
    after: ['U([Users]) --> API[Photo service]', 'W[Thumbnail worker] --> API'],
    expected: { removedEdges: ['API->W'], addedEdges: ['W->API'] },
  },
  {
    name: 'two boxes with equal labels under new ids pair up in diagram order, their connections through them',
    before: ['U([Users]) --> W1[Worker]', 'U --> W2[Worker]', 'W2 --> DB[(Photos DB)]'],
    after: ['U([Users]) --> X1[Worker]', 'U --> X2[Worker]', 'X2 --> DB[(Photos DB)]'],
    expected: {},
  },
  {
    name: 'an id match wins over a label match: the old label under a new id is a new component',
    before: ['U([Users]) --> S[Search]'],
    after: ['U([Users]) --> S[Search index]', 'U --> T[Search]'],
    expected: { changedNodes: ['S->S:label'], addedNodes: ['T'], addedEdges: ['U->T'] },
  },
  {
    name: 'a box renamed and scaled out matches by label and is changed in instances only',
    before: ['U([Users]) --> API[Post service]'],
    after: ['U([Users]) --> PostSvc[Post service ×6]'],
    expected: { changedNodes: ['API->PostSvc:instances'] },
  },
];

describe('structuralDiff', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const diff = structuralDiff(await graphOf(fc(...c.before)), await graphOf(fc(...c.after)));
      expect(brief(diff)).toEqual({ ...NONE, ...c.expected });
    });
  }

  it('records which node of the first graph matched which of the second', async () => {
    const diff = structuralDiff(await graphOf(fc(...BASE)), await graphOf(fc('U([Users]) --> API[Photo service]', 'API --> Store[(photos-db)]')));
    expect([...diff.matched]).toEqual([
      ['U', 'U'],
      ['API', 'API'],
      ['DB', 'Store'],
    ]);
  });
});

describe('normaliseLabel', () => {
  it.each([
    ['Photos  DB', 'photos db'],
    ['photos-db', 'photos db'],
    [' Photos_DB! ', 'photos db'],
    ['Ｐhotos DB', 'photos db'],
    ['Post service ×6', 'post service'],
    ['Fan-out workers x20', 'fan out workers'],
    ['3x App', 'app'],
    ['Box x-ray 3', 'box x ray 3'],
  ])('reads %j as %j', (label, expected) => {
    expect(normaliseLabel(label)).toBe(expected);
  });
});
