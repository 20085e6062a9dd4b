import { memo, useEffect, useRef, useState, type JSX, type PointerEvent as ReactPointerEvent } from 'react';
import { DiagramPreview } from './DiagramPreview';
import { actualSizeScale, centreOn, FIT, panBy, pinchFactor, pinchView, wheelPixels, zoomAt, ZOOM_STEP, type Point, type View } from './zoom';

export interface ZoomablePreviewProps {
  readonly svg: string;
  readonly highlighted: readonly string[];
}

/** Drags shorter than this are clicks (a node stays clickable). */
const DRAG_THRESHOLD_PX = 4;

/**
 * The drawing as large as its pane, zoomed with the wheel, a pinch (trackpad or two fingers) or the
 * buttons (fit, 100 %) and panned by dragging. The view is applied through CSS custom properties set with CSSOM (the CSP refuses
 * `style` attributes).
 */
export const ZoomablePreview = memo(function ZoomablePreview(props: ZoomablePreviewProps): JSX.Element {
  const viewport = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>(FIT);
  const drag = useRef<{ x: number; y: number; moved: boolean } | undefined>(undefined);
  /** The pointers down on the viewport (viewport coordinates): two make a pinch. */
  const pointers = useRef(new Map<number, Point>());

  useEffect(() => {
    const element = viewport.current;
    if (element === null) return;
    element.style.setProperty('--zoom', String(view.scale));
    element.style.setProperty('--pan-x', `${view.x}px`);
    element.style.setProperty('--pan-y', `${view.y}px`);
  }, [view]);

  // Wheel zoom must cancel the page scroll, which a passive (React) listener cannot.
  useEffect(() => {
    const element = viewport.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent): void => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      // Chromium sends a trackpad pinch as a wheel event with ctrlKey: zoom in proportion to it.
      const factor = event.ctrlKey
        ? pinchFactor(wheelPixels(event.deltaY, event.deltaMode, element.clientHeight))
        : event.deltaY < 0
          ? ZOOM_STEP
          : 1 / ZOOM_STEP;
      setView((current) => zoomAt(current, factor, event.clientX - box.left, event.clientY - box.top));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const zoomCentre = (factor: number): void => {
    const element = viewport.current;
    const width = element?.clientWidth ?? 0;
    const height = element?.clientHeight ?? 0;
    setView((current) => zoomAt(current, factor, width / 2, height / 2));
  };

  const actualSize = (): void => {
    const element = viewport.current;
    const svg = element?.querySelector('.diagram-preview')?.shadowRoot?.querySelector('svg');
    const box = svg?.viewBox.baseVal;
    if (element === null || element === undefined || box === undefined || box === null) return;
    setView({ scale: actualSizeScale({ width: box.width, height: box.height }, { width: element.clientWidth, height: element.clientHeight }), x: 0, y: 0 });
  };

  const local = (event: ReactPointerEvent): Point => {
    const box = viewport.current?.getBoundingClientRect();
    return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
  };
  const onPointerDown = (event: ReactPointerEvent): void => {
    if (event.button !== 0) return;
    pointers.current.set(event.pointerId, local(event));
    if (pointers.current.size === 2) {
      // A second finger: a pinch, no longer a drag.
      drag.current = undefined;
      for (const id of pointers.current.keys()) viewport.current?.setPointerCapture?.(id);
      return;
    }
    drag.current = { x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: ReactPointerEvent): void => {
    const known = pointers.current.get(event.pointerId);
    if (known !== undefined && pointers.current.size === 2) {
      const [a, b] = [...pointers.current.entries()];
      if (a === undefined || b === undefined) return;
      const before: readonly [Point, Point] = [a[1], b[1]];
      pointers.current.set(event.pointerId, local(event));
      const after: readonly [Point, Point] = [pointers.current.get(a[0]) as Point, pointers.current.get(b[0]) as Point];
      setView((current) => pinchView(current, before, after));
      return;
    }
    if (known !== undefined) pointers.current.set(event.pointerId, local(event));
    const start = drag.current;
    if (start === undefined) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    if (!start.moved) viewport.current?.setPointerCapture?.(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, moved: true };
    setView((current) => panBy(current, dx, dy));
  };
  const endPointer = (event: ReactPointerEvent): void => {
    pointers.current.delete(event.pointerId);
    drag.current = undefined;
  };

  const onFocusNode = (rect: DOMRect): void => {
    const element = viewport.current;
    if (element === null) return;
    const box = element.getBoundingClientRect();
    const local = { left: rect.left - box.left, top: rect.top - box.top, width: rect.width, height: rect.height };
    setView((current) => centreOn(current, local, { width: box.width, height: box.height }));
  };

  return (
    <div className="zoomable-preview">
      <div className="zoom-controls" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => zoomCentre(1 / ZOOM_STEP)} aria-label="Zoom out" title="Zoom out (or the mouse wheel, or pinch)">
          −
        </button>
        <span className="zoom-level small" data-testid="zoom-level" aria-live="polite">
          {Math.round(view.scale * 100)} % of fit
        </span>
        <button type="button" onClick={() => zoomCentre(ZOOM_STEP)} aria-label="Zoom in" title="Zoom in (or the mouse wheel, or pinch)">
          +
        </button>
        <button type="button" onClick={() => setView(FIT)} title="Fit the whole diagram in the pane">
          Fit
        </button>
        <button type="button" onClick={actualSize} title="Show the diagram at its natural size (100 %)">
          Actual size
        </button>
      </div>
      <div
        className="zoom-viewport"
        ref={viewport}
        data-testid="zoom-viewport"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endPointer}
        onPointerCancel={endPointer}
      >
        <div className="zoom-content">
          <DiagramPreview svg={props.svg} highlighted={props.highlighted} fill onFocusNode={onFocusNode} />
        </div>
      </div>
    </div>
  );
});
