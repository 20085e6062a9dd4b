// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ZoomablePreview } from '../../../renderer/src/practice/ZoomablePreview';

afterEach(cleanup);

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><g class="node" id="flowchart-A-0"><text>A</text></g></svg>';

function setup(): { viewport: HTMLElement; level: () => string } {
  render(<ZoomablePreview svg={SVG} highlighted={[]} />);
  return { viewport: screen.getByTestId('zoom-viewport'), level: () => screen.getByTestId('zoom-level').textContent ?? '' };
}

describe('ZoomablePreview', () => {
  it('zooms a trackpad pinch (a wheel event with ctrlKey) in proportion to it, not by a notch', () => {
    const { viewport, level } = setup();
    // e^(10 / 100) = 1.105 → 111 %; a plain wheel notch would be 125 %.
    fireEvent.wheel(viewport, { deltaY: -10, ctrlKey: true });
    expect(level()).toBe('111 % of fit');
    fireEvent.wheel(viewport, { deltaY: 10, ctrlKey: true });
    expect(level()).toBe('100 % of fit');
    fireEvent.wheel(viewport, { deltaY: -10 });
    expect(level()).toBe('125 % of fit');
  });

  it('zooms with two fingers: the scale follows the distance between them', () => {
    const { viewport, level } = setup();
    fireEvent.pointerDown(viewport, { pointerId: 1, pointerType: 'touch', clientX: 100, clientY: 100 });
    fireEvent.pointerDown(viewport, { pointerId: 2, pointerType: 'touch', clientX: 200, clientY: 100 });
    // 100 px apart → 200 px apart: ×2.
    fireEvent.pointerMove(viewport, { pointerId: 2, pointerType: 'touch', clientX: 300, clientY: 100 });
    expect(level()).toBe('200 % of fit');
    // Then 200 → 150 apart: ×¾.
    fireEvent.pointerMove(viewport, { pointerId: 1, pointerType: 'touch', clientX: 150, clientY: 100 });
    expect(level()).toBe('150 % of fit');
    fireEvent.pointerUp(viewport, { pointerId: 1, pointerType: 'touch' });
    fireEvent.pointerUp(viewport, { pointerId: 2, pointerType: 'touch' });
    // One finger left alone pans, it does not zoom.
    fireEvent.pointerDown(viewport, { pointerId: 3, pointerType: 'touch', clientX: 10, clientY: 10 });
    fireEvent.pointerMove(viewport, { pointerId: 3, pointerType: 'touch', clientX: 60, clientY: 10 });
    expect(level()).toBe('150 % of fit');
  });
});
