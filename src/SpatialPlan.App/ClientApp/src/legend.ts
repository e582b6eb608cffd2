// Legend swatches drawn on a small canvas from the same flat style the map uses.
import type { FlatStyle } from './api';
import { hatchPattern } from './hatch';

const SIZE = 22;

function pointPath(ctx: CanvasRenderingContext2D, shape: string, r: number, cx: number, cy: number): void {
  ctx.beginPath();
  if (shape === 'circle') {
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
  } else if (shape === 'square') {
    ctx.rect(cx - r, cy - r, 2 * r, 2 * r);
  } else {
    const points = shape === 'star' ? 10 : 3;
    for (let i = 0; i < points; i++) {
      const rr = shape === 'star' && i % 2 === 1 ? r * 0.45 : r * 1.15;
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / points;
      ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    ctx.closePath();
  }
}

export function swatch(style: FlatStyle, geometryHint: 'point' | 'line' | 'polygon'): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = SIZE * ratio;
  canvas.height = SIZE * ratio;
  canvas.style.width = `${SIZE}px`;
  canvas.style.height = `${SIZE}px`;
  canvas.className = 'swatch';
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  if (style.point) {
    const p = style.point;
    pointPath(ctx, p.shape, Math.min(p.radius, 8), SIZE / 2, SIZE / 2);
    if (p.fill) { ctx.fillStyle = p.fill; ctx.fill(); }
    if (p.stroke) { ctx.strokeStyle = p.stroke; ctx.lineWidth = 1.5; ctx.stroke(); }
    return canvas;
  }
  ctx.setLineDash(style.strokeDash ?? []);
  ctx.lineWidth = Math.min(style.strokeWidth ?? 1, 5);
  ctx.strokeStyle = style.stroke ?? 'transparent';
  if (geometryHint === 'line' || !style.fill) {
    ctx.beginPath();
    ctx.moveTo(2, SIZE - 6);
    ctx.bezierCurveTo(SIZE / 3, 4, (2 * SIZE) / 3, SIZE, SIZE - 2, 6);
    if (style.stroke) ctx.stroke();
    return canvas;
  }
  ctx.beginPath();
  ctx.rect(3, 4, SIZE - 6, SIZE - 8);
  ctx.fillStyle = style.fill;
  ctx.fill();
  const hatch = style.hatch ? hatchPattern(style.hatch, ratio) : null;
  if (hatch) {
    // The pattern is in device pixels; draw it unscaled so its spacing matches the map's.
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = hatch;
    ctx.fillRect(3 * ratio, 4 * ratio, (SIZE - 6) * ratio, (SIZE - 8) * ratio);
    ctx.restore();
  }
  if (style.stroke) ctx.stroke();
  return canvas;
}
