import { PNG } from 'pngjs';

/**
 * The share image of a finished order: an illustration of its product family (a teacup on its
 * saucer, a tailored jacket on its hanger, a box of pastries) on woven paper, 1200 × 630 for
 * link previews. No text is drawn: the image carries no fonts, and the page and the preview's
 * title say the words in the reader's language. Drawn once per family with pngjs.
 */

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

const WIDTH = 1200;
const HEIGHT = 630;
/** Subsamples per pixel side: 3 × 3 for smooth edges. */
const SAMPLES = 3;

/** An RGBA raster with shapes filled by coverage (antialiased). */
class Canvas {
  readonly png = new PNG({ width: WIDTH, height: HEIGHT });

  fill(colour: Rgb): void {
    for (let index = 0; index < this.png.data.length; index += 4) this.put(index, colour, 1);
  }

  /** Every pixel of the box, coloured by `paint(x, y)` (a texture). */
  paint(paint: (x: number, y: number) => Rgb): void {
    for (let y = 0; y < HEIGHT; y += 1) for (let x = 0; x < WIDTH; x += 1) this.put((y * WIDTH + x) << 2, paint(x, y), 1);
  }

  /** Fills where `inside` holds within the box, blending by the share of subsamples inside. */
  shape(box: [number, number, number, number], colour: Rgb, inside: (x: number, y: number) => boolean, alpha = 1): void {
    const [x0, y0, x1, y1] = [
      Math.max(0, Math.floor(box[0])),
      Math.max(0, Math.floor(box[1])),
      Math.min(WIDTH, Math.ceil(box[2])),
      Math.min(HEIGHT, Math.ceil(box[3])),
    ];
    for (let y = y0; y < y1; y += 1) {
      for (let x = x0; x < x1; x += 1) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy += 1)
          for (let sx = 0; sx < SAMPLES; sx += 1) if (inside(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits += 1;
        if (hits > 0) this.put((y * WIDTH + x) << 2, colour, (alpha * hits) / (SAMPLES * SAMPLES));
      }
    }
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, colour: Rgb, alpha = 1): void {
    this.shape([cx - rx, cy - ry, cx + rx, cy + ry], colour, (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1, alpha);
  }

  /** The lower half of an ellipse (a bowl). */
  bowl(cx: number, cy: number, rx: number, ry: number, colour: Rgb): void {
    this.shape([cx - rx, cy, cx + rx, cy + ry], colour, (x, y) => y >= cy && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1);
  }

  polygon(points: readonly Point[], colour: Rgb, alpha = 1): void {
    const xs = points.map((point) => point[0]);
    const ys = points.map((point) => point[1]);
    this.shape([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], colour, (x, y) => insidePolygon(points, x, y), alpha);
  }

  rect(x: number, y: number, width: number, height: number, colour: Rgb, radius = 0): void {
    this.shape([x, y, x + width, y + height], colour, (px, py) => {
      const dx = Math.max(x + radius - px, 0, px - (x + width - radius));
      const dy = Math.max(y + radius - py, 0, py - (y + height - radius));
      return dx * dx + dy * dy <= radius * radius;
    });
  }

  /** A stroke along a polyline, `width` wide, with round ends. */
  stroke(points: readonly Point[], width: number, colour: Rgb, alpha = 1): void {
    const half = width / 2;
    const xs = points.map((point) => point[0]);
    const ys = points.map((point) => point[1]);
    // Each segment with its box: a sample asks only the segments whose box holds it.
    const segments = points.slice(1).map((point, index) => {
      const from = points[index];
      return {
        from,
        to: point,
        box: [
          Math.min(from[0], point[0]) - half,
          Math.min(from[1], point[1]) - half,
          Math.max(from[0], point[0]) + half,
          Math.max(from[1], point[1]) + half,
        ],
      };
    });
    this.shape(
      [Math.min(...xs) - half, Math.min(...ys) - half, Math.max(...xs) + half, Math.max(...ys) + half],
      colour,
      (x, y) =>
        segments.some(
          ({ from, to, box }) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && segmentDistance(from, to, x, y) <= half,
        ),
      alpha,
    );
  }

  /** A brush stroke: a curve through the points whose width swells and thins. */
  brush(points: readonly Point[], widths: readonly number[], colour: Rgb): void {
    const path = curve(points, 24);
    for (let index = 1; index < path.length; index += 1) {
      const t = index / (path.length - 1);
      const width = interpolate(widths, t);
      this.stroke([path[index - 1], path[index]], width, colour);
    }
  }

  private put(index: number, [r, g, b]: Rgb, alpha: number): void {
    const data = this.png.data;
    data[index] = Math.round(data[index] * (1 - alpha) + r * alpha);
    data[index + 1] = Math.round(data[index + 1] * (1 - alpha) + g * alpha);
    data[index + 2] = Math.round(data[index + 2] * (1 - alpha) + b * alpha);
    data[index + 3] = 255;
  }
}

function insidePolygon(points: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentDistance([ax, ay]: Point, [bx, by]: Point, x: number, y: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A smooth curve through the points (Catmull-Rom), `steps` points per span. */
function curve(points: readonly Point[], steps: number): Point[] {
  const path: Point[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const p0 = points[Math.max(0, index - 1)];
    const [p1, p2] = [points[index], points[index + 1]];
    const p3 = points[Math.min(points.length - 1, index + 2)];
    for (let step = 0; step < steps; step += 1) {
      const t = step / steps;
      const at = (a: number, b: number, c: number, d: number) =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t * t + (-a + 3 * b - 3 * c + d) * t * t * t);
      path.push([at(p0[0], p1[0], p2[0], p3[0]), at(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  path.push(points[points.length - 1]);
  return path;
}

function interpolate(values: readonly number[], t: number): number {
  const position = t * (values.length - 1);
  const index = Math.min(values.length - 2, Math.floor(position));
  return values[index] + (values[index + 1] - values[index]) * (position - index);
}

/** Woven paper: warp and weft threads, faint, in the family's paper colour. */
function paper(canvas: Canvas, base: Rgb, thread: Rgb): void {
  canvas.paint((x, y) => {
    const warp = x % 12 < 6;
    const weft = y % 12 < 6;
    const shade = warp === weft ? 0.12 : 0.04;
    return [base[0] + (thread[0] - base[0]) * shade, base[1] + (thread[1] - base[1]) * shade, base[2] + (thread[2] - base[2]) * shade];
  });
}

const INK: Rgb = [28, 34, 46];

/** A porcelain teacup on its saucer, a gold band, an ink brush stroke on its side, steam rising. */
function teaware(canvas: Canvas): void {
  paper(canvas, [238, 232, 216], [120, 100, 70]);
  const gold: Rgb = [196, 160, 82];
  const porcelain: Rgb = [250, 248, 242];
  const shadow: Rgb = [210, 204, 190];
  canvas.ellipse(600, 512, 300, 46, [214, 206, 188]); // the saucer's shadow on the table
  canvas.ellipse(600, 492, 270, 50, shadow);
  canvas.ellipse(600, 484, 262, 44, porcelain);
  canvas.ellipse(600, 484, 150, 22, [236, 232, 222]);
  canvas.bowl(600, 250, 210, 230, shadow);
  canvas.bowl(596, 250, 204, 224, porcelain);
  // The handle: a ring on the right.
  canvas.shape([780, 270, 900, 420], porcelain, (x, y) => {
    const d = ((x - 800) / 80) ** 2 + ((y - 340) / 62) ** 2;
    return x > 790 && d <= 1 && d >= 0.45;
  });
  canvas.ellipse(600, 250, 210, 40, [226, 220, 204]);
  canvas.ellipse(600, 254, 196, 32, [150, 120, 60]); // the tea
  canvas.ellipse(600, 256, 186, 27, [172, 140, 72]);
  canvas.shape([390, 262, 810, 300], gold, (x, y) => {
    const inBowl = ((x - 596) / 203) ** 2 + ((y - 250) / 223) ** 2 <= 1;
    return inBowl && y >= 270 + 0.0006 * (x - 600) ** 2 && y <= 282 + 0.0006 * (x - 600) ** 2;
  });
  // Orchid leaves in ink across the cup's side, as a brush paints them.
  canvas.brush(
    [
      [470, 430],
      [540, 380],
      [620, 345],
      [720, 330],
    ],
    [2, 14, 10, 2],
    INK,
  );
  canvas.brush(
    [
      [500, 440],
      [530, 390],
      [560, 340],
      [600, 305],
    ],
    [2, 12, 6, 2],
    INK,
  );
  canvas.brush(
    [
      [520, 440],
      [580, 410],
      [650, 400],
    ],
    [2, 8, 1],
    INK,
  );
  canvas.ellipse(628, 382, 7, 5, [178, 58, 48]);
  canvas.ellipse(640, 374, 6, 4, [178, 58, 48]);
  // Steam.
  for (const [x, lean] of [
    [540, -1],
    [610, 1],
    [680, -1],
  ] as const) {
    canvas.stroke(
      curve(
        [
          [x, 210],
          [x + 18 * lean, 170],
          [x - 12 * lean, 130],
          [x + 10 * lean, 90],
        ],
        12,
      ),
      7,
      [190, 184, 170],
      0.8,
    );
  }
  canvas.ellipse(180, 120, 46, 46, [178, 58, 48], 0.9); // a seal, as on a scroll (no characters)
  canvas.rect(160, 100, 40, 40, [238, 232, 216], 4);
  canvas.rect(168, 108, 24, 24, [178, 58, 48], 2);
}

/** A tailored jacket on its hanger: shoulders, lapels, a pocket square, buttons, a tape measure. */
function garment(canvas: Canvas): void {
  paper(canvas, [232, 228, 222], [70, 70, 90]);
  const cloth: Rgb = [48, 58, 82];
  const dark: Rgb = [34, 42, 62];
  const lining: Rgb = [160, 60, 60];
  const brass: Rgb = [200, 164, 90];
  // The hanger.
  canvas.stroke(
    curve(
      [
        [600, 70],
        [622, 58],
        [630, 80],
        [612, 100],
        [600, 112],
      ],
      12,
    ),
    8,
    [120, 110, 100],
  );
  canvas.stroke(
    [
      [600, 112],
      [420, 168],
      [780, 168],
      [600, 112],
    ],
    10,
    [150, 120, 84],
  );
  // The jacket: body and sleeves.
  canvas.polygon(
    [
      [430, 160],
      [770, 160],
      [860, 230],
      [880, 560],
      [810, 565],
      [790, 300],
      [780, 580],
      [420, 580],
      [410, 300],
      [390, 565],
      [320, 560],
      [340, 230],
    ],
    cloth,
  );
  canvas.polygon(
    [
      [410, 300],
      [420, 580],
      [440, 580],
      [432, 320],
    ],
    dark,
  );
  canvas.polygon(
    [
      [790, 300],
      [780, 580],
      [760, 580],
      [768, 320],
    ],
    dark,
  );
  // Lining at the collar, lapels over it.
  canvas.polygon(
    [
      [540, 160],
      [660, 160],
      [600, 300],
    ],
    lining,
  );
  canvas.polygon(
    [
      [540, 160],
      [600, 300],
      [590, 420],
      [520, 250],
      [500, 240],
      [530, 200],
    ],
    dark,
  );
  canvas.polygon(
    [
      [660, 160],
      [600, 300],
      [610, 420],
      [680, 250],
      [700, 240],
      [670, 200],
    ],
    dark,
  );
  canvas.polygon(
    [
      [600, 300],
      [590, 420],
      [600, 580],
      [610, 420],
    ],
    [40, 48, 70],
  );
  // Pocket square and pockets.
  canvas.polygon(
    [
      [690, 300],
      [740, 296],
      [744, 306],
      [694, 310],
    ],
    dark,
  );
  canvas.polygon(
    [
      [700, 296],
      [712, 276],
      [724, 292],
      [734, 280],
      [738, 297],
    ],
    [236, 226, 200],
  );
  canvas.rect(470, 440, 80, 10, dark, 3);
  canvas.rect(650, 440, 80, 10, dark, 3);
  for (const y of [450, 500]) {
    canvas.ellipse(620, y, 9, 9, brass);
    canvas.ellipse(620, y, 4, 4, [150, 120, 60]);
  }
  // A tape measure curling at the foot.
  canvas.stroke(
    curve(
      [
        [180, 560],
        [260, 520],
        [330, 560],
        [300, 600],
        [230, 590],
      ],
      16,
    ),
    16,
    [230, 196, 80],
  );
  for (let x = 196; x < 320; x += 16)
    canvas.stroke(
      [
        [x, 548 + ((x - 180) * (x - 330)) / 900],
        [x, 556 + ((x - 180) * (x - 330)) / 900],
      ],
      2,
      INK,
      0.6,
    );
  // Thread and a needle.
  canvas.stroke(
    [
      [940, 140],
      [1020, 80],
    ],
    4,
    [170, 170, 180],
  );
  canvas.stroke(
    curve(
      [
        [1020, 80],
        [1060, 120],
        [990, 200],
        [1040, 260],
        [980, 330],
      ],
      16,
    ),
    3,
    lining,
  );
}

/** An open box of pastries: the lid leaning back, three cakes with icing and berries, a ribbon. */
function pastry(canvas: Canvas): void {
  paper(canvas, [250, 240, 226], [160, 100, 70]);
  const box: Rgb = [236, 178, 120];
  const boxDark: Rgb = [206, 146, 92];
  const ribbon: Rgb = [190, 70, 80];
  const cream: Rgb = [252, 246, 236];
  const crust: Rgb = [200, 130, 70];
  const berry: Rgb = [170, 40, 60];
  // The lid, leaning back.
  canvas.polygon(
    [
      [340, 150],
      [860, 150],
      [900, 300],
      [300, 300],
    ],
    boxDark,
  );
  canvas.polygon(
    [
      [360, 170],
      [840, 170],
      [872, 290],
      [328, 290],
    ],
    box,
  );
  canvas.rect(590, 150, 20, 150, ribbon);
  // The box's inside and front.
  canvas.polygon(
    [
      [300, 300],
      [900, 300],
      [880, 360],
      [320, 360],
    ],
    [180, 120, 76],
  );
  // The cakes sit in the box, over its back wall.
  for (const [cx, icing] of [
    [420, [246, 200, 210]],
    [600, cream],
    [780, [200, 170, 120]],
  ] as const) {
    canvas.polygon(
      [
        [cx - 70, 330],
        [cx + 70, 330],
        [cx + 56, 430],
        [cx - 56, 430],
      ],
      crust,
    );
    for (let x = cx - 60; x <= cx + 60; x += 20)
      canvas.stroke(
        [
          [x, 336],
          [x + (x - cx) * -0.1, 426],
        ],
        4,
        [176, 108, 54],
        0.7,
      );
    canvas.ellipse(cx, 318, 80, 42, icing as Rgb);
    canvas.ellipse(cx - 30, 300, 34, 26, icing as Rgb);
    canvas.ellipse(cx + 28, 296, 36, 28, icing as Rgb);
    canvas.ellipse(cx, 270, 30, 28, icing as Rgb);
    canvas.ellipse(cx, 236, 16, 16, berry);
    canvas.ellipse(cx - 5, 231, 4, 4, [230, 140, 150]);
    canvas.stroke(
      [
        [cx, 222],
        [cx + 8, 206],
      ],
      3,
      [80, 120, 60],
    );
  }
  canvas.polygon(
    [
      [320, 400],
      [880, 400],
      [900, 560],
      [300, 560],
    ],
    box,
  );
  canvas.polygon(
    [
      [300, 560],
      [900, 560],
      [896, 574],
      [304, 574],
    ],
    boxDark,
  );
  // The ribbon and its bow.
  canvas.rect(588, 400, 24, 160, ribbon);
  canvas.polygon(
    [
      [600, 470],
      [530, 430],
      [520, 510],
    ],
    ribbon,
  );
  canvas.polygon(
    [
      [600, 470],
      [670, 430],
      [680, 510],
    ],
    ribbon,
  );
  canvas.ellipse(600, 470, 16, 14, [160, 50, 60]);
  // Crumbs and a sprig.
  for (const [x, y, r] of [
    [230, 520, 6],
    [254, 540, 4],
    [980, 530, 5],
    [1000, 548, 3],
  ] as const)
    canvas.ellipse(x, y, r, r, crust);
  canvas.stroke(
    curve(
      [
        [1000, 200],
        [1040, 260],
        [1030, 330],
      ],
      10,
    ),
    4,
    [80, 120, 60],
  );
  for (const [x, y] of [
    [1012, 230],
    [1036, 282],
    [1032, 318],
  ] as const)
    canvas.ellipse(x + 16, y, 18, 9, [110, 150, 80]);
}

const FAMILIES: Record<string, (canvas: Canvas) => void> = {
  'calligraphy-teaware': teaware,
  'tailored-garment': garment,
  'pastry-box': pastry,
};

const drawn = new Map<string, Buffer>();

/** The PNG for a product family (`calligraphy-teaware`, …), drawn once; null for a family there is no artwork for. */
export function shareArtwork(family: string): Buffer | null {
  const draw = FAMILIES[family];
  if (!draw) return null;
  const cached = drawn.get(family);
  if (cached) return cached;
  const canvas = new Canvas();
  canvas.fill([255, 255, 255]);
  draw(canvas);
  const png = PNG.sync.write(canvas.png);
  drawn.set(family, png);
  return png;
}

/** The families with artwork. */
export const ARTWORK_FAMILIES = Object.keys(FAMILIES);
