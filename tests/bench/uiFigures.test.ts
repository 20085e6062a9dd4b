import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/diagrams';
import { aloneGoesFirst, percentile, uiUpdateFigures, type UiSample } from '../../bench/uiFigures';

const figure = (figures: ReturnType<typeof uiUpdateFigures>, name: string): number | undefined => figures.find((f) => f.name === name)?.value;

describe('uiUpdateFigures', () => {
  const samples: UiSample[] = [
    { update: 300, check: 250, alone: 200, aloneFirst: true },
    { update: 240, check: 200, alone: 150, aloneFirst: false },
    { update: 260, check: 240, alone: 250, aloneFirst: true },
  ];

  it('keeps the target ratio as update p50 ÷ Mermaid-alone p50 (issue 10), not update ÷ the check inside it', () => {
    const figures = uiUpdateFigures(samples);
    expect(figure(figures, 'ui.update_p50_ms')).toBe(260);
    expect(figure(figures, 'ui.mermaid_render_p50_ms')).toBe(200);
    expect(figure(figures, 'ui.update_to_render_ratio_p50')).toBe(1.3);
  });

  it('reports the check inside the update only under names of its own', () => {
    const figures = uiUpdateFigures(samples);
    expect(figure(figures, 'ui.update_check_p50_ms')).toBe(240);
    // Per keystroke 1.2, 1.2, 1.08: the median of the ratios, not a ratio of medians.
    expect(figure(figures, 'ui.update_to_check_ratio_p50')).toBe(1.2);
    expect(figure(figures, 'ui.check_to_render_ratio_p50')).toBe(1.2);
  });
});

describe('percentile', () => {
  it('takes the nearest rank and refuses no samples', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95)).toBe(20);
    expect(() => percentile([], 50)).toThrow();
  });
});

describe('aloneGoesFirst', () => {
  it('is the same sequence for the same seed, and not strict turn', () => {
    const draw = (seed: number): boolean[] => {
      const random = seededRandom(seed);
      return Array.from({ length: 36 }, () => aloneGoesFirst(random));
    };
    const order = draw(40);
    expect(draw(40)).toEqual(order);
    expect(order.filter(Boolean).length).toBeGreaterThan(8);
    expect(order.filter((first) => !first).length).toBeGreaterThan(8);
    // Strict turn would alternate every time.
    expect(order.some((first, i) => i > 0 && first === order[i - 1])).toBe(true);
  });
});
