import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid, parseMermaid } from '../../../rubrics/parse/node/index';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';

beforeAll(async () => {
  await loadMermaid();
});

async function parsed(text: string): Promise<ParsedFlowchart> {
  const result = await parseMermaid(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.flowchart;
}

const vertices = (f: ParsedFlowchart) => f.vertices.map((v) => `${v.id}|${v.label}|${v.shape}`);
const edges = (f: ParsedFlowchart) =>
  f.edges.map((e) => `${e.from}>${e.to}|${e.label}|${e.stroke}|${e.arrow}|${e.bidirectional ? 'bi' : 'uni'}|${e.length}`);

describe('parse adapter: node shapes and labels', () => {
  const cases: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    ['square', 'A[Box]', ['A|Box|square']],
    ['round', 'A(Round)', ['A|Round|round']],
    ['stadium', 'A([Client])', ['A|Client|stadium']],
    ['subroutine', 'A[[Queue]]', ['A|Queue|subroutine']],
    ['cylinder', 'A[(DB)]', ['A|DB|cylinder']],
    ['circle', 'A((C))', ['A|C|circle']],
    ['double circle', 'A(((C)))', ['A|C|doublecircle']],
    ['asymmetric', 'A>Flag]', ['A|Flag|odd']],
    ['rhombus', 'A{Decide}', ['A|Decide|diamond']],
    ['hexagon', 'A{{Hex}}', ['A|Hex|hexagon']],
    ['parallelogram', 'A[/In/]', ['A|In|lean_right']],
    ['trapezoid', 'A[/T\\]', ['A|T|trapezoid']],
    ['bare id', 'A', ['A|A|default']],
    ['new shape syntax', 'A@{ shape: procs, label: "Workers" }', ['A|Workers|procs']],
    ['new shape cylinder', 'A@{ shape: cyl, label: "Orders" }', ['A|Orders|cyl']],
    ['quoted label with parentheses', 'A["Service (v2)"]', ['A|Service (v2)|square']],
    ['br tag', 'A[Line one<br/>line two]', ['A|Line one line two|square']],
    ['html entity', 'A[Q &amp; A]', ['A|Q & A|square']],
    ['mermaid entity codes', 'A["#quot;x#quot; #9829;"]', ['A|"x" ♥|square']],
    ['emoji', 'A[🚀 Launch]', ['A|🚀 Launch|square']],
    ['markdown string', 'A["`**Bold** service`"]', ['A|Bold service|square']],
    ['middle dot and times', 'A[App ×3 · Go]', ['A|App ×3 · Go|square']],
  ];
  it.each(cases)('%s', async (_name, line, expected) => {
    expect(vertices(await parsed(`flowchart LR\n  ${line}\n`))).toEqual(expected);
  });
});

describe('parse adapter: links', () => {
  const cases: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    ['arrow', 'A --> B', ['A>B||normal|point|uni|1']],
    ['open link', 'A --- B', ['A>B||normal|open|uni|1']],
    ['dotted', 'A -.-> B', ['A>B||dotted|point|uni|1']],
    ['thick', 'A ==> B', ['A>B||thick|point|uni|1']],
    ['invisible', 'A ~~~ B', ['A>B||invisible|open|uni|1']],
    ['circle head', 'A --o B', ['A>B||normal|circle|uni|1']],
    ['cross head', 'A --x B', ['A>B||normal|cross|uni|1']],
    ['bidirectional', 'A <--> B', ['A>B||normal|point|bi|1']],
    ['bidirectional dotted', 'A <-.-> B', ['A>B||dotted|point|bi|1']],
    ['longer link', 'A ----> B', ['A>B||normal|point|uni|3']],
    ['long dotted', 'A -...-> B', ['A>B||dotted|point|uni|3']],
    ['pipe label', 'A -->|reads| B', ['A>B|reads|normal|point|uni|1']],
    ['inline label', 'A -- writes --> B', ['A>B|writes|normal|point|uni|1']],
    ['dotted inline label', 'A -. replicates .-> B', ['A>B|replicates|dotted|point|uni|1']],
    ['thick inline label', 'A == publish ==> B', ['A>B|publish|thick|point|uni|1']],
    ['quoted pipe label', 'A -->|"a | b"| B', ['A>B|a | b|normal|point|uni|1']],
    ['ampersand fan-out', 'A --> B & C', ['A>B||normal|point|uni|1', 'A>C||normal|point|uni|1']],
    ['ampersand both sides', 'A & B --> C', ['A>C||normal|point|uni|1', 'B>C||normal|point|uni|1']],
    ['chain', 'A --> B --> C', ['A>B||normal|point|uni|1', 'B>C||normal|point|uni|1']],
  ];
  it.each(cases)('%s', async (_name, line, expected) => {
    expect(edges(await parsed(`flowchart LR\n  ${line}\n`))).toEqual(expected);
  });
});

describe('parse adapter: document structure', () => {
  it('reads the direction keyword in both header forms (TD is normalised to TB)', async () => {
    expect((await parsed('flowchart LR\n A --> B\n')).direction).toBe('LR');
    expect((await parsed('graph TD\n A --> B\n')).direction).toBe('TB');
    expect((await parsed('flowchart BT\n A --> B\n')).direction).toBe('BT');
    expect((await parsed('graph\n A --> B\n')).direction).toBe('TB');
  });

  it('reads nested subgraphs with titles and parents', async () => {
    const f = await parsed('flowchart LR\n subgraph Data [Data tier]\n  DB[(DB)]\n  subgraph Cache\n   C[(Redis)]\n  end\n end\n App --> DB\n');
    expect(f.subgraphs.map((s) => [s.id, s.title, [...s.nodeIds].sort().join(','), s.parent ?? '-'])).toEqual([
      ['Cache', 'Cache', 'C', 'Data'],
      ['Data', 'Data tier', 'Cache,DB', '-'],
    ]);
  });

  it('reads classDef, class statements and ::: shorthand', async () => {
    const f = await parsed('flowchart LR\n A[Cache]:::cache --> B[(Store)]\n class B db\n classDef cache fill:#fee\n style A stroke:#f00\n');
    expect(f.vertices.map((v) => [v.id, v.classes.join(' '), v.styles.join(';')])).toEqual([
      ['A', 'cache', 'stroke:#f00'],
      ['B', 'db', ''],
    ]);
    expect(f.classDefs.map((c) => c.id)).toContain('cache');
  });

  it('ignores comments, front matter and directives', async () => {
    const f = await parsed('---\ntitle: My design\n---\n%%{init: {"theme": "dark"}}%%\nflowchart LR\n %% a comment\n A --> B\n');
    expect(vertices(f)).toEqual(['A|A|default', 'B|B|default']);
  });

  it('returns frozen data', async () => {
    const f = await parsed('flowchart LR\n A --> B\n');
    expect(Object.isFrozen(f)).toBe(true);
    expect(Object.isFrozen(f.vertices[0])).toBe(true);
  });
});
