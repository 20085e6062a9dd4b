import { EditorView } from '@codemirror/view';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { SysdrillApi } from '../../electron/ipc/contract';

/** Stands in for the preload: what the renderer finds as `window.api`. */
export function installApi(api: SysdrillApi | undefined): void {
  Object.defineProperty(window, 'api', { value: api, configurable: true });
}

/** After each test: unmount, remove the bridge and go back to the home route. */
export function resetAppAfterEach(): void {
  afterEach(() => {
    cleanup();
    installApi(undefined);
    window.location.hash = '';
  });
}

/** The diagram editor's CodeMirror view, once the editor has mounted inside its shadow root. */
export async function findEditorView(): Promise<EditorView> {
  const host = await screen.findByTestId('diagram-editor');
  const dom = await waitFor(() => {
    const found = host.shadowRoot?.querySelector<HTMLElement>('.cm-editor');
    if (found === null || found === undefined) throw new Error('no editor yet');
    return found;
  });
  const view = EditorView.findFromDOM(dom);
  if (view === null) throw new Error('no EditorView');
  return view;
}
