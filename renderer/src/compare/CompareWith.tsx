import type { JSX } from 'react';
import type { AttemptView } from '../../../electron/ipc/contract';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';

/** Whether attempt `a` was made before attempt `b`: by when each was started, then by id (the order they were saved). */
export function madeBefore(a: Pick<AttemptView, 'id' | 'startedAt'>, b: Pick<AttemptView, 'id' | 'startedAt'>): boolean {
  return a.startedAt !== b.startedAt ? a.startedAt < b.startedAt : a.id < b.id;
}

/**
 * "Compare with…" on an attempt's report: the reference design, and every other graded attempt of
 * the same prompt (the earlier of the two is always the "before" side).
 */
export function CompareWith(props: { readonly attempt: AttemptView }): JSX.Element {
  const { attempt } = props;
  const others = useApiCall(`attempts:${attempt.promptId}`, (api) => api.listAttempts({ promptId: attempt.promptId }));
  const graded = others.loadable.state === 'ready' ? others.loadable.value.filter((a) => a.id !== attempt.id && a.outcome === 'graded') : [];
  return (
    <section className="compare-with" aria-labelledby="compare-with-title">
      <h3 id="compare-with-title">Compare with…</h3>
      <ul className="compare-list">
        <li>
          <a href={routeHref({ screen: 'compare', before: attempt.id, after: 'reference' })}>The reference design</a>
        </li>
        {graded.map((other) => {
          const earlier = madeBefore(other, attempt);
          const href = routeHref({ screen: 'compare', before: earlier ? other.id : attempt.id, after: earlier ? attempt.id : other.id });
          return (
            <li key={other.id}>
              <a href={href}>
                {other.mode === 'mock' ? 'Mock interview' : 'Practice attempt'} of {new Date(other.submittedAt ?? other.startedAt).toLocaleString()}
                {other.totalScore === null ? '' : ` (score ${other.totalScore})`}
              </a>
            </li>
          );
        })}
      </ul>
      {others.loadable.state === 'error' && <p className="muted small">Your other attempts could not be listed: {others.loadable.error.message}</p>}
    </section>
  );
}
