import { describe, expect, it } from 'vitest';
import { cleanLabel, decodeEntities } from '../../../rubrics/parse/labels';

describe('label clean-up', () => {
  it.each([
    ['Line<br/>two', 'Line two'],
    ['Line<br>two', 'Line two'],
    ['a &amp; b', 'a & b'],
    ['&lt;tag&gt;', '<tag>'],
    ['&#9829; &#x2665;', '♥ ♥'],
    ['ﬂ°quot¶ßhiﬂ°quot¶ß', '"hi"'],
    ['ﬂ°°9829¶ß', '♥'],
    ['**bold** and *em*', 'bold and em'],
    ['`code`', 'code'],
    ['"quoted"', 'quoted'],
    ['  spaced   out  ', 'spaced out'],
    ['<b>App</b> ×3', 'App ×3'],
    ['user_id stays', 'user_id stays'],
  ])('cleanLabel(%j) = %j', (raw, clean) => {
    expect(cleanLabel(raw)).toBe(clean);
  });

  it('leaves unknown entities alone', () => {
    expect(decodeEntities('&bogus; ﬂ°bogus¶ß')).toBe('&bogus; ﬂ°bogus¶ß');
  });
});
