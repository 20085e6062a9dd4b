// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react';
import { useState, type JSX } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import type { GradingParams } from '../../../rubrics/params';

// The check itself (Mermaid, grader) is not what is tested here: every text "does not parse",
// unless a test makes the check fail outright.
const frame = vi.hoisted(() => ({ failure: undefined as Error | undefined, onCheck: undefined as ((text: string) => void) | undefined }));
vi.mock('../../../renderer/src/mermaid/index', () => ({
  checkDiagram: (text: string) => (frame.onCheck?.(text), frame.failure !== undefined ? Promise.reject(frame.failure) : Promise.resolve({ ok: false, errors: [{ line: 1, column: 1, message: 'not checked here' }] })),
}));

const { useLivePractice } = await import('../../../renderer/src/practice/useLivePractice');
const { TYPING_GAP_MS } = await import('../../../renderer/src/practice/livePipeline');

// As in the built app: no act() wrapping, so React schedules work as it does for real keystrokes.
(globalThis as Record<string, unknown>)['IS_REACT_ACT_ENVIRONMENT'] = false;
afterEach(() => {
  cleanup();
  frame.failure = undefined;
  frame.onCheck = undefined;
});

const params = { rubric: {}, entities: [] } as unknown as GradingParams;

function Workspace(props: { readonly onType: (type: (text: string) => void) => void }): JSX.Element {
  const [text, setText] = useState('');
  const practice = useLivePractice(text, params, 'light');
  props.onType(setText);
  return <p data-testid="status">{practice.busy ? 'busy' : 'idle'}</p>;
}

it('60 fast keystrokes (each a discrete keydown, only microtasks between) never exceed React’s update depth (error #185)', async () => {
  let type: (text: string) => void = () => undefined;
  const { getByTestId } = render(<Workspace onType={(t) => (type = t)} />);
  const errors: string[] = [];
  // A keydown makes the update synchronous (discrete priority), as CodeMirror's keystrokes are.
  const onKey = (event: KeyboardEvent): void => {
    try {
      type(event.key);
    } catch (error) {
      errors.push(String(error));
    }
  };
  window.addEventListener('keydown', onKey);
  let typed = 'flowchart LR';
  for (let i = 0; i < 60; i++) {
    typed += 'x';
    window.dispatchEvent(new KeyboardEvent('keydown', { key: typed }));
    // Lets React's synchronous render and commit run, but no task: the scheduler stays starved,
    // as it is when input events keep arriving on a busy machine.
    for (let j = 0; j < 5; j++) await Promise.resolve();
  }
  window.removeEventListener('keydown', onKey);
  expect(errors).toEqual([]);
  expect(getByTestId('status').textContent).toBe('busy');
});

it('a check that throws is shown as an error, not left as a preview that stays busy', async () => {
  frame.failure = new Error('the frame went away');
  function Preview(): JSX.Element {
    const practice = useLivePractice('flowchart LR\n  A --> B', params, 'light');
    return <p data-testid="status">{practice.busy ? 'busy' : (practice.renderError ?? 'no error')}</p>;
  }
  const { getByTestId } = render(<Preview />);
  await waitFor(() => expect(getByTestId('status').textContent).toBe('The diagram could not be checked: the frame went away'));
});

it('textChanged starts the check at the keystroke, before the workspace re-renders with the new text', async () => {
  const checked: string[] = [];
  frame.onCheck = (text) => checked.push(text);
  let change: (text: string) => void = () => undefined;
  function Editor(): JSX.Element {
    const practice = useLivePractice('flowchart LR', params, 'light');
    change = practice.textChanged;
    return <p data-testid="status">{practice.busy ? 'busy' : 'idle'}</p>;
  }
  const { getByTestId } = render(<Editor />);
  await waitFor(() => expect(getByTestId('status').textContent).toBe('idle'));
  // A pause longer than fast typing's gap (livePipeline.ts): the next edit is checked at once.
  await new Promise((resolve) => setTimeout(resolve, TYPING_GAP_MS + 50));
  expect(checked).toEqual(['flowchart LR']);
  change('flowchart LR\n  A --> B');
  // Synchronously, in the editor's change handler: no React render has run since.
  expect(checked).toEqual(['flowchart LR', 'flowchart LR\n  A --> B']);
});
