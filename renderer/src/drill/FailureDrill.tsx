import { memo, useMemo, useState, type JSX } from 'react';
import { capabilitiesOf } from '../../../rubrics/grade';
import { failureDrill, type DrillCapability, type DrillFlow } from '../../../rubrics/drill/failureDrill';
import type { ArchitectureGraph } from '../../../rubrics/model/types';
import type { GradingParams } from '../../../rubrics/params';
import { MarkedDiagram } from '../marked/MarkedDiagram';

export interface FailureDrillProps {
  /** The drawn diagram and the graph graded from the same text. */
  readonly svg: string;
  readonly graph: ArchitectureGraph;
  readonly params: GradingParams;
}

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * "What if these fail?": the candidate fails nodes (click them, or tick them in the list) and sees
 * which of the prompt's capabilities and which client-to-store flows break, with what the clients
 * can no longer reach greyed out.
 */
export const FailureDrill = memo(function FailureDrill(props: FailureDrillProps): JSX.Element {
  const [active, setActive] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(NO_IDS);
  const { graph } = props;
  // Ids the diagram no longer has (the text changed) simply stop counting.
  const failed = useMemo(() => new Set([...chosen].filter((id) => graph.node(id) !== undefined)), [chosen, graph]);
  const report = useMemo(() => (active ? failureDrill(graph, capabilitiesOf(props.params), failed) : undefined), [active, graph, props.params, failed]);
  const nodeClasses = useMemo(() => {
    const marks = new Map<string, readonly string[]>();
    for (const id of failed) marks.set(id, ['sysdrill-failed']);
    for (const id of report?.unreachable ?? []) marks.set(id, ['sysdrill-unreachable']);
    return marks;
  }, [failed, report]);
  const toggle = (id: string): void =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <section className="drill" aria-label="Failure drill">
      <div className="drill-actions">
        <button type="button" aria-pressed={active} onClick={() => setActive((on) => !on)}>
          Failure drill
        </button>
        {active && (
          <button type="button" onClick={() => setChosen(NO_IDS)} disabled={failed.size === 0}>
            Reset
          </button>
        )}
        {active && <span className="muted small">Click components to fail them; what the clients can no longer reach is greyed out.</span>}
      </div>
      {active && report !== undefined && (
        <>
          <MarkedDiagram svg={props.svg} nodeClasses={nodeClasses} onNodeClick={toggle} label="Failure drill diagram" testId="drill-diagram" />
          <fieldset className="drill-nodes">
            <legend className="small">Failed components</legend>
            {graph.nodes.map((node) => (
              <label key={node.id} className="small">
                <input type="checkbox" checked={failed.has(node.id)} onChange={() => toggle(node.id)} /> {node.label}
              </label>
            ))}
          </fieldset>
          <div className="drill-outcomes">
            <CapabilityList title="Capabilities broken" testId="drill-broken" items={report.brokenCapabilities} empty="Nothing the prompt asks for breaks." />
            <CapabilityList title="Capabilities still working" testId="drill-working" items={report.workingCapabilities} empty="None." />
            <FlowList title="Flows broken" testId="drill-broken-flows" flows={report.brokenFlows} />
            <FlowList title="Flows still working" testId="drill-working-flows" flows={report.workingFlows} />
          </div>
          {report.unservedCapabilities.length > 0 && (
            <p className="muted small">
              Not served even with nothing failed: {report.unservedCapabilities.map((c) => c.title).join('; ')}.
            </p>
          )}
        </>
      )}
    </section>
  );
});

function CapabilityList(props: { readonly title: string; readonly testId: string; readonly items: readonly DrillCapability[]; readonly empty: string }): JSX.Element {
  return (
    <section aria-label={props.title} data-testid={props.testId}>
      <h4>
        {props.title} ({props.items.length})
      </h4>
      {props.items.length === 0 ? (
        <p className="muted small">{props.empty}</p>
      ) : (
        <ul className="small">
          {props.items.map((c) => (
            <li key={c.id}>
              {c.title}
              {c.core && <span className="muted"> (core)</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FlowList(props: { readonly title: string; readonly testId: string; readonly flows: readonly DrillFlow[] }): JSX.Element {
  return (
    <section aria-label={props.title} data-testid={props.testId}>
      <h4>
        {props.title} ({props.flows.length})
      </h4>
      {props.flows.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="small">
          {props.flows.map((f) => (
            <li key={`${f.client.id}->${f.store.id}`}>
              {f.client.label} → {f.store.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
