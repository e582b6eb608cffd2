// Where to name a polygon that reaches beyond the data area (a neighbouring county): inside the part of it the map
// shows now, so that every neighbour in view is named once, clear of the area's own labels — not at the point nearest
// the area, which falls among the area's border labels and is decluttered away (磴口县 at the opening view).
import { Point, Polygon } from 'ol/geom';
import type { Geometry } from 'ol/geom';

type Ring = number[][];

/** The ring clipped to an extent (Sutherland–Hodgman: exact for a convex clip window such as a rectangle). */
export function clipRing(ring: Ring, extent: number[]): Ring {
  const [minX, minY, maxX, maxY] = extent;
  const edges: Array<[(p: number[]) => boolean, (a: number[], b: number[]) => number[]]> = [
    [(p) => p[0] >= minX, (a, b) => [minX, a[1] + ((b[1] - a[1]) * (minX - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= maxX, (a, b) => [maxX, a[1] + ((b[1] - a[1]) * (maxX - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= minY, (a, b) => [a[0] + ((b[0] - a[0]) * (minY - a[1])) / (b[1] - a[1]), minY]],
    [(p) => p[1] <= maxY, (a, b) => [a[0] + ((b[0] - a[0]) * (maxY - a[1])) / (b[1] - a[1]), maxY]],
  ];
  let out = ring;
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (inside(current)) {
        if (!inside(previous)) out.push(cross(previous, current));
        out.push(current);
      } else if (inside(previous)) out.push(cross(previous, current));
    }
    if (out.length === 0) break;
  }
  return out;
}

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

/**
 * A point inside the largest visible part of a (multi)polygon: its outer rings clipped to the view extent shrunk by
 * <paramref name="margin"/> of its size on each side, then OpenLayers' interior point of that piece (the middle of its
 * widest stretch at mid-height). Null when nothing of it is in view or the piece is too small to carry a label (under
 * 1 % of the view).
 */
export function visibleAnchor(geometry: Geometry, view: number[], margin = 0.06): Point | null {
  const w = view[2] - view[0], h = view[3] - view[1];
  const inner = [view[0] + w * margin, view[1] + h * margin, view[2] - w * margin, view[3] - h * margin];
  const type = geometry.getType();
  const shells: Ring[] = type === 'Polygon' ? [(geometry as Polygon).getCoordinates()[0]]
    : type === 'MultiPolygon' ? (geometry as unknown as { getCoordinates(): Ring[][] }).getCoordinates().map((p) => p[0]) : [];
  let best: Ring | null = null;
  let bestArea = 0.01 * w * h;
  for (const shell of shells) {
    const open = shell.length > 1 && shell[0][0] === shell[shell.length - 1][0] && shell[0][1] === shell[shell.length - 1][1] ? shell.slice(0, -1) : shell;
    const piece = clipRing(open, inner);
    const area = piece.length >= 3 ? ringArea(piece) : 0;
    if (area > bestArea) { best = piece; bestArea = area; }
  }
  return best ? new Point(new Polygon([[...best, best[0]]]).getInteriorPoint().getCoordinates().slice(0, 2)) : null;
}
