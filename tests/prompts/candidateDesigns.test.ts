import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { gradeFlowchart, type GradeReport } from '../../rubrics/grade';
import { parseMermaid } from '../../rubrics/parse/node/index';

/**
 * Designs written the way a prepared candidate writes them, in their own words rather than the
 * reference's (tests/prompts/candidates/*.mmd). Each names what an interviewer would not hold
 * against it; the grader once did. A finding is written `rule:severity:node`.
 */

const library = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);
const CANDIDATES_DIR = join(import.meta.dirname, 'candidates');

async function gradeCandidate(promptId: string, file: string): Promise<GradeReport> {
  const prompt = library.prompts.find((p) => p.id === promptId);
  if (prompt === undefined) throw new Error(`no prompt ${promptId}`);
  const parsed = await parseMermaid(readFileSync(join(CANDIDATES_DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse: ${parsed.errors[0]?.message ?? ''}`);
  return gradeFlowchart(parsed.flowchart, prompt);
}

/** The findings on `node` that match one of `patterns` (`rule:severity`, either part may be `*`). */
function blamed(report: GradeReport, node: string, patterns: readonly string[]): string[] {
  const on = report.findings.filter((f) => f.nodes.includes(node)).map((f) => `${f.rule}:${f.severity}`);
  return on.filter((got) =>
    patterns.some((pattern) => {
      const [rule, severity] = pattern.split(':');
      const [gotRule, gotSeverity] = got.split(':');
      return (rule === '*' || rule === gotRule) && (severity === '*' || severity === gotSeverity);
    }),
  );
}

describe('a candidate design is not blamed for what it serves', () => {
  it.each([
    ['url-shortener', 'url.mmd', 'an analytics store fed from Kafka gets no critical finding and no second one for its replica', 'ch', ['*:critical', 'replication:*']],
    ['banking', 'bank.mmd', 'a ledger labelled "primary, sync replica, auto failover" is not said to lack a replica', 'ledger', ['replication:critical', 'single-point-of-failure:*']],
    ['ticket-booking', 'tix.mmd', "a load balancer labelled \"managed\" is the cloud's own", 'LB', ['load-balancing:major', 'single-point-of-failure:*']],
    ['ticket-booking', 'tix.mmd', 'a waiting room in front of the balancer is not inline work', 'WR', ['async-processing:*']],
    ['search-autocomplete', 'auto.mmd', 'an in-memory trie is not per-instance state', 'Sug', ['stateless-services:*']],
    ['ride-sharing', 'ride.mmd', "driver locations sharded by geohash use the prompt's key", 'Loc', ['sharding:*']],
    ['web-crawler', 'crawl.mmd', 'seen URLs in Cassandra sharded by URL hash fit', 'Dedup', ['sharding:*', 'database-choice:*']],
    ['llm-chat', 'llm.mmd', 'conversation history in Postgres sharded by conversation_id is a note, not a wrong store', 'Hist', ['database-choice:major']],
    ['live-streaming', 'live2.mmd', 'operators feeding the score API are not users skipping the balancer', 'ScoreAPI', ['load-balancing:*']],
    ['video-on-demand', 'vod.mmd', 'Chaos Monkey is operations tooling, not a hop of the requests', 'Atlas', ['single-point-of-failure:*']],
    ['video-on-demand', 'vod.mmd', 'EVCache is a replicated cache cluster', 'EV', ['single-point-of-failure:*']],
    ['news-feed', 'feed.mmd', 'tweets said "shard user_id" declare the key', 'CS', ['sharding:*']],
    ['rate-limiter', 'rl2.mmd', 'a local rules cache in every gateway, refreshed every 30 s, is no single box', 'RULES', ['single-point-of-failure:*', 'replication:*', 'caching:*']],
    ['collaborative-editor', 'collab2.mmd', '"Collab servers … sticky by doc" are the collaboration servers the prompt lets keep documents', 'CS', ['stateless-services:*']],
    ['url-shortener', 'url2.mmd', 'Google Safe Browsing is a hosted API, not one box of ours', 'safe', ['single-point-of-failure:*']],
    ['distributed-cache', 'dcache3.mmd', 'each cache node replicating to a "Replica" cylinder has its copy', 'N1', ['single-point-of-failure:*', 'replication:critical', 'replication:major']],
    ['web-crawler', 'crawl2.mmd', 'the URL frontier kept in Redis is the frontier itself, not a cache to expire', 'FR', ['caching:*']],
    ['web-crawler', 'crawl2.mmd', 'the seen-URL set kept in Redis is the set itself, not a cache to expire', 'SEEN', ['caching:*']],
    ['video-on-demand', 'vod3.mmd', '"Regional LBs" are several balancers, not one box every request crosses', 'lb', ['single-point-of-failure:*', 'load-balancing:major']],
    ['llm-chat', 'llm2.mmd', 'a GPU router with affinity by conversation_id, fed by a chat service that writes every turn to DynamoDB, has its durable copy', 'router', ['stateless-services:*']],
    ['blog-platform', 'blog.mmd', 'articles in "Postgres, primary + 2 read replicas, shard article_id" behind a Redis cache', 'pg', ['single-point-of-failure:*', 'replication:*', 'sharding:*']],
    ['blog-platform', 'blog.mmd', 'clap counts in a Redis cluster written by 1 s aggregators are a counter store', 'cnt', ['database-choice:*', 'single-point-of-failure:*']],
    ['blog-platform', 'blog2.mmd', 'articles in a MongoDB replica set sharded on article_id fit', 'Docs', ['single-point-of-failure:*', 'database-choice:*', 'sharding:*']],
    ['news-feed', 'feed2.mmd', 'an "LB pair, keepalived floating IP" is the active-passive pair', 'lb', ['single-point-of-failure:*', 'load-balancing:major']],
    ['search-autocomplete', 'auto3.mmd', 'a Redis prefix table keyed by prefix_hash, "primary + replica per shard"', 'top', ['single-point-of-failure:*', 'replication:*', 'sharding:*']],
    ['messenger', 'msg2.mmd', 'WebSocket gateways holding connections, with the registry in Redis and messages persisted first', 'ws', ['stateless-services:*', 'load-balancing:*']],
  ] as const)('%s (%s): %s', async (promptId, file, _name, node, forbidden) => {
    expect(blamed(await gradeCandidate(promptId, file), node, forbidden)).toEqual([]);
  });

  it.each([
    ['ecommerce', 'shop.mmd', /No store is labelled for Search index/],
    ['collaborative-editor', 'collab.mmd', /No store is labelled for Document snapshots/],
    ['llm-chat', 'llm.mmd', /Not shown: admission queue/],
    ['messenger', 'msg.mmd', /Not shown: push notifications/],
    ['distributed-cache', 'dcache.mmd', /No shard or partition key is declared/],
    ['distributed-cache', 'dcache.mmd', /No shard has a copy yet/],
    ['live-streaming', 'live.mmd', /Nothing turns the broadcast into segments/],
    ['video-on-demand', 'vod2.mmd', /not served through a CDN/],
    ['live-streaming', 'live2.mmd', /No object storage/],
    ['live-streaming', 'live2.mmd', /is not used by any service/],
    ['live-streaming', 'live2.mmd', /is not connected to the object storage/],
    ['news-feed', 'feed.mmd', /No shard or partition key is declared/],
    ['instagram', 'insta.mmd', /No store is labelled for Follow/],
    ['search-autocomplete', 'auto2.mmd', /No cache/],
    ['search-autocomplete', 'trie.mmd', /No cache/],
    ['distributed-cache', 'dcache2.mmd', /The keys are not spread over shards/],
    ['distributed-cache', 'dcache2.mmd', /No store is labelled for Cluster membership/],
    ['news-feed', 'feed2.mmd', /No shard or partition key is declared/],
    ['ecommerce', 'shop2.mmd', /Nothing records orders transactionally/],
    ['live-streaming', 'live3.mmd', /No object storage/],
  ] as const)('%s (%s) has no finding saying %s', async (promptId, file, message) => {
    expect((await gradeCandidate(promptId, file)).findings.map((f) => f.message).filter((m) => message.test(m))).toEqual([]);
  });

  it('rate-limiter (rl.mmd): a rules service that writes its own Postgres and feeds the gateways is ours, not a client', async () => {
    expect((await gradeCandidate('rate-limiter', 'rl.mmd')).architecture.node('Rules')?.kind).toBe('service');
  });
});

describe('a candidate design with one real flaw is caught', () => {
  it.each([
    ['notification-system', 'notif-one-queue.mmd', 'one queue and one sender pool for campaigns and password resets', /Nothing keeps a password reset from waiting behind/],
    ['notification-system', 'notif-no-dedup.mmd', 'nothing records a notification id, so a retry sends twice', /Nothing stops a retry from sending the same notification twice/],
    ['banking', 'bank-no-idem.mmd', 'a transfer retried after a timeout is applied twice', /Nothing makes a retried transfer harmless yet/],
    ['ride-sharing', 'ride.mmd', 'matching offers a ride with no lock on the driver', /Nothing stops two riders being matched to the same driver/],
    ['ticket-booking', 'tix-cassandra-holds.mmd', 'seat holds read, then written, in Cassandra (a seat map cache beside it)', /`HOLDS` .* keeps Seat inventory and holds in a wide-column store/],
    ['blog-platform', 'blog-claps-inline.mmd', 'every clap is an UPDATE of the article row on the request path', /Claps are written one by one on the request path/],
    ['news-feed', 'feed-ts-shard.mmd', 'tweets partitioned by created_at pile onto the newest partition', /`tweets` .* is sharded by `created_at`, a hotspot-prone key/],
    ['messenger', 'msg-poll.mmd', 'phones poll GET /messages every 2 s instead of holding a WebSocket', /Messages are not delivered in real time yet/],
    ['ecommerce', 'shop-email-inline.mmd', 'checkout sends the confirmation e-mail before responding', /Order confirmations are not sent off the checkout path yet/],
    ['instagram', 'insta-fanout-read.mmd', 'the feed service queries every followee and merges on each request: nothing fans out', /New posts do not fan out off the request path yet/],
  ] as const)('%s (%s): %s', async (promptId, file, _name, message) => {
    expect((await gradeCandidate(promptId, file)).findings.map((f) => f.message).filter((m) => message.test(m))).toHaveLength(1);
  });

  it('banking (bank-cassandra.mmd): the ledger on Cassandra at consistency ONE breaks the ACID ledger, though Postgres keeps the idempotency keys', async () => {
    const report = await gradeCandidate('banking', 'bank-cassandra.mmd');
    const serious = report.findings.filter((f) => f.severity === 'critical' || f.severity === 'major').map((f) => `${f.rule}:${f.severity}:${f.nodes.join(',')}`);
    expect({ total: report.score.total <= 40, serious }).toEqual({
      total: true,
      serious: ['database-choice:critical:LEDGER', 'replication:major:LEDGER'],
    });
  });

  it.each([
    ['banking', 'bank.mmd', 'idempotent-transfers', 'the transfer writes the ledger with an idempotency key, said on the edge'],
    ['ecommerce', 'shop.mmd', 'idempotent-checkout', 'orders reserve stock with an idempotency key, said on the edge'],
  ] as const)('%s (%s) serves %s: %s', async (promptId, file, capability, _name) => {
    const report = await gradeCandidate(promptId, file);
    expect(report.coverage.capabilities.find((c) => c.id === capability)?.met).toBe(true);
  });

  /** A candidate design with one label rewritten: `from` is replaced by `to` (each must occur once). */
  async function gradeRewritten(promptId: string, file: string, edits: readonly (readonly [string, string])[]): Promise<GradeReport> {
    const prompt = library.prompts.find((p) => p.id === promptId);
    if (prompt === undefined) throw new Error(`no prompt ${promptId}`);
    let text = readFileSync(join(CANDIDATES_DIR, file), 'utf8');
    for (const [from, to] of edits) {
      if (text.split(from).length !== 2) throw new Error(`${file}: "${from}" must occur once`);
      text = text.replace(from, to);
    }
    const parsed = await parseMermaid(text);
    if (!parsed.ok) throw new Error(`${file} rewritten does not parse: ${parsed.errors[0]?.message ?? ''}`);
    return gradeFlowchart(parsed.flowchart, prompt);
  }

  const LOCK_EDGE = 'SET driver lock NX PX 15000';
  const LOCK_NODE = ['Driver locks · Redis cluster', 'Driver state · Redis cluster'] as const;
  const NOTIF_EDGES = (wording: string) => [['POST /notify, idempotency key', 'POST /notify'], ['record request + dedup key', wording]] as const;
  const BANK_EDGE = (wording: string) => [['-->|idempotency key|', `-->|${wording}|`]] as const;
  it.each([
    ['ride-sharing', 'ride-lock.mmd', 'one-driver-per-ride', [[LOCK_EDGE, 'SET driver:id NX EX 10'], LOCK_NODE], true],
    ['ride-sharing', 'ride-lock.mmd', 'one-driver-per-ride', [[LOCK_EDGE, 'Redlock on the driver id'], LOCK_NODE], true],
    ['ride-sharing', 'ride-lock.mmd', 'one-driver-per-ride', [[LOCK_EDGE, 'UPDATE drivers SET status=busy WHERE status=free'], LOCK_NODE], true],
    ['ride-sharing', 'ride-lock.mmd', 'one-driver-per-ride', [[LOCK_EDGE, 'optimistic concurrency on the driver version'], LOCK_NODE], true],
    ['ride-sharing', 'ride-lock.mmd', 'one-driver-per-ride', [[LOCK_EDGE, 'read driver state'], LOCK_NODE], false],
    ['notification-system', 'notif.mmd', 'no-double-send', NOTIF_EDGES('record request, duplicate check on notification_id'), true],
    ['notification-system', 'notif.mmd', 'no-double-send', NOTIF_EDGES('SETNX notification_id'), true],
    ['notification-system', 'notif.mmd', 'no-double-send', NOTIF_EDGES('skip if already sent'), true],
    ['notification-system', 'notif.mmd', 'no-double-send', NOTIF_EDGES('de-duplicate by notification_id'), true],
    ['notification-system', 'notif.mmd', 'no-double-send', NOTIF_EDGES('record request'), false],
    ['banking', 'bank.mmd', 'idempotent-transfers', BANK_EDGE('idem-key'), true],
    ['banking', 'bank.mmd', 'idempotent-transfers', BANK_EDGE('request_id, unique constraint'), true],
    ['banking', 'bank.mmd', 'idempotent-transfers', BANK_EDGE('retry-safe: same txn id returns stored result'), true],
    ['banking', 'bank.mmd', 'idempotent-transfers', BANK_EDGE('write debit and credit'), false],
  ] as const)('%s (%s) %s, said as %j: served %s', async (promptId, file, capability, edits, met) => {
    const report = await gradeRewritten(promptId, file, edits);
    expect(report.coverage.capabilities.find((c) => c.id === capability)?.met).toBe(met);
  });

  it.each([
    ['notification-system', 'notif.mmd', 'high- and low-priority topics keep transactional notifications apart'],
    ['ride-sharing', 'ride-lock.mmd', 'dispatch takes a driver lock with SET NX before the offer'],
    ['search-autocomplete', 'trie.mmd', 'trie servers holding the prefix table in their own memory'],
    ['distributed-cache', 'dcache2.mmd', 'a client library hashing keys onto numbered shards, each "primary + replica"'],
    ['blog-platform', 'blog.mmd', 'claps through Kafka into 1 s aggregators, publish events into a search indexer'],
    ['blog-platform', 'blog2.mmd', 'claps through Kinesis into counter aggregators, an SQS publish queue into indexing workers'],
    ['ecommerce', 'shop2.mmd', 'one transaction decrements stock and inserts the order, with an idempotency key'],
    ['instagram', 'insta2.mmd', 'hybrid fan-out into a Redis feed cache, likes batched into counters'],
    ['llm-chat', 'llm2.mmd', 'SSE with Last-Event-ID, a priority admission queue, quotas from accounts and usage'],
    ['messenger', 'msg2.mmd', 'WebSocket gateways, a Redis connection registry, push workers off Kafka'],
    ['news-feed', 'feed2.mmd', 'fan-out workers skipping celebrities, a follower graph in MySQL'],
  ] as const)(
    '%s (%s) serves every capability: %s',
    async (promptId, file, _name) => {
      const report = await gradeCandidate(promptId, file);
      expect(report.coverage.capabilities.filter((c) => !c.met).map((c) => c.id)).toEqual([]);
    },
  );
});
