import type { DataModel, NodeKind } from '../vocabulary';
import { PhraseIndex, type Words } from './text';

/**
 * Technologies a label may name. `redundantByDefault` marks what is never deployed as a single
 * machine, so one box of it is not a single point of failure:
 * - managed cloud services replicated across failure domains by default (S3, GCS, DynamoDB,
 *   Spanner, Bigtable, Cosmos DB, SQS, SNS, Pub/Sub, Kinesis, MSK / Confluent Cloud, CDNs,
 *   managed DNS and load balancers, Lambda);
 * - distributed-by-design systems that only run as replicated clusters (Cassandra, ScyllaDB,
 *   CockroachDB, YugabyteDB, TiDB, Kafka, Pulsar, Redpanda, ZooKeeper, etcd, HDFS).
 * Everything else (Postgres, MySQL, MongoDB, Redis, RabbitMQ, Nginx, …) follows the diagram
 * convention: one box is one instance unless the label says more (×3, cluster, replicas, …).
 * `ambiguous` technologies (Redis, Nginx, …) yield their kind only when no label word names one.
 */
export interface TechEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: NodeKind;
  readonly dataModel?: DataModel;
  readonly redundantByDefault: boolean;
  readonly ambiguous?: boolean;
}

const t = (
  name: string,
  aliases: readonly string[],
  kind: NodeKind,
  extra: { dataModel?: DataModel; redundant?: boolean; ambiguous?: boolean } = {},
): TechEntry =>
  Object.freeze({
    name,
    aliases: Object.freeze([name, ...aliases]),
    kind,
    redundantByDefault: extra.redundant ?? false,
    ...(extra.dataModel === undefined ? {} : { dataModel: extra.dataModel }),
    ...(extra.ambiguous === undefined ? {} : { ambiguous: extra.ambiguous }),
  });

export const TECHNOLOGIES: readonly TechEntry[] = Object.freeze([
  // relational
  t('postgres', ['postgresql', 'psql', 'pg', 'pgsql'], 'database', { dataModel: 'relational' }),
  t('mysql', [], 'database', { dataModel: 'relational' }),
  t('mariadb', [], 'database', { dataModel: 'relational' }),
  t('sqlserver', ['sql server', 'mssql'], 'database', { dataModel: 'relational' }),
  t('oracle', ['oracle db'], 'database', { dataModel: 'relational' }),
  t('sqlite', [], 'database', { dataModel: 'relational' }),
  t('aurora', ['amazon aurora'], 'database', { dataModel: 'relational' }),
  t('rds', ['amazon rds', 'aws rds'], 'database', { dataModel: 'relational' }),
  t('cloud-sql', ['cloud sql', 'cloudsql'], 'database', { dataModel: 'relational' }),
  t('spanner', ['cloud spanner'], 'database', { dataModel: 'relational', redundant: true }),
  t('cockroachdb', ['cockroach'], 'database', { dataModel: 'relational', redundant: true }),
  t('yugabytedb', ['yugabyte'], 'database', { dataModel: 'relational', redundant: true }),
  t('tidb', [], 'database', { dataModel: 'relational', redundant: true }),
  t('vitess', [], 'database', { dataModel: 'relational' }),
  // document
  t('mongodb', ['mongo'], 'database', { dataModel: 'document' }),
  t('couchdb', [], 'database', { dataModel: 'document' }),
  t('couchbase', [], 'database', { dataModel: 'document' }),
  t('firestore', ['firebase firestore'], 'database', { dataModel: 'document', redundant: true }),
  t('cosmosdb', ['cosmos db', 'cosmos'], 'database', { dataModel: 'document', redundant: true }),
  t('documentdb', [], 'database', { dataModel: 'document' }),
  // wide column
  t('cassandra', [], 'database', { dataModel: 'wide_column' , redundant: true }),
  t('scylladb', ['scylla'], 'database', { dataModel: 'wide_column' , redundant: true }),
  t('hbase', [], 'database', { dataModel: 'wide_column' }),
  t('bigtable', ['cloud bigtable'], 'database', { dataModel: 'wide_column', redundant: true }),
  t('keyspaces', ['amazon keyspaces'], 'database', { dataModel: 'wide_column', redundant: true }),
  // key-value
  t('dynamodb', ['dynamo', 'dynamo db'], 'database', { dataModel: 'key_value', redundant: true }),
  t('etcd', [], 'database', { dataModel: 'key_value' , redundant: true }),
  t('foundationdb', [], 'database', { dataModel: 'key_value' }),
  t('riak', [], 'database', { dataModel: 'key_value' }),
  t('rocksdb', [], 'database', { dataModel: 'key_value' }),
  t('zookeeper', [], 'database', { dataModel: 'key_value' , redundant: true }),
  t('redis', ['valkey', 'keydb', 'redis cluster'], 'cache', { dataModel: 'key_value', ambiguous: true }),
  t('elasticache', [], 'cache', { dataModel: 'key_value', ambiguous: true }),
  t('memcached', ['memcache'], 'cache', { dataModel: 'key_value' }),
  // graph, time series
  t('neo4j', [], 'database', { dataModel: 'graph' }),
  t('neptune', ['amazon neptune'], 'database', { dataModel: 'graph' }),
  t('janusgraph', [], 'database', { dataModel: 'graph' }),
  t('dgraph', [], 'database', { dataModel: 'graph' }),
  t('influxdb', ['influx'], 'database', { dataModel: 'time_series' }),
  t('timescaledb', ['timescale'], 'database', { dataModel: 'time_series' }),
  t('clickhouse', [], 'database', { dataModel: 'wide_column' }),
  t('druid', [], 'database', { dataModel: 'time_series' }),
  // search
  t('elasticsearch', ['elastic search'], 'search', { dataModel: 'search' }),
  t('opensearch', [], 'search', { dataModel: 'search' }),
  t('solr', [], 'search', { dataModel: 'search' }),
  t('meilisearch', [], 'search', { dataModel: 'search' }),
  t('algolia', [], 'search', { dataModel: 'search', redundant: true }),
  // object storage
  t('s3', ['amazon s3', 'aws s3'], 'object_storage', { redundant: true }),
  t('gcs', ['google cloud storage', 'cloud storage'], 'object_storage', { redundant: true }),
  t('azure-blob', ['azure blob', 'azure blob storage'], 'object_storage', { redundant: true }),
  t('r2', ['cloudflare r2'], 'object_storage', { redundant: true }),
  t('minio', [], 'object_storage'),
  t('hdfs', [], 'object_storage', { redundant: true }),
  // queues and streams
  t('kafka', ['apache kafka'], 'stream', { redundant: true }),
  t('msk', ['amazon msk', 'confluent', 'confluent cloud', 'event hubs'], 'stream', { redundant: true }),
  t('kinesis', ['kinesis data streams'], 'stream', { redundant: true }),
  t('pulsar', [], 'stream', { redundant: true }),
  t('redpanda', [], 'stream', { redundant: true }),
  t('rabbitmq', ['rabbit', 'rabbit mq', 'amqp'], 'queue'),
  t('activemq', [], 'queue'),
  t('sqs', ['amazon sqs', 'aws sqs'], 'queue', { redundant: true }),
  t('sns', ['amazon sns'], 'queue', { redundant: true }),
  t('pubsub', ['pub sub', 'cloud pub sub', 'google pub sub'], 'queue', { redundant: true }),
  t('nats', ['jetstream'], 'queue'),
  t('celery', [], 'worker'),
  t('sidekiq', [], 'worker'),
  t('bullmq', [], 'worker'),
  // edge, balancing, gateways
  t('cloudfront', ['amazon cloudfront'], 'cdn', { redundant: true }),
  t('cloudflare', [], 'cdn', { redundant: true }),
  t('akamai', [], 'cdn', { redundant: true }),
  t('fastly', [], 'cdn', { redundant: true }),
  t('route53', ['route 53', 'amazon route 53', 'cloud dns'], 'dns', { redundant: true }),
  t('elb', ['alb', 'nlb', 'aws elb', 'aws alb', 'application load balancer', 'network load balancer', 'cloud load balancing', 'azure load balancer'], 'load_balancer', { redundant: true }),
  t('nginx', [], 'load_balancer', { ambiguous: true }),
  t('haproxy', [], 'load_balancer'),
  t('envoy', [], 'load_balancer', { ambiguous: true }),
  t('traefik', [], 'load_balancer', { ambiguous: true }),
  t('kong', [], 'api_gateway'),
  t('apigee', [], 'api_gateway', { redundant: true }),
  t('aws-api-gateway', ['aws api gateway', 'amazon api gateway'], 'api_gateway', { redundant: true }),
  t('apache', ['httpd'], 'web_server', { ambiguous: true }),
  t('lambda', ['aws lambda', 'cloud functions', 'cloud run'], 'service', { redundant: true }),
  // observability
  t('prometheus', [], 'monitoring'),
  t('grafana', [], 'monitoring'),
  t('datadog', [], 'monitoring'),
  t('new-relic', ['new relic', 'newrelic'], 'monitoring'),
  t('cloudwatch', [], 'monitoring'),
  t('elk', ['elk stack', 'kibana', 'logstash'], 'monitoring'),
  t('loki', [], 'monitoring'),
  t('splunk', [], 'monitoring'),
  t('jaeger', ['zipkin'], 'monitoring'),
  t('opentelemetry', ['otel'], 'monitoring'),
  t('sentry', [], 'monitoring'),
  t('fluentd', ['fluent bit', 'fluentbit'], 'monitoring'),
  // third parties
  t('stripe', [], 'external'),
  t('twilio', [], 'external'),
  t('sendgrid', ['mailgun', 'ses'], 'external'),
  t('apns', ['fcm', 'firebase cloud messaging'], 'external'),
  t('openai', ['anthropic', 'llm provider', 'llm api'], 'external'),
]);

const TECH_INDEX = new PhraseIndex<TechEntry>(TECHNOLOGIES.map((entry) => [entry.aliases, entry] as const));

/** Technologies named in the words, in table order. */
export function techsIn(words: Words): readonly TechEntry[] {
  return TECH_INDEX.matches(words);
}
