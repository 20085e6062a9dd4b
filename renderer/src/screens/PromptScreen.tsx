import { useMemo, useState, type JSX } from 'react';
import type { AttemptMode, ChannelOutput, Draft, Settings } from '../../../electron/ipc/contract';
import type { GradingParams } from '../../../rubrics/params';
import { ErrorNotice } from '../components/ErrorNotice';
import { SaveIndicator } from '../components/SaveIndicator';
import { useDraftAutosave } from '../drafts/useDraftAutosave';
import { DiagramEditor } from '../editor/DiagramEditor';
import type { ConceptTitles } from '../glossary/ConceptLink';
import { useConceptTitles } from '../glossary/useConceptTitles';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';
import { CheatSheet } from '../practice/CheatSheet';
import { DiagramPreview } from '../practice/DiagramPreview';
import { FeedbackPanel } from '../practice/FeedbackPanel';
import { HintReveal } from '../practice/HintReveal';
import { ParseErrorList } from '../practice/ParseErrorList';
import { ReferenceDesign } from '../practice/ReferenceDesign';
import { useDiagramTheme } from '../practice/useDiagramTheme';
import { useLivePractice } from '../practice/useLivePractice';
import { PromptDetails } from './PromptDetails';

type Prompt = ChannelOutput<'prompts:get'>;

const MODE: AttemptMode = 'practice';

/** Opened in the system browser by main, which allows only the links listed in electron/externalLinks.ts. */
const MERMAID_FLOWCHART_SYNTAX = 'https://mermaid.js.org/syntax/flowchart.html';

export function PromptScreen(props: { readonly promptId: string; readonly settings: Settings }): JSX.Element {
  const { promptId } = props;
  const prompt = useApiCall(`prompt:${promptId}`, (api) => api.getPrompt({ id: promptId }));
  const draft = useApiCall(`draft:${promptId}`, (api) => api.getDraft({ promptId, mode: MODE }));
  // Waited for with the prompt, so its answer never re-renders the workspace while the user types.
  const concepts = useConceptTitles();

  return (
    <main className="screen screen-prompt">
      <nav className="breadcrumbs">
        <a href={routeHref({ screen: 'home' })}>← All prompts</a>
      </nav>
      {(prompt.loadable.state === 'loading' || (prompt.loadable.state === 'ready' && !concepts.settled)) && <p className="muted">Loading the prompt…</p>}
      {prompt.loadable.state === 'error' && <ErrorNotice what="the prompt could not be opened" error={prompt.loadable.error} onRetry={prompt.reload} />}
      {prompt.loadable.state === 'ready' && concepts.settled && (
        <div className="prompt-layout">
          <PromptDetails prompt={prompt.loadable.value} conceptTitles={concepts.titles} />
          <section className="workspace" aria-label="Your design">
            {draft.loadable.state === 'loading' && <p className="muted">Loading your draft…</p>}
            {draft.loadable.state === 'error' && <ErrorNotice what="your draft could not be loaded" error={draft.loadable.error} onRetry={draft.reload} />}
            {draft.loadable.state === 'ready' && (
              <DraftWorkspace
                key={promptId}
                prompt={prompt.loadable.value}
                draft={draft.loadable.value}
                settings={props.settings}
                conceptTitles={concepts.titles}
              />
            )}
          </section>
        </div>
      )}
    </main>
  );
}

function DraftWorkspace(props: {
  readonly prompt: Prompt;
  readonly draft: Draft | null;
  readonly settings: Settings;
  readonly conceptTitles: ConceptTitles | undefined;
}): JSX.Element {
  const { prompt } = props;
  const initialText = props.draft?.text ?? '';
  const { autosaver, status } = useDraftAutosave(prompt.id, MODE, initialText);
  const [text, setText] = useState(initialText);
  const [highlighted, setHighlighted] = useState<readonly string[]>([]);
  const params = useMemo<GradingParams>(() => ({ rubric: prompt.rubric, entities: prompt.entities }), [prompt]);
  const theme = useDiagramTheme(props.settings.theme);
  const practice = useLivePractice(text, params, theme);

  return (
    <>
      <div className="workspace-header">
        <h2>Your design</h2>
        <SaveIndicator status={status} />
      </div>
      <p className="muted small">
        Write a Mermaid flowchart (
        <a href={MERMAID_FLOWCHART_SYNTAX} target="_blank" rel="noreferrer">
          syntax reference
        </a>
        ). Your text is saved automatically as you type; the preview and feedback follow it.
      </p>
      <div className="workspace-panes">
        <DiagramEditor
          initialText={initialText}
          onChange={(next) => {
            autosaver.change(next);
            setText(next);
          }}
          onBlur={() => void autosaver.flush()}
          label="Mermaid diagram editor"
          fontSize={props.settings.editorFontSize}
        />
        <section className="preview-pane" aria-labelledby="preview-title" aria-busy={practice.busy}>
          <div className="pane-header">
            <h3 id="preview-title">Preview</h3>
            <span className="muted small" data-testid="preview-status">
              {practice.busy ? 'Updating…' : practice.stale && !practice.empty ? 'Showing the last diagram that worked' : ''}
            </span>
          </div>
          {practice.errors.length > 0 && <ParseErrorList errors={practice.errors} />}
          {practice.renderError !== undefined && (
            <p className="notice notice-error small" role="alert">
              {practice.renderError}
            </p>
          )}
          {practice.empty ? (
            <p className="muted small preview-empty">Your diagram appears here as you type.</p>
          ) : (
            practice.lastGood !== undefined && <DiagramPreview svg={practice.lastGood.svg} highlighted={highlighted} />
          )}
        </section>
      </div>
      {!practice.empty && practice.lastGood !== undefined && (
        <FeedbackPanel report={practice.lastGood.report} stale={practice.stale} onShowNodes={setHighlighted} conceptTitles={props.conceptTitles} />
      )}
      {/* lastGood, once set, stays set: the reference stays unlocked after the first graded diagram (a saved draft included). */}
      <ReferenceDesign reference={prompt.reference} naive={prompt.naive} params={params} theme={theme} unlocked={practice.lastGood !== undefined} />
      <HintReveal hints={prompt.hints} />
      <CheatSheet />
    </>
  );
}
