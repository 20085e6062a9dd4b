import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { AttemptView, ChannelOutput } from '../../../electron/ipc/contract';
import type { ArchitectureGraph } from '../../../rubrics/model/types';
import { readingOf, type DiagramReading } from '../../../rubrics/reading';
import { GRADER_VERSION } from '../../../rubrics/version';
import { gradeDiagram, gradingParams } from '../mock/submitAttempt';
import { DiagramReadingSection } from '../practice/DiagramReading';

type Prompt = ChannelOutput<'prompts:get'>;

export const READING_PENDING = 'Reading the diagram…';
export const READING_FAILED = 'The stored diagram could not be read again, so how each box was read cannot be shown.';
export const READING_BY_CURRENT_GRADER = `As the current grader (version ${GRADER_VERSION}) reads it: this attempt was graded by an older grader, which may have read some boxes differently.`;

type ReadingState = { readonly kind: 'reading' } | { readonly kind: 'read'; readonly reading: DiagramReading } | { readonly kind: 'failed' };

/**
 * "How Sysdrill read your diagram" for an attempt graded by the current grader version, read-only.
 * The stored attempt keeps its text, not the graded architecture: the text is graded again on the
 * same path a submission takes (same version, so the same reading), only once the section is
 * first opened, and off the report's way. A text that no longer grades gets a note.
 */
export function ReportReading(props: { readonly attempt: AttemptView; readonly prompt: Prompt }): JSX.Element {
  const { attempt, prompt } = props;
  const [state, setState] = useState<ReadingState | undefined>();
  const started = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const read = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setState({ kind: 'reading' });
    const text = attempt.diagram;
    void gradeDiagram(text, gradingParams(prompt, attempt.curveballId))
      .then((outcome): ReadingState => (outcome.kind === 'graded' ? { kind: 'read', reading: readingOf(outcome.report.architecture, text) } : { kind: 'failed' }))
      .catch((): ReadingState => ({ kind: 'failed' }))
      .then((next) => {
        if (mounted.current) setState(next);
      });
  }, [attempt.diagram, attempt.curveballId, prompt]);
  const note = state?.kind === 'reading' ? READING_PENDING : state?.kind === 'failed' ? READING_FAILED : undefined;
  return <DiagramReadingSection reading={state?.kind === 'read' ? state.reading : undefined} note={note} onOpen={read} />;
}

/** The reading of a re-grade with the current rules, said to be the current grader's. */
export function RegradeReading(props: { readonly architecture: ArchitectureGraph; readonly text: string }): JSX.Element {
  const reading = useMemo(() => readingOf(props.architecture, props.text), [props.architecture, props.text]);
  return <DiagramReadingSection reading={reading} note={READING_BY_CURRENT_GRADER} />;
}
