import type { WorkspaceLayout } from '../../../electron/ipc/contract';

/** Fits 1280×720: brief 320 + editor 440 leaves the preview about 470 px next to them. */
export const DEFAULT_LAYOUT: WorkspaceLayout = { briefWidth: 320, editorWidth: 440, brief: 'open' };

export const BRIEF_WIDTH = { min: 200, max: 1200 } as const;
export const EDITOR_WIDTH = { min: 280, max: 1600 } as const;

/** One arrow-key press on a splitter. */
export const SPLITTER_STEP_PX = 16;

export const clampWidth = (width: number, range: { readonly min: number; readonly max: number }): number =>
  Math.round(Math.min(range.max, Math.max(range.min, width)));

/** In a window narrower than this, the brief folds away while the candidate draws (the preview gets its room). */
export const AUTO_FOLD_BELOW_PX = 1600;

/**
 * Whether an edit in the editor folds the brief to its drawer: only a brief left `open` (not
 * pinned by the user, not a drawer already), only in a narrow window, and not when the brief is
 * folded already.
 */
export function foldsOnEdit(brief: WorkspaceLayout['brief'], windowWidth: number, folded: boolean): boolean {
  return brief === 'open' && !folded && windowWidth < AUTO_FOLD_BELOW_PX;
}
