import { describe, expect, it } from 'vitest';
import { productLineName, productName } from './labels';

describe("a product's name", () => {
  const bowl = { productFamily: 'CELADON', productNameZh: '青瓷碗', productNameEn: 'Celadon bowl' };

  it("is the name the studio's catalogue gave it, in the reader's language", () => {
    expect(productName(bowl, 'zh')).toBe('青瓷碗');
    expect(productName(bowl, 'en')).toBe('Celadon bowl');
  });

  it("falls back to its family's label for orders from before products had names, and to a generic one for a family the table lacks", () => {
    expect(productName({ productFamily: 'CALLIGRAPHY_TEAWARE', productNameZh: null, productNameEn: null }, 'zh')).toBe('书法茶器');
    expect(productName({ productFamily: 'CALLIGRAPHY_TEAWARE' }, 'en')).toBe('Calligraphy teaware');
    expect(productName({ productFamily: 'CELADON', productNameZh: '' }, 'zh')).toBe('定制作品');
  });

  it("names an order line by its product, else by what the table calls the line's code", () => {
    expect(productLineName('TB-BOWL-1', bowl, 'zh')).toBe('青瓷碗');
    expect(productLineName('TEA-CUP-CALLIG', { productFamily: 'CALLIGRAPHY_TEAWARE' }, 'zh')).toBe('书法茶杯');
  });
});
