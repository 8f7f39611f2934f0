import { PNG } from 'pngjs';
import { ARTWORK_FAMILIES, shareArtwork } from './share-art';

describe('share artwork', () => {
  it('draws each product family its own 1200 × 630 picture, once, and none for an unknown family', () => {
    expect(ARTWORK_FAMILIES).toEqual(['calligraphy-teaware', 'tailored-garment', 'pastry-box']);
    const images = ARTWORK_FAMILIES.map((family) => shareArtwork(family)!);
    for (const image of images) {
      const png = PNG.sync.read(image);
      expect([png.width, png.height]).toEqual([1200, 630]);
      // A picture, not a pattern: many colours (shapes, their edges), none of them transparent.
      const colours = new Set<number>();
      for (let index = 0; index < png.data.length; index += 4 * 97) colours.add(png.data.readUInt32BE(index));
      expect(colours.size).toBeGreaterThan(20);
      let opaque = true;
      for (let index = 3; index < png.data.length; index += 4) opaque &&= png.data[index] === 255;
      expect(opaque).toBe(true);
    }
    expect(new Set(images.map((image) => image.toString('base64'))).size).toBe(3);
    expect(shareArtwork('calligraphy-teaware')).toBe(images[0]);
    expect(shareArtwork('spaceship')).toBeNull();
  });
});
