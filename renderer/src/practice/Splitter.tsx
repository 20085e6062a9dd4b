import { useRef, type JSX, type KeyboardEvent, type PointerEvent } from 'react';
import { SPLITTER_STEP_PX } from './layout';

export interface SplitterProps {
  /** What it resizes, e.g. "Resize the brief". */
  readonly label: string;
  /** The width of the pane on its left, CSS px. */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** While dragging or on a key: the new width (the caller applies it at once). */
  readonly onResize: (width: number) => void;
  /** Once the drag ends or after a key: the width to keep. */
  readonly onCommit: (width: number) => void;
}

/** A vertical bar between two panes, dragged with the pointer or moved with the arrow keys. */
export function Splitter(props: SplitterProps): JSX.Element {
  const drag = useRef<{ startX: number; startWidth: number; width: number } | undefined>(undefined);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: props.value, width: props.value };
  };
  const onPointerMove = (event: PointerEvent): void => {
    const d = drag.current;
    if (d === undefined) return;
    const width = Math.min(props.max, Math.max(props.min, d.startWidth + event.clientX - d.startX));
    drag.current = { ...d, width };
    props.onResize(width);
  };
  const onPointerUp = (): void => {
    const d = drag.current;
    drag.current = undefined;
    if (d !== undefined && d.width !== d.startWidth) props.onCommit(d.width);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const delta = event.key === 'ArrowLeft' ? -SPLITTER_STEP_PX : event.key === 'ArrowRight' ? SPLITTER_STEP_PX : 0;
    if (delta === 0) return;
    event.preventDefault();
    const width = Math.min(props.max, Math.max(props.min, props.value + delta));
    props.onResize(width);
    props.onCommit(width);
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-valuenow={props.value}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
