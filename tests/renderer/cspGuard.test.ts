import { describe, expect, it } from 'vitest';
import { neutraliseMarkup } from '../../renderer/src/mermaid/cspGuard';

describe('neutraliseMarkup', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<img src=x data-sysdrill-removed=alert(1)>'],
    ['<img src="x"onerror="alert(1)">', '<img src="x"data-sysdrill-removed="alert(1)">'],
    ['<img/onload=alert(1)>', '<img/data-sysdrill-removed=alert(1)>'],
    ['<div ONCLICK="x()" style="color:red">hi</div>', '<div data-sysdrill-removed="x()" data-sysdrill-removed="color:red">hi</div>'],
    ['<svg><style>g{fill:red}</style></svg>', '<svg><sysdrill-removed-style>g{fill:red}</sysdrill-removed-style></svg>'],
    ['<b>bold</b> and <br/>', '<b>bold</b> and <br/>'],
  ])('neutralises %j', (input, output) => {
    expect(neutraliseMarkup(input)).toBe(output);
  });

  it.each([
    'replicas one=3 style=compact',
    'Orders onerror=1 &lt;style&gt;',
    'Service (v2) · Postgres · shard: user_id',
  ])('leaves text outside tags alone: %j', (text) => {
    expect(neutraliseMarkup(text)).toBe(text);
  });

  it('keeps ordinary attributes such as ids, classes and data attributes', () => {
    const markup = '<g id="n1" class="node onboarding" data-id="A" transform="translate(1,2)"><text>stylish</text></g>';
    expect(neutraliseMarkup(markup)).toBe(markup);
  });
});
