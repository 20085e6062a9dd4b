import { useState, type JSX } from 'react';
import type { Draft, IpcError } from '../../../electron/ipc/contract';
import { callApi } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { routeHref } from '../route';
import { planTryAgain } from './tryAgain';

type Pending = { readonly text: string; readonly draft: Draft };

function openPrompt(promptId: string): void {
  window.location.hash = routeHref({ screen: 'prompt', promptId });
}

/** "Try again": a new practice of the prompt, starting from the submitted design or from blank. */
export function TryAgain(props: { readonly promptId: string; readonly diagram: string }): JSX.Element {
  const { promptId } = props;
  const [pending, setPending] = useState<Pending | undefined>();
  const [error, setError] = useState<IpcError | undefined>();
  const [busy, setBusy] = useState(false);

  const write = async (text: string, baseRevision: number) => {
    const saved = await callApi((api) => api.saveDraft({ promptId, mode: 'practice', text, baseRevision }));
    if (saved.ok) openPrompt(promptId);
    else setError(saved.error);
  };

  const start = async (text: string) => {
    setBusy(true);
    setError(undefined);
    const found = await callApi((api) => api.getDraft({ promptId, mode: 'practice' }));
    setBusy(false);
    if (!found.ok) return setError(found.error);
    const plan = planTryAgain(found.value, text);
    if (plan.kind === 'open') return openPrompt(promptId);
    if (plan.kind === 'ask') return setPending({ text, draft: plan.draft });
    await write(text, plan.baseRevision);
  };

  return (
    <section className="try-again" aria-labelledby="try-again-title">
      <h3 id="try-again-title">Try again</h3>
      <p className="small muted">Starts a new practice of this prompt in its editor; this attempt stays as it is.</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void start(props.diagram)}>
          Try again from this design
        </button>
        <button type="button" disabled={busy} onClick={() => void start('')}>
          Try again from blank
        </button>
      </div>
      {pending !== undefined && (
        <div className="notice notice-warning" role="alertdialog" aria-labelledby="try-again-ask">
          <p id="try-again-ask">
            This prompt already has a draft, saved {new Date(pending.draft.updatedAt).toLocaleString()}, that differs from what you chose. Replace it?
          </p>
          <div className="actions">
            <button type="button" onClick={() => void write(pending.text, pending.draft.revision)}>
              Replace my draft
            </button>
            <button type="button" onClick={() => openPrompt(promptId)}>
              Keep my draft and open the prompt
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error !== undefined && <ErrorNotice what="the draft was not changed" error={error} />}
    </section>
  );
}
