import type { JSX } from 'react';
import type { PromptSummary } from '../../../electron/ipc/contract';

export function DifficultyBadge(props: { readonly difficulty: PromptSummary['difficulty'] }): JSX.Element {
  return <span className={`badge badge-${props.difficulty}`}>{props.difficulty}</span>;
}
