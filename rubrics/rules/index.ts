import type { ConceptId, RuleId } from '../vocabulary';
import { asyncProcessing } from './async-processing';
import { caching } from './caching';
import { cdnObjectStorage } from './cdn-object-storage';
import { databaseChoice } from './database-choice';
import { loadBalancing } from './load-balancing';
import { observability } from './observability';
import { realtimeTransport } from './realtime-transport';
import { replication } from './replication';
import { sharding } from './sharding';
import { singlePointOfFailure } from './single-point-of-failure';
import { statelessServices } from './stateless-services';
import type { Rule } from './types';

/** Every rule, by id. A rule runs only if the rubric lists it. */
export const RULES: Readonly<Record<RuleId, Rule>> = Object.freeze({
  'single-point-of-failure': singlePointOfFailure,
  'load-balancing': loadBalancing,
  'database-choice': databaseChoice,
  caching,
  'cdn-object-storage': cdnObjectStorage,
  sharding,
  replication,
  'async-processing': asyncProcessing,
  'stateless-services': statelessServices,
  'realtime-transport': realtimeTransport,
  observability,
});

export type { Finding, Rule } from './types';

/** The glossary concepts each rule's findings cite (static, so the UI can link without grading). */
export const RULE_CONCEPTS: Readonly<Record<RuleId, readonly ConceptId[]>> = Object.freeze({
  'single-point-of-failure': ['single-point-of-failure'],
  'load-balancing': ['load-balancing', 'scaling', 'single-point-of-failure'],
  'database-choice': ['sql-vs-nosql'],
  caching: ['caching'],
  'cdn-object-storage': ['cdn', 'object-storage'],
  sharding: ['sharding'],
  replication: ['replication', 'multi-region'],
  'async-processing': ['queues-and-streams', 'idempotency'],
  'stateless-services': ['stateless-services'],
  'realtime-transport': ['realtime-transport'],
  observability: ['observability'],
});
