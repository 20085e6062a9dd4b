import { useEffect, useState, type JSX } from 'react';
import type { AttemptView, IpcError, Settings } from '../../../electron/ipc/contract';
import { remainingMs, reopen } from '../../../prompts/mockTimer';
import { callApi } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { routeHref, type Route } from '../route';
import { formatDuration } from '../../../prompts/mockPlan';

interface Offer {
  readonly attempt: AttemptView;
  readonly title: string;
  readonly remainingMs: number;
}

interface AutoSubmitted {
  readonly attemptId: number;
  readonly title: string;
}

async function submitStored(attempt: AttemptView, now: number): Promise<{ ok: true; title: string } | { ok: false; error: IpcError }> {
  const prompt = await callApi((api) => api.getPrompt({ id: attempt.promptId }));
  if (!prompt.ok) return prompt;
  // Loaded only when needed: grading brings the parser and the grader, which the start does without.
  const { progressOf, submitAttempt } = await import('./submitAttempt');
  const submitted = await submitAttempt(prompt.value, attempt, progressOf(attempt), now);
  return submitted.ok ? { ok: true, title: prompt.value.title } : submitted;
}

/**
 * On launch: a mock interview left in progress is offered (resume, submit now, discard); one whose
 * time ran out while Sysdrill was closed is submitted at once with what was saved.
 */
export function InProgressOffer(props: { readonly route: Route }): JSX.Element | null {
  const [offers, setOffers] = useState<readonly Offer[]>([]);
  const [autoSubmitted, setAutoSubmitted] = useState<readonly AutoSubmitted[]>([]);
  const [error, setError] = useState<IpcError | undefined>();
  const [openAtLaunch] = useState(() => (props.route.screen === 'mock' ? props.route.attemptId : undefined));

  useEffect(() => {
    let current = true;
    void (async () => {
      const [list, settings] = await Promise.all([callApi((api) => api.listInProgressAttempts()), callApi((api) => api.getSettings())]);
      if (!list.ok) {
        if (current) setError(list.error);
        return;
      }
      const policy: Settings['mockTimeWhileClosed'] = settings.ok ? settings.value.mockTimeWhileClosed : 'running';
      const now = Date.now();
      const pending: Offer[] = [];
      for (const attempt of list.value) {
        // The interview open on screen runs (and submits) itself.
        if (attempt.id === openAtLaunch) continue;
        const left = remainingMs(reopen({ startedAt: attempt.startedAt, limitMs: attempt.timeLimitMs ?? 0, offsetMs: attempt.clockOffsetMs, lastSeenAt: attempt.lastSeenAt }, now, policy), now);
        if (left > 0) {
          const prompt = await callApi((api) => api.getPrompt({ id: attempt.promptId }));
          pending.push({ attempt, title: prompt.ok ? prompt.value.title : attempt.promptId, remainingMs: left });
          continue;
        }
        const done = await submitStored(attempt, now);
        if (!current) return;
        if (done.ok) setAutoSubmitted((list) => [...list, { attemptId: attempt.id, title: done.title }]);
        else setError(done.error);
      }
      if (current) setOffers(pending);
    })();
    return () => {
      current = false;
    };
  }, [openAtLaunch]);

  const remove = (id: number): void => setOffers((list) => list.filter((o) => o.attempt.id !== id));
  const visible = offers.filter((o) => !(props.route.screen === 'mock' && props.route.attemptId === o.attempt.id));
  if (visible.length === 0 && autoSubmitted.length === 0 && error === undefined) return null;

  return (
    <div className="launch-offers">
      {error !== undefined && <ErrorNotice what="an unfinished mock interview could not be handled" error={error} />}
      {autoSubmitted.map((done) => (
        <section key={done.attemptId} className="notice" role="status" aria-label="Mock interview submitted">
          <p>
            Your mock interview “{done.title}” ran out of time while Sysdrill was closed, so it was submitted with what was saved.{' '}
            <a href={routeHref({ screen: 'attempt', attemptId: done.attemptId })} onClick={() => setAutoSubmitted((list) => list.filter((d) => d !== done))}>
              See the report
            </a>
          </p>
        </section>
      ))}
      {visible.map((offer) => (
        <section key={offer.attempt.id} className="notice" aria-label="Unfinished mock interview">
          <p>
            You have an unfinished mock interview: “{offer.title}”, {formatDuration(Math.ceil(offer.remainingMs / 1000) * 1000)} left when you opened Sysdrill.
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                remove(offer.attempt.id);
                window.location.hash = routeHref({ screen: 'mock', attemptId: offer.attempt.id });
              }}
            >
              Resume
            </button>
            <button
              type="button"
              onClick={() => {
                remove(offer.attempt.id);
                void submitStored(offer.attempt, Date.now()).then((done) => {
                  if (done.ok) window.location.hash = routeHref({ screen: 'attempt', attemptId: offer.attempt.id });
                  else setError(done.error);
                });
              }}
            >
              Submit now
            </button>
            <button
              type="button"
              onClick={() => {
                remove(offer.attempt.id);
                void callApi((api) => api.discardAttempt({ id: offer.attempt.id })).then((result) => {
                  if (!result.ok) setError(result.error);
                });
              }}
            >
              Discard
            </button>
          </div>
        </section>
      ))}
    </div>
  );
}
