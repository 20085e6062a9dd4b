import { z } from 'zod';
import type { SettingsRepo } from '../db/settings';

/** The window's last normal (un-maximised) bounds and whether it was maximised. */
export const WindowStateSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.output<typeof WindowStateSchema>;

export const WINDOW_STATE_SETTING_KEY = 'window.state';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 720, height: 520 } as const;

/** At least this much of the title bar must be on a screen, or the window is re-centred. */
const MIN_VISIBLE_PX = 64;

export type InitialBounds =
  | { readonly width: number; readonly height: number; readonly maximized: boolean }
  | { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly maximized: boolean };

/**
 * Decides where the window opens: the remembered bounds when they are valid and still visible on
 * one of today's displays (monitors get unplugged), otherwise a default size centred by the OS.
 */
export function initialBounds(saved: unknown, workAreas: readonly Rect[]): InitialBounds {
  const parsed = WindowStateSchema.safeParse(saved);
  if (!parsed.success) return { ...DEFAULT_WINDOW_SIZE, maximized: false };
  const state = parsed.data;
  const largest = workAreas.reduce<Rect | undefined>(
    (best, area) => (best === undefined || area.width * area.height > best.width * best.height ? area : best),
    undefined,
  );
  const width = clamp(state.width, MIN_WINDOW_SIZE.width, largest?.width ?? state.width);
  const height = clamp(state.height, MIN_WINDOW_SIZE.height, largest?.height ?? state.height);
  const titleBar: Rect = { x: state.x, y: state.y, width, height: MIN_VISIBLE_PX };
  const visible = workAreas.some((area) => overlapsBy(titleBar, area, MIN_VISIBLE_PX));
  return visible ? { x: state.x, y: state.y, width, height, maximized: state.maximized } : { width, height, maximized: state.maximized };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

function overlapsBy(a: Rect, b: Rect, px: number): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= px && h >= Math.min(px, a.height);
}

/**
 * Remembers the window's bounds. Runs inside the window's close handler, so it never throws: on a
 * full or read-only disk the write fails, the failure is logged and the window still closes.
 */
export function saveWindowState(settings: SettingsRepo, state: WindowState, now: number, log: (message: string, error: unknown) => void): boolean {
  try {
    settings.set(WINDOW_STATE_SETTING_KEY, state, now);
    return true;
  } catch (error) {
    log('[window] could not remember the window position', error);
    return false;
  }
}
