/** The preview's view: a scale around the top-left corner, then a pan in CSS pixels. */
export interface View {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

export const FIT: View = { scale: 1, x: 0, y: 0 };
export const MIN_SCALE = 0.25;
export const MAX_SCALE = 8;
/** One button press or one wheel notch. */
export const ZOOM_STEP = 1.25;

const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** Zooms by `factor` keeping the point (`cx`, `cy`) of the viewport where it is on screen. */
export function zoomAt(view: View, factor: number, cx: number, cy: number): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: cx - (cx - view.x) * k, y: cy - (cy - view.y) * k };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/**
 * The scale at which the drawing shows at its natural size: at scale 1 it is fitted (contained)
 * into the viewport, which shrinks or grows it by min(viewport / natural) on each axis.
 */
export function actualSizeScale(natural: { width: number; height: number }, viewport: { width: number; height: number }): number {
  if (natural.width <= 0 || natural.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return 1;
  return clampScale(1 / Math.min(viewport.width / natural.width, viewport.height / natural.height));
}

/** Pans so that a rectangle (viewport coordinates) ends up centred in a viewport of this size. */
export function centreOn(view: View, rect: { left: number; top: number; width: number; height: number }, viewport: { width: number; height: number }): View {
  return panBy(view, viewport.width / 2 - (rect.left + rect.width / 2), viewport.height / 2 - (rect.top + rect.height / 2));
}

/** How fast a trackpad pinch zooms: the scale changes by e^(−deltaY × rate) per wheel event. */
export const PINCH_RATE = 0.01;

/** A wheel delta in CSS pixels, whatever unit the event used (pixels, lines of ~16 px, pages). */
export function wheelPixels(deltaY: number, deltaMode: number, pageHeight: number): number {
  if (deltaMode === 1) return deltaY * 16;
  if (deltaMode === 2) return deltaY * pageHeight;
  return deltaY;
}

/**
 * The zoom factor of one pinch event (Chromium sends a trackpad pinch as wheel events with
 * `ctrlKey`): proportional to the pinch, e^(−deltaY × rate), so spreading the fingers (negative
 * deltaY) zooms in and pinching by the same amount zooms back out; one event never zooms more
 * than a wheel notch (Ctrl + a mouse wheel sends 100 px notches).
 */
export function pinchFactor(deltaPixels: number): number {
  return Math.min(ZOOM_STEP, Math.max(1 / ZOOM_STEP, Math.exp(-deltaPixels * PINCH_RATE)));
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Two-finger touch: the view after the two pointers moved from `before` to `after` (viewport
 * coordinates). The scale follows the distance between the fingers around their midpoint, and
 * the drawing moves with the midpoint, so what was under each finger stays under it.
 */
export function pinchView(view: View, before: readonly [Point, Point], after: readonly [Point, Point]): View {
  const distance = ([a, b]: readonly [Point, Point]): number => Math.hypot(b.x - a.x, b.y - a.y);
  const mid = ([a, b]: readonly [Point, Point]): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const from = distance(before);
  const factor = from === 0 ? 1 : distance(after) / from;
  const m0 = mid(before);
  const m1 = mid(after);
  return panBy(zoomAt(view, factor, m0.x, m0.y), m1.x - m0.x, m1.y - m0.y);
}
