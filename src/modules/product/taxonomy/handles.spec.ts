import { handleFor, likeLiteral, slugify } from './handles';

describe('handles', () => {
  it('slugify keeps lower-case letters and digits and joins the rest with single dashes', () => {
    expect(slugify('Summer Sale 2025!')).toBe('summer-sale-2025');
    expect(slugify('  --Men / Shirts & Tops--  ')).toBe('men-shirts-tops');
    expect(slugify('Café Crème')).toBe('cafe-creme');
    expect(slugify('!!!')).toBe('');
  });

  it('handleFor prefers the given handle and refuses an empty one', () => {
    expect(handleFor(' my-handle ', 'Ignored')).toBe('my-handle');
    expect(handleFor(undefined, 'New Arrivals')).toBe('new-arrivals');
    expect(() => handleFor(undefined, '***')).toThrow(/Cannot make a handle/);
  });

  it('likeLiteral escapes the LIKE wildcards of ids', () => {
    expect(likeLiteral('pcat_01A.pcat_02%')).toBe('pcat\\_01A.pcat\\_02\\%');
  });
});
