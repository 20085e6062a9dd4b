import { useEffect, useLayoutEffect, useRef, useState, type JSX } from 'react';
import { mountSvg } from '../mermaid/index';

/** Shared by every preview: fit the drawing to the panel and mark the nodes a finding names. */
let baseSheet: CSSStyleSheet | undefined;
function previewSheet(): CSSStyleSheet {
  if (baseSheet === undefined) {
    baseSheet = new CSSStyleSheet();
    baseSheet.replaceSync(`
      :host { display: block; }
      svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
      .sysdrill-highlight rect, .sysdrill-highlight path, .sysdrill-highlight polygon, .sysdrill-highlight circle, .sysdrill-highlight ellipse {
        stroke: var(--highlight) !important; stroke-width: 4px !important; fill: var(--highlight-fill) !important;
      }
      .sysdrill-highlight .nodeLabel, .sysdrill-highlight text { color: var(--highlight-text) !important; fill: var(--highlight-text) !important; font-weight: 700; }
    `);
  }
  return baseSheet;
}

/** For a zoomable preview: the drawing fills (is contained in) its box, whatever Mermaid's own size. */
let fillSheet: CSSStyleSheet | undefined;
function previewFillSheet(): CSSStyleSheet {
  if (fillSheet === undefined) {
    fillSheet = new CSSStyleSheet();
    fillSheet.replaceSync(`
      :host { height: 100%; }
      svg { width: 100% !important; height: 100% !important; max-width: none !important; }
    `);
  }
  return fillSheet;
}

/** Mermaid names a node's group `<svg id>-flowchart-<node id>-<n>`. */
const NODE_GROUP_ID = /-flowchart-(.+)-\d+$/;

export interface DiagramPreviewProps {
  readonly svg: string;
  /** Mermaid node ids to outline (from a finding the user clicked). */
  readonly highlighted: readonly string[];
  /** The drawing fills the preview's box (a zoomable preview scales that box). */
  readonly fill?: boolean;
  /** Brings the first highlighted node into view (its box on screen); without it, it is scrolled to. */
  readonly onFocusNode?: (rect: DOMRect) => void;
}

/** The drawn diagram, in a shadow root so Mermaid's CSS stays inside it (as a constructed sheet). */
export function DiagramPreview(props: DiagramPreviewProps): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | undefined>();

  // Mounted in the commit that brings the new drawing, not in a task after it: the browser never
  // paints that commit (its status and findings) with the previous drawing still in place.
  useLayoutEffect(() => {
    const element = host.current;
    if (element === null) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const mounted = mountSvg(props.svg, shadow, props.fill === true ? [previewSheet(), previewFillSheet()] : [previewSheet()]);
    setError('error' in mounted ? mounted.error : undefined);
  }, [props.svg, props.fill]);

  const focusNode = useRef(props.onFocusNode);
  // Before the highlight effect below runs: it always calls the latest callback.
  useLayoutEffect(() => {
    focusNode.current = props.onFocusNode;
  });

  useEffect(() => {
    const shadow = host.current?.shadowRoot;
    if (shadow === null || shadow === undefined) return;
    const wanted = new Set(props.highlighted);
    let first: Element | undefined;
    for (const group of shadow.querySelectorAll('g.node')) {
      const nodeId = NODE_GROUP_ID.exec(group.id)?.[1];
      const on = nodeId !== undefined && wanted.has(nodeId);
      group.classList.toggle('sysdrill-highlight', on);
      if (on) first ??= group;
    }
    if (first === undefined) return;
    if (focusNode.current === undefined) first.scrollIntoView?.({ block: 'center', inline: 'center' });
    else focusNode.current(first.getBoundingClientRect());
  }, [props.svg, props.highlighted]);

  return (
    <>
      <div className="diagram-preview" ref={host} data-testid="diagram-preview" role="img" aria-label="Diagram preview" />
      {error !== undefined && <p className="preview-error">{error}</p>}
    </>
  );
}
