// Hatch lines (styles.json "hatch": angle in degrees counter-clockwise from east, spacing and width in CSS px)
// as a canvas pattern, for the map's polygon fill and the legend swatch alike.
import type { HatchStyle } from './api';

const patterns = new Map<string, CanvasPattern | null>();

/**
 * A repeating pattern of parallel lines `spacing` CSS px apart (perpendicular), at `angle` degrees, for a
 * canvas whose pixels are `pixelRatio` × CSS px. The pattern is in screen space: its spacing is the same at
 * every zoom, as on the printed sheet.
 */
export function hatchPattern(hatch: HatchStyle, pixelRatio = 1): CanvasPattern | null {
  const key = `${hatch.angle}|${hatch.spacing}|${hatch.color}|${hatch.width}|${pixelRatio}`;
  if (patterns.has(key)) return patterns.get(key)!;
  // One horizontal line per tile, then the whole pattern rotated: the lines keep their perpendicular spacing.
  const size = Math.max(1, Math.round(hatch.spacing * pixelRatio));
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = size;
  const ctx = tile.getContext('2d')!;
  ctx.strokeStyle = hatch.color;
  ctx.lineWidth = hatch.width * pixelRatio;
  ctx.beginPath();
  ctx.moveTo(0, size / 2);
  ctx.lineTo(tile.width, size / 2);
  ctx.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  // Canvas y points down, so counter-clockwise on screen is a negative rotation.
  pattern?.setTransform(new DOMMatrix().rotateSelf(0, 0, -hatch.angle));
  patterns.set(key, pattern);
  return pattern;
}
