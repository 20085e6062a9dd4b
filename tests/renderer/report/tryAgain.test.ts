import { describe, expect, it } from 'vitest';
import type { Draft } from '../../../electron/ipc/contract';
import { planTryAgain } from '../../../renderer/src/report/tryAgain';

const draft = (text: string, revision = 3): Draft => ({ promptId: 'instagram', mode: 'practice', text, updatedAt: 5, revision });

describe('try again', () => {
  it('writes straight away when there is no draft, or only an empty one (from its revision)', () => {
    expect(planTryAgain(null, 'flowchart LR\n A --> B')).toEqual({ kind: 'write', baseRevision: 0 });
    expect(planTryAgain(draft('  \n'), 'flowchart LR\n A --> B')).toEqual({ kind: 'write', baseRevision: 3 });
  });

  it('asks before replacing a draft that holds other work', () => {
    const other = draft('flowchart LR\n X --> Y');
    expect(planTryAgain(other, 'flowchart LR\n A --> B')).toEqual({ kind: 'ask', draft: other });
    expect(planTryAgain(other, '')).toEqual({ kind: 'ask', draft: other });
  });

  it('just opens the prompt when the draft already holds that text', () => {
    expect(planTryAgain(draft('flowchart LR\n A --> B'), 'flowchart LR\n A --> B')).toEqual({ kind: 'open' });
  });
});
