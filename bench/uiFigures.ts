/**
 * The UI bench's figures from its samples (bench/ui.bench.ts), kept apart from the browser so
 * their definitions are tested (tests/bench/uiFigures.test.ts).
 */
import type { Random } from './diagrams';
import type { Figure } from './figure';

/** One measured pair: a keystroke, the frame's check inside it, and Mermaid alone on the same text. */
export interface UiSample {
  /** Key event → the first animation frame showing the new drawing and findings, nothing pending. */
  readonly update: number;
  /** The render frame's check that drew it, from its request to its answer. */
  readonly check: number;
  /** Mermaid alone on the text the keystroke left, in the same frame, from request to answer. */
  readonly alone: number;
  readonly aloneFirst: boolean;
}

/** The value at percentile `p` (nearest rank, the lower one on a tie). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Which of a pair is sampled first: drawn at random (seeded), never in strict turn. The frame's heap
 * is fully collected about every fourth render and the render after a collection is slower, so a
 * fixed order would land that cost on the same side of every second pair.
 */
export function aloneGoesFirst(random: Random): boolean {
  return random() < 0.5;
}

/**
 * The keystroke figures. `ui.update_to_render_ratio_p50` is issue 10's target and means exactly
 * update p50 ÷ Mermaid-alone p50 (same text, same run). The check figures are diagnostics beside it.
 */
export function uiUpdateFigures(samples: readonly UiSample[]): readonly Figure[] {
  const updates = samples.map((sample) => sample.update);
  const update50 = percentile(updates, 50);
  const alone50 = percentile(
    samples.map((sample) => sample.alone),
    50,
  );
  const check50 = percentile(
    samples.map((sample) => sample.check),
    50,
  );
  return [
    { name: 'ui.update_p50_ms', value: round1(update50), unit: 'ms' },
    { name: 'ui.update_p95_ms', value: round1(percentile(updates, 95)), unit: 'ms' },
    { name: 'ui.mermaid_render_p50_ms', value: round1(alone50), unit: 'ms' },
    { name: 'ui.update_to_render_ratio_p50', value: round2(update50 / alone50), unit: 'ratio' },
    // Diagnostics, not the target: the frame's check inside each update; each update over its own
    // check (what the page adds around the frame's work); and the check's median over Mermaid
    // alone's (what the frame loses inside an update: its extra work, and the CPU it shares).
    { name: 'ui.update_check_p50_ms', value: round1(check50), unit: 'ms' },
    {
      name: 'ui.update_to_check_ratio_p50',
      value: round2(
        percentile(
          samples.map((sample) => sample.update / sample.check),
          50,
        ),
      ),
      unit: 'ratio',
    },
    { name: 'ui.check_to_render_ratio_p50', value: round2(check50 / alone50), unit: 'ratio' },
  ];
}
