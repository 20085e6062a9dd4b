import { describe, expect, it } from 'vitest';
import { gradeFlowchart } from '../../rubrics/grade';
import { parseMermaid } from '../../rubrics/parse/node/index';
import { readingOf } from '../../rubrics/reading';
import { fc, graphOf, paramsFor } from './helpers';

const readingFor = async (text: string) => readingOf(await graphOf(text), text);

describe('readingOf: each box as the grader read it', () => {
  it.each([
    ['a single box', 'A[App server]', 'A', 'service', 'one instance'],
    ['a count', 'A[App server ×3]', 'A', 'service', '3 instances'],
    ['a fleet', 'A[App fleet · auto-scaling]', 'A', 'service', 'several instances'],
    ['a managed store', 'A[(Media · S3)]', 'A', 'object storage', 'managed: the provider keeps copies'],
    ['a cluster by design', 'A[(Events · Cassandra)]', 'A', 'database', 'a cluster by design'],
  ])('says how many copies of %s run', async (_, node, id, kindTitle, copies) => {
    const reading = await readingFor(fc(`U([Users]) --> ${node}`));
    expect(reading.nodes.find((n) => n.id === id)).toMatchObject({ kindTitle, copies, setByAuthor: false });
  });

  it('says when a single box has a copy drawn beside it', async () => {
    const reading = await readingFor(fc('U([Users]) --> A[App]', 'A --> P[(Orders · Postgres primary)]', 'P -. replicates .-> R[(Orders · Postgres replica)]'));
    expect(reading.nodes.find((n) => n.id === 'P')).toMatchObject({ copies: 'one instance, with a copy drawn beside it', detail: 'relational database · primary', tech: ['postgres'] });
  });

  it('lists the boxes in diagram order with their labels as written', async () => {
    const reading = await readingFor(fc('U([Users]) --> LB[Load balancer] --> A["App <b>server</b>"]'));
    expect(reading.nodes.map((n) => [n.id, n.label, n.kind])).toEqual([
      ['U', 'Users', 'client'],
      ['LB', 'Load balancer', 'load_balancer'],
      ['A', 'App server', 'service'],
    ]);
  });

  it('marks a kind the author set, and locates the lines it could not use, in line order', async () => {
    const text = [fc('U([Users]) --> P[Payment Gateway] --> D[(Orders DB)]'), '%% sysdrill: Q is cache', '%% sysdrill: P is service', '%% sysdrill: D is lizard'].join('\n');
    const reading = await readingFor(text);
    expect(reading.nodes.find((n) => n.id === 'P')).toMatchObject({ kind: 'service', setByAuthor: true });
    expect(reading.problems.map((p) => [p.line, p.column, p.message.slice(0, 20)])).toEqual([
      [3, 14, 'No box has the id `Q'],
      [5, 19, '"lizard" is not a ki'],
    ]);
  });

  const NO_BOX = (id: string): string => `No box has the id \`${id}\`: write the id used in the diagram (ids are case-sensitive).`;
  const NOT_A_KIND = (phrase: string): RegExp => new RegExp(`^"${phrase}" is not a kind Sysdrill knows; write one of: client, `);

  it.each<[string, string, [number, string | RegExp][]]>([
    ['an unknown id and an unknown kind: both, each at its own column', '%% sysdrill: nosuchbox is thingamajig', [[14, NO_BOX('nosuchbox')], [27, NOT_A_KIND('thingamajig')]]],
    ['an unknown id with a known kind: the id only', '%% sysdrill: nosuchbox is cache', [[14, NO_BOX('nosuchbox')]]],
    ['a known id with an unknown kind: the kind only', '%% sysdrill: P is thingamajig', [[19, NOT_A_KIND('thingamajig')]]],
    ['an unknown id with nothing after "is": the missing kind only', '%% sysdrill: nosuchbox is ', [[27, /^Nothing follows "is"; write one of: client, /]]],
  ])('says what is wrong with an override line that has %s', async (_, line, expected) => {
    const reading = await readingFor([fc('U([Users]) --> P[Payment Gateway]'), line].join('\n'));
    expect(reading.problems).toEqual(expected.map(([column, message]) => ({ line: 3, column, message: typeof message === 'string' ? message : expect.stringMatching(message) })));
  });
});

describe('an author-set kind is graded as that kind', () => {
  const text = fc('U([Mobile app]) --> LB[Load balancer · managed] --> A[Checkout ×2]', 'A --> P[Payment Gateway]', 'A --> D[(Orders · Postgres ×2 · failover)]');

  it('reads the box by its words without a line', async () => {
    expect((await graphOf(text)).node('P')?.kind).toBe('external');
  });

  it('makes the one payment gateway a single point of failure once the author says it is theirs, not a third party', async () => {
    const params = paramsFor('single-point-of-failure');
    const without = await parseMermaid(text);
    const withLine = await parseMermaid(`${text}\n%% sysdrill: P is service`);
    if (!without.ok || !withLine.ok) throw new Error('test diagram does not parse');
    const spofNodes = (parsed: typeof without & { ok: true }) => gradeFlowchart(parsed.flowchart, params).findings.filter((f) => f.rule === 'single-point-of-failure').flatMap((f) => f.nodes);
    expect(spofNodes(without)).not.toContain('P');
    expect(spofNodes(withLine)).toContain('P');
  });

  it('keeps the kind it was given where position alone would read it otherwise', async () => {
    // An uncalled box that calls the balancer is read as the users; the author says it is a service.
    const base = fc('J[Importer] --> LB[Load balancer] --> A[App ×2] --> D[(DB)]');
    expect((await graphOf(base)).node('J')?.kind).toBe('client');
    const graph = await graphOf(`${base}\n%% sysdrill: J is worker`);
    expect(graph.node('J')).toMatchObject({ kind: 'worker', kindSetByAuthor: true });
  });
});
