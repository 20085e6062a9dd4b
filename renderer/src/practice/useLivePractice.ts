import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { GradeReport } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import type { ParseError } from '../../../rubrics/parse/types';
import { checkDiagram, type DiagramTheme } from '../mermaid/index';
import type { Feedback } from './feedback';
import { createGrader, spawnGradeWorker, type GradeResult, type Grader } from './grader';
import { createLivePipeline, type LivePipeline } from './livePipeline';

export interface LastGoodDiagram {
  /** The text that was drawn and graded (what the report's line numbers and ids refer to). */
  readonly text: string;
  readonly svg: string;
  readonly report: GradeReport;
  readonly feedback: Feedback;
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

export interface LivePracticeHandle extends LivePractice {
  /**
   * The editor's text changed: call it from the editor's change handler, before the state that
   * re-renders the workspace, so the check starts at the keystroke and not after React's render
   * (the `text` argument catches up on the next render; the same text is not checked twice).
   * Stable across renders.
   */
  readonly textChanged: (text: string) => void;
}

export type Outcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'parse-error'; readonly errors: readonly ParseError[] }
  | { readonly kind: 'render-error'; readonly error: string }
  | { readonly kind: 'ok'; readonly lastGood: LastGoodDiagram };

interface Checked {
  /** The last text checked, with what came of it. */
  readonly latest: { readonly text: string; readonly outcome: Outcome } | undefined;
  readonly lastGood: LastGoodDiagram | undefined;
}

/**
 * Parses, grades and draws the diagram as the text changes (when: livePipeline.ts). The text is
 * handed to the pipeline from an effect that sets no state: the result arrives later, from the
 * check's own promise. (Setting state in that effect on every keystroke was React error #185: a
 * keystroke's render is synchronous, so its effect runs within the commit, and each update it
 * queued counted as a nested update until React gave up while the user was typing fast.)
 * `busy`, `stale` and the rest are derived from the text and the last result, never stored.
 */
export function useLivePractice(text: string, params: GradingParams, theme: DiagramTheme): LivePracticeHandle {
  const [checked, setChecked] = useState<Checked>({ latest: undefined, lastGood: undefined });
  const pipeline = useRef<LivePipeline | undefined>(undefined);
  const context = useRef({ params, theme });

  useEffect(() => {
    const created = createLivePipeline<Outcome>({
      check: (next) => (next.trim() === '' ? Promise.resolve({ kind: 'empty' }) : checkOrSayWhy(next, context.current.params, context.current.theme)),
      // Committed at once, in the task that brought the result: left to React's scheduler, the
      // commit often missed the coming frame, and the drawing waited one frame more to be shown.
      onResult: (next, outcome) =>
        flushSync(() => setChecked((previous) => ({ latest: { text: next, outcome }, lastGood: outcome.kind === 'ok' ? outcome.lastGood : previous.lastGood }))),
    });
    pipeline.current = created;
    return () => created.dispose();
  }, []);

  useEffect(() => {
    context.current = { params, theme };
    pipeline.current?.refresh();
  }, [params, theme]);

  useEffect(() => {
    pipeline.current?.change(text);
  }, [text]);

  const textChanged = useCallback((next: string): void => pipeline.current?.change(next), []);
  return { ...livePracticeOf(text, checked), textChanged };
}

/** What the workspace shows for `text`, given the last checked text and the last good drawing. */
export function livePracticeOf(text: string, checked: Checked): LivePractice {
  const empty = text.trim() === '';
  const outcome = empty ? undefined : checked.latest?.outcome;
  return {
    busy: !empty && checked.latest?.text !== text,
    empty,
    errors: outcome?.kind === 'parse-error' ? outcome.errors : [],
    renderError: outcome?.kind === 'render-error' ? outcome.error : undefined,
    lastGood: checked.lastGood,
    stale: checked.lastGood !== undefined && outcome?.kind !== 'ok',
  };
}

let grader: Grader | undefined;

/**
 * One Mermaid pass in the render frame (parse, then draw what parsed), graded in the grading
 * worker while Mermaid draws: the text is parsed once per check, and the grader never blocks
 * typing or adds to the wait.
 */
async function check(text: string, params: GradingParams, theme: DiagramTheme): Promise<Outcome> {
  const gradeWith = (grader ??= createGrader(spawnGradeWorker));
  let grading: Promise<GradeResult> | undefined;
  const checked = await checkDiagram(text, theme, (flowchart) => {
    grading = gradeWith.grade(flowchart, params);
  });
  if (!checked.ok) return { kind: 'parse-error', errors: checked.errors };
  const graded = await (grading ?? gradeWith.grade(checked.flowchart, params));
  if (!graded.ok) return { kind: 'render-error', error: `The grader failed on this diagram: ${graded.error}` };
  if (!checked.drawn.ok) return { kind: 'render-error', error: checked.drawn.error };
  return { kind: 'ok', lastGood: { text, svg: checked.drawn.svg, report: graded.report, feedback: graded.feedback } };
}

/** A check always comes back with an outcome: a failure is shown, never left as a preview that stays busy. */
function checkOrSayWhy(text: string, params: GradingParams, theme: DiagramTheme): Promise<Outcome> {
  return check(text, params, theme).catch((error: unknown) => ({ kind: 'render-error', error: `The diagram could not be checked: ${error instanceof Error ? error.message : String(error)}` }));
}
