import type { ArchitectureGraph } from '../model/types';
import { finding, named } from '../rules/finding';
import { RULE_CONCEPTS } from '../rules/index';
import type { Finding } from '../rules/types';
import { KIND_TITLES } from '../vocabulary';
import type { CapabilityOutcome, Gap } from './assess';
import type { Capability, NodeMatcher, Step } from './schema';


const or = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] as string}`;

function describeMatcher(m: NodeMatcher): string {
  const models = m.dataModel === undefined ? '' : `${or(m.dataModel.map((d) => d.replace('_', '-')))} `;
  const kinds = m.kind === undefined ? 'component' : or(m.kind.map((k) => KIND_TITLES[k]));
  const parts = [`a ${models}${kinds}`];
  if (m.words !== undefined) parts.push(`named for ${or(m.words.slice(0, 4).map((w) => `"${w}"`))}`);
  if (m.tech !== undefined) parts.push(`(${or(m.tech)})`);
  if (m.transport !== undefined) parts.push(`using ${or(m.transport.map((t) => t.replace('_', ' ')))}`);
  if (m.holds !== undefined) parts.push(`keeping the ${m.holds[0] ?? 'data'}`);
  if (m.edgeWords !== undefined) parts.push(`called with ${or(m.edgeWords.slice(0, 3).map((w) => `"${w}"`))}`);
  if (m.flags !== undefined) parts.push(`marked ${or(m.flags.map((f) => f.replace('_', ' ')))}`);
  if (m.sharded === true) parts.push('with a shard key');
  if (m.replicated === true) parts.push('replicated to another copy');
  return parts.join(' ');
}

/** How a finding names what one step needs: the prompt author's name, else one built from the criteria. */
export function describeStep(step: Step): string {
  if (step.name !== undefined) return step.name;
  const own = describeMatcher(step);
  if (step.anyOf === undefined) return own;
  const alternatives = or(step.anyOf.map(describeMatcher));
  return step.kind === undefined && step.words === undefined && step.dataModel === undefined ? alternatives : `${own}, as ${alternatives}`;
}

const nodesNamed = (ids: readonly string[], graph: ArchitectureGraph): string => ids.flatMap((id) => graph.node(id) ?? []).map(named).join(', ');

/**
 * What the finding says: the prompt author's words for a capability nothing serves, or, when the
 * design keeps the step's data in a store that does not fit it, that store and what it lacks.
 */
function messageFor(gap: Gap, step: Step, capability: Capability, graph: ArchitectureGraph): string {
  if (gap.unconnected.length > 0 || gap.misplaced.length === 0) return capability.missing;
  // The title, lower-cased, continues the sentence.
  const keeps = gap.misplaced.length === 1 ? 'keeps' : 'keep';
  return `${nodesNamed(gap.misplaced, graph)} ${keeps} the ${step.holds?.[0] ?? 'data'}, but the prompt asks for ${describeStep(step)}: ${capability.title.charAt(0).toLowerCase()}${capability.title.slice(1)}.`;
}

const code = (ids: readonly string[]): string => or(ids.map((id) => `\`${id}\``));

function fixFor(gap: Gap, step: Step, graph: ArchitectureGraph): string {
  const needed = describeStep(step);
  const unconnected = gap.unconnected.flatMap((id) => graph.node(id) ?? []);
  const [from] = gap.from;
  const [target] = gap.unconnected;
  if (target === undefined && gap.misplaced.length > 0) {
    const unnamed = gap.misplaced.some((id) => {
      const node = graph.node(id);
      return node?.kind === 'database' && node.dataModel === 'unknown';
    });
    const say = unnamed ? ' (a store that does not name its technology, e.g. `· Postgres`, is not known to be one)' : '';
    return `Turn ${nodesNamed(gap.misplaced, graph)} into ${needed}, or keep the ${step.holds?.[0] ?? 'data'} in such a store: it is where this design keeps it${say}.`;
  }
  if (target === undefined && gap.lacking.length > 0) {
    const how = step.sharded === true ? 'add `shard: <key>` to the label' : 'draw a replica beside it (`A -. replicates .-> AR[(Replica)]`) or say "primary + replica" in the label';
    return `Turn ${nodesNamed(gap.lacking, graph)} into ${needed}: ${how}.`;
  }
  if (target !== undefined && from !== undefined) {
    return `Connect ${code(gap.from)} to ${unconnected.map(named).join(', ')} along the request flow (e.g. \`${from} --> ${target}\`).`;
  }
  if (target !== undefined) {
    return `Connect ${unconnected.map(named).join(', ')} to the request flow: draw the path from a client to it (e.g. \`Client --> … --> ${target}\`).`;
  }
  if (from !== undefined) return `Add ${needed} and draw the flow from ${code(gap.from)} to it.`;
  return `Add ${needed} on the request flow from the clients.`;
}

/** One finding per capability the design does not serve, in the prompt's words, naming the nodes to connect. */
export function gapFindings(outcomes: readonly CapabilityOutcome[], graph: ArchitectureGraph): readonly Finding[] {
  return outcomes.flatMap((o) => {
    if (o.met || o.gap === undefined) return [];
    const { capability, gap } = o;
    const step = capability.chain[gap.step] as Step;
    const chain = capability.chain.map(describeStep).join(' → ');
    const misplaced = gap.unconnected.length === 0 && gap.misplaced.length > 0;
    return [
      finding(capability.rule, capability.core ? 'critical' : 'major', misplaced ? gap.misplaced : o.nodes, RULE_CONCEPTS[capability.rule][0] ?? 'tier-separation', {
        message: messageFor(gap, step, capability, graph),
        why: misplaced
          ? `The prompt asks for this: ${capability.title}. It takes ${chain}, and the store this design names for the ${step.holds?.[0] ?? 'data'} is not ${describeStep(step)}.`
          : `The prompt asks for this: ${capability.title}. Only what the drawn request flow connects counts, from a client or entry point: ${chain}. A box no request reaches serves nothing.`,
        fix: fixFor(gap, step, graph),
      }),
    ];
  });
}
