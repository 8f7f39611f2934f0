import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { ARTWORK_FAMILIES, shareArtwork } from './share-art';

describe('share artwork', () => {
  it('draws each product family its own 1200 × 630 picture, once, and the woven cloth for any other family', async () => {
    expect(ARTWORK_FAMILIES).toEqual(['calligraphy-teaware', 'tailored-garment', 'pastry-box']);
    const fallback = await shareArtwork('spaceship');
    const images = [...(await Promise.all(ARTWORK_FAMILIES.map((family) => shareArtwork(family)))), fallback];
    const pixels: string[] = [];
    for (const image of images) {
      const metadata = await sharp(image).metadata();
      expect([metadata.format, metadata.width, metadata.height, metadata.hasAlpha]).toEqual(['png', 1200, 630, false]);
      const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
      // A picture, not a pattern: many colours (shapes, shading, their edges).
      const colours = new Set<number>();
      for (let index = 0; index < data.length; index += info.channels * 97) colours.add(data.readUIntBE(index, 3));
      expect(colours.size).toBeGreaterThan(20);
      pixels.push(createHash('sha256').update(data).digest('hex'));
    }
    // Four different pictures, each kept: asked again, the same buffer comes back.
    expect(new Set(pixels).size).toBe(4);
    await expect(shareArtwork('calligraphy-teaware')).resolves.toBe(images[0]);
    // Studio-defined families without artwork share the fallback's one picture, whatever they are called.
    for (const family of ['SPACESHIP', 'constructor', '__proto__', 'porcelain-vase-2'])
      await expect(shareArtwork(family)).resolves.toBe(fallback);
  });
});
