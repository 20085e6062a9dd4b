// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Splitter } from '../../../renderer/src/practice/Splitter';

afterEach(cleanup);

describe('Splitter', () => {
  it('moves 16 px per arrow key, within its bounds, and keeps each width', () => {
    const onResize = vi.fn();
    const onCommit = vi.fn();
    const { rerender } = render(<Splitter label="Resize the editor" value={300} min={290} max={320} onResize={onResize} onCommit={onCommit} />);
    const bar = screen.getByRole('separator', { name: 'Resize the editor' });
    expect(bar.getAttribute('aria-valuenow')).toBe('300');
    fireEvent.keyDown(bar, { key: 'ArrowRight' });
    expect(onCommit).toHaveBeenLastCalledWith(316);
    rerender(<Splitter label="Resize the editor" value={316} min={290} max={320} onResize={onResize} onCommit={onCommit} />);
    fireEvent.keyDown(bar, { key: 'ArrowRight' });
    expect(onCommit).toHaveBeenLastCalledWith(320);
    fireEvent.keyDown(bar, { key: 'ArrowLeft' });
    expect(onResize).toHaveBeenLastCalledWith(300);
    fireEvent.keyDown(bar, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledTimes(3);
  });
});
