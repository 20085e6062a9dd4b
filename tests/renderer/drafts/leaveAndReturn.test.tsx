// @vitest-environment jsdom
import type { EditorView } from '@codemirror/view';
import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Draft, IpcResult } from '../../../electron/ipc/contract';
import { App } from '../../../renderer/src/App';
import { findEditorView, installApi, resetAppAfterEach } from '../appHarness';
import { bankingPrompt, fakeApi } from '../fakeApi';
import { installJsdomLayoutStubs } from '../jsdomLayout';

beforeAll(installJsdomLayoutStubs);
resetAppAfterEach();

function append(view: EditorView, text: string): void {
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: text } }));
}

describe('leaving a prompt while its draft is being saved, and coming back', () => {
  it('loads the draft only after the leaving saves finished, so the newest text is shown and kept', async () => {
    const { api, drafts } = fakeApi({ prompts: [bankingPrompt()] });
    // Saves stay "in flight" until the test lets them reach the (fake) main process. The test
    // waits for each save to be sent, not for a time limit: a loaded machine only makes it later.
    const held: (() => void)[] = [];
    let saveSent: () => void = () => undefined;
    const nextSave = (): Promise<void> => new Promise((resolve) => (saveSent = resolve));
    const store = api.saveDraft.getMockImplementation();
    api.saveDraft.mockImplementation(
      (input) =>
        new Promise<IpcResult<{ savedAt: number; revision: number }>>((resolve) => {
          held.push(() => void store?.(input).then(resolve));
          saveSent();
        }),
    );
    installApi(api);
    window.location.hash = '#/prompt/banking';
    render(<App />);

    const first = await findEditorView();
    const firstSave = nextSave();
    append(first, 'flowchart LR\n  A --> B');
    await act(() => firstSave);
    expect(held).toHaveLength(1);
    append(first, '\n  B --> C');

    act(() => {
      window.location.hash = '#/';
    });
    await waitFor(() => expect(screen.queryByTestId('diagram-editor')).toBeNull());
    act(() => {
      window.location.hash = '#/prompt/banking';
    });
    await screen.findByRole('heading', { level: 1 });
    // The first save is still in flight: the draft must not be read yet.
    expect(api.getDraft).toHaveBeenCalledTimes(1);

    const secondSave = nextSave();
    held.shift()?.();
    await act(() => secondSave);
    expect(held).toHaveLength(1);
    held.shift()?.();

    const second = await findEditorView();
    expect(second.state.doc.toString()).toBe('flowchart LR\n  A --> B\n  B --> C');
    expect(api.getDraft).toHaveBeenCalledTimes(2);
    expect(drafts.get('banking/practice')).toMatchObject<Partial<Draft>>({ text: 'flowchart LR\n  A --> B\n  B --> C', revision: 2 });
  });
});
