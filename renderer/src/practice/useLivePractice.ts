import { useEffect, useRef, useState } from 'react';
import { gradeFlowchart, type GradeReport } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import type { ParseError } from '../../../rubrics/parse/types';
import { parseForGrading, renderDiagram, type DiagramTheme } from '../mermaid/index';

/** Quiet time after the last keystroke before the diagram is parsed, drawn and graded. */
export const PREVIEW_DELAY_MS = 300;

export interface LastGoodDiagram {
  readonly svg: string;
  readonly report: GradeReport;
}

export interface LivePractice {
  /** Parsing or drawing is under way for the latest text. */
  readonly busy: boolean;
  readonly empty: boolean;
  /** Why the latest text cannot be graded (empty when it can). */
  readonly errors: readonly ParseError[];
  /** Drawing failed although the text parsed (rare: a Mermaid layout error). */
  readonly renderError: string | undefined;
  /** The last text that parsed and drew: still shown while the current text is broken. */
  readonly lastGood: LastGoodDiagram | undefined;
  /** Whether `lastGood` is older than the current text. */
  readonly stale: boolean;
}

const INITIAL: LivePractice = { busy: false, empty: true, errors: [], renderError: undefined, lastGood: undefined, stale: false };

/**
 * Parses, grades and draws the diagram shortly after the text stops changing. A result for text
 * that has changed since is dropped, so a slow render never overwrites a newer one.
 */
export function useLivePractice(text: string, params: GradingParams, theme: DiagramTheme): LivePractice {
  const [state, setState] = useState<LivePractice>(INITIAL);
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    const isCurrent = (): boolean => current === generation.current;
    if (text.trim() === '') {
      setState((previous) => ({ ...previous, busy: false, empty: true, errors: [], renderError: undefined, stale: previous.lastGood !== undefined }));
      return;
    }
    setState((previous) => ({ ...previous, busy: true }));
    const timer = setTimeout(() => {
      void check(text, params, theme).then((outcome) => {
        if (!isCurrent()) return;
        setState((previous) => {
          switch (outcome.kind) {
            case 'parse-error':
              return { busy: false, empty: false, errors: outcome.errors, renderError: undefined, lastGood: previous.lastGood, stale: previous.lastGood !== undefined };
            case 'render-error':
              return { busy: false, empty: false, errors: [], renderError: outcome.error, lastGood: previous.lastGood, stale: previous.lastGood !== undefined };
            case 'ok':
              return { busy: false, empty: false, errors: [], renderError: undefined, lastGood: outcome.lastGood, stale: false };
          }
        });
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, params, theme]);

  return state;
}

type Outcome =
  | { readonly kind: 'parse-error'; readonly errors: readonly ParseError[] }
  | { readonly kind: 'render-error'; readonly error: string }
  | { readonly kind: 'ok'; readonly lastGood: LastGoodDiagram };

async function check(text: string, params: GradingParams, theme: DiagramTheme): Promise<Outcome> {
  const parsed = await parseForGrading(text);
  if (!parsed.ok) return { kind: 'parse-error', errors: parsed.errors };
  let report: GradeReport;
  try {
    report = gradeFlowchart(parsed.flowchart, params);
  } catch (error) {
    return { kind: 'render-error', error: `The grader failed on this diagram: ${error instanceof Error ? error.message : String(error)}` };
  }
  const rendered = await renderDiagram(text, theme);
  if (!rendered.ok) return { kind: 'render-error', error: rendered.error };
  return { kind: 'ok', lastGood: { svg: rendered.svg, report } };
}
