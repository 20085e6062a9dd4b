import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../prompts/node/glossary';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import type { Prompt } from '../../prompts/schema';
import { gradeFlowchart } from '../../rubrics/grade';
import { loadMermaid, parseMermaid } from '../../rubrics/parse/node/index';

/**
 * A score is earned, not left over: designs that serve little of what a prompt asks score low
 * on every prompt, whatever mistakes they avoid. The bounds are the ones issue 7 sets.
 */

const BARE_BOX_MAX = 10;
const CHAIN_WITHOUT_STORE_MAX = 30;
const CLIENT_SERVER_DATABASE_MAX = 40;
const UNCONNECTED_CONCEPTS_MAX = 40;
const ONE_BOX_MAX = 10;
const BUZZWORDS_MAX = 40;

const library = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);
const glossary = loadGlossary();

beforeAll(async () => {
  await loadMermaid();
});

async function score(text: string, prompt: Prompt): Promise<number> {
  const parsed = await parseMermaid(text);
  if (!parsed.ok) throw new Error(`floor diagram does not parse: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return gradeFlowchart(parsed.flowchart, prompt).score.total;
}

const BARE_BOX = 'flowchart LR\n  A';
const CHAIN_WITHOUT_STORE = ['flowchart LR', '  U([Users]) --> LB[Load balancer · redundant pair]', '  LB --> GW[API gateway ×3]', '  GW --> App[App servers ×6 · stateless]'].join('\n');
const CLIENT_SERVER_DATABASE = ['flowchart LR', '  U([Users]) --> S[Server]', '  S --> DB[(Database)]'].join('\n');

/** Every concept the prompt exercises and every entity it stores, each as a box with no edge. */
function unconnectedConcepts(prompt: Prompt): string {
  if (!glossary.ok) throw new Error('the glossary does not load');
  const titles = new Map(glossary.glossary.concepts.map((c) => [c.id, c.title]));
  const labels = [...prompt.concepts.map((id) => titles.get(id) ?? id), ...prompt.entities.map((e) => e.name)];
  return ['flowchart LR', ...labels.map((label, i) => `  C${i}["${label.replace(/"/g, "'")}"]`)].join('\n');
}

/** The twelve buzzword boxes, without a single edge. */
const BUZZWORDS = [
  'flowchart LR',
  '  CDN[CDN · CloudFront]',
  '  ALB[ALB · health checks]',
  '  App[App servers ×6 · auto-scaling]',
  '  Redis[(Redis cluster)]',
  '  Kafka[[Kafka cluster]]',
  '  PG[(Postgres primary)]',
  '  PGR[(Postgres replica · auto failover)]',
  '  S3[(S3 bucket)]',
  '  Mon[Monitoring · Prometheus, Grafana]',
  '  ES[(Elasticsearch cluster)]',
  '  WS[WebSocket gateways ×4]',
  '  Workers[Workers ×10 · SQS consumers]',
].join('\n');

describe('floors: every prompt', () => {
  it('loads the library', () => {
    expect(library.errors).toEqual([]);
    expect(library.prompts.length).toBe(18);
  });

  describe.each(library.prompts.map((p) => [p.id, p] as const))('%s', (_id, prompt) => {
    it(`a bare box scores at most ${BARE_BOX_MAX}`, async () => {
      expect(await score(BARE_BOX, prompt)).toBeLessThanOrEqual(BARE_BOX_MAX);
    });

    it(`a chain with no data store scores at most ${CHAIN_WITHOUT_STORE_MAX}`, async () => {
      expect(await score(CHAIN_WITHOUT_STORE, prompt)).toBeLessThanOrEqual(CHAIN_WITHOUT_STORE_MAX);
    });

    it(`client → server → database scores at most ${CLIENT_SERVER_DATABASE_MAX}`, async () => {
      expect(await score(CLIENT_SERVER_DATABASE, prompt)).toBeLessThanOrEqual(CLIENT_SERVER_DATABASE_MAX);
    });

    it(`all its concepts as unconnected boxes score at most ${UNCONNECTED_CONCEPTS_MAX}`, async () => {
      expect(await score(unconnectedConcepts(prompt), prompt)).toBeLessThanOrEqual(UNCONNECTED_CONCEPTS_MAX);
    });

    it(`twelve buzzword boxes with no edges score at most ${BUZZWORDS_MAX}`, async () => {
      expect(await score(BUZZWORDS, prompt)).toBeLessThanOrEqual(BUZZWORDS_MAX);
    });
  });
});

describe('issue 7 repro: a one-box diagram', () => {
  // Scored 98, 93 and 84 before coverage.
  it.each(['distributed-cache', 'rate-limiter', 'banking'])(`scores at most ${ONE_BOX_MAX} on %s`, async (id) => {
    const prompt = library.prompts.find((p) => p.id === id);
    if (prompt === undefined) throw new Error(`no prompt ${id}`);
    expect(await score(BARE_BOX, prompt)).toBeLessThanOrEqual(ONE_BOX_MAX);
  });
});
