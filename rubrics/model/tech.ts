import type { DataModel, NodeKind } from '../vocabulary';
import { hasPhrase, PhraseIndex, phraseKey, type Words } from './text';

/**
 * Technologies a label may name, kept as data: one entry per product, its kind, its data model
 * where it has one, and how it is deployed (`availability`):
 * - `managed`: a managed cloud service replicated across failure domains by default (S3,
 *   DynamoDB, Aurora, Spanner, SQS, Pub/Sub, CDNs, managed DNS and load balancers, Lambda, …);
 * - `cluster`: a distributed-by-design system that only runs as a replicated cluster (Cassandra,
 *   CockroachDB, Kafka, Pulsar, Hazelcast, HDFS, ZooKeeper / etcd / Consul quorums, …);
 * - `single`: everything else (Postgres, Redis, RabbitMQ, Nginx, Keycloak, …) follows the
 *   diagram convention: one box is one instance unless the label says more (×3, cluster, …).
 * Either of the first two means one box of it is not a single point of failure.
 * `ambiguous` technologies (Redis, Nginx, …) yield their kind only when no label word names one.
 * A `vendor` sells several products under one name (Cloudflare: CDN, DNS, WAF): its name alone
 * is its best-known product, a product noun beside it ("Cloudflare<br>DNS / WAF") says which.
 */
export type Availability = 'managed' | 'cluster' | 'single';

export interface TechEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: NodeKind;
  readonly dataModel?: DataModel;
  readonly availability: Availability;
  readonly redundantByDefault: boolean;
  readonly ambiguous?: boolean;
  readonly vendor?: boolean;
  /** A managed database sold with its replicas (Aurora, Spanner, …): the name says it is replicated. */
  readonly replicated?: boolean;
  /** Writes are acknowledged only once a quorum of copies has them (Raft, Paxos, Aurora's storage quorum): synchronous replication by construction. */
  readonly consensus?: boolean;
  /** Other data models the product serves as well as its own (DynamoDB keeps documents too). */
  readonly alsoModels?: readonly DataModel[];
}

const t = (
  name: string,
  aliases: readonly string[],
  kind: NodeKind,
  extra: { dataModel?: DataModel; availability?: Availability; ambiguous?: boolean; replicated?: boolean; vendor?: boolean; alsoModels?: readonly DataModel[]; consensus?: boolean } = {},
): TechEntry => {
  const availability = extra.availability ?? 'single';
  return Object.freeze({
    name,
    aliases: Object.freeze([name, ...aliases]),
    kind,
    availability,
    redundantByDefault: availability !== 'single',
    ...(extra.dataModel === undefined ? {} : { dataModel: extra.dataModel }),
    ...(extra.ambiguous === undefined ? {} : { ambiguous: extra.ambiguous }),
    ...(extra.vendor === undefined ? {} : { vendor: extra.vendor }),
    ...(extra.replicated === undefined ? {} : { replicated: extra.replicated }),
    ...(extra.alsoModels === undefined ? {} : { alsoModels: Object.freeze([...extra.alsoModels]) }),
    ...(extra.consensus === undefined ? {} : { consensus: extra.consensus }),
  });
};

/**
 * A family of products under one entry. Unlike `t`, the family's name is not itself a name a
 * label may use: "query engine" or "identity server" in a label is a description, not a product.
 */
const family = (name: string, products: readonly string[], kind: NodeKind, extra: Parameters<typeof t>[3] = {}): TechEntry =>
  Object.freeze({ ...t(name, products, kind, extra), aliases: Object.freeze([...products]) });

const managed = { availability: 'managed' } as const;
const cluster = { availability: 'cluster' } as const;
const relational = (availability: Availability = 'single') => ({ dataModel: 'relational', availability }) as const;
/** Managed and replicated by construction: the product is its replicas (a standby, read replicas, regions). */
const replicatedRelational = { dataModel: 'relational', availability: 'managed', replicated: true } as const;
const sql = relational();

export const TECHNOLOGIES: readonly TechEntry[] = Object.freeze([
  // relational
  t('postgres', ['postgresql', 'psql', 'pg', 'pgsql'], 'database', sql),
  t('mysql', [], 'database', sql),
  t('mariadb', [], 'database', sql),
  t('sqlserver', ['sql server', 'mssql', 'azure sql'], 'database', sql),
  t('oracle', ['oracle db'], 'database', sql),
  t('sqlite', [], 'database', sql),
  t('aurora', ['amazon aurora', 'aurora postgres', 'aurora mysql'], 'database', { ...replicatedRelational, consensus: true }),
  t('rds-multi-az', ['rds multi az', 'multi az rds'], 'database', replicatedRelational),
  t('rds', ['amazon rds', 'aws rds'], 'database', sql),
  t('cloud-sql-ha', ['cloud sql ha', 'cloudsql ha'], 'database', replicatedRelational),
  t('cloud-sql', ['cloud sql', 'cloudsql'], 'database', sql),
  t('alloydb', ['alloy db'], 'database', replicatedRelational),
  // Serverless and hosted Postgres/MySQL: the provider runs the copies, and the box is not one machine.
  t('neon', ['neon postgres', 'neon db', 'neon serverless postgres'], 'database', relational('managed')),
  t('supabase', ['supabase postgres', 'supabase db'], 'database', relational('managed')),
  t('planetscale', ['planet scale'], 'database', relational('managed')),
  t('azure-sql-database', ['azure sql database', 'azure database for postgresql', 'azure database for mysql', 'azure postgres', 'azure postgresql', 'azure mysql'], 'database', relational('managed')),
  t('cloudflare-d1', ['cloudflare d1', 'turso'], 'database', relational('managed')),
  t('spanner', ['cloud spanner'], 'database', { ...replicatedRelational, consensus: true }),
  t('cockroachdb', ['cockroach'], 'database', { ...relational('cluster'), consensus: true }),
  t('yugabytedb', ['yugabyte'], 'database', { ...relational('cluster'), consensus: true }),
  t('tidb', [], 'database', { ...relational('cluster'), consensus: true }),
  t('vitess', [], 'database', relational('cluster')),
  t('pgvector', [], 'database', { dataModel: 'vector' }),
  t('vector-store', ['vector store', 'vector db', 'vector database', 'vector index', 'embedding store', 'embeddings store'], 'database', { dataModel: 'vector' }),
  // document
  t('mongodb', ['mongo'], 'database', { dataModel: 'document' }),
  t('couchdb', [], 'database', { dataModel: 'document' }),
  t('couchbase', [], 'database', { dataModel: 'document', ...cluster }),
  t('firestore', ['firebase firestore'], 'database', { dataModel: 'document', ...managed }),
  t('cosmosdb', ['cosmos db', 'cosmos'], 'database', { dataModel: 'document', ...managed, replicated: true, alsoModels: ['key_value'] }),
  t('documentdb', [], 'database', { dataModel: 'document', ...managed }),
  t('mongodb-atlas', ['mongodb atlas', 'mongo atlas'], 'database', { dataModel: 'document', ...managed }),
  t('firebase-realtime-database', ['firebase realtime database', 'firebase rtdb', 'firebase database'], 'database', { dataModel: 'document', ...managed }),
  // wide column
  t('cassandra', [], 'database', { dataModel: 'wide_column', ...cluster }),
  t('scylladb', ['scylla'], 'database', { dataModel: 'wide_column', ...cluster }),
  t('hbase', [], 'database', { dataModel: 'wide_column', ...cluster }),
  t('bigtable', ['cloud bigtable'], 'database', { dataModel: 'wide_column', ...managed }),
  t('keyspaces', ['amazon keyspaces'], 'database', { dataModel: 'wide_column', ...managed }),
  // key-value
  t('dynamodb-global-tables', ['dynamodb global tables', 'dynamodb global table', 'dynamo global tables', 'global tables'], 'database', { dataModel: 'key_value', ...managed, replicated: true, alsoModels: ['document'] }),
  t('dynamodb', ['dynamo', 'dynamo db'], 'database', { dataModel: 'key_value', ...managed, alsoModels: ['document'] }),
  t('foundationdb', [], 'database', { dataModel: 'key_value', ...cluster, consensus: true }),
  t('riak', [], 'database', { dataModel: 'key_value', ...cluster }),
  t('rocksdb', [], 'database', { dataModel: 'key_value' }),
  t('redis', ['valkey', 'keydb', 'redis cluster'], 'cache', { dataModel: 'key_value', ambiguous: true }),
  t('elasticache', ['amazon elasticache'], 'cache', { dataModel: 'key_value' }),
  t('memorystore', ['cloud memorystore'], 'cache', { dataModel: 'key_value' }),
  t('memcached', ['memcache'], 'cache', { dataModel: 'key_value' }),
  t('varnish', [], 'cache'),
  t('hazelcast', [], 'cache', { dataModel: 'key_value', ...cluster }),
  // Netflix's replicated memcached: copies in every zone by design.
  t('evcache', [], 'cache', { dataModel: 'key_value', ...cluster }),
  t('memorydb', ['amazon memorydb', 'aws memorydb'], 'database', { dataModel: 'key_value', ...managed }),
  t('upstash', ['upstash redis'], 'cache', { dataModel: 'key_value', ...managed }),
  // graph, time series
  t('neo4j', [], 'database', { dataModel: 'graph' }),
  t('neptune', ['amazon neptune'], 'database', { dataModel: 'graph', ...managed }),
  t('janusgraph', [], 'database', { dataModel: 'graph' }),
  t('dgraph', [], 'database', { dataModel: 'graph' }),
  t('influxdb', ['influx'], 'database', { dataModel: 'time_series' }),
  t('timescaledb', ['timescale'], 'database', { dataModel: 'time_series' }),
  t('timestream', ['amazon timestream', 'aws timestream'], 'database', { dataModel: 'time_series', ...managed }),
  t('questdb', [], 'database', { dataModel: 'time_series' }),
  t('druid', [], 'database', { dataModel: 'time_series', ...cluster }),
  // warehouses
  t('bigquery', ['big query', 'google bigquery'], 'database', { dataModel: 'wide_column', ...managed }),
  t('snowflake', [], 'database', { dataModel: 'relational', ...managed }),
  t('redshift', ['amazon redshift'], 'database', { dataModel: 'relational', ...managed }),
  t('clickhouse', [], 'database', { dataModel: 'wide_column' }),
  t('azure-synapse', ['azure synapse', 'synapse analytics'], 'database', { dataModel: 'relational', ...managed }),
  t('duckdb', ['duck db'], 'database', sql),
  // vector stores
  t('pinecone', [], 'database', { dataModel: 'vector', ...managed }),
  t('weaviate', [], 'database', { dataModel: 'vector' }),
  t('milvus', [], 'database', { dataModel: 'vector' }),
  t('qdrant', [], 'database', { dataModel: 'vector' }),
  t('chroma', ['chromadb', 'chroma db'], 'database', { dataModel: 'vector' }),
  // search
  t('elasticsearch', ['elastic search'], 'search', { dataModel: 'search' }),
  t('amazon-opensearch', ['amazon opensearch', 'aws opensearch', 'amazon opensearch service', 'amazon elasticsearch', 'aws elasticsearch', 'elastic cloud'], 'search', { dataModel: 'search', ...managed }),
  t('opensearch', [], 'search', { dataModel: 'search' }),
  t('solr', [], 'search', { dataModel: 'search' }),
  t('meilisearch', [], 'search', { dataModel: 'search' }),
  t('algolia', [], 'search', { dataModel: 'search', ...managed }),
  // object storage
  t('s3', ['amazon s3', 'aws s3'], 'object_storage', managed),
  t('gcs', ['google cloud storage', 'cloud storage'], 'object_storage', managed),
  t('azure-blob', ['azure blob', 'azure blob storage', 'azure storage'], 'object_storage', managed),
  t('r2', ['cloudflare r2'], 'object_storage', managed),
  t('minio', [], 'object_storage'),
  t('hosted-object-storage', ['firebase storage', 'supabase storage', 'backblaze b2', 'digitalocean spaces', 'do spaces', 'wasabi', 'oci object storage'], 'object_storage', managed),
  // content-addressed files pinned across a peer network
  t('ipfs', ['interplanetary file system'], 'object_storage', cluster),
  t('hdfs', [], 'object_storage', cluster),
  t('ebs', ['ebs volume', 'ebs volumes'], 'object_storage', managed),
  t('efs', ['amazon efs'], 'object_storage', managed),
  // queues and streams
  t('kafka', ['apache kafka'], 'stream', cluster),
  t('msk', ['amazon msk', 'confluent', 'confluent cloud'], 'stream', managed),
  t('event-hubs', ['event hubs', 'eventhubs', 'azure event hubs', 'event hub', 'azure event hub'], 'stream', managed),
  t('kinesis-firehose', ['firehose', 'kinesis firehose', 'kinesis data firehose', 'amazon data firehose', 'amazon kinesis firehose'], 'stream', managed),
  t('kinesis', ['kinesis data streams'], 'stream', managed),
  t('pulsar', ['apache pulsar'], 'stream', cluster),
  t('redpanda', [], 'stream', cluster),
  t('rabbitmq', ['rabbit', 'rabbit mq', 'amqp'], 'queue'),
  t('activemq', [], 'queue'),
  t('amazon-mq', ['amazon mq', 'aws mq'], 'queue'),
  t('ibm-mq', ['ibm mq', 'websphere mq'], 'queue'),
  t('rocketmq', ['apache rocketmq', 'rocket mq'], 'queue'),
  t('zeromq', ['zmq', '0mq', 'zero mq'], 'queue'),
  t('nsq', [], 'queue'),
  t('beanstalkd', [], 'queue'),
  t('solace', ['solace pubsub+'], 'queue'),
  t('nats', ['jetstream', 'nats jetstream'], 'queue'),
  // Managed IoT ingestion hubs: the devices' broker (MQTT/AMQP endpoints), run replicated by the cloud.
  t('iot-hub', ['iot hub', 'iot hubs', 'azure iot hub', 'aws iot core', 'amazon iot core', 'iot core', 'google cloud iot', 'google cloud iot core', 'cloud iot core'], 'queue', managed),
  // the provisioning front of an IoT hub: devices enrol through it, the cloud runs it
  t('device-provisioning', ['device provisioning', 'device provisioning service', 'azure dps', 'iot hub dps'], 'service', managed),
  t('mqtt-broker', ['mqtt broker', 'mosquitto', 'eclipse mosquitto', 'emqx', 'hivemq', 'vernemq', 'nanomq', 'rabbitmq mqtt', 'aedes'], 'queue'),
  // A box named only for the protocol ("MQTT") is its broker; "MQTT client" or "MQTT bridge service" keeps its own noun.
  t('mqtt', [], 'queue', { ambiguous: true }),
  t('redis-pubsub', ['redis pub sub', 'redis pubsub', 'redis streams'], 'queue'),
  t('sqs', ['amazon sqs', 'aws sqs'], 'queue', managed),
  t('sns', ['amazon sns'], 'queue', managed),
  t('eventbridge', ['event bridge', 'amazon eventbridge'], 'queue', managed),
  t('service-bus', ['service bus', 'azure service bus'], 'queue', managed),
  // integration middleware (MuleSoft, WSO2, a company's own): run by its owner, not Azure's Service Bus
  t('esb', ['enterprise service bus'], 'queue'),
  t('pubsub', ['pub sub', 'cloud pub sub', 'google pub sub'], 'queue', managed),
  t('event-grid', ['event grid', 'azure event grid'], 'queue', managed),
  t('azure-queue-storage', ['azure queue storage', 'azure storage queue', 'azure queue', 'azure queues'], 'queue', managed),
  t('cloud-tasks', ['cloud tasks', 'google cloud tasks'], 'queue', managed),
  t('qstash', ['upstash qstash'], 'queue', managed),
  t('celery', [], 'worker'),
  t('sidekiq', [], 'worker'),
  t('bullmq', [], 'worker'),
  t('flink', ['apache flink'], 'worker'),
  t('spark', ['apache spark', 'spark streaming'], 'worker'),
  t('kafka-streams', ['kafka streams', 'ksqldb'], 'worker'),
  t('kafka-connect', ['kafka connect'], 'worker'),
  t('debezium', [], 'worker'),
  t('airflow', ['apache airflow'], 'worker'),
  t('dbt', [], 'worker'),
  // managed stream processing on an ingestion path (IoT, clickstream): the cloud runs the job's copies
  t('managed-stream-processing', ['stream analytics', 'azure stream analytics', 'kinesis data analytics', 'kinesis analytics', 'amazon managed service for apache flink'], 'worker', managed),
  t('inngest', [], 'worker'),
  t('job-queue-library', ['hangfire', 'resque', 'dramatiq', 'huey', 'bull queue', 'bee queue', 'agenda js', 'oban', 'delayed job', 'asynq'], 'worker'),
  t('data-pipeline-service', ['dataflow', 'google dataflow', 'apache beam', 'aws glue etl', 'glue job', 'glue jobs', 'azure data factory', 'apache nifi', 'nifi', 'dagster', 'prefect', 'luigi', 'airbyte', 'meltano'], 'worker'),
  // edge, balancing, gateways
  t('cloudfront', ['amazon cloudfront'], 'cdn', managed),
  t('cloudflare', [], 'cdn', { ...managed, vendor: true }),
  t('akamai', [], 'cdn', managed),
  t('fastly', [], 'cdn', managed),
  // Netflix's own CDN: cache appliances inside ISPs.
  t('open-connect', ['netflix open connect', 'open connect appliances'], 'cdn', managed),
  t('cloud-cdn', ['cloud cdn', 'google cloud cdn', 'azure cdn', 'bunny cdn', 'bunnycdn', 'bunny net', 'keycdn', 'cdn77', 'imperva cdn', 'edgio', 'limelight'], 'cdn', managed),
  t('route53', ['route 53', 'amazon route 53', 'cloud dns'], 'dns', managed),
  t('managed-dns', ['azure dns', 'ns1', 'dnsimple', 'cloudflare dns', 'google cloud dns'], 'dns', managed),
  t('elb', ['alb', 'nlb', 'aws elb', 'aws alb', 'application load balancer', 'network load balancer', 'elastic load balancer', 'elastic load balancing', 'cloud load balancing', 'cloud load balancer', 'gcp load balancer', 'google cloud load balancer', 'application lb', 'network lb', 'azure load balancer', 'azure front door', 'front door', 'global load balancer', 'global load balancing', 'global lb', 'global accelerator'], 'load_balancer', managed),
  t('nginx', [], 'load_balancer', { ambiguous: true }),
  t('haproxy', [], 'load_balancer'),
  t('f5', ['f5 big ip', 'big ip', 'bigip', 'citrix adc', 'netscaler'], 'load_balancer'),
  t('metallb', [], 'load_balancer'),
  t('caddy', [], 'load_balancer', { ambiguous: true }),
  t('envoy', [], 'load_balancer', { ambiguous: true }),
  t('traefik', [], 'load_balancer', { ambiguous: true }),
  t('kong', [], 'api_gateway'),
  t('zuul', [], 'api_gateway'),
  t('api-gateway-product', ['tyk', 'krakend', 'apisix', 'apache apisix', 'spring cloud gateway', 'ocelot', 'gloo', 'gravitee', 'express gateway', 'wso2 api manager', 'mulesoft'], 'api_gateway'),
  t('apigee', [], 'api_gateway', managed),
  t('aws-api-gateway', ['aws api gateway', 'amazon api gateway', 'azure api management'], 'api_gateway', managed),
  t('apache', ['httpd'], 'web_server', { ambiguous: true }),
  // server frameworks: an application service unless the words say which
  t('server-framework', ['asp net', 'asp net core', 'dotnet', 'django', 'flask', 'fastapi', 'spring boot', 'express js', 'expressjs', 'nestjs', 'nest js', 'rails', 'ruby on rails', 'laravel', 'gin', 'fiber', 'actix', 'ktor', 'quarkus', 'micronaut'], 'service', { ambiguous: true }),
  // front-end frameworks: the app runs on the user's device unless the words say server
  t('react', ['reactjs', 'react js', 'react native', 'vue', 'vuejs', 'vue js', 'angular', 'svelte', 'flutter', 'swiftui', 'jetpack compose'], 'client', { ambiguous: true }),
  t('lambda', ['aws lambda', 'cloud functions', 'cloud run', 'azure functions'], 'service', managed),
  t('fargate', ['ecs fargate', 'aws fargate'], 'service', managed),
  t('ollama', [], 'service'),
  t('vllm', [], 'service'),
  t('llamaindex', ['llama index'], 'service'),
  t('langchain', ['langgraph'], 'service'),
  t('mlflow', ['kubeflow'], 'service'),
  t('jupyter', ['zeppelin'], 'service'),
  t('tableau', ['looker', 'metabase', 'superset'], 'service'),
  // hosted BI: the vendor runs it
  t('hosted-bi', ['power bi', 'microsoft power bi', 'looker studio', 'quicksight', 'amazon quicksight', 'tableau cloud'], 'service', managed),
  // hosted product-analytics SaaS: a third party the services send events to
  t('product-analytics', ['mixpanel', 'amplitude', 'google analytics', 'heap analytics', 'posthog'], 'external', managed),
  // connection poolers, coordination, identity
  t('pgbouncer', ['pg bouncer'], 'service'),
  t('proxysql', ['proxy sql'], 'service'),
  // Coordination services run as quorum ensembles (3 or 5 members) by construction.
  // build and delivery tooling: beside the system, never on a request's path
  t('database-admin-ui', ['prisma studio', 'mongo express', 'mongo-express', 'pgadmin', 'phpmyadmin', 'adminer', 'redisinsight', 'redis insight', 'redis commander'], 'other'),
  t('ci-cd', ['jenkins', 'ci cd', 'ci cd pipeline', 'sonarqube', 'argocd', 'argo cd', 'circleci', 'travis ci', 'gitlab ci', 'tekton', 'spinnaker'], 'other'),
  t('zookeeper', ['zoo keeper', 'clickhouse keeper'], 'service', cluster),
  t('etcd', [], 'service', cluster),
  t('consul', [], 'service', cluster),
  t('keycloak', [], 'service'),
  t('auth0', [], 'service', managed),
  t('cognito', ['amazon cognito', 'aws cognito'], 'service', managed),
  // a hosted virtual waiting room, run by the vendor across regions
  t('queue-it', ['queue it', 'queueit'], 'service', managed),
  // hosted identity: the vendor runs it replicated, as Auth0 and Cognito
  t('hosted-identity', ['okta', 'clerk', 'azure ad', 'azure active directory', 'entra id', 'microsoft entra id', 'firebase authentication', 'firebase auth', 'supabase auth', 'workos', 'stytch', 'onelogin', 'ping identity', 'descope', 'kinde'], 'service', managed),
  // observability and log shippers
  t('prometheus', [], 'monitoring'),
  t('grafana', [], 'monitoring'),
  // chaos testing kills instances on purpose to prove redundancy: operations tooling, off the request path
  t('chaos-testing', ['chaos monkey', 'chaos mesh', 'simian army', 'aws fis', 'fault injection simulator'], 'monitoring'),
  t('datadog', [], 'monitoring'),
  t('new-relic', ['new relic', 'newrelic'], 'monitoring'),
  t('cloudwatch', [], 'monitoring'),
  t('elk', ['elk stack', 'kibana'], 'monitoring'),
  t('loki', [], 'monitoring'),
  t('splunk', [], 'monitoring'),
  t('jaeger', ['zipkin'], 'monitoring'),
  t('cloud-trace', ['cloud trace', 'google cloud trace', 'aws x ray', 'grafana tempo'], 'monitoring', managed),
  t('opentelemetry', ['otel', 'otel collector'], 'monitoring'),
  t('sentry', [], 'monitoring'),
  t('flower', ['celery flower'], 'monitoring', { ambiguous: true }),
  t('filebeat', [], 'monitoring'),
  t('fluentd', ['fluent bit', 'fluentbit'], 'monitoring'),
  t('logstash', [], 'monitoring'),
  t('vector', ['vector dev'], 'monitoring', { ambiguous: true }),
  t('observability-product', ['victoriametrics', 'victoria metrics', 'thanos', 'mimir', 'graylog', 'honeycomb', 'dynatrace', 'appdynamics', 'elastic apm', 'signoz', 'uptime kuma', 'alertmanager', 'promtail', 'cadvisor', 'node exporter', 'azure monitor', 'application insights', 'app insights', 'cloud logging', 'cloud monitoring', 'stackdriver', 'pagerduty', 'opsgenie', 'bugsnag', 'rollbar', 'langfuse', 'langsmith'], 'monitoring'),
  // third parties
  t('stripe', [], 'external'),
  t('paypal', ['braintree', 'adyen'], 'external'),
  t('twilio', [], 'external'),
  t('sendgrid', ['mailgun', 'ses', 'amazon ses'], 'external'),
  t('email-api', ['resend', 'postmark', 'mailchimp', 'mandrill', 'mailjet', 'sparkpost', 'brevo', 'sendinblue', 'mailersend', 'mailtrap', 'aws ses'], 'external'),
  t('sms-api', ['vonage', 'nexmo', 'messagebird', 'plivo', 'sinch', 'telnyx', 'msg91', 'africas talking'], 'external'),
  t('push-api', ['onesignal', 'one signal', 'expo push', 'expo push service', 'pushwoosh'], 'external'),
  t('realtime-api', ['pusher', 'pusher channels', 'ably', 'pubnub'], 'external'),
  // Not "segment" alone: in video designs that is an HLS/DASH segment.
  t('segment-cdp', ['segment io', 'segment com', 'twilio segment'], 'external'),
  t('apns', ['fcm', 'firebase cloud messaging', 'apple push notification service', 'apple push notifications'], 'external'),
  // hosted media (image and video) APIs: upload, transform and deliver, run by the vendor
  t('cloudinary', ['imagekit', 'imagekit io', 'uploadcare', 'filestack'], 'external'),
  t('carrier-api', ['carrier api', 'carrier apis', 'carriers', 'shipping carrier', 'fedex', 'ups api', 'dhl'], 'external'),
  t('openai', ['anthropic', 'llm provider', 'llm api', 'openai api', 'azure openai'], 'external'),
  t('cohere', [], 'external'),
  t('hosted-llm-api', ['gemini', 'google gemini', 'gemini api', 'claude', 'claude api', 'anthropic api', 'mistral ai', 'mistral api', 'groq', 'groq api', 'openrouter', 'perplexity', 'perplexity api', 'deepseek', 'deepseek api', 'together ai', 'fireworks ai', 'hugging face', 'huggingface', 'hugging face api', 'vertex ai', 'aws bedrock', 'amazon bedrock', 'bedrock', 'chatgpt', 'gpt 4', 'gpt 4o', 'gpt 3 5', 'elevenlabs', 'eleven labs', 'deepgram', 'assemblyai', 'whisper api'], 'external'),
  t('google-maps', ['google maps', 'maps api'], 'external'),
  t('maps-api', ['mapbox', 'here maps', 'google places', 'google places api', 'google geocoding', 'geocoding api', 'tomtom'], 'external'),
  t('app-store', ['apple app store', 'google play', 'play store', 'google play store'], 'external'),
  t('cloud-ai-api', ['aws rekognition', 'amazon rekognition', 'rekognition', 'aws transcribe', 'amazon transcribe', 'aws textract', 'textract', 'aws comprehend', 'amazon polly', 'google vision', 'cloud vision', 'google speech to text', 'azure cognitive services', 'cognitive services'], 'external'),
  t('payment-provider', ['authorize net', 'razorpay', 'mollie', 'paddle', 'lemon squeezy', 'lemonsqueezy', 'checkout com', 'worldpay', 'square payments', 'coinbase commerce', 'payu', 'paytm', 'midtrans', 'xendit', 'iyzico', 'payfast', 'yookassa', 'klarna', 'plaid', 'gopay', 'shopeepay', 'mpesa', 'm pesa', 'daraja', 'mercadopago', 'mercado pago', 'paystack', 'flutterwave'], 'external'),
  t('translation-api', ['azure translator', 'google translate', 'google translation', 'amazon translate', 'aws translate', 'deepl'], 'external'),
  t('google-oauth', ['google oauth', 'google sign in', 'oauth provider'], 'external'),
  t('github', ['github actions', 'gitlab', 'docker hub'], 'external'),
  t('url-safety-api', ['google safe browsing', 'safe browsing', 'safe browsing api', 'google web risk', 'web risk api', 'virustotal', 'phishtank'], 'external'),
  t('captcha', ['recaptcha', 're captcha', 'hcaptcha', 'h captcha', 'cloudflare turnstile'], 'external'),
  t('open-banking-api', ['plaid', 'yodlee', 'truelayer', 'true layer', 'open banking api'], 'external'),
  t('slack', [], 'external', { ambiguous: true }),
  // a blockchain oracle network the contracts call out to (not the Oracle database)
  t('chainlink', ['chainlink oracle', 'chainlink oracles'], 'external'),
  // Written from product knowledge, not from corpus diagrams: the families real architectures name
  // most, each where the labelling guide puts it.
  // more relational, analytical and multi-model stores
  t('db2', ['ibm db2'], 'database', sql),
  t('percona', ['percona server', 'percona xtradb'], 'database', sql),
  t('citus', ['citus data'], 'database', relational('cluster')),
  t('singlestore', ['memsql'], 'database', relational('cluster')),
  t('greenplum', [], 'database', relational('cluster')),
  t('teradata', [], 'database', relational('cluster')),
  t('vertica', [], 'database', relational('cluster')),
  family('analytics-engine', ['apache pinot', 'apache doris', 'starrocks', 'apache kylin', 'firebolt', 'exasol', 'motherduck'], 'database', { dataModel: 'wide_column', ...cluster }),
  family('query-engine', ['trino', 'presto', 'prestodb', 'dremio', 'amazon athena', 'aws athena', 'apache drill', 'apache hive', 'hive metastore'], 'database', { dataModel: 'relational' }),
  family('databricks-sql', ['databricks sql', 'databricks warehouse', 'databricks lakehouse'], 'database', { dataModel: 'relational', ...managed }),
  family('materialize', ['materialize db', 'risingwave'], 'database', { dataModel: 'relational' }),
  family('hosted-document-db', ['faunadb', 'fauna db', 'google datastore', 'cloud datastore', 'convex db'], 'database', { dataModel: 'document', ...managed }),
  family('document-db-product', ['ravendb', 'rethinkdb', 'arangodb', 'orientdb', 'realm db', 'mongodb realm', 'pocketbase', 'surrealdb'], 'database', { dataModel: 'document' }),
  family('graph-db-product', ['tigergraph', 'memgraph', 'nebula graph', 'nebulagraph'], 'database', { dataModel: 'graph' }),
  family('kv-cluster', ['aerospike', 'tikv', 'apache ignite', 'apache geode', 'oracle coherence', 'infinispan'], 'database', { dataModel: 'key_value', ...cluster }),
  family('embedded-kv', ['leveldb', 'lmdb', 'badgerdb', 'bolt db', 'boltdb'], 'database', { dataModel: 'key_value' }),
  family('azure-table-storage', ['azure table storage', 'azure tables', 'table storage'], 'database', { dataModel: 'key_value', ...managed }),
  family('redis-compatible-cache', ['dragonfly db', 'dragonflydb', 'microsoft garnet', 'azure cache for redis', 'azure redis cache', 'azure redis', 'memcached cloud', 'redis enterprise'], 'cache', { dataModel: 'key_value' }),
  family('time-series-product', ['opentsdb', 'kdb', 'tdengine', 'apache iotdb', 'iotdb', 'azure data explorer', 'kusto'], 'database', { dataModel: 'time_series' }),
  family('vector-db-product', ['faiss', 'lancedb', 'lance db', 'vald', 'turbopuffer', 'vespa'], 'database', { dataModel: 'vector' }),
  family('hosted-vector-db', ['zilliz', 'zilliz cloud', 'vertex ai vector search', 'vertex vector search'], 'database', { dataModel: 'vector', ...managed }),
  // search products
  family('search-product', ['typesense', 'manticore', 'manticore search', 'sphinx search', 'zincsearch', 'quickwit', 'apache lucene', 'lucene', 'tantivy', 'sonic search'], 'search', { dataModel: 'search' }),
  family('hosted-search', ['azure cognitive search', 'azure ai search', 'azure search', 'vertex ai search', 'elastic app search', 'coveo', 'amazon kendra', 'aws kendra', 'amazon cloudsearch'], 'search', { dataModel: 'search', ...managed }),
  // files and archives
  family('archive-storage', ['glacier', 's3 glacier', 'amazon glacier', 'glacier deep archive', 'azure archive storage', 'coldline', 'gcs coldline', 'archive storage'], 'object_storage', managed),
  family('data-lake-storage', ['adls', 'adls gen2', 'azure data lake', 'azure data lake storage', 'data lake storage', 'aliyun oss', 'alibaba oss', 'alibaba cloud oss', 'tencent cos', 'huawei obs', 'ibm cloud object storage', 'linode object storage', 'scaleway object storage'], 'object_storage', managed),
  family('distributed-file-system', ['ceph', 'ceph rgw', 'seaweedfs', 'glusterfs', 'gluster', 'lustre', 'juicefs', 'longhorn'], 'object_storage', cluster),
  family('table-format', ['delta lake', 'apache iceberg', 'iceberg tables', 'apache hudi', 'delta tables'], 'object_storage', managed),
  // more messaging
  family('hosted-stream', ['aiven kafka', 'upstash kafka', 'warpstream', 'google pub sub lite', 'pub sub lite', 'dynamodb streams', 'kinesis video streams', 'streamnative'], 'stream', managed),
  family('stream-product', ['strimzi', 'apache bookkeeper', 'memphis dev', 'fluvio', 'automq', 'chronicle queue'], 'stream', cluster),
  family('queue-product', ['kue', 'faktory', 'python rq', 'rq worker', 'bull mq', 'hornetq', 'activemq artemis', 'qpid', 'apache qpid'], 'queue'),
  family('hosted-queue', ['eventarc', 'google eventarc', 'amazon mq for rabbitmq', 'cloudamqp', 'cloudflare queues'], 'queue', managed),
  // workflow engines and processing: the guide's workers
  family('hosted-workflow', ['step functions', 'aws step functions', 'logic apps', 'azure logic apps', 'durable functions', 'azure durable functions', 'google workflows', 'cloud workflows', 'cloud composer', 'amazon mwaa', 'aws batch', 'azure batch', 'cloud scheduler', 'eventbridge scheduler', 'amazon emr', 'aws emr', 'emr serverless', 'dataproc', 'google dataproc', 'hdinsight', 'azure hdinsight', 'databricks', 'azure databricks', 'aws glue', 'glue crawler', 'glue crawlers', 'synapse pipelines', 'fivetran', 'matillion'], 'worker', managed),
  // workflow and automation servers: they take requests and run the flows
  family('workflow-engine', ['temporal io', 'temporal server', 'temporal cluster', 'cadence workflow', 'netflix conductor', 'orkes conductor', 'camunda', 'zeebe', 'n8n', 'node red', 'nodered', 'windmill', 'kestra'], 'service'),
  family('processing-engine', ['temporal worker', 'argo workflows', 'trigger dev', 'apache storm', 'apache samza', 'apache heron', 'hadoop mapreduce', 'mapreduce', 'dask', 'ray cluster', 'apache flume', 'benthos', 'redpanda connect', 'bytewax', 'spark structured streaming', 'flink sql', 'informatica', 'talend', 'ssis', 'pentaho', 'singer tap', 'kafka mirrormaker', 'mirrormaker'], 'worker'),
  // hosting platforms: the provider runs the copies
  family('static-hosting', ['vercel', 'netlify', 'github pages', 'gitlab pages', 'firebase hosting', 'amplify hosting', 'aws amplify', 'cloudflare pages', 'azure static web apps', 'static web apps', 'surge sh'], 'web_server', managed),
  family('app-platform', ['heroku', 'fly io', 'app engine', 'google app engine', 'elastic beanstalk', 'aws elastic beanstalk', 'azure app service', 'azure container apps', 'aws app runner', 'digitalocean app platform', 'render com', 'railway app', 'cloudflare workers', 'vercel functions', 'netlify functions', 'deno deploy', 'azure spring apps'], 'service', managed),
  // edges, gateways, meshes
  family('azure-application-gateway', ['azure application gateway', 'application gateway', 'azure traffic manager', 'traffic manager', 'gcp load balancing', 'google load balancer', 'oci load balancer', 'digitalocean load balancer'], 'load_balancer', managed),
  family('ingress-controller', ['ingress nginx', 'nginx ingress', 'nginx ingress controller', 'ingress controller', 'istio ingress', 'istio ingress gateway', 'istio gateway', 'contour', 'emissary ingress', 'haproxy ingress', 'kong ingress', 'traefik ingress', 'aws load balancer controller'], 'load_balancer'),
  family('graphql-gateway', ['apollo router', 'apollo gateway', 'apollo federation gateway', 'graphql mesh', 'wundergraph', 'hasura', 'hasura graphql engine', 'aws appsync', 'appsync', 'google cloud endpoints', 'cloud endpoints'], 'api_gateway'),
  family('dns-product', ['coredns', 'powerdns', 'bind9', 'bind dns', 'dnsmasq', 'pi hole', 'godaddy dns', 'namecheap dns', 'dyn dns', 'external dns'], 'dns'),
  family('hosted-cdn', ['stackpath', 'jsdelivr', 'cachefly', 'gcore cdn', 'alibaba cdn', 'aliyun cdn', 'tencent cdn', 'azure front door cdn', 'fastly compute'], 'cdn', managed),
  // network plumbing drawn beside the services: it carries packets, it serves no request itself
  family('network-plumbing', ['vpc connector', 'serverless vpc access', 'nat gateway', 'internet gateway', 'transit gateway', 'vpn gateway', 'vpc peering', 'privatelink', 'private link', 'private service connect', 'security group', 'security groups', 'route table', 'route tables'], 'other'),
  family('edge-security', ['aws waf', 'azure waf', 'cloud armor', 'google cloud armor', 'aws shield', 'imperva waf', 'modsecurity', 'crowdsec'], 'other'),
  // identity and secrets: ours, on the request path when called
  family('identity-server', ['authelia', 'authentik', 'ory kratos', 'ory hydra', 'ory oathkeeper', 'dex idp', 'zitadel', 'fusionauth', 'supertokens', 'gluu', 'casdoor', 'logto', 'identityserver', 'duende identityserver', 'openiddict', 'oauth2 proxy', 'oauth2 proxy sidecar', 'keycloak server', 'freeipa', 'openldap', 'active directory', 'ldap server'], 'service'),
  // the clouds' own secret and key stores: managed, replicated by the provider
  family('cloud-secrets-store', ['aws secrets manager', 'azure key vault', 'aws kms', 'google kms', 'google cloud kms', 'google secret manager', 'gcp secret manager', 'aws parameter store', 'ssm parameter store', 'aws systems manager parameter store'], 'service', managed),
  family('feature-flags', ['launchdarkly', 'optimizely', 'split io', 'configcat', 'flagsmith', 'growthbook', 'statsig'], 'external'),
  // observability
  family('monitoring-product', ['zabbix', 'nagios', 'icinga', 'checkmk', 'netdata', 'statsd', 'telegraf', 'collectd', 'graphite', 'opensearch dashboards', 'pyroscope', 'elastic agent', 'metricbeat', 'heartbeat monitor', 'packetbeat', 'auditbeat', 'sumo logic', 'papertrail', 'loggly', 'logz io', 'instana', 'lightstep', 'apache skywalking', 'skywalking', 'cloudtrail', 'aws cloudtrail', 'log analytics', 'azure log analytics', 'statuspage', 'uptimerobot', 'better uptime', 'betterstack', 'healthchecks io', 'kube state metrics', 'blackbox exporter', 'elastalert', 'glitchtip', 'highlight io', 'openobserve', 'coroot', 'kiali'], 'monitoring'),
  family('ops-console', ['portainer', 'kubernetes dashboard', 'rancher', 'k9s', 'lens ide', 'pgweb', 'dbeaver', 'cloudbeaver'], 'other'),
  // consoles that watch a broker's topics and lag: they observe, they do not serve
  family('broker-console', ['kafka ui', 'kafdrop', 'akhq', 'conduktor', 'redpanda console', 'rabbitmq management', 'rabbitmq management ui'], 'monitoring'),
  family('build-and-infra-tooling', ['terraform', 'pulumi', 'ansible', 'helm', 'helm chart', 'helm charts', 'fluxcd', 'flux cd', 'bitbucket pipelines', 'azure devops', 'azure pipelines', 'aws codepipeline', 'codepipeline', 'codebuild', 'aws codebuild', 'codedeploy', 'cloud build', 'google cloud build', 'harbor registry', 'sonatype nexus', 'jfrog artifactory', 'artifactory', 'amazon ecr', 'aws ecr', 'ecr', 'azure container registry', 'google container registry', 'artifact registry', 'container registry', 'docker registry', 'cert manager', 'crossplane', 'cloudformation', 'aws cdk', 'kustomize', 'skaffold', 'tilt'], 'other'),
  // third parties a system calls out to
  family('business-saas', ['salesforce', 'hubspot', 'zendesk', 'intercom', 'freshdesk', 'servicenow', 'jira', 'confluence', 'notion api', 'google workspace', 'microsoft graph', 'microsoft 365', 'office 365', 'sharepoint', 'docusign', 'quickbooks', 'xero', 'netsuite', 'shopify', 'woocommerce', 'bigcommerce', 'contentful', 'sanity io', 'prismic', 'storyblok', 'airtable', 'google sheets', 'google drive', 'dropbox', 'onedrive', 'box api', 'calendly', 'google calendar', 'zoom api', 'microsoft teams', 'discord', 'discord api', 'telegram', 'telegram api', 'telegram bot api', 'whatsapp business api', 'whatsapp cloud api', 'facebook graph api', 'instagram graph api', 'twitter api', 'youtube api', 'youtube data api', 'spotify api', 'reddit api', 'linkedin api'], 'external'),
  family('finance-apis', ['mastercard', 'visa network', 'visanet', 'visa api', 'card network', 'card networks', 'swift network', 'experian', 'equifax', 'transunion', 'credit bureau', 'onfido', 'jumio', 'sumsub', 'veriff', 'trulioo', 'sift science', 'signifyd', 'riskified', 'avalara', 'taxjar', 'wise api', 'dwolla', 'marqeta', 'unit co', 'alpaca api', 'alpha vantage', 'polygon io', 'coingecko', 'coinmarketcap', 'binance api', 'binance', 'coinbase', 'coinbase api', 'kraken exchange', 'kraken api', 'bitstamp', 'exchange rate api', 'fixer io', 'infura', 'alchemy api', 'etherscan', 'moralis'], 'external'),
  family('commerce-and-logistics-apis', ['easypost', 'shippo', 'shipstation', 'aftership', 'shiprocket', 'usps', 'usps api', 'royal mail', 'canada post', 'openweather', 'openweathermap', 'weather api', 'news api', 'ipinfo', 'maxmind', 'geoip api'], 'external'),
  family('media-and-comms-apis', ['mux video', 'mux com', 'agora io', 'agora rtc', 'vonage video', 'daily co', 'zegocloud', 'sendbird', 'getstream io', 'stream chat api', 'cloudflare stream', 'cloudflare images', 'aws elemental', 'mediaconvert', 'aws mediaconvert', 'elemental mediaconvert', 'elemental medialive', 'azure communication services', 'amazon chime sdk', 'amazon pinpoint', 'aws pinpoint', 'amazon connect'], 'external'),
  family('ai-apis', ['replicate api', 'replicate com', 'voyage ai', 'jina ai', 'stability ai', 'midjourney', 'dall e', 'openai embeddings', 'azure ai services', 'azure ai foundry', 'google ai studio', 'tavily', 'tavily search', 'serpapi', 'serper', 'bing search api', 'brave search api', 'google custom search', 'google search api', 'firecrawl', 'llamaparse', 'unstructured io', 'assembly ai', 'speechmatics', 'google text to speech', 'azure speech', 'aws polly'], 'external'),
  family('social-login', ['sign in with apple', 'apple sign in', 'apple id', 'facebook login', 'github oauth', 'microsoft login', 'google identity', 'google identity platform', 'lets encrypt', 'let s encrypt'], 'external'),
  family('analytics-saas', ['hotjar', 'fullstory', 'logrocket', 'kissmetrics', 'appsflyer', 'adjust sdk', 'branch io', 'firebase analytics', 'firebase crashlytics', 'crashlytics', 'rudderstack'], 'external', managed)]);

const TECH_INDEX = new PhraseIndex<TechEntry>(TECHNOLOGIES.map((entry) => [entry.aliases, entry] as const));

const techMemo = new Map<string, readonly TechEntry[]>();

const GOOGLE_PUBSUB = ['cloud pub sub', 'google pub sub', 'gcp pub sub'];

/**
 * "Pub/Sub" beside another product ("Redis Session & Pub/Sub", "Pub/Sub (NATS)") names that
 * product's publish/subscribe, not Google's Pub/Sub; only a bare or Google-named "Pub/Sub" is.
 */
function withoutPatternPubSub(entries: readonly TechEntry[], words: Words): readonly TechEntry[] {
  if (entries.length < 2 || !entries.some((t) => t.name === 'pubsub') || GOOGLE_PUBSUB.some((alias) => hasPhrase(words, alias))) return entries;
  return entries.filter((t) => t.name !== 'pubsub');
}

/**
 * Technologies named in the words, in table order. A name inside a longer one is not named on
 * its own: "Redis Pub/Sub" is not also Google Pub/Sub, "vector store" not the Vector log shipper.
 */
const BY_NAME: ReadonlyMap<string, TechEntry> = new Map(TECHNOLOGIES.map((entry) => [entry.name, entry]));

/** The entry of a technology name as a node lists it (`node.tech`). */
export const techNamed = (name: string): TechEntry | undefined => BY_NAME.get(name);

export function techsIn(words: Words): readonly TechEntry[] {
  const matched = TECH_INDEX.matches(words);
  if (matched.length < 2) return matched;
  let result = techMemo.get(words);
  if (result === undefined) {
    const found = matched.map((t) => t.aliases.filter((a) => hasPhrase(words, a)).map((a) => ` ${phraseKey(a)} `));
    const inside = (alias: string, i: number): boolean => found.some((other, j) => j !== i && other.some((b) => b !== alias && b.includes(alias)));
    result = Object.freeze(withoutPatternPubSub(matched.filter((_, i) => !(found[i] as string[]).every((alias) => inside(alias, i))), words));
    if (techMemo.size > 5_000) techMemo.clear();
    techMemo.set(words, result);
  }
  return result;
}
