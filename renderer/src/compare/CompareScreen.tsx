import { useMemo, type JSX } from 'react';
import type { AttemptView, ChannelOutput, IpcError, Settings } from '../../../electron/ipc/contract';
import type { Finding } from '../../../rubrics/rules/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { gradingParams } from '../mock/submitAttempt';
import { useDiagramTheme } from '../practice/useDiagramTheme';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';
import { ComparisonView } from './ComparisonView';
import { madeBefore } from './CompareWith';
import type { CompareSide } from './useComparison';

type Prompt = ChannelOutput<'prompts:get'>;

export type CompareTarget = number | 'reference';

const never = (): Promise<never> => new Promise<never>(() => undefined);

/** `#/compare/<a>/<b>`: attempt `a` against attempt `b` (or the prompt's reference design). */
export function CompareScreen(props: { readonly before: number; readonly after: CompareTarget; readonly settings: Settings }): JSX.Element {
  const { before, after } = props;
  const first = useApiCall(`attempt:${before}`, (api) => api.getAttempt({ id: before }));
  const second = useApiCall(`attempt:${String(after)}`, (api) => (after === 'reference' ? never() : api.getAttempt({ id: after })));
  const promptId = first.loadable.state === 'ready' ? first.loadable.value.promptId : undefined;
  const prompt = useApiCall(`prompt:${promptId ?? ''}`, (api) => (promptId === undefined ? never() : api.getPrompt({ id: promptId })));
  const secondReady = after === 'reference' || second.loadable.state === 'ready';
  return (
    <main className="screen screen-compare">
      <nav className="breadcrumbs">
        {/* No way back to a report that does not exist. */}
        {missing(first.loadable) ? (
          <a href={routeHref({ screen: 'history' })}>← Back to History</a>
        ) : (
          <>
            <a href={routeHref({ screen: 'attempt', attemptId: before })}>← Back to the report</a> · <a href={routeHref({ screen: 'history' })}>History</a>
          </>
        )}
      </nav>
      {first.loadable.state === 'error' &&
        (missing(first.loadable) ? <MissingAttempt id={before} /> : <ErrorNotice what="the first attempt could not be opened" error={first.loadable.error} onRetry={first.reload} />)}
      {after !== 'reference' &&
        second.loadable.state === 'error' &&
        (missing(second.loadable) ? <MissingAttempt id={after} /> : <ErrorNotice what="the second attempt could not be opened" error={second.loadable.error} onRetry={second.reload} />)}
      {prompt.loadable.state === 'error' && <ErrorNotice what="the prompt could not be opened" error={prompt.loadable.error} onRetry={prompt.reload} />}
      {(first.loadable.state === 'loading' || prompt.loadable.state === 'loading' || !secondReady) &&
        first.loadable.state !== 'error' &&
        second.loadable.state !== 'error' && <p className="muted">Loading the attempts…</p>}
      {first.loadable.state === 'ready' && prompt.loadable.state === 'ready' && secondReady && (
        <ComparePair
          first={first.loadable.value}
          second={after === 'reference' || second.loadable.state !== 'ready' ? 'reference' : second.loadable.value}
          prompt={prompt.loadable.value}
          settings={props.settings}
        />
      )}
    </main>
  );
}

/** An attempt that is not there (deleted, or a mistyped address): trying again would not bring it back. */
const missing = (loadable: { readonly state: string; readonly error?: IpcError }): boolean => loadable.state === 'error' && loadable.error?.code === 'not_found';

function MissingAttempt(props: { readonly id: number }): JSX.Element {
  return (
    <p className="notice" role="alert">
      There is no attempt {props.id}. It may have been deleted, or the address may be mistyped: pick two attempts from <a href={routeHref({ screen: 'history' })}>History</a>.
    </p>
  );
}

function sideOf(attempt: AttemptView, title: string): CompareSide {
  const report = attempt.report;
  const graded = report?.score === undefined ? undefined : { score: report.score, findings: report.findings as readonly Finding[] };
  return graded === undefined ? { title, diagram: attempt.diagram } : { title, diagram: attempt.diagram, graded };
}

const attemptTitle = (attempt: AttemptView): string =>
  `Attempt of ${new Date(attempt.submittedAt ?? attempt.startedAt).toLocaleString()}${attempt.totalScore === null ? '' : ` (score ${attempt.totalScore})`}`;

function ComparePair(props: { readonly first: AttemptView; readonly second: AttemptView | 'reference'; readonly prompt: Prompt; readonly settings: Settings }): JSX.Element {
  // Two attempts are shown in the order they were made, whichever order the address gives.
  const [first, second]: [AttemptView, AttemptView | 'reference'] =
    props.second !== 'reference' && madeBefore(props.second, props.first) ? [props.second, props.first] : [props.first, props.second];
  const { prompt } = props;
  const theme = useDiagramTheme(props.settings.theme);
  const params = useMemo(() => gradingParams(prompt, first.curveballId), [prompt, first.curveballId]);
  const before = useMemo(() => sideOf(first, attemptTitle(first)), [first]);
  const after = useMemo<CompareSide>(
    () => (second === 'reference' ? { title: 'The reference design', diagram: prompt.reference.mermaid } : sideOf(second, attemptTitle(second))),
    [second, prompt],
  );
  if (second !== 'reference' && second.promptId !== first.promptId) {
    return <p className="notice notice-error">These two attempts are of different prompts: only attempts of the same prompt can be compared.</p>;
  }
  if (first.report?.outcome !== 'graded' || (second !== 'reference' && second.report?.outcome !== 'graded')) {
    return <p className="notice">Only graded attempts can be compared: one of these was not submitted or did not parse.</p>;
  }
  return (
    <ComparisonView
      heading={second === 'reference' ? `${prompt.title}: your attempt against the reference design` : `${prompt.title}: two attempts compared`}
      {...(second === 'reference' ? {} : { order: 'The earlier attempt is always “Before”, the later “After”.' })}
      before={before}
      after={after}
      params={params}
      theme={theme}
    />
  );
}
