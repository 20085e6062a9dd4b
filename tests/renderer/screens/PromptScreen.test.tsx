// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../../electron/ipc/contract';
import { App } from '../../../renderer/src/App';
import { findEditorView, installApi, resetAppAfterEach } from '../appHarness';
import { bankingPrompt, fakeApi } from '../fakeApi';
import { installJsdomLayoutStubs } from '../jsdomLayout';

beforeAll(installJsdomLayoutStubs);
resetAppAfterEach();

const initialWidth = window.innerWidth;
const setWindowWidth = (width: number): void => {
  Object.defineProperty(window, 'innerWidth', { value: width, configurable: true, writable: true });
};
afterAll(() => setWindowWidth(initialWidth));

const prompt = bankingPrompt();
const LAYOUT = { briefWidth: 320, editorWidth: 440 } as const;

async function openPrompt(width: number, brief: 'open' | 'pinned' | 'drawer' = 'open') {
  setWindowWidth(width);
  const settings: Settings = { theme: 'light', editorFontSize: 14, mockTimeWhileClosed: 'running', workspaceLayout: { ...LAYOUT, brief } };
  const { api } = fakeApi({ prompts: [prompt], settings });
  installApi(api);
  window.location.hash = '#/prompt/banking';
  render(<App />);
  await findEditorView();
  return api;
}

/** Types a line at the end of the diagram, as the candidate would. */
async function draw(): Promise<void> {
  const view = await findEditorView();
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: '\n  A --> B' }, userEvent: 'input.type' }));
}

const briefShown = (): boolean => screen.queryByRole('heading', { level: 1, name: prompt.title }) !== null;

describe('the brief while drawing', () => {
  it('folds to its tab at the first edit in a narrow window, comes back in one click, and folds again at the next edit', async () => {
    await openPrompt(1280);
    expect(briefShown()).toBe(true);
    await draw();
    await waitFor(() => expect(briefShown()).toBe(false));
    const tab = screen.getByRole('button', { name: 'Brief' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(tab);
    expect(briefShown()).toBe(true);
    expect(screen.queryByRole('button', { name: 'Brief' })).toBeNull();

    await draw();
    await waitFor(() => expect(briefShown()).toBe(false));
  });

  it('stays open while drawing once pinned, and the pin is kept in the settings', async () => {
    const api = await openPrompt(1280);
    const pin = screen.getByRole('button', { name: 'Keep open while drawing' });
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(pin);
    expect(api.setSettings).toHaveBeenCalledWith({ workspaceLayout: { ...LAYOUT, brief: 'pinned' } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Keep open while drawing' }).getAttribute('aria-pressed')).toBe('true'));
    await draw();
    await draw();
    expect(briefShown()).toBe(true);
    expect(screen.queryByRole('button', { name: 'Brief' })).toBeNull();
  });

  it('a pinned brief from the settings is never folded', async () => {
    await openPrompt(1280, 'pinned');
    await draw();
    expect(briefShown()).toBe(true);
  });

  it('stays open in a window wide enough for brief, editor and preview', async () => {
    await openPrompt(1920);
    await draw();
    expect(briefShown()).toBe(true);
  });

  it('a brief the user folded into a drawer stays a drawer: its tab opens it over the workspace', async () => {
    await openPrompt(1280, 'drawer');
    expect(briefShown()).toBe(false);
    await draw();
    fireEvent.click(screen.getByRole('button', { name: 'Brief' }));
    expect(screen.getByRole('dialog', { name: 'The brief' })).toBeTruthy();
    expect(briefShown()).toBe(true);
  });
});
