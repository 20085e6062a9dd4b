import { describe, expect, it } from 'vitest';
import type { WorkspaceLayout } from '../../../electron/ipc/contract';
import { AUTO_FOLD_BELOW_PX, foldsOnEdit } from '../../../renderer/src/practice/layout';

describe('foldsOnEdit', () => {
  it.each<[string, WorkspaceLayout['brief'], number, boolean, boolean]>([
    ['an open brief in a 1280 px window folds at an edit', 'open', 1280, false, true],
    ['just under the threshold still folds', 'open', AUTO_FOLD_BELOW_PX - 1, false, true],
    ['a window of 1600 px has room for all three panes', 'open', AUTO_FOLD_BELOW_PX, false, false],
    ['a brief the user pinned never folds', 'pinned', 1280, false, false],
    ['a drawer is folded already (it has its own tab)', 'drawer', 1280, false, false],
    ['a brief folded by this typing session is not folded again', 'open', 1280, true, false],
  ])('%s', (_, brief, width, folded, expected) => {
    expect(foldsOnEdit(brief, width, folded)).toBe(expected);
  });
});
