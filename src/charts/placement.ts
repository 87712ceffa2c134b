/**
 * Placing words on a plot clear of the data: each label tries its candidate positions in order
 * and takes the first that covers no point, no other label and stays inside the plot; crossing
 * a line is allowed only when every position does (the label has a white halo). When nothing is
 * clear, it takes the position that covers least.
 *
 * Everything is in the plot's pixels: x from the left, y from the top.
 */
import { textWidth } from './text-metrics.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What labels must keep clear of. */
export interface Obstacles {
  /** Drawn symbols (points, stars, markers), as boxes. */
  points: Box[];
  /** Drawn lines, as segments [x0, y0, x1, y1]. */
  segments: [number, number, number, number][];
}

export interface LabelRequest {
  text: string;
  fontSize: number;
  bold?: boolean;
  /** The point the label belongs to, in pixels. */
  anchor: { x: number; y: number };
  /** Candidate offsets of the label's centre from the anchor, best first. */
  offsets: { dx: number; dy: number }[];
}

export interface PlacedLabel {
  text: string;
  /** The label's left edge and vertical middle: draw with `align: 'left'`, `baseline: 'middle'`. */
  x: number;
  y: number;
  box: Box;
}

/** Room kept around a label's text, in pixels. */
const MARGIN = 2;

export function boxAround(x: number, y: number, halfWidth: number, halfHeight = halfWidth): Box {
  return { x0: x - halfWidth, y0: y - halfHeight, x1: x + halfWidth, y1: y + halfHeight };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Whether the segment from (x0, y0) to (x1, y1) passes through the box (Liang–Barsky clipping).
 * Written without arrays or destructuring: label placement asks it for every line segment, every
 * candidate position and every label of every chart, and its garbage was a sixth of a pack's.
 */
export function segmentHitsBox(segment: readonly [number, number, number, number], box: Box): boolean {
  const x0 = segment[0];
  const y0 = segment[1];
  const dx = segment[2] - x0;
  const dy = segment[3] - y0;
  let t0 = 0;
  let t1 = 1;
  // Each edge of the box in turn (left, right, top, bottom) cuts the part of the segment inside it.
  for (let edge = 0; edge < 4; edge++) {
    const p = edge === 0 ? -dx : edge === 1 ? dx : edge === 2 ? -dy : dy;
    const q = edge === 0 ? x0 - box.x0 : edge === 1 ? box.x1 - x0 : edge === 2 ? y0 - box.y0 : box.y1 - y0;
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return false;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return false;
        if (r < t1) t1 = r;
      }
    }
  }
  return true;
}

/** How many of `items` satisfy `test`, counted without making an array of them. */
function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
}

/** The box of a text drawn with its centre at (x, y). */
function textBox(text: string, fontSize: number, bold: boolean, x: number, y: number): Box {
  const half = textWidth(text, fontSize, bold) / 2 + MARGIN;
  return boxAround(x, y, half, fontSize / 2 + MARGIN / 2);
}

/**
 * Place each label in turn (earlier labels have first choice) inside a plot `width` × `height`.
 * Placed labels become obstacles for the ones after them.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: Obstacles, width: number, height: number): PlacedLabel[] {
  const taken: Box[] = [];
  return requests.map((request) => {
    let best: { score: number; x: number; y: number; box: Box } | undefined;
    request.offsets.forEach(({ dx, dy }, rank) => {
      const cx = request.anchor.x + dx;
      const cy = request.anchor.y + dy;
      const box = textBox(request.text, request.fontSize, request.bold ?? false, cx, cy);
      const outside = box.x0 < 0 || box.x1 > width || box.y0 < 0 || box.y1 > height ? 1 : 0;
      const points = count(obstacles.points, (p) => overlaps(p, box));
      const labels = count(taken, (t) => overlaps(t, box));
      const lines = count(obstacles.segments, (s) => segmentHitsBox(s, box));
      // Covering a point or a label, or leaving the plot, is far worse than crossing a line.
      const score = (points + labels + outside) * 1000 + lines * 10 + rank;
      if (!best || score < best.score) best = { score, x: cx, y: cy, box };
    });
    const chosen = best ?? { x: request.anchor.x, y: request.anchor.y, box: textBox(request.text, request.fontSize, request.bold ?? false, request.anchor.x, request.anchor.y) };
    taken.push(chosen.box);
    const left = chosen.x - textWidth(request.text, request.fontSize, request.bold ?? false) / 2;
    return { text: request.text, x: round(left), y: round(chosen.y), box: chosen.box };
  });
}

/** Pixel positions to two decimals, so specs stay short and stable. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Offsets around a symbol of radius `r` for a label of `width` × `height`: above, below, right, left, then the corners and further out. */
export function offsetsAround(r: number, width: number, height: number): { dx: number; dy: number }[] {
  const vy = r + height / 2 + 3;
  const hx = r + width / 2 + 4;
  const out: { dx: number; dy: number }[] = [
    { dx: 0, dy: -vy },
    { dx: 0, dy: vy },
    { dx: hx, dy: 0 },
    { dx: -hx, dy: 0 },
    { dx: hx, dy: -vy },
    { dx: -hx, dy: -vy },
    { dx: hx, dy: vy },
    { dx: -hx, dy: vy },
  ];
  for (const k of [2, 3, 4, 6]) {
    out.push({ dx: 0, dy: -vy * k }, { dx: 0, dy: vy * k }, { dx: -hx, dy: -vy * k }, { dx: -hx, dy: vy * k }, { dx: hx, dy: -vy * k }, { dx: hx, dy: vy * k });
  }
  return out;
}
