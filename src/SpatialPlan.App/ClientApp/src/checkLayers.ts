// The footprint and the overlaps of a site check, drawn over the plan's layers: overlaps filled by zone category and
// outlined in their verdict's colour; one 图斑 of the 占用清单 highlighted with its own part of the overlap.
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import GeoJSON from 'ol/format/GeoJSON';
import { Fill, Stroke, Style } from 'ol/style';
import { getVectorContext, getRenderPixel } from 'ol/render';
import { apply as applyTransform } from 'ol/transform';
import { extend, createEmpty, type Extent } from 'ol/extent';
import type OlMap from 'ol/Map';
import type Feature from 'ol/Feature';
import type { Geometry, Polygon, MultiPolygon } from 'ol/geom';
import type RenderEvent from 'ol/render/Event';
import type { Catalog } from './api';
import { DATA_CRS, VIEW_CRS } from './crs';
import { overlapStyle, VERDICT_COLOURS } from './overlapStyles';

export const format = new GeoJSON({ dataProjection: DATA_CRS, featureProjection: VIEW_CRS });

const footprintStyle = new Style({
  fill: new Fill({ color: 'rgba(20, 90, 200, 0.12)' }),
  stroke: new Stroke({ color: '#0b4fc4', width: 3 }),
});
/** The part of the footprint outside the data area: not checked (数据范围外，未核查). */
const outsideStyle = new Style({
  fill: new Fill({ color: 'rgba(90, 90, 90, 0.45)' }),
  stroke: new Stroke({ color: '#333333', width: 1.5, lineDash: [6, 4] }),
});
/** The highlighted 图斑 (a row of the 占用清单): its outline, and its own part of the overlap in a strong fill. */
const highlightFeatureStyle = new Style({
  fill: new Fill({ color: 'rgba(255, 235, 59, 0.25)' }),
  stroke: new Stroke({ color: '#111111', width: 3, lineDash: [6, 3] }),
});
export const HIGHLIGHT_PIECE = 'rgba(255, 0, 255, 0.85)';
const highlightPieceStyle = new Style({ fill: new Fill({ color: HIGHLIGHT_PIECE }), stroke: new Stroke({ color: '#ffffff', width: 2 }) });

const SEVERITY: Record<string, number> = { clear: 1, advisory: 2, 'approval-required': 3, prohibited: 4 };

/** Scale the map zooms to a result at most (1:N): names stay in view unless the site is smaller than the screen. */
export const CONTEXT_SCALE = 10000;

export class CheckLayers {
  readonly footprint = new VectorSource();
  readonly overlaps = new VectorSource();
  readonly outside = new VectorSource();
  /** The highlighted 图斑 (a copy of the plan feature) and, drawn clipped to it, its zone's overlap. */
  readonly highlight = new VectorSource();
  private highlightPiece: Geometry | null = null;
  /** What the 占用清单 highlights now, for the page and the tests. */
  highlighted: { zoneIndex: number; featureId: string } | null = null;
  private selectedZone: number | null = null;
  private readonly overlapStyles = new Map<string, Style>();
  private catalog: Catalog | null = null;

  constructor(private readonly map: OlMap) {
    map.addLayer(new VectorLayer({ source: this.footprint, style: footprintStyle, zIndex: 900, properties: { checkLayer: 'footprint' } }));
    map.addLayer(new VectorLayer({ source: this.outside, style: outsideStyle, zIndex: 905, properties: { checkLayer: 'outside' } }));
    map.addLayer(new VectorLayer({
      source: this.overlaps,
      style: (f) => this.styleOf(f.get('category') as string, f.get('verdict') as string, f.get('mode') === 'contain', f.get('zoneIndex') === this.selectedZone),
      zIndex: 910,
      properties: { checkLayer: 'overlaps' },
    }));
    const highlightLayer = new VectorLayer({ source: this.highlight, style: highlightFeatureStyle, zIndex: 920, properties: { checkLayer: 'highlight' } });
    highlightLayer.on('postrender', (e) => this.drawPiece(e));
    map.addLayer(highlightLayer);
  }

  /** The catalog, for the data folder's own `overlap-<category>` styles. */
  useCatalog(catalog: Catalog): void { this.catalog = catalog; }

  /**
   * An overlap's style: its category's fill and its verdict's outline, the most severe verdict drawn on top (a thin
   * farmland overlap that makes a check 禁止 is never hidden under a clear zone's piece). A contain-mode zone's piece
   * (the part outside the 城镇开发边界) is not an occupation: a faint fill and a dashed outline, at the bottom.
   */
  private styleOf(category: string, verdict: string, outsidePart: boolean, selected: boolean): Style {
    const key = `${category}|${verdict}|${outsidePart}|${selected}`;
    let style = this.overlapStyles.get(key);
    if (!style) {
      const s = this.catalog ? overlapStyle(this.catalog, category) : { fill: 'rgba(255,0,160,0.45)' };
      const colour = selected ? '#ffffff' : VERDICT_COLOURS[verdict] ?? '#333333';
      style = outsidePart
        ? new Style({ fill: new Fill({ color: 'rgba(120,120,120,0.12)' }), stroke: new Stroke({ color: colour, width: selected ? 4 : 1.5, lineDash: [6, 4] }), zIndex: 0 })
        : new Style({
          fill: new Fill({ color: s.fill ?? 'rgba(255,0,160,0.45)' }),
          stroke: new Stroke({ color: colour, width: selected ? 4 : 2.5 }),
          zIndex: SEVERITY[verdict] ?? 1,
        });
      this.overlapStyles.set(key, style);
    }
    return style;
  }

  showFootprint(geojson: unknown, fit = true): void {
    this.footprint.clear();
    this.clearResult();
    this.footprint.addFeatures(readAny(geojson));
    if (fit && !this.footprint.isEmpty()) this.fitWithContext(this.footprint.getExtent()!);
  }

  /** The footprint's features, for editing (Modify works on them in place). */
  footprintFeatures(): Feature<Geometry>[] { return this.footprint.getFeatures(); }

  /**
   * Fits an extent, but never closer than 1:10 000 (towns and zone names stay in view), unless the site itself is
   * larger than the screen at that scale.
   */
  fitWithContext(extent: Extent, padding = 80): void {
    // OpenLayers fits the extent and stops at minResolution: 1:10 000 as the scale line reckons it (0.28 mm pixels,
    // OGC), which is also no closer than 1:10 000 at 96 dpi.
    this.map.getView().fit(extent, { padding: [padding, padding, padding, padding], minResolution: CONTEXT_SCALE * 0.00028, duration: 300 });
  }

  showOverlap(zoneIndex: number, geojson: unknown, category = '', verdict = '', mode = ''): void {
    for (const f of readAny(geojson)) {
      f.set('mode', mode);
      f.set('zoneIndex', zoneIndex);
      f.set('category', category);
      f.set('verdict', verdict);
      this.overlaps.addFeature(f);
    }
  }

  /** Forgets the overlaps, the outside part and the highlight (a result is drawn again after a language switch). */
  clearResult(): void {
    this.overlaps.clear();
    this.outside.clear();
    this.clearHighlight();
    this.selectedZone = null;
  }

  /** Greys out the part of the footprint outside the data area. */
  showOutside(geojson: unknown): void {
    this.outside.addFeatures(readAny(geojson));
  }

  zoomToZone(zoneIndex: number): void {
    const features = this.overlaps.getFeatures().filter((f) => f.get('zoneIndex') === zoneIndex);
    if (features.length === 0) return;
    this.selectedZone = zoneIndex;
    this.overlaps.changed();
    const extent = createEmpty();
    features.forEach((f) => extend(extent, f.getGeometry()!.getExtent()));
    this.fitWithContext(extent, 120);
  }

  /**
   * Highlights one 图斑 of the 占用清单: the plan feature (outline) and its part of the zone's overlap (the overlap
   * drawn clipped to the feature). `zoom` fits the feature with context.
   */
  highlightFeature(zoneIndex: number, featureId: string, feature: Feature<Geometry> | null, zoom: boolean): void {
    this.highlight.clear();
    this.highlighted = { zoneIndex, featureId };
    const pieces = this.overlaps.getFeatures().filter((f) => f.get('zoneIndex') === zoneIndex);
    this.highlightPiece = feature && pieces.length ? pieces[0].getGeometry() ?? null : null;
    if (feature) {
      const copy = feature.clone();
      copy.set('featureId', featureId);
      this.highlight.addFeature(copy);
      if (zoom) this.fitWithContext(feature.getGeometry()!.getExtent(), 120);
    }
    this.highlight.changed();
  }

  clearHighlight(): void {
    this.highlight.clear();
    this.highlightPiece = null;
    this.highlighted = null;
  }

  /** Draws the zone's overlap clipped to the highlighted 图斑: that feature's own piece, without any geometry library. */
  private drawPiece(e: RenderEvent): void {
    const target = this.highlight.getFeatures()[0];
    const clip = target?.getGeometry();
    if (!this.highlightPiece || !clip || !e.context || !e.frameState) return;
    const ctx = e.context as CanvasRenderingContext2D;
    const toPixel = e.frameState.coordinateToPixelTransform;
    ctx.save();
    ctx.beginPath();
    for (const ring of rings(clip)) {
      ring.forEach((c, i) => {
        const p = getRenderPixel(e, applyTransform(toPixel, [c[0], c[1]]));
        if (i === 0) ctx.moveTo(p[0], p[1]); else ctx.lineTo(p[0], p[1]);
      });
      ctx.closePath();
    }
    ctx.clip('evenodd');
    const vector = getVectorContext(e);
    vector.setStyle(highlightPieceStyle);
    vector.drawGeometry(this.highlightPiece);
    ctx.restore();
  }

  clear(): void {
    this.footprint.clear();
    this.clearResult();
  }
}

function rings(g: Geometry): number[][][] {
  const type = g.getType();
  if (type === 'Polygon') return (g as Polygon).getCoordinates();
  if (type === 'MultiPolygon') return (g as MultiPolygon).getCoordinates().flat();
  return [];
}

/** A FeatureCollection, a Feature or a bare geometry, as OpenLayers features in the view CRS. */
export function readAny(geojson: unknown): Feature<Geometry>[] {
  if (!geojson) return [];
  const type = (geojson as { type?: string }).type;
  if (type === 'FeatureCollection' || type === 'Feature') return format.readFeatures(geojson) as Feature<Geometry>[];
  return format.readFeatures({ type: 'Feature', properties: {}, geometry: geojson }) as Feature<Geometry>[];
}
