// styles.json (the same file the PDF renderer reads) turned into OpenLayers styles: the layer style, with the
// first matching rule laid over it, exactly as Core's LayerStyle.Resolve does.
import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import { MultiLineString, MultiPolygon, Point } from 'ol/geom';
import type { StyleFunction } from 'ol/style/Style';
import type { FlatStyle, PointSymbol, StyleFilter } from './api';
import { labelFont } from './fonts';
import { hatchPattern } from './hatch';
import { lang } from './i18n';
import { visibleAnchor } from './viewAnchor';

/** CSS px per metre at 96 dpi: the map scale is 1 : resolution (m/px) × this. */
export const PX_PER_M = 96 / 0.0254;

/** The map scale denominator N (1:N) at a view resolution in metres per CSS px (the working CRS is in metres). */
export const scaleDenominator = (resolution: number) => resolution * PX_PER_M;

export interface StyleContext {
  labelScale: number; labelField?: string | null;
  /** The middle of the data area, for labels anchored "near-area". */
  areaCentre?: () => number[] | null;
  /** The extent the map shows now: a "near-area" polygon is named inside its part in view (viewAnchor.ts). */
  viewExtent?: () => number[] | null;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function matches(filter: StyleFilter, get: (name: string) => unknown): boolean {
  return asText(get(filter.property)) === asText(filter.equals);
}

/** The style for a feature: the first rule whose filter matches, laid over the layer style. */
export function resolve(style: FlatStyle, get: (name: string) => unknown): FlatStyle {
  const rule = style.rules?.find((r) => matches(r.filter, get));
  if (!rule) return style;
  const merged: FlatStyle = { ...style };
  for (const [key, value] of Object.entries(rule.style)) {
    if (value !== null && value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** The same geometry as the PDF's PointSymbolPainter: radius r, star inner radius 0.45 r, the style's stroke width. */
export function pointImage(p: PointSymbol, scale = 1) {
  const fill = p.fill ? new Fill({ color: p.fill }) : undefined;
  const stroke = p.stroke ? new Stroke({ color: p.stroke, width: (p.strokeWidth ?? 1) * scale }) : undefined;
  const radius = p.radius * scale;
  switch (p.shape) {
    case 'square': return new RegularShape({ points: 4, radius: radius * Math.SQRT2, angle: Math.PI / 4, fill, stroke });
    case 'triangle': return new RegularShape({ points: 3, radius, fill, stroke });
    case 'star': return new RegularShape({ points: 5, radius, radius2: radius * 0.45, fill, stroke });
    default: return new Circle({ radius, fill, stroke });
  }
}

function labelText(s: FlatStyle, feature: FeatureLike, ctx: StyleContext, resolution: number): Text | undefined {
  const label = s.label;
  const field = label?.field ?? ctx.labelField;
  if (!label || !field) return undefined;
  // Hidden when zoomed out beyond the style's limit (Core's LabelStyle.ShowsAt).
  if (label.minZoomScale && scaleDenominator(resolution) > label.minZoomScale) return undefined;
  // In English, a feature's `<field>En` (e.g. nameEn) when the data has one; codes and names without it stay.
  const text = (lang() === 'en' ? asText(feature.get(`${field}En`)) : null) || asText(feature.get(field));
  if (!text) return undefined;
  const isPoint = feature.getGeometry()?.getType().includes('Point');
  return new Text({
    text,
    font: labelFont(label.size * ctx.labelScale),
    fill: new Fill({ color: label.color }),
    stroke: label.halo ? new Stroke({ color: label.halo, width: 3.5 * ctx.labelScale }) : undefined,
    offsetY: isPoint ? -(s.point?.radius ?? 5) * ctx.labelScale - label.size * ctx.labelScale * 0.75 : 0,
    overflow: true,
    padding: [2, 2, 2, 2],
  });
}

/**
 * An OpenLayers style function for one catalog layer. Styles are cached per resolved rule. A hatched style
 * draws in two passes at the same zIndex: the plain fill, then the hatch pattern with the outline and label
 * on top of it.
 */
export function styleFunction(style: FlatStyle, ctx: StyleContext): StyleFunction {
  const cache = new Map<FlatStyle, Style[]>();
  const styles = (s: FlatStyle): Style[] => {
    let cached = cache.get(s);
    if (!cached) {
      const zIndex = s.zIndex ?? undefined;
      const fill = s.fill ? new Fill({ color: s.fill }) : undefined;
      const stroke = s.stroke ? new Stroke({ color: s.stroke, width: s.strokeWidth ?? 1, lineDash: s.strokeDash ?? undefined }) : undefined;
      const image = s.point ? pointImage(s.point, ctx.labelScale > 1 ? 1.3 : 1) : undefined;
      const pattern = s.hatch ? hatchPattern(s.hatch, window.devicePixelRatio || 1) : null;
      cached = pattern
        ? [new Style({ fill, zIndex }), new Style({ fill: new Fill({ color: pattern }), stroke, image, zIndex })]
        : [new Style({ fill, stroke, image, zIndex })];
      cache.set(s, cached);
    }
    return cached;
  };
  return (feature, resolution) => {
    const s = style.rules ? resolveCached(style, feature) : style;
    const text = labelText(s, feature, ctx, resolution);
    const list = styles(s);
    if (!text) return list.length === 1 ? list[0] : list;
    // A multi-part feature (黄河's 40 pieces, a county in two parts) is labelled once, on its largest part: its
    // own label style with that point as geometry. Otherwise the label goes on the top pass (a clone: the cache stays
    // label-free).
    const anchor = s.label?.anchor === 'near-area' ? nearAnchor(feature, ctx.areaCentre?.() ?? null, ctx.viewExtent?.() ?? null) : labelAnchor(feature);
    if (anchor === false) return list.length === 1 ? list[0] : list; // a neighbour with too little of it in view: unnamed
    if (anchor) return [...list, new Style({ text, geometry: anchor, zIndex: s.zIndex ?? undefined })];
    const top = list[list.length - 1].clone();
    top.setText(text);
    return [...list.slice(0, -1), top];
  };
}

/**
 * The point to label a feature near the data area at: a line's point nearest the area's middle (黄河 is named where it
 * passes the banner); a polygon (a neighbouring county) inside its part in view, away from the view's edges
 * (viewAnchor.ts), so each county in view is named once and clear of the banner's own border labels (false: too
 * little in view, unnamed). A polygon holding the middle, or one styled before the map has a size, is named as usual.
 */
const nearAnchors = new WeakMap<FeatureLike, { key: string; anchor: Point | null | false }>();
function nearAnchor(feature: FeatureLike, centre: number[] | null, view: number[] | null): Point | null | false {
  const g = feature.getGeometry() as SimpleGeometryLike | undefined;
  if (!centre || !g || typeof g.getClosestPoint !== 'function') return labelAnchor(feature); // a tile's RenderFeature too
  const polygon = g.getType().includes('Polygon');
  if (polygon && (!view || g.intersectsCoordinate(centre))) return labelAnchor(feature);
  // A polygon's anchor follows the view; the key rounds it to 1/50 of the view so a frame of a pan reuses it.
  const key = polygon ? view!.map((v) => Math.round(v / ((view![2] - view![0]) / 50))).join(',') : '';
  const known = nearAnchors.get(feature);
  if (known && known.key === key) return known.anchor;
  // false: too little of it in view to carry a name (OpenLayers would otherwise name it at its own centre, off screen).
  const anchor = polygon ? visibleAnchor(feature.getGeometry() as never, view!) ?? false
    : g.getType().includes('LineString') ? new Point(g.getClosestPoint(centre)) : null;
  nearAnchors.set(feature, { key, anchor });
  return anchor;
}
interface SimpleGeometryLike { getType(): string; getClosestPoint(c: number[]): number[]; intersectsCoordinate(c: number[]): boolean }

/** The point to label a multi-part feature at: the middle of its longest line or the inside of its largest polygon. */
const anchors = new WeakMap<FeatureLike, Point | null>();
function labelAnchor(feature: FeatureLike): Point | null {
  if (anchors.has(feature)) return anchors.get(feature)!;
  const g = feature.getGeometry();
  let anchor: Point | null = null;
  if (g instanceof MultiLineString && g.getLineStrings().length > 1) {
    const longest = g.getLineStrings().reduce((a, b) => (b.getLength() > a.getLength() ? b : a));
    anchor = new Point(longest.getCoordinateAt(0.5));
  } else if (g instanceof MultiPolygon && g.getPolygons().length > 1) {
    const largest = g.getPolygons().reduce((a, b) => (b.getArea() > a.getArea() ? b : a));
    anchor = new Point(largest.getInteriorPoint().getCoordinates().slice(0, 2));
  }
  anchors.set(feature, anchor);
  return anchor;
}

// Rules resolve to one of a few objects per layer; keep them identical so the style cache hits.
const resolved = new WeakMap<FlatStyle, Map<number, FlatStyle>>();
function resolveCached(style: FlatStyle, feature: FeatureLike): FlatStyle {
  const index = style.rules!.findIndex((r) => matches(r.filter, (n) => feature.get(n)));
  let byIndex = resolved.get(style);
  if (!byIndex) resolved.set(style, (byIndex = new Map()));
  let s = byIndex.get(index);
  if (!s) byIndex.set(index, (s = index < 0 ? style : resolve(style, (n) => feature.get(n))));
  return s;
}
