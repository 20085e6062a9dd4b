import { useEffect, useState } from 'react';
import { parseForGrading } from '../mermaid/index';
import { BY_ID, nodeNamer, type NodeNamer } from '../practice/FeedbackPanel';

/**
 * How a stored attempt's findings name its boxes: by their labels in its diagram. A stored report
 * keeps node ids only, so the text is parsed again (no grading); until then, or when it no longer
 * parses, boxes are named by id.
 */
export function useNodeNames(diagram: string): NodeNamer {
  const [named, setNamed] = useState<{ readonly diagram: string; readonly name: NodeNamer } | undefined>();
  useEffect(() => {
    let current = true;
    void parseForGrading(diagram)
      .then((parsed) => {
        if (current && parsed.ok) setNamed({ diagram, name: nodeNamer(parsed.flowchart.vertices) });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [diagram]);
  return named?.diagram === diagram ? named.name : BY_ID;
}
