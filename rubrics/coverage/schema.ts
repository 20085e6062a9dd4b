import { z } from 'zod';
import type { AnnotationFlag } from '../model/types';
import { TECHNOLOGIES } from '../model/tech';
import { DATA_MODELS, NODE_KINDS, REALTIME_TRANSPORTS, RULE_IDS } from '../vocabulary';

/**
 * Capabilities: what a design must serve for a prompt, as data. Each is a chain of node
 * matchers that must be connected, in order, along the directed request flow starting at a
 * client or entry point. A prompt lists them at the end of its `rubric:` block.
 */

/** Every annotation flag, as a runtime list (the record makes the compiler check it is complete). */
const FLAG_SET: Readonly<Record<AnnotationFlag, true>> = {
  ttl: true,
  invalidation: true,
  health_check: true,
  sticky: true,
  stateless: true,
  in_memory_state: true,
  sync_replication: true,
  async_replication: true,
  failover: true,
  replica_lag: true,
  multi_az: true,
  multi_region: true,
  delivery_guarantee: true,
  websocket: true,
  sse: true,
  long_polling: true,
  short_polling: true,
  logs: true,
  metrics: true,
  tracing: true,
};
export const ANNOTATION_FLAGS = Object.keys(FLAG_SET) as [AnnotationFlag, ...AnnotationFlag[]];

const TECH_NAMES: ReadonlySet<string> = new Set(TECHNOLOGIES.map((t) => t.name));

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

/** Criteria on one node; every criterion given must hold, and each list means "any of". */
const matcherFields = {
  /** Node kinds, e.g. `[database]`. */
  kind: list(z.enum(NODE_KINDS)),
  /** Data models of a database node, e.g. `[relational]`. */
  dataModel: list(z.enum(DATA_MODELS)),
  /** Technologies the label names (names from rubrics/model/tech.ts), e.g. `[postgres]`. */
  tech: list(
    z
      .string()
      .min(1)
      .refine((name) => TECH_NAMES.has(name), { message: 'unknown technology (see rubrics/model/tech.ts for the names)' }),
  ),
  /** Lower-case words or phrases of the node's own label or id, e.g. `[ledger, journal]`. */
  words: list(z.string().trim().min(1).toLowerCase()),
  /**
   * Lower-case words or phrases on an edge into or out of the node: what a call to or from it
   * says (`Checkout -->|charge with idempotency key| PSP`), e.g. `[idempotency key]`.
   */
  edgeWords: list(z.string().trim().min(1).toLowerCase()),
  /**
   * Words naming the data the step keeps, e.g. `[ledger, journal]`. When the diagram names a
   * store of the step's kinds with them and says what that store is, only such a store meets the
   * step: an "Accounts · Postgres" does not serve the ledger a design keeps on Cassandra.
   */
  holds: list(z.string().trim().min(1).toLowerCase()),
  /** Facts stated on the node or on an edge touching it, e.g. `[sync_replication]`. */
  flags: list(z.enum(ANNOTATION_FLAGS)),
  /** Real-time transports used on the node's connections, e.g. `[sse, websocket]`. */
  transport: list(z.enum(REALTIME_TRANSPORTS)),
  /** The node declares a shard or partition key. */
  sharded: z.literal(true).optional(),
  /** The node has a replication edge to or from another store (replication carries data, not requests). */
  replicated: z.literal(true).optional(),
};

const CRITERIA = Object.keys(matcherFields);
const hasCriterion = (m: Record<string, unknown>): boolean => CRITERIA.some((k) => m[k] !== undefined) || m['anyOf'] !== undefined;
const NO_CRITERION = { message: `a step needs at least one of ${CRITERIA.join(', ')} or anyOf` };

export const NodeMatcherSchema = z.strictObject(matcherFields).refine(hasCriterion, NO_CRITERION);

/** One link of the chain: its own criteria and, optionally, alternatives of which one must hold. */
export const StepSchema = z
  .strictObject({
    ...matcherFields,
    anyOf: z.array(NodeMatcherSchema).min(2).optional(),
    /** How a finding names what this step needs ("a relational ledger store"); derived when absent. */
    name: z.string().trim().min(1).optional(),
  })
  .refine(hasCriterion, NO_CRITERION);

export const CapabilitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case (e.g. acid-ledger)'),
  /** What the design serves, in the prompt's words: "Transfers are written to an ACID ledger". */
  title: z.string().trim().min(1),
  /** A core capability weighs double, and failing it (or breaking its path) caps the score. */
  core: z.boolean().default(false),
  /** The rule whose concern this is: a missing capability is reported under it. */
  rule: z.enum(RULE_IDS),
  /** The finding's message when it is missing: "Nothing stores the ledger yet: a transfer must be written to …". */
  missing: z.string().trim().min(1),
  /** Nodes that must be connected in this order along the request flow from a client or entry. */
  chain: z.array(StepSchema).min(1).max(6),
});

/** Unique ids, at least one core capability; issues are located at the offending entry. */
export const CapabilitiesSchema = z.array(CapabilitySchema).superRefine((caps, ctx) => {
  const seen = new Set<string>();
  caps.forEach((cap, index) => {
    if (seen.has(cap.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate capability id "${cap.id}"` });
    seen.add(cap.id);
  });
  if (caps.length > 0 && !caps.some((c) => c.core)) {
    ctx.addIssue({ code: 'custom', path: [], message: 'mark at least one capability `core: true`' });
  }
});

export type NodeMatcher = z.output<typeof NodeMatcherSchema>;
export type Step = z.output<typeof StepSchema>;
export type Capability = z.output<typeof CapabilitySchema>;
