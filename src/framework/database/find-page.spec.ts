import { containsPattern } from './find-page';

describe('containsPattern', () => {
  it('wraps the text in % for a substring match', () => {
    expect(containsPattern('shirt')).toBe('%shirt%');
  });

  it("takes the client's own wildcards and escapes literally", () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('back\\slash')).toBe('%back\\\\slash%');
  });
});
