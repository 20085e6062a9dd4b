import { describe, expect, it } from 'vitest';
import { actualSizeScale, centreOn, FIT, panBy, pinchFactor, pinchView, wheelPixels, zoomAt, type Point, type View } from '../../../renderer/src/practice/zoom';

describe('zoomAt', () => {
  it('keeps the point under the cursor in place', () => {
    // At (100, 50) with scale 1 the drawing point is (100, 50); after ×2 it must still be at (100, 50): pan −100, −50.
    expect(zoomAt(FIT, 2, 100, 50)).toEqual({ scale: 2, x: -100, y: -50 });
    // From there, ×0.5 at the same point comes back to the fit.
    expect(zoomAt({ scale: 2, x: -100, y: -50 }, 0.5, 100, 50)).toEqual(FIT);
  });

  it('stops at 8× and ¼×', () => {
    expect(zoomAt({ scale: 6, x: 0, y: 0 }, 2, 0, 0).scale).toBe(8);
    expect(zoomAt({ scale: 0.3, x: 0, y: 0 }, 0.5, 0, 0).scale).toBe(0.25);
  });
});

describe('actualSizeScale', () => {
  it('undoes the fit: a 1600×400 drawing fitted into 800×600 shows at half size, so 100 % is 2×', () => {
    expect(actualSizeScale({ width: 1600, height: 400 }, { width: 800, height: 600 })).toBe(2);
  });

  it('a small drawing fitted (enlarged) into a big viewport is 100 % below 1×', () => {
    // 200×100 into 800×600: enlarged by min(4, 6) = 4, so 100 % is ¼.
    expect(actualSizeScale({ width: 200, height: 100 }, { width: 800, height: 600 })).toBe(0.25);
  });
});

describe('centreOn and panBy', () => {
  it('pans a node at (700, 500)–(740, 520) to the middle of an 800×600 viewport', () => {
    expect(centreOn(FIT, { left: 700, top: 500, width: 40, height: 20 }, { width: 800, height: 600 })).toEqual({ scale: 1, x: -320, y: -210 });
    expect(panBy({ scale: 2, x: 5, y: 5 }, -10, 20)).toEqual({ scale: 2, x: -5, y: 25 });
  });
});

describe('wheelPixels', () => {
  it.each([
    ['pixels as they are', -12.5, 0, -12.5],
    ['lines of 16 px', 3, 1, 48],
    ['pages of the page height', -1, 2, -800],
  ])('takes %s', (_, deltaY, deltaMode, expected) => {
    expect(wheelPixels(deltaY, deltaMode, 800)).toBe(expected);
  });
});

describe('pinchFactor', () => {
  it.each([
    // e^(−deltaY / 100): a pinch zooms in proportion to how far the fingers moved.
    ['spreading by 10 px zooms in by e^0.1', -10, 1.1051709],
    ['pinching by 10 px zooms out by e^−0.1', 10, 0.9048374],
    ['spreading by 5 px zooms in by e^0.05', -5, 1.0512711],
    ['no movement, no zoom', 0, 1],
    ['a 100 px Ctrl+wheel notch zooms out one step, not e^−1', 100, 0.8],
    ['a −100 px notch zooms in one step', -100, 1.25],
  ])('%s', (_, delta, expected) => {
    expect(pinchFactor(delta)).toBeCloseTo(expected, 6);
  });

  it('zooming in then out by the same pinch comes back to the same scale', () => {
    expect(pinchFactor(-7) * pinchFactor(7)).toBeCloseTo(1, 12);
  });
});

describe('pinchView', () => {
  it.each<[string, View, readonly [Point, Point], readonly [Point, Point], View]>([
    // Fingers 100 px apart around (150, 100) move to 200 px apart: ×2 around (150, 100) → pan −150, −100.
    ['spreading two fingers doubles the scale around their midpoint', FIT, [{ x: 100, y: 100 }, { x: 200, y: 100 }], [{ x: 50, y: 100 }, { x: 250, y: 100 }], { scale: 2, x: -150, y: -100 }],
    // Same distance, midpoint moved by (+30, −20): a pan only.
    ['moving both fingers together pans', { scale: 2, x: 10, y: 10 }, [{ x: 0, y: 0 }, { x: 0, y: 60 }], [{ x: 30, y: -20 }, { x: 30, y: 40 }], { scale: 2, x: 40, y: -10 }],
    // 200 → 100 px apart around (100, 0) at scale 2, pan (−100, 0): ×½ there → scale 1, pan 100 − (100 + 100) / 2 = 0.
    ['pinching halves the scale', { scale: 2, x: -100, y: 0 }, [{ x: 0, y: 0 }, { x: 200, y: 0 }], [{ x: 50, y: 0 }, { x: 150, y: 0 }], { scale: 1, x: 0, y: 0 }],
    ['two fingers on one spot do not zoom', FIT, [{ x: 5, y: 5 }, { x: 5, y: 5 }], [{ x: 5, y: 5 }, { x: 9, y: 5 }], { scale: 1, x: 2, y: 0 }],
  ])('%s', (_, view, before, after, expected) => {
    expect(pinchView(view, before, after)).toEqual(expected);
  });

  it('stops at 8×', () => {
    expect(pinchView({ scale: 6, x: 0, y: 0 }, [{ x: 0, y: 0 }, { x: 10, y: 0 }], [{ x: 0, y: 0 }, { x: 100, y: 0 }]).scale).toBe(8);
  });
});
