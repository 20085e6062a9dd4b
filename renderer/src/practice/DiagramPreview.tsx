import { useEffect, useRef, useState, type JSX } from 'react';
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
        stroke: #e8590c !important; stroke-width: 3px !important;
      }
    `);
  }
  return baseSheet;
}

/** Mermaid names a node's group `<svg id>-flowchart-<node id>-<n>`. */
const NODE_GROUP_ID = /-flowchart-(.+)-\d+$/;

export interface DiagramPreviewProps {
  readonly svg: string;
  /** Mermaid node ids to outline (from a finding the user clicked). */
  readonly highlighted: readonly string[];
}

/** The drawn diagram, in a shadow root so Mermaid's CSS stays inside it (as a constructed sheet). */
export function DiagramPreview(props: DiagramPreviewProps): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const mounted = mountSvg(props.svg, shadow, [previewSheet()]);
    setError('error' in mounted ? mounted.error : undefined);
  }, [props.svg]);

  useEffect(() => {
    const shadow = host.current?.shadowRoot;
    if (shadow === null || shadow === undefined) return;
    const wanted = new Set(props.highlighted);
    for (const group of shadow.querySelectorAll('g.node')) {
      const nodeId = NODE_GROUP_ID.exec(group.id)?.[1];
      group.classList.toggle('sysdrill-highlight', nodeId !== undefined && wanted.has(nodeId));
    }
  }, [props.svg, props.highlighted]);

  return (
    <>
      <div className="diagram-preview" ref={host} data-testid="diagram-preview" role="img" aria-label="Diagram preview" />
      {error !== undefined && <p className="preview-error">{error}</p>}
    </>
  );
}
