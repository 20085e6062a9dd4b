import { useEffect, useRef, useState, type JSX } from 'react';
import { mountSvg } from '../mermaid/index';

/**
 * A drawn diagram whose nodes and edges carry classes the app chooses (added parts of a
 * comparison, failed and unreachable nodes of a drill), styled by a constructed sheet inside the
 * shadow root: classes only, never an inline style (the CSP refuses them).
 */

let sheet: CSSStyleSheet | undefined;
function markSheet(): CSSStyleSheet {
  if (sheet === undefined) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      :host { display: block; }
      svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
      .sysdrill-added rect, .sysdrill-added path, .sysdrill-added polygon, .sysdrill-added circle, .sysdrill-added ellipse {
        stroke: #1f9d55 !important; stroke-width: 3px !important;
      }
      path.sysdrill-added { stroke: #1f9d55 !important; stroke-width: 3px !important; }
      .sysdrill-removed rect, .sysdrill-removed path, .sysdrill-removed polygon, .sysdrill-removed circle, .sysdrill-removed ellipse {
        stroke: #c92a2a !important; stroke-width: 3px !important;
      }
      path.sysdrill-removed { stroke: #c92a2a !important; stroke-width: 3px !important; }
      .sysdrill-failed rect, .sysdrill-failed path, .sysdrill-failed polygon, .sysdrill-failed circle, .sysdrill-failed ellipse {
        stroke: #c92a2a !important; stroke-width: 3px !important; stroke-dasharray: 6 3;
      }
      .sysdrill-unreachable { opacity: 0.3; }
      .sysdrill-clickable { cursor: pointer; }
    `);
  }
  return sheet;
}

/** Mermaid names a node's group `<svg id>-flowchart-<node id>-<n>`. */
const NODE_GROUP_ID = /-flowchart-(.+)-\d+$/;
/** …and an edge's path `L_<from>_<to>_<n>` (prefixed with the svg id in some versions). */
const edgePathId = (from: string, to: string): RegExp => new RegExp(`(?:^|-)L_${escape(from)}_${escape(to)}_\\d+$`);
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface MarkedEdge {
  readonly from: string;
  readonly to: string;
}

export interface MarkedDiagramProps {
  readonly svg: string;
  /** Classes per Mermaid node id. */
  readonly nodeClasses: ReadonlyMap<string, readonly string[]>;
  /** Edges to mark, each with its classes. */
  readonly edgeClasses?: readonly (MarkedEdge & { readonly classes: readonly string[] })[];
  /** Makes every node clickable; called with its Mermaid id. */
  readonly onNodeClick?: (nodeId: string) => void;
  readonly label: string;
  readonly testId?: string;
}

const MARKS = ['sysdrill-added', 'sysdrill-removed', 'sysdrill-failed', 'sysdrill-unreachable', 'sysdrill-clickable'];

export function MarkedDiagram(props: MarkedDiagramProps): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [mounted, setMounted] = useState(0);
  const onNodeClick = useRef(props.onNodeClick);
  useEffect(() => {
    onNodeClick.current = props.onNodeClick;
  });
  const clickable = props.onNodeClick !== undefined;

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const result = mountSvg(props.svg, shadow, [markSheet()]);
    setError('error' in result ? result.error : undefined);
    setMounted((n) => n + 1);
  }, [props.svg]);

  useEffect(() => {
    const shadow = host.current?.shadowRoot;
    if (shadow === null || shadow === undefined) return;
    for (const group of shadow.querySelectorAll('g.node')) {
      const nodeId = NODE_GROUP_ID.exec(group.id)?.[1];
      const wanted = nodeId === undefined ? [] : [...(props.nodeClasses.get(nodeId) ?? []), ...(clickable ? ['sysdrill-clickable'] : [])];
      for (const mark of MARKS) group.classList.toggle(mark, wanted.includes(mark));
      if (nodeId !== undefined) group.setAttribute('data-node-id', nodeId);
    }
    const paths = [...shadow.querySelectorAll('path')].filter((p) => p.id.includes('L_'));
    for (const path of paths) for (const mark of MARKS) path.classList.remove(mark);
    for (const edge of props.edgeClasses ?? []) {
      const pattern = edgePathId(edge.from, edge.to);
      for (const path of paths) if (pattern.test(path.id)) path.classList.add(...edge.classes);
    }
  }, [mounted, props.nodeClasses, props.edgeClasses, clickable]);

  useEffect(() => {
    const shadow = host.current?.shadowRoot;
    if (shadow === null || shadow === undefined || !clickable) return;
    const onClick = (event: Event): void => {
      const group = (event.target as Element | null)?.closest('g.node');
      const nodeId = group?.getAttribute('data-node-id');
      if (nodeId !== null && nodeId !== undefined) onNodeClick.current?.(nodeId);
    };
    shadow.addEventListener('click', onClick);
    return () => shadow.removeEventListener('click', onClick);
  }, [clickable]);

  return (
    <>
      <div className="diagram-preview" ref={host} data-testid={props.testId} role="img" aria-label={props.label} />
      {error !== undefined && <p className="preview-error">{error}</p>}
    </>
  );
}
