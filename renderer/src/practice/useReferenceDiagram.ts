import { useEffect, useState } from 'react';
import { gradeFlowchart } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import type { Score } from '../../../rubrics/score';
import { parseForGrading, renderDiagram, type DiagramTheme } from '../mermaid/index';

export type ReferenceDiagram =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly svg: string; readonly score: Score }
  | { readonly state: 'error'; readonly error: string };

/** Grades a design on the prompt's rubric and draws it: the two things the reference shows. */
export async function gradeAndDraw(source: string, params: GradingParams, theme: DiagramTheme): Promise<ReferenceDiagram> {
  const parsed = await parseForGrading(source);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return { state: 'error', error: `The reference design does not parse${first === undefined ? '' : `: ${first.message}`}` };
  }
  let score: Score;
  try {
    score = gradeFlowchart(parsed.flowchart, params).score;
  } catch (error) {
    return { state: 'error', error: `The grader failed on the reference design: ${error instanceof Error ? error.message : String(error)}` };
  }
  const rendered = await renderDiagram(source, theme);
  if (!rendered.ok) return { state: 'error', error: rendered.error };
  return { state: 'ready', svg: rendered.svg, score };
}

interface Drawn {
  readonly source: string;
  readonly params: GradingParams;
  readonly theme: DiagramTheme;
  readonly diagram: ReferenceDiagram;
}

const IDLE: ReferenceDiagram = { state: 'idle' };
const LOADING: ReferenceDiagram = { state: 'loading' };

/**
 * Grades and draws `source` only while `enabled` (the reference is drawn once the user asks to
 * see it, never before). A drawing already shown stays while a theme switch redraws it.
 */
export function useReferenceDiagram(source: string, params: GradingParams, theme: DiagramTheme, enabled: boolean): ReferenceDiagram {
  const [drawn, setDrawn] = useState<Drawn | undefined>();

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void gradeAndDraw(source, params, theme).then((diagram) => {
      if (current) setDrawn({ source, params, theme, diagram });
    });
    return () => {
      current = false;
    };
  }, [source, params, theme, enabled]);

  if (drawn === undefined) return enabled ? LOADING : IDLE;
  const upToDate = drawn.source === source && drawn.params === params && drawn.theme === theme;
  if (upToDate || drawn.diagram.state === 'ready' || !enabled) return drawn.diagram;
  return LOADING;
}
