import { memo, useState, type JSX } from 'react';
import type { DiagramReading, KindOverrideProblem, NodeReading } from '../../../rubrics/reading';
import { KIND_TITLES, NODE_KINDS, type NodeKind } from '../../../rubrics/vocabulary';
import { InlineCode } from './InlineCode';

export const READING_TITLE = 'How Sysdrill read your diagram';
/** The select's first option: no `%% sysdrill:` line for the box. */
export const AS_READ = 'as read';

/** A box's name for people: its label, or its id when the label is empty. */
const nameOf = (node: NodeReading): string => (node.label.trim() === '' ? node.id : node.label);

/** Each box with its select's name, "Read <label> as"; boxes that share a label are told apart by id. */
export function withSelectNames(nodes: readonly NodeReading[]): ReadonlyArray<{ readonly node: NodeReading; readonly selectName: string }> {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(nameOf(node), (counts.get(nameOf(node)) ?? 0) + 1);
  return nodes.map((node) => {
    const name = nameOf(node);
    return { node, selectName: (counts.get(name) ?? 0) > 1 ? `Read ${name} (${node.id}) as` : `Read ${name} as` };
  });
}

/** The value a select stands for: '' is "as read". */
const kindOfValue = (value: string): NodeKind | undefined => NODE_KINDS.find((kind) => kind === value);

type KindChange = (id: string, kind: NodeKind | undefined) => void;

export interface DiagramReadingProps {
  /** Undefined while there is none to show (a report reads its diagram when opened): `note` says why. */
  readonly reading: DiagramReading | undefined;
  /**
   * A kind chosen for box `id`; undefined is "as read" (no override line). Without it
   * the list is read-only: no select column (a submitted attempt's report).
   */
  readonly onKindChange?: KindChange;
  /** The reading is of an earlier text (the current one does not parse). */
  readonly stale?: boolean;
  /** Shown under the title: whose reading this is, or why there is none yet. */
  readonly note?: string;
  /** Called each time the section is opened. */
  readonly onOpen?: () => void;
}

/**
 * What the grader made of each box (kind, copies, technology, detail), with a select per box to
 * correct its kind when `onKindChange` is given; collapsed until asked for. Labels are the
 * candidate's text: rendered as text.
 */
export const DiagramReadingSection = memo(function DiagramReadingSection(props: DiagramReadingProps): JSX.Element {
  const { reading, onOpen } = props;
  return (
    <details
      className="diagram-reading"
      onToggle={(event) => {
        if (event.currentTarget.open) onOpen?.();
      }}
    >
      <summary>{READING_TITLE}</summary>
      {props.onKindChange === undefined ? (
        <p className="small muted">Each box as the grader read it: what it counted as, how many copies run, what technology its label names.</p>
      ) : (
        <p className="small muted">
          Each box as the grader reads it. If one is misread, choose what it is: Sysdrill adds a line <code>%% sysdrill: &lt;id&gt; is &lt;kind&gt;</code> to your diagram, which the
          grader follows (undo it in the editor as any edit).
        </p>
      )}
      {props.note !== undefined && <p className="small reading-note">{props.note}</p>}
      {props.stale === true && <p className="muted small">These are the boxes of the last diagram that parsed; fix the error above to read the current one.</p>}
      {reading !== undefined && <OverrideProblems problems={reading.problems} />}
      {reading !== undefined &&
        (reading.nodes.length === 0 ? <p className="small">No boxes in this diagram.</p> : <ReadingTable nodes={reading.nodes} onKindChange={props.onKindChange} />)}
    </details>
  );
});

function ReadingTable(props: { readonly nodes: readonly NodeReading[]; readonly onKindChange: KindChange | undefined }): JSX.Element {
  // Scrolls sideways on its own in a narrow editor column, rather than running under the preview.
  return (
    <div className="reading-table-scroll">
      <table className="reading-table" aria-label="Each box as Sysdrill read it">
        <thead>
          <tr>
            <th scope="col">Box</th>
            <th scope="col">Read as</th>
            <th scope="col">Copies</th>
            <th scope="col">Technology</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {withSelectNames(props.nodes).map(({ node, selectName }) => (
            <ReadingRow key={node.id} node={node} selectName={selectName} onKindChange={props.onKindChange} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReadingRow(props: { readonly node: NodeReading; readonly selectName: string; readonly onKindChange: KindChange | undefined }): JSX.Element {
  const { node, onKindChange } = props;
  return (
    <tr data-node={node.id}>
      <th scope="row">
        <span className="reading-label">{nameOf(node)}</span> <code className="reading-id">{node.id}</code>
      </th>
      <td>
        <span className="reading-as">
          {node.kindTitle}
          {node.setByAuthor && <span className="reading-author small"> (set by you)</span>}
        </span>
        {onKindChange !== undefined && <KindSelect node={node} name={props.selectName} onKindChange={onKindChange} />}
      </td>
      <td>{node.copies}</td>
      <td>{node.tech.length === 0 ? '—' : node.tech.join(', ')}</td>
      <td>{node.detail ?? '—'}</td>
    </tr>
  );
}

/**
 * "Read <label> as": the kind set by the author, or "as read". A choice shows at once
 * and holds until the next reading (the grade of the text it wrote) replaces it.
 */
function KindSelect(props: { readonly node: NodeReading; readonly name: string; readonly onKindChange: KindChange }): JSX.Element {
  const { node } = props;
  const [chosen, setChosen] = useState<{ readonly of: NodeReading; readonly value: string } | undefined>();
  const current = node.setByAuthor ? node.kind : '';
  const value = chosen?.of === node ? chosen.value : current;
  return (
    <select
      aria-label={props.name}
      value={value}
      onChange={(event) => {
        const next = event.target.value;
        setChosen({ of: node, value: next });
        props.onKindChange(node.id, kindOfValue(next));
      }}
    >
      <option value="">{AS_READ}</option>
      {NODE_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {KIND_TITLES[kind]}
        </option>
      ))}
    </select>
  );
}

function OverrideProblems(props: { readonly problems: readonly KindOverrideProblem[] }): JSX.Element | null {
  if (props.problems.length === 0) return null;
  return (
    <div className="reading-problems" role="group" aria-labelledby="reading-problems-title">
      <p id="reading-problems-title" className="small label">
        <code>%% sysdrill:</code> lines the grader could not use:
      </p>
      <ul className="small">
        {props.problems.map((problem) => (
          <li key={`${problem.line}:${problem.column}:${problem.message}`}>
            Line {problem.line}, column {problem.column}: <InlineCode text={problem.message} />
          </li>
        ))}
      </ul>
    </div>
  );
}
