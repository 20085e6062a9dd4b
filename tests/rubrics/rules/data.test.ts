import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid } from '../../../rubrics/parse/node/index';
import { fc, findingsOf, paramsFor } from '../helpers';

beforeAll(async () => {
  await loadMermaid();
});

const entity = (id: string, match: string[], accept: string[]) => ({ id, name: id, match, accept, reason: `${id} reason.` });

describe('database-choice', () => {
  const posts = paramsFor('database-choice', {}, [entity('posts', ['post', 'posts'], ['wide_column', 'key_value'])]);
  const ledger = paramsFor('database-choice', {}, [entity('ledger', ['ledger', 'journal'], ['relational'])]);
  const search = paramsFor('database-choice', {}, [entity('search-index', ['search'], ['search'])]);
  const general = paramsFor('database-choice');
  const snapshots = paramsFor('database-choice', {}, [entity('snapshots', ['snapshot', 'snapshots'], ['document', 'key_value'])]);
  const operations = paramsFor('database-choice', {}, [entity('operations', ['operation', 'operations'], ['wide_column'])]);
  const membership = paramsFor('database-choice', {}, [entity('membership', ['membership', 'ring'], ['key_value'])]);
  const catalog = paramsFor('database-choice', {}, [entity('catalog', ['catalog', 'products'], ['document', 'relational'])]);
  const postsByAuthor = paramsFor('database-choice', { sharding: { need: 'required', goodKeys: [{ key: 'author_id', reason: 'Spreads authors.' }], hotKeys: [] } }, [
    entity('posts', ['post', 'posts'], ['wide_column', 'key_value']),
  ]);
  const ledgerByAccount = paramsFor('database-choice', { sharding: { need: 'required', goodKeys: [{ key: 'account_id', reason: 'Spreads accounts.' }], hotKeys: [] } }, [
    entity('ledger', ['ledger', 'journal'], ['relational']),
  ]);
  const cases = [
    ['accepted model named in the label', fc('App --> DB[(Posts · Cassandra)]'), posts, []],
    ['wrong model', fc('App --> DB[(Posts · Postgres)]'), posts, ['major:DB']],
    ['model not stated', fc('App --> DB[(Posts DB)]'), posts, ['minor:DB']],
    ['owner service leads to the store', fc('Svc[Post service ×3] --> DB[(Main · MongoDB)]'), posts, ['major:DB']],
    [
      'a store named for another entity is not the owner service’s',
      fc('Svc[Post service ×3] --> DB[(Accounts · Postgres)]'),
      paramsFor('database-choice', {}, [entity('posts', ['post', 'posts'], ['wide_column']), entity('accounts', ['account', 'accounts'], ['relational'])]),
      ['info:'],
    ],
    ['single store holds everything when nothing names the entity', fc('App --> DB[(Main · MongoDB)]'), ledger, ['major:DB']],
    ['entity nowhere and several stores: info only', fc('App --> A[(Users · Postgres)]', 'App --> B[(Carts · DynamoDB)]'), ledger, ['info:']],
    ['replicas are judged through their primary', fc('App --> P[(Ledger · Postgres)]', 'P -. replicates .-> R[(Ledger replica)]'), ledger, []],
    ['search index satisfies a search entity', fc('App --> ES[(Search · Elasticsearch)]', 'App --> DB[(Posts · Postgres)]'), search, []],
    ['a search cluster not labelled "search" is where the search entity lives', fc('App --> ES[(Elasticsearch cluster)]', 'App --> DB[(Posts · Postgres)]'), search, []],
    ['an object store named for the entity keeps it (a blob per key)', fc('App --> S[(Snapshots · S3)]'), snapshots, []],
    ['a media bucket next to the owner service is not where its rows live', fc('Svc[Post service ×3] --> M[(Media · S3)]'), posts, ['info:']],
    ['a stream named for the entity is named in the finding', fc('App --> K[[Operation log · Kafka]]'), operations, ['info:K']],
    ['a general store is not taken for a specialised entity', fc('App --> A[(Products · Postgres)]', 'App --> B[(Carts · DynamoDB)]'), search, ['info:']],
    ['a cache in front is not blamed for the store behind it', fc('App --> C[(Ledger cache · Redis)]:::cache', 'App --> DB[(Ledger · MongoDB)]'), ledger, ['major:DB']],
    ['part of relational-only data named in another store beside the relational one', fc('App --> L[(Ledger · Postgres)]', 'App --> J[(Journal entries · DynamoDB)]'), ledger, ['major:J']],
    ['a history of relational data kept for reads is a copy, not the data', fc('App --> L[(Ledger · Postgres)]', 'App --> J[(Ledger history · Cassandra)]'), ledger, []],
    ['data that is not kept only relational may live in a second store', fc('App --> P[(Posts · Cassandra)]', 'App --> M[(Post metadata · Postgres)]'), posts, []],
    ['a cache that says it is one keeps a copy: the store beside it is judged', fc('App --> C[(Post cache · Redis cluster)]', 'App --> DB[(Posts · Postgres)]'), posts, ['major:DB']],
    ['a key-value cache can be the accepted store', fc('App --> C[(Post counters · Redis cluster)]', 'App --> DB[(Posts archive · Postgres)]'), posts, []],
    // sharded SQL on the right key serves a NoSQL-scale workload: a note, not a wrong choice
    ['relational, sharded on a good key, where NoSQL fits for scale', fc('App --> DB[(Posts · Postgres · shard: author_id)]'), postsByAuthor, ['minor:DB']],
    ['relational, sharded on another key', fc('App --> DB[(Posts · Postgres · shard: created_at)]'), postsByAuthor, ['major:DB']],
    ['a non-relational store for relational data stays wrong, sharded or not', fc('App --> DB[(Ledger · MongoDB · shard: account_id)]'), ledgerByAccount, ['major:DB']],
    // a product serving two models fits an entity that accepts either
    ['DynamoDB keeps documents as well as keys', fc('App --> DB[(Catalog · DynamoDB)]'), catalog, []],
    ['Cosmos DB keeps keys as well as documents', fc('App --> DB[(Posts · Cosmos DB)]'), posts, []],
    ['DynamoDB is still not relational', fc('App --> DB[(Ledger · DynamoDB)]'), ledger, ['major:DB']],
    ['a coordination service named for the entity keeps it', fc('App --> E[Membership & ring · etcd 3-node]'), membership, []],
    ['a coordination service is no one else\'s store', fc('Svc[Post service ×3] --> E[Config · etcd]'), posts, ['info:']],
    ['general rubric: unknown model is info', fc('App --> DB[(Database)]'), general, ['info:DB']],
    ['general rubric: named technology is silent', fc('App --> DB[(Orders · MySQL)]'), general, []],
  ] as const;
  it.each(cases)('%s', async (_name, text, params, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });

  describe('a store whose data model a capability reports is left to it (one cause, one finding)', () => {
    const ledgerCapability = (holds: readonly string[]) => ({
      capabilities: [
        {
          id: 'acid-ledger',
          title: 'Transfers are written to an ACID ledger',
          core: true,
          rule: 'database-choice',
          missing: 'Nothing stores the ledger yet.',
          chain: [{ kind: ['service'] }, { kind: ['database'], dataModel: ['relational'], holds }],
        },
      ],
    });
    const entities = [entity('ledger', ['ledger', 'journal'], ['relational']), entity('accounts', ['balance', 'balances'], ['relational'])];
    const text = fc('App[Transfer service ×3] --> L[(Ledger and balances · Cassandra)]');
    it('a store named for two relational-only entities beside the relational one is one split, one finding', async () => {
      const beside = fc('App[Transfer service ×3] --> P[(Ledger and balances · Postgres)]', 'App --> D[(Ledger and balances export copy · DynamoDB)]', 'App --> J[(Journal and balances · DynamoDB)]');
      expect(await findingsOf(beside, paramsFor('database-choice', {}, entities))).toEqual(['major:J']);
    });
    it.each([
      ['the capability keeps the ledger: neither entity is reported on its store again', ['ledger', 'journal'], []],
      ['the capability keeps other data: the rule reports both', ['orders'], ['major:L', 'major:L']],
    ] as const)('%s', async (_name, holds, expected) => {
      expect(await findingsOf(text, paramsFor('database-choice', ledgerCapability(holds), entities))).toEqual(expected);
    });
  });
});

describe('sharding', () => {
  const rubric = (need: string) => ({
    sharding: {
      need,
      goodKeys: [{ key: 'user_id', reason: 'Spreads users evenly.' }],
      hotKeys: [{ key: 'celebrity_id', reason: 'A celebrity has millions of followers.' }, { key: 'created_at', reason: 'All writes hit now.' }],
    },
  });
  const required = paramsFor('sharding', rubric('required'));
  const recommended = paramsFor('sharding', rubric('recommended'));
  const none = paramsFor('sharding', rubric('none'));
  const withOtherNames = paramsFor('sharding', { sharding: { need: 'required', goodKeys: [{ key: 'geo_cell', reason: 'Cells spread drivers.', also: ['geohash', 'h3_cell'] }], hotKeys: [] } });
  const askedByCapability = paramsFor('sharding', {
    ...rubric('required'),
    capabilities: [{ id: 'keys-sharded', title: 'Keys are sharded', core: true, rule: 'sharding', missing: 'The keys are not spread over shards yet.', chain: [{ kind: ['database'], sharded: true }] }],
  });
  const cases = [
    ['no key, but the prompt\'s capability says so in its own words: one finding, not two', fc('App --> DB[(Posts · Postgres)]'), askedByCapability, []],
    ['good key', fc('App --> DB[(Posts · Cassandra · shard: user_id)]'), required, []],
    ['good key written differently', fc('App --> DB[(Posts · sharded by User-ID)]'), required, []],
    ['another name the prompt lists for a good key', fc('App --> DB[(Driver locations · shard: geohash)]'), withOtherNames, []],
    ['a name the prompt does not list', fc('App --> DB[(Driver locations · shard: zip_code)]'), withOtherNames, ['minor:DB']],
    ['hot key', fc('App --> DB[(Posts · shard: created_at)]'), required, ['major:DB']],
    ['key not among the good ones', fc('App --> DB[(Posts · shard: region)]'), required, ['minor:DB']],
    ['no key, required', fc('App --> DB[(Posts · Postgres)]'), required, ['critical:DB']],
    ['no key, recommended', fc('App --> DB[(Posts · Postgres)]'), recommended, ['minor:DB']],
    ['no key on a small store once one store declares a key', fc('App --> A[(Posts · shard: user_id)]', 'App --> B[(Config · Postgres)]'), required, []],
    ['a sharded cache declares the key', fc('App --> C[(Counters · Redis cluster · shard: user_id)]'), required, []],
    ['need none: silent', fc('App --> DB[(Posts · shard: created_at)]'), none, []],
    ['no database: silent', fc('U([Users]) --> App[App]'), required, []],
  ] as const;
  it.each(cases)('%s', async (_name, text, params, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });

  it('explains the hot-key problem with the celebrity example', async () => {
    const { graphOf } = await import('../helpers');
    const { runRules } = await import('../../../rubrics/grade');
    const [finding] = runRules(await graphOf(fc('App --> DB[(Feed · shard: celebrity_id)]')), required);
    expect(finding?.why).toMatch(/celebrity/);
    expect(finding?.fix).toContain('user_id');
  });
});

describe('caching', () => {
  const required = paramsFor('caching', { caching: 'required' });
  const readHeavy = paramsFor('caching', { readHeavy: true });
  const none = paramsFor('caching');
  const frontier = paramsFor('caching', { caching: 'required' }, [entity('frontier', ['frontier', 'url', 'urls'], ['key_value'])]);
  const cases = [
    ['no cache, required', fc('App[App ×3] --> DB[(Posts)]'), required, ['critical:DB']],
    ['no cache, read-heavy', fc('App[App ×3] --> DB[(Posts)]'), readHeavy, ['minor:DB']],
    ['good cache', fc('App[App ×3] --> C[(Redis cluster · TTL 60s)]', 'App --> DB[(Posts)]'), required, []],
    ['single cache node', fc('App[App ×3] --> C[(Redis · TTL 60s)]', 'App --> DB[(Posts)]'), required, ['minor:C']],
    ['no TTL or invalidation', fc('App[App ×3] --> C[(Redis cluster)]', 'App --> DB[(Posts)]'), required, ['minor:C']],
    ['invalidation on the edge', fc('App[App ×3] -->|invalidate on write| C[(Redis cluster)]', 'App --> DB[(Posts)]'), required, []],
    ['servers answering from an in-memory trie are the cache', fc('App[Trie servers ×6 · in-memory trie] --> DB[(Query counts · Cassandra)]'), required, []],
    ['cache used by no service', fc('App[App ×3] --> DB[(Posts)]', 'DB --> C[(Redis cluster · TTL 1m)]'), required, ['minor:C']],
    ['an origin shield the CDN reads through is used', fc('U([Users]) --> CDN[CDN]', 'CDN --> Sh[(Origin shield cache pair · TTL 1h)]', 'Sh --> S3[(Segments · S3)]', 'App[App ×3] --> C[(Redis cluster · TTL 1m)]', 'App --> DB[(Posts)]'), required, []],
    ['need none: silent', fc('App[App ×3] --> DB[(Posts)]'), none, []],
    ['Redis kept as the store of the prompt data needs no expiry', fc('App[Crawler ×8] --> F[(URL frontier · Redis cluster)]', 'App --> DB[(Pages · Cassandra)]'), frontier, []],
    ['a cache of the prompt data that calls itself one still does', fc('App[Crawler ×8] --> F[(URL cache · Redis cluster)]', 'App --> DB[(Pages · Cassandra)]'), frontier, ['minor:F']],
  ] as const;
  it.each(cases)('%s', async (_name, text, params, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});

describe('cdn-object-storage', () => {
  const both = paramsFor('cdn-object-storage', { cdn: 'required', objectStorage: 'required' });
  const cdnOnly = paramsFor('cdn-object-storage', { cdn: 'recommended' });
  const none = paramsFor('cdn-object-storage');
  const cases = [
    ['CDN in front of a bucket', fc('U([Users]) --> CDN[CloudFront]', 'CDN --> S3[(Media · S3)]', 'App --> S3'), both, []],
    ['neither', fc('U([Users]) --> App[App ×3]', 'App --> DB[(Posts · Postgres)]'), both, ['critical:', 'critical:']],
    ['media in the database', fc('U([Users]) --> CDN[CDN]', 'CDN --> App[App ×3]', 'App --> DB[(Photos and posts · Postgres)]'), both, ['critical:', 'major:DB']],
    ['CDN not connected to the bucket', fc('U([Users]) --> CDN[CDN]', 'U --> App[App ×3]', 'App --> S3[(Media · S3)]'), both, ['minor:CDN,S3']],
    ['CDN reaching the bucket through an origin shield', fc('U([Users]) --> CDN[CDN]', 'CDN --> Sh[(Origin shield cache pair)]', 'Sh --> S3[(Media · S3)]', 'App[App ×3] --> S3'), both, []],
    ['recommended CDN missing', fc('U([Users]) --> App[App ×3]'), cdnOnly, ['minor:']],
    ['need none: silent', fc('U([Users]) --> App[App ×3]'), none, []],
  ] as const;
  it.each(cases)('%s', async (_name, text, params, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});

describe('a cache the entities live in is a data store', () => {
  const params = {
    ...paramsFor('sharding', { sharding: { need: 'required' }, replication: { need: 'required' } }, [entity('items', ['cache', 'cached', 'items'], ['key_value'])]),
  };
  const withReplication = paramsFor('replication', { replication: { need: 'required' } }, [entity('items', ['cache', 'cached', 'items'], ['key_value'])]);
  it.each([
    ['sharding: one big cache with no key', fc('S([Services]) --> C[(Shared cache · Redis)]'), params, ['critical:C']],
    ['sharding: keyed cache nodes', fc('S([Services]) --> C[(Cache nodes ×100 · shard: key_hash)]'), params, []],
    ['replication: one big cache', fc('S([Services]) --> C[(Shared cache · Redis)]'), withReplication, ['critical:C']],
    ['replication: cache replicas with promotion', fc('S([Services]) --> C[(Cache nodes ×10)]', 'C -. replicates .-> R[(Cache replicas ×10 · promoted on failure)]:::cache'), withReplication, []],
  ] as const)('%s', async (_name, text, p, expected) => {
    expect(await findingsOf(text, p)).toEqual(expected);
  });
});
