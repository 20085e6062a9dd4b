import { z } from 'zod';
import { CapabilitiesSchema } from './coverage/schema';
import { DATA_MODELS, NEEDS, REALTIME_TRANSPORTS, RULE_IDS } from './vocabulary';

/**
 * What the rules need to know about a prompt. The prompt files (`prompts/`) embed exactly
 * these shapes, so a parsed prompt is directly usable as grading parameters.
 */

const keywords = z.array(z.string().min(1)).min(1);

export const RuleWeightSchema = z.strictObject({
  weight: z.number().min(0).max(10),
  /** The rule checks something the prompt requires (shown with the rule); the cap on the total follows core capabilities. */
  required: z.boolean().default(false),
});

/** A key a store may be sharded by, with why it is good or hotspot-prone. */
export const ShardKeySchema = z.strictObject({
  key: z.string().min(1),
  reason: z.string().min(1),
  /** Other names candidates write for the same key ("geohash" for `geo_cell`). */
  also: z.array(z.string().min(1)).default([]),
});

/** A stored entity: which data models are acceptable for it and why. */
export const EntitySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  name: z.string().min(1),
  /** Lower-case words that identify the store (or the service owning it) in a diagram label. */
  match: keywords,
  accept: z.array(z.enum(DATA_MODELS)).min(1),
  reason: z.string().min(1),
});

/** Work that must leave the request path (sent through a queue or stream). */
export const AsyncWorkSchema = z.strictObject({
  id: z.string().min(1),
  /** Words identifying the worker/consumer or the service doing the work. */
  match: keywords,
  reason: z.string().min(1),
});

export const RubricSchema = z.strictObject({
  /** Rules that apply to this prompt; a rule not listed says nothing. */
  rules: z.partialRecord(z.enum(RULE_IDS), RuleWeightSchema),
  /** Reads dominate writes (e.g. 100:1): caching and replicas for reads matter. */
  readHeavy: z.boolean().default(false),
  caching: z.enum(NEEDS).default('none'),
  cdn: z.enum(NEEDS).default('none'),
  objectStorage: z.enum(NEEDS).default('none'),
  async: z
    .strictObject({
      need: z.enum(NEEDS),
      work: z.array(AsyncWorkSchema).default([]),
    })
    .default({ need: 'none', work: [] }),
  realtime: z
    .strictObject({
      need: z.enum(['none', 'push', 'stream']),
      accept: z.array(z.enum(REALTIME_TRANSPORTS)).default([]),
      reason: z.string().default(''),
    })
    .default({ need: 'none', accept: [], reason: '' }),
  sharding: z
    .strictObject({
      need: z.enum(NEEDS),
      goodKeys: z.array(ShardKeySchema).default([]),
      hotKeys: z.array(ShardKeySchema).default([]),
    })
    .default({ need: 'none', goodKeys: [], hotKeys: [] }),
  replication: z
    .strictObject({
      need: z.enum(NEEDS),
      /** Zero data loss (RPO 0): replicas must be written synchronously. */
      synchronous: z.boolean().default(false),
      multiRegion: z.boolean().default(false),
    })
    .default({ need: 'recommended', synchronous: false, multiRegion: false }),
  sessions: z
    .strictObject({
      /**
       * `forbidden`: the service tier must be stateless. `allowed-with-durable-store`: session
       * affinity is fine for the services matched by `match` if their state is also kept in a
       * durable store (stateful LLM chat).
       */
      sticky: z.enum(['forbidden', 'allowed-with-durable-store']),
      match: z.array(z.string().min(1)).default([]),
      reason: z.string().default(''),
    })
    .default({ sticky: 'forbidden', match: [], reason: '' }),
  /**
   * What a design must serve (rubrics/coverage/schema.ts). Empty: the generic set applies
   * (requests reach a service that keeps data in a store).
   */
  capabilities: CapabilitiesSchema.default([]),
});

export const GradingParamsSchema = z.object({
  rubric: RubricSchema,
  entities: z.array(EntitySchema).default([]),
});

export type RuleWeight = z.infer<typeof RuleWeightSchema>;
export type ShardKey = z.infer<typeof ShardKeySchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type AsyncWork = z.infer<typeof AsyncWorkSchema>;
export type Rubric = z.infer<typeof RubricSchema>;
export type GradingParams = z.infer<typeof GradingParamsSchema>;
