import { describe, expect, it } from 'vitest';
import { locateNode } from '../../../renderer/src/practice/nodeLocation';

const text = ['flowchart LR', '  %% App[commented out]', '  User --> App', '  App[Shortener service] --> AppCache[(Cache)]', 'App --> DB'].join('\n');

describe('locateNode', () => {
  it('finds the line that gives the node its shape, not its first mention or a comment', () => {
    // Lines are 12, 23 and 14 characters: line 4 starts at 13 + 24 + 15 = 52; its 46 characters end at 98.
    expect(locateNode(text, 'App')).toEqual({ line: 4, from: 54, to: 98 });
  });

  it('falls back to the first line naming a node that has no shape', () => {
    expect(locateNode(text, 'User')).toEqual({ line: 3, from: 39, to: 51 });
    expect(locateNode(text, 'DB')).toEqual({ line: 5, from: 99, to: 109 });
  });

  it('does not take an id inside a longer id, and says when a node is not in the text', () => {
    expect(locateNode('flowchart LR\n  AppCache --> X', 'App')).toBeUndefined();
    expect(locateNode(text, 'Queue')).toBeUndefined();
  });

  it('treats regular-expression characters in an id literally', () => {
    expect(locateNode('flowchart LR\n  a.b --> c', 'a.b')).toEqual({ line: 2, from: 15, to: 24 });
  });
});
