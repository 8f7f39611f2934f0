import sharp from 'sharp';
import { calligraphyTeaware } from './share-artwork/calligraphy-teaware';
import { pastryBox } from './share-artwork/pastry-box';
import { tailoredGarment } from './share-artwork/tailored-garment';
import { wovenCloth } from './share-artwork/woven-cloth';

/**
 * The share image of a finished order: its product family's artwork (share-artwork/, one SVG
 * each), 1200 × 630 for link previews. No text is drawn: the SVGs have no text and need no fonts,
 * and the page and the preview's title say the words in the reader's language.
 *
 * sharp renders an SVG to PNG on libuv's thread pool, so the event loop goes on answering while a
 * picture is drawn. Each artwork is drawn once, when first asked for, and kept; any other family
 * (studios will name their own) gets the woven cloth, so at most four pictures are ever kept.
 */
const ARTWORKS = new Map<string, string>([
  ['calligraphy-teaware', calligraphyTeaware],
  ['tailored-garment', tailoredGarment],
  ['pastry-box', pastryBox],
]);
const FALLBACK = 'woven-cloth';

/** The families with artwork of their own, as `/og/<family>.png` names them. */
export const ARTWORK_FAMILIES: readonly string[] = [...ARTWORKS.keys()];

const drawn = new Map<string, Promise<Buffer>>();

/** The PNG of a product family's artwork; the woven cloth for a family without its own. */
export function shareArtwork(family: string): Promise<Buffer> {
  const own = ARTWORKS.get(family);
  const artwork = own ? family : FALLBACK;
  let png = drawn.get(artwork);
  if (!png) {
    png = draw(own ?? wovenCloth).catch((error: unknown) => {
      drawn.delete(artwork); // drawn again on the next request
      throw error;
    });
    drawn.set(artwork, png);
  }
  return png;
}

/** Opaque (a preview shows transparency as black) and as a 256-colour palette: flat artwork stays sharp at a tenth of the bytes. */
function draw(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).png({ palette: true, quality: 90, compressionLevel: 9 }).toBuffer();
}
