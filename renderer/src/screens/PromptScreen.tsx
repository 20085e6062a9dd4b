import { useCallback, useEffect, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { afterNextPaint } from '../afterNextPaint';
import type { AttemptMode, ChannelOutput, Draft, DraftExtras, IpcError, Settings, WorkspaceLayout } from '../../../electron/ipc/contract';
import { callApi } from '../api';
import { progressOf, submitAttempt } from '../mock/submitAttempt';
import type { GradingParams } from '../../../rubrics/params';
import { withKindOverride } from '../../../rubrics/parse/kindOverrides';
import { readingOf } from '../../../rubrics/reading';
import type { NodeKind } from '../../../rubrics/vocabulary';
import { ErrorNotice } from '../components/ErrorNotice';
import { SaveIndicator } from '../components/SaveIndicator';
import { draftKey, leavingSavesSettled } from '../drafts/draftSync';
import { useDraftAutosave } from '../drafts/useDraftAutosave';
import { FailureDrill } from '../drill/FailureDrill';
import { DiagramEditor } from '../editor/DiagramEditor';
import type { EditorHandle } from '../editor/editorHandle';
import type { ConceptTitles } from '../glossary/ConceptLink';
import { useConceptTitles } from '../glossary/useConceptTitles';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';
import { CheatSheet } from '../practice/CheatSheet';
import { BRIEF_WIDTH, DEFAULT_LAYOUT, EDITOR_WIDTH, foldsOnEdit } from '../practice/layout';
import { Splitter } from '../practice/Splitter';
import { ZoomablePreview } from '../practice/ZoomablePreview';
import { DiagramReadingSection } from '../practice/DiagramReading';
import { FeedbackPanel } from '../practice/FeedbackPanel';
import { HintReveal } from '../practice/HintReveal';
import { PracticeEstimates } from '../practice/PracticeEstimates';
import { editorMarks } from '../practice/diagnostics';
import { locateNode } from '../practice/nodeLocation';
import { PreviewNotices, previewStatus } from '../practice/PreviewNotices';
import { ReferenceDesign } from '../practice/ReferenceDesign';
import { useDiagramTheme } from '../practice/useDiagramTheme';
import { useLivePractice } from '../practice/useLivePractice';
import { ComponentPalette } from '../palette/ComponentPalette';
import { buildSnippet, type PaletteEntry } from '../palette/snippets';
import { PromptDetails } from './PromptDetails';

type Prompt = ChannelOutput<'prompts:get'>;

const MODE: AttemptMode = 'practice';
const EMPTY_EXTRAS: DraftExtras = { estimates: [], hintsShown: 0 };

/** Opened in the system browser by main, which allows only the links listed in electron/externalLinks.ts. */
const MERMAID_FLOWCHART_SYNTAX = 'https://mermaid.js.org/syntax/flowchart.html';

export function PromptScreen(props: {
  readonly promptId: string;
  readonly settings: Settings;
  readonly onSettings?: (patch: Partial<Settings>) => void;
}): JSX.Element {
  const { promptId } = props;
  const layout = props.settings.workspaceLayout ?? DEFAULT_LAYOUT;
  const saveLayout = (patch: Partial<WorkspaceLayout>): void => props.onSettings?.({ workspaceLayout: { ...layout, ...patch } });
  const grid = useRef<HTMLDivElement>(null);
  // Pane sizes as CSS custom properties (set through CSSOM: the CSP refuses style attributes).
  useEffect(() => {
    grid.current?.style.setProperty('--brief-width', `${layout.briefWidth}px`);
    grid.current?.style.setProperty('--editor-width', `${layout.editorWidth}px`);
  });
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Folded while drawing (a narrow window, a brief not pinned): one click on its tab brings it
  // back, and it stays until the next edit.
  const [autoFolded, setAutoFolded] = useState(false);
  const onDrawing = (): void => {
    if (foldsOnEdit(layout.brief, window.innerWidth, autoFolded)) setAutoFolded(true);
  };
  const drawer = layout.brief === 'drawer' || autoFolded;
  const pinned = layout.brief === 'pinned';
  const prompt = useApiCall(`prompt:${promptId}`, (api) => api.getPrompt({ id: promptId }));
  // A save from the last visit to this prompt may still be running: load only after it, so the
  // editor never starts from (and then saves over) an older text.
  const draft = useApiCall(`draft:${promptId}`, async (api) => {
    await leavingSavesSettled(draftKey(promptId, MODE));
    return api.getDraft({ promptId, mode: MODE });
  });
  const extras = useApiCall(`draft-extras:${promptId}`, (api) => api.getDraftExtras({ promptId, mode: MODE }));
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
        <div className={`prompt-layout practice-grid${drawer ? ' brief-as-drawer' : ''}`} ref={grid}>
          {drawer && (
            <button
              type="button"
              className="brief-tab"
              aria-expanded={autoFolded ? false : drawerOpen}
              aria-controls={autoFolded ? undefined : 'prompt-brief'}
              title={autoFolded ? 'Show the brief again (it folds away while you draw; pin it to keep it open)' : undefined}
              onClick={() => (autoFolded ? setAutoFolded(false) : setDrawerOpen(!drawerOpen))}
            >
              Brief
            </button>
          )}
          {(!drawer || (drawerOpen && !autoFolded)) && (
            <div
              id="prompt-brief"
              className={drawer ? 'brief-pane brief-drawer' : 'brief-pane'}
              role={drawer ? 'dialog' : undefined}
              aria-label={drawer ? 'The brief' : undefined}
              onKeyDown={(event) => {
                if (drawer && event.key === 'Escape') setDrawerOpen(false);
              }}
            >
              <div className="brief-actions">
                {drawer ? (
                  <button type="button" onClick={() => setDrawerOpen(false)}>
                    Close the brief
                  </button>
                ) : (
                  <>
                    <button type="button" onClick={() => saveLayout({ brief: 'drawer' })} title="Fold the brief into a drawer to give the diagram more room">
                      Fold the brief away
                    </button>
                    <button
                      type="button"
                      aria-pressed={pinned}
                      onClick={() => saveLayout({ brief: pinned ? 'open' : 'pinned' })}
                      title="In a window narrower than 1600 px the brief folds away while you draw, unless it is pinned"
                    >
                      Keep open while drawing
                    </button>
                  </>
                )}
                {drawer && (
                  <button
                    type="button"
                    onClick={() => {
                      setDrawerOpen(false);
                      saveLayout({ brief: 'pinned' });
                    }}
                  >
                    Keep it open
                  </button>
                )}
              </div>
              <PromptDetails prompt={prompt.loadable.value} conceptTitles={concepts.titles} />
            </div>
          )}
          {!drawer && (
            <Splitter
              label="Resize the brief"
              value={layout.briefWidth}
              min={BRIEF_WIDTH.min}
              max={BRIEF_WIDTH.max}
              onResize={(width) => grid.current?.style.setProperty('--brief-width', `${width}px`)}
              onCommit={(width) => saveLayout({ briefWidth: width })}
            />
          )}
          <section className="workspace" aria-label="Your design">
            {draft.loadable.state === 'loading' && <p className="muted">Loading your draft…</p>}
            {draft.loadable.state === 'error' && <ErrorNotice what="your draft could not be loaded" error={draft.loadable.error} onRetry={draft.reload} />}
            {extras.loadable.state === 'error' && <ErrorNotice what="your estimates and hints could not be loaded" error={extras.loadable.error} onRetry={extras.reload} />}
            {draft.loadable.state === 'ready' && extras.loadable.state === 'ready' && (
              <DraftWorkspace
                extras={extras.loadable.value ?? EMPTY_EXTRAS}
                key={promptId}
                prompt={prompt.loadable.value}
                draft={draft.loadable.value}
                settings={props.settings}
                conceptTitles={concepts.titles}
                onEditorWidth={(width, commit) => {
                  grid.current?.style.setProperty('--editor-width', `${width}px`);
                  if (commit) saveLayout({ editorWidth: width });
                }}
                editorWidth={layout.editorWidth}
                onDrawing={onDrawing}
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
  readonly extras: DraftExtras;
  readonly settings: Settings;
  readonly conceptTitles: ConceptTitles | undefined;
  readonly editorWidth: number;
  /** A new editor column width: shown at once, kept in the settings when `commit`. */
  readonly onEditorWidth: (width: number, commit: boolean) => void;
  /** The candidate changed the diagram (typing, or a component from the palette). */
  readonly onDrawing: () => void;
}): JSX.Element {
  const { prompt } = props;
  const [fullPreview, setFullPreview] = useState(false);
  const [extras, setExtras] = useState(props.extras);
  const [extrasError, setExtrasError] = useState<IpcError | undefined>();
  // The worksheet and the hints shown are small and change on a click or a blur: saved at once.
  const saveExtras = useCallback(
    (next: DraftExtras): void => {
      void callApi((api) => api.saveDraftExtras({ promptId: prompt.id, mode: MODE, extras: next })).then((result) => setExtrasError(result.ok ? undefined : result.error));
    },
    [prompt.id],
  );
  const changeExtras = useCallback(
    (next: DraftExtras, save: boolean): void => {
      setExtras(next);
      if (save) saveExtras(next);
    },
    [saveExtras],
  );
  // Stable between keystrokes, so typing does not re-render the worksheet and the hints.
  const changeEstimates = useCallback(
    (estimates: readonly DraftExtras['estimates'][number][]): void => {
      // Typing is saved on blur; a checked answer at once.
      const checked = estimates.filter((e) => e.committed).length !== extras.estimates.filter((e) => e.committed).length;
      changeExtras({ ...extras, estimates: [...estimates] }, checked);
    },
    [changeExtras, extras],
  );
  const saveEstimates = useCallback((): void => saveExtras(extras), [saveExtras, extras]);
  const changeHintsShown = useCallback((hintsShown: number): void => changeExtras({ ...extras, hintsShown }, true), [changeExtras, extras]);
  const initialText = props.draft?.text ?? '';
  const { autosaver, status } = useDraftAutosave(prompt.id, MODE, { text: initialText, revision: props.draft?.revision ?? 0 });
  const [text, setText] = useState(initialText);
  const [highlighted, setHighlighted] = useState<readonly string[]>([]);
  const params = useMemo<GradingParams>(() => ({ rubric: prompt.rubric, entities: prompt.entities }), [prompt]);
  const theme = useDiagramTheme(props.settings.theme);
  const practice = useLivePractice(text, params, theme);
  const [submitting, setSubmitting] = useState(false);
  const editor = useRef<EditorHandle | null>(null);

  // Lint marks in the editor (see editorMarks): set when a check of the current text is back, after
  // the frame that shows its drawing and findings (CodeMirror's update would otherwise delay that frame).
  const showingParseErrors = useRef(false);
  const { busy, errors, lastGood, stale } = practice;
  useEffect(
    () =>
      afterNextPaint(() => {
        const handle = editor.current;
        // Typed into since: the marks would be for a text the editor no longer holds (the next check sets them).
        if (handle === null || handle.text() !== text) return;
        const marks = editorMarks(text, { busy, errors, findings: lastGood?.report.findings, stale }, showingParseErrors.current);
        if (marks === undefined) return;
        handle.setDiagnostics(marks);
        showingParseErrors.current = !busy && errors.length > 0;
      }),
    [busy, errors, lastGood, stale, text],
  );

  /** A finding or node chip was clicked: select the node's line in the editor and mark it in the preview. */
  const showNodes = useCallback((nodes: readonly string[]): void => {
    setHighlighted(nodes);
    const [first] = nodes;
    const handle = editor.current;
    const at = first === undefined || handle === null ? undefined : locateNode(handle.text(), first);
    if (at !== undefined) handle?.select(at.from, at.to);
  }, []);
  const insertComponent = useCallback((entry: PaletteEntry): void => {
    const handle = editor.current;
    if (handle === null) return;
    const snippet = buildSnippet(entry, handle.text());
    handle.insert(snippet.text, snippet.select);
  }, []);
  /** A kind chosen in "How Sysdrill read your diagram": written as a `%% sysdrill:` line through the editor, as an edit of its own. */
  const overrideKind = useCallback((id: string, kind: NodeKind | undefined): void => {
    const handle = editor.current;
    if (handle === null) return;
    handle.replaceText(withKindOverride(handle.text(), id, kind));
  }, []);
  // Worked out once per graded diagram (the report's graph with the text it was graded from).
  const reading = useMemo(() => (lastGood === undefined ? undefined : readingOf(lastGood.report.architecture, lastGood.text)), [lastGood]);
  const [submitError, setSubmitError] = useState<IpcError | undefined>();

  // Records a practice attempt with the full report; the draft stays as it is.
  const submit = (): void => {
    if (submitting) return;
    setSubmitting(true);
    setSubmitError(undefined);
    void (async () => {
      await autosaver.flush();
      const started = await callApi((api) => api.startAttempt({ promptId: prompt.id, mode: MODE, lengthMin: null, startedAt: Date.now() }));
      const done = started.ok ? await submitAttempt(prompt, started.value, { ...progressOf(started.value), diagram: text }, Date.now()) : started;
      if (done.ok) {
        window.location.hash = routeHref({ screen: 'attempt', attemptId: done.value.id });
      } else {
        setSubmitting(false);
        setSubmitError(done.error);
      }
    })();
  };
  const onKeyDownCapture = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      submit();
    }
  };

  return (
    <div className="draft-workspace" onKeyDownCapture={onKeyDownCapture}>
      <div className="workspace-header">
        <h2>Your design</h2>
        <SaveIndicator status={status} />
        <div className="workspace-actions">
          <button type="button" className="primary" onClick={submit} disabled={submitting} title="Ctrl+Enter (⌘+Enter on macOS)">
            {submitting ? 'Grading…' : 'Submit for grading'}
          </button>
          <a className="button" href={routeHref({ screen: 'mock-setup', promptId: prompt.id })}>
            Start a mock interview
          </a>
        </div>
      </div>
      {submitError !== undefined && <ErrorNotice what="the attempt could not be recorded" error={submitError} />}
      <p className="muted small">
        Write a Mermaid flowchart (
        <a href={MERMAID_FLOWCHART_SYNTAX} target="_blank" rel="noreferrer">
          syntax reference
        </a>
        ). Your text is saved automatically as you type; the preview and feedback follow it.
      </p>
      <div className="workspace-panes">
        <div className="editor-column">
          <DiagramEditor
            initialText={initialText}
            onChange={(next) => {
              autosaver.change(next);
              practice.textChanged(next);
              setText(next);
              props.onDrawing();
            }}
            onBlur={() => void autosaver.flush()}
            label="Mermaid diagram editor"
            onReady={(handle) => {
              editor.current = handle;
            }}
            fontSize={props.settings.editorFontSize}
          />
          <ComponentPalette onInsert={insertComponent} />
          {!practice.empty && practice.lastGood !== undefined && (
            <FeedbackPanel
              report={practice.lastGood.report}
              feedback={practice.lastGood.feedback}
              params={params}
              stale={practice.stale}
              onShowNodes={showNodes}
              conceptTitles={props.conceptTitles}
            />
          )}
          {!practice.empty && reading !== undefined && <DiagramReadingSection reading={reading} stale={practice.stale} onKindChange={overrideKind} />}
          {/* lastGood, once set, stays set: the reference stays unlocked after the first graded diagram (a saved draft included). */}
          <ReferenceDesign reference={prompt.reference} naive={prompt.naive} params={params} theme={theme} unlocked={practice.lastGood !== undefined} />
          <PracticeEstimates
            estimates={prompt.estimates}
            entries={extras.estimates}
            onChange={changeEstimates}
            onBlur={saveEstimates}
          />
          {extrasError !== undefined && <ErrorNotice what="your estimates and hints could not be saved" error={extrasError} />}
          <HintReveal hints={prompt.hints} shown={extras.hintsShown} onShownChange={changeHintsShown} />
          <CheatSheet />
        </div>
        <Splitter
          label="Resize the editor"
          value={props.editorWidth}
          min={EDITOR_WIDTH.min}
          max={EDITOR_WIDTH.max}
          onResize={(width) => props.onEditorWidth(width, false)}
          onCommit={(width) => props.onEditorWidth(width, true)}
        />
        <section
          className={fullPreview ? 'preview-pane preview-full' : 'preview-pane'}
          aria-labelledby="preview-title"
          aria-busy={practice.busy}
          onKeyDown={(event) => {
            if (fullPreview && event.key === 'Escape') setFullPreview(false);
          }}
        >
          <div className="pane-header">
            <h3 id="preview-title">Preview</h3>
            <span className="muted small" data-testid="preview-status">
              {previewStatus(practice)}
            </span>
            <button type="button" aria-pressed={fullPreview} onClick={() => setFullPreview(!fullPreview)} title="Escape leaves the full window">
              {fullPreview ? 'Exit full window' : 'Full window'}
            </button>
          </div>
          <PreviewNotices live={practice} />
          {practice.empty ? (
            <p className="muted small preview-empty">Your diagram appears here as you type.</p>
          ) : (
            practice.lastGood !== undefined && <ZoomablePreview svg={practice.lastGood.svg} highlighted={highlighted} />
          )}
          {/* Failure drill mount point (branch compare): self-contained, fed the last diagram that drew. */}
          {!practice.empty && practice.lastGood !== undefined && <FailureDrill svg={practice.lastGood.svg} graph={practice.lastGood.report.architecture} params={params} />}
        </section>
      </div>
    </div>
  );
}
