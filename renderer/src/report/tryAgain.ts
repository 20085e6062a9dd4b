import type { Draft } from '../../../electron/ipc/contract';

/**
 * What "Try again" does with the prompt's practice draft: write the starting text straight away,
 * ask first because the draft holds other work (never replaced without the user choosing), or
 * just open the prompt because the draft already holds exactly that text.
 */
export type TryAgainPlan = { readonly kind: 'write'; readonly baseRevision: number } | { readonly kind: 'ask'; readonly draft: Draft } | { readonly kind: 'open' };

export function planTryAgain(draft: Draft | null, text: string): TryAgainPlan {
  if (draft === null || draft.text.trim() === '') return { kind: 'write', baseRevision: draft?.revision ?? 0 };
  if (draft.text === text) return { kind: 'open' };
  return { kind: 'ask', draft };
}
