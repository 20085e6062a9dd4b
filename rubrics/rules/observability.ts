import { anyFlag, finding } from './finding';
import type { Rule } from './types';

const RULE = 'observability';

/** Logs and metrics are collected somewhere: a monitoring node or labels that say so. */
export const observability: Rule = (graph) => {
  const logs = anyFlag(graph, 'logs');
  const metrics = anyFlag(graph, 'metrics');
  if (logs && metrics) return [];
  if (!logs && !metrics) {
    return [
      finding(RULE, 'minor', [], 'observability', {
        message: 'No logs or metrics: nothing shows how you would notice and debug a failure.',
        why: 'Without metrics and alerts you learn about outages from users; without logs (and traces) you cannot find the cause.',
        fix: 'Add a monitoring node fed by the services, e.g. `App -.->|metrics, logs| Mon[Prometheus + Grafana · Loki]`.',
      }),
    ];
  }
  return [
    finding(RULE, 'info', [], 'observability', {
      message: logs ? 'Logs are collected but no metrics or alerting are shown.' : 'Metrics are collected but no logs are shown.',
      why: 'Metrics tell you something is wrong; logs and traces tell you why. You need both.',
      fix: logs ? 'Add metrics and alerting, e.g. `Mon[Prometheus + Grafana]`.' : 'Add log aggregation, e.g. `Logs[Loki / ELK]`.',
    }),
  ];
};
