import { GradingParamsSchema, type GradingParams } from './params';

/**
 * The general rubric, used when no prompt is chosen: only prompt-independent rules, with
 * defaults that assume nothing about the workload (no caching, CDN, sharding or real-time needs).
 */
export const GENERAL_PARAMS: GradingParams = Object.freeze(
  GradingParamsSchema.parse({
    rubric: {
      rules: {
        'single-point-of-failure': { weight: 3, required: true },
        'load-balancing': { weight: 2 },
        replication: { weight: 2 },
        'database-choice': { weight: 1 },
        'stateless-services': { weight: 1 },
        observability: { weight: 1 },
      },
      replication: { need: 'recommended' },
      sessions: { sticky: 'forbidden' },
    },
    entities: [],
  }),
);
