import { useMemo, type JSX } from 'react';
import type { StructuralDiff } from '../../../rubrics/diff/structural';
import type { ArchEdge, ArchNode, ArchitectureGraph } from '../../../rubrics/model/types';
import type { GradingParams } from '../../../rubrics/params';
import type { Finding } from '../../../rubrics/rules/types';
import { CATEGORIES, RULE_TITLES, type Category } from '../../../rubrics/vocabulary';
import type { DiagramTheme } from '../mermaid/index';
import { MarkedDiagram } from '../marked/MarkedDiagram';
import { NodeNameText, nodeNamer, type NodeNamer } from '../practice/FeedbackPanel';
import { InlineCode } from '../practice/InlineCode';
import { LineDiffView } from './LineDiffView';
import { useComparison, type CompareSide, type Drawn, type SideResult } from './useComparison';

export interface ComparisonViewProps {
  readonly heading: string;
  /** How the two sides were ordered, when the user should know (two attempts: by when they were made). */
  readonly order?: string;
  readonly before: CompareSide;
  readonly after: CompareSide;
  readonly params: GradingParams;
  readonly theme: DiagramTheme;
}

const ADDED = ['sysdrill-added'] as const;
const REMOVED = ['sysdrill-removed'] as const;

interface Marks {
  readonly nodes: ReadonlyMap<string, readonly string[]>;
  readonly edges: readonly { readonly from: string; readonly to: string; readonly classes: readonly string[] }[];
}

const NO_MARKS: Marks = { nodes: new Map(), edges: [] };
const classed = (nodes: readonly ArchNode[], classes: readonly string[]): ReadonlyMap<string, readonly string[]> => new Map(nodes.map((n) => [n.id, classes]));

function DrawnSide(props: { readonly title: string; readonly drawn: Drawn; readonly marks: Marks; readonly label: string; readonly testId: string }): JSX.Element {
  return (
    <section className="compare-diagram" aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.drawn.ok ? (
        <MarkedDiagram svg={props.drawn.svg} nodeClasses={props.marks.nodes} edgeClasses={props.marks.edges} label={props.label} testId={props.testId} />
      ) : (
        <p className="notice notice-error small">{props.drawn.error}</p>
      )}
    </section>
  );
}

/** Two designs of one prompt: scores, findings fixed and new, what changed in the architecture, and the sources line by line. */
export function ComparisonView(props: ComparisonViewProps): JSX.Element {
  const comparison = useComparison(props.before, props.after, props.params, props.theme);
  const marks = useMemo(() => {
    if (comparison.state !== 'ready') return { before: NO_MARKS, after: NO_MARKS };
    const { structure } = comparison;
    return {
      before: { nodes: classed(structure.removedNodes, REMOVED), edges: structure.removedEdges.map((e) => ({ from: e.from, to: e.to, classes: REMOVED })) },
      after: { nodes: classed(structure.addedNodes, ADDED), edges: structure.addedEdges.map((e) => ({ from: e.from, to: e.to, classes: ADDED })) },
    };
  }, [comparison]);
  const names = useMemo(
    () => (comparison.state === 'ready' ? { before: nodeNamer(comparison.beforeGraph.nodes), after: nodeNamer(comparison.afterGraph.nodes) } : undefined),
    [comparison],
  );
  return (
    <article className="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{props.heading}</h2>
      <p className="muted small">
        Before: {props.before.title}. After: {props.after.title}.{props.order === undefined ? '' : ` ${props.order}`}
      </p>
      {comparison.state === 'loading' && <p className="muted">Comparing the designs…</p>}
      {comparison.state === 'error' && (
        <p className="notice notice-error" role="alert">
          {comparison.error}
        </p>
      )}
      {comparison.state === 'ready' && names !== undefined && (
        <>
          <ScoreTable before={comparison.before} after={comparison.after} />
          <section className="compare-findings" aria-labelledby="compare-findings-title">
            <h3 id="compare-findings-title">Findings</h3>
            {/* A fixed finding names boxes of the first design, a new one boxes of the second. */}
            <FindingGroup title="Fixed" testId="findings-fixed" findings={comparison.findings.fixed} name={names.before} empty="None fixed." />
            <FindingGroup title="New" testId="findings-new" findings={comparison.findings.introduced} name={names.after} empty="No new findings." />
            <p className="muted small">{comparison.findings.kept.length} unchanged.</p>
          </section>
          <StructureList diff={comparison.structure} before={comparison.beforeGraph} after={comparison.afterGraph} />
          <section className="compare-diagrams" aria-label="Both diagrams">
            <DrawnSide title={`Before: ${props.before.title}, removed parts outlined`} drawn={comparison.drawn.before} marks={marks.before} label="First diagram with removed parts outlined" testId="compare-diagram-before" />
            <DrawnSide title={`After: ${props.after.title}, added parts outlined`} drawn={comparison.drawn.after} marks={marks.after} label="Second diagram with added parts outlined" testId="compare-diagram" />
          </section>
          <LineDiffView before={props.before.diagram} after={props.after.diagram} />
        </>
      )}
    </article>
  );
}

const categoryTitle = (category: Category): string => `${category.charAt(0).toUpperCase()}${category.slice(1)}`;

function change(before: number | undefined, after: number | undefined): string {
  if (before === undefined || after === undefined) return '—';
  const delta = Math.round(after - before);
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0';
}

function ScoreTable(props: { readonly before: SideResult; readonly after: SideResult }): JSX.Element {
  const rows: [string, number | undefined, number | undefined][] = [
    ['Total', props.before.score.total, props.after.score.total],
    ...CATEGORIES.flatMap((c): [string, number | undefined, number | undefined][] => {
      const b = props.before.score.categories[c];
      const a = props.after.score.categories[c];
      return b === undefined && a === undefined ? [] : [[categoryTitle(c), b, a]];
    }),
  ];
  return (
    <section className="compare-scores" aria-labelledby="compare-scores-title">
      <h3 id="compare-scores-title">Scores</h3>
      <table aria-label="Scores before and after">
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([title, b, a]) => (
            <tr key={title}>
              <th scope="row">{title}</th>
              <td>{b === undefined ? '—' : Math.round(b)}</td>
              <td>{a === undefined ? '—' : Math.round(a)}</td>
              <td className={a !== undefined && b !== undefined ? (a > b ? 'verdict-good' : a < b ? 'verdict-bad' : undefined) : undefined}>{change(b, a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FindingGroup(props: { readonly title: string; readonly testId: string; readonly findings: readonly Finding[]; readonly name: NodeNamer; readonly empty: string }): JSX.Element {
  return (
    <section aria-label={`${props.title} findings`} data-testid={props.testId}>
      <h4>
        {props.title} <span className="count">({props.findings.length})</span>
      </h4>
      {props.findings.length === 0 ? (
        <p className="muted small">{props.empty}</p>
      ) : (
        <ul className="compare-list">
          {props.findings.map((f, index) => (
            <li key={`${f.rule}-${f.nodes.join(',')}-${index}`} className={`finding-${f.severity}`}>
              <span className="label">{RULE_TITLES[f.rule]}</span>
              {f.nodes.length > 0 && (
                <span className="muted">
                  {' ('}
                  {f.nodes.map((id, i) => (
                    <span key={id}>
                      {i > 0 && ', '}
                      <NodeNameText id={id} name={props.name} />
                    </span>
                  ))}
                  )
                </span>
              )}
              : <InlineCode text={f.message} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const nodeText = (node: ArchNode): string => `${node.label} (${node.kind.replace(/_/g, ' ')})`;

function edgeText(edge: ArchEdge, graph: ArchitectureGraph): string {
  const name = nodeNamer(graph.nodes);
  const arrow = edge.bidirectional ? '↔' : edge.directed ? '→' : '—';
  return `${name(edge.from)} ${arrow} ${name(edge.to)}${edge.label === undefined ? '' : ` “${edge.label}”`}`;
}

function StructureList(props: { readonly diff: StructuralDiff; readonly before: ArchitectureGraph; readonly after: ArchitectureGraph }): JSX.Element {
  const { diff } = props;
  const groups: [string, string, readonly string[]][] = [
    ['Components added', 'structure-added-nodes', diff.addedNodes.map(nodeText)],
    ['Components removed', 'structure-removed-nodes', diff.removedNodes.map(nodeText)],
    [
      'Components changed',
      'structure-changed-nodes',
      diff.changedNodes.map((c) => `${nodeText(c.before)} → ${nodeText(c.after)}${c.before.instances === c.after.instances ? '' : `, instances ${c.before.instances} → ${c.after.instances}`} (${c.aspects.join(', ')})`),
    ],
    ['Connections added', 'structure-added-edges', diff.addedEdges.map((e) => edgeText(e, props.after))],
    ['Connections removed', 'structure-removed-edges', diff.removedEdges.map((e) => edgeText(e, props.before))],
    ['Connections changed', 'structure-changed-edges', diff.changedEdges.map((c) => `${edgeText(c.before, props.before)} → ${edgeText(c.after, props.after)} (${c.aspects.join(', ')})`)],
  ];
  const shown = groups.filter(([, , items]) => items.length > 0);
  return (
    <section className="compare-structure" aria-labelledby="compare-structure-title">
      <h3 id="compare-structure-title">Architecture</h3>
      {shown.length === 0 && <p className="muted small">The two architectures have the same components and connections.</p>}
      {shown.map(([title, testId, items]) => (
        <section key={testId} aria-label={title} data-testid={testId}>
          <h4>
            {title} <span className="count">({items.length})</span>
          </h4>
          <ul className="compare-list">
            {items.map((item, index) => (
              <li key={`${index}-${item}`}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
