import { describe, expect, it } from 'vitest';
import { nodeNamer } from '../../../renderer/src/practice/FeedbackPanel';

describe('nodeNamer: how findings name the boxes of one diagram', () => {
  it('two boxes with one label are told apart by id; a box with no label keeps its id', () => {
    const name = nodeNamer([
      { id: 'C1', label: 'Redis cache' },
      { id: 'C2', label: 'Redis cache' },
      { id: 'API', label: 'API' },
      { id: 'W', label: '  ' },
      { id: 'DB', label: 'Links DB' },
    ]);
    expect(['C1', 'C2', 'API', 'W', 'DB', 'Gone'].map(name)).toEqual(['Redis cache (C1)', 'Redis cache (C2)', 'API', 'W', 'Links DB', 'Gone']);
  });
});
