// Distance and area measurement in the GK plane, corrected by the point scale factor (length / k, area / k²,
// k at the geometry's centre). Core's PlanarMeasure integrates k along every edge instead; the two agree within
// ~1e-5 for a site-sized shape and ~1e-4 for one as wide as the banner (a browser test holds them to 0.1 %).
import Draw from 'ol/interaction/Draw';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style, Circle, Text } from 'ol/style';
import { LineString, Point, Polygon } from 'ol/geom';
import type { FeatureLike } from 'ol/Feature';
import { labelFont } from './fonts';
import { getCenter } from 'ol/extent';
import type OlMap from 'ol/Map';
import { scaleFactor } from './crs';
import { colon, t } from './i18n';

/** True length in metres of a line drawn in the working CRS (a Gauss-Kruger zone). */
export function lengthM(line: LineString): number {
  const k = scaleFactor(getCenter(line.getExtent())[0]);
  return line.getLength() / k;
}

/** True area in m² of a polygon drawn in the working CRS (a Gauss-Kruger zone). */
export function areaM2(polygon: Polygon): number {
  const k = scaleFactor(getCenter(polygon.getExtent())[0]);
  return polygon.getArea() / (k * k);
}

export function formatLength(m: number): string {
  return m >= 1000 ? `${(m / 1000).toFixed(3)} km` : `${m.toFixed(1)} m`;
}

export function formatArea(m2: number): string {
  const mu = m2 / (10000 / 15);
  const ha = m2 / 10000;
  return `${Math.round(m2).toLocaleString('en-US')} m² · ${mu.toFixed(2)} ${t('mu')} · ${ha.toFixed(4)} ${t('ha')}`;
}

/**
 * A white casing under a dark red dashed line, so the measure shows over roads, axes and the orange belt alike; the
 * result is written beside the line's last point.
 */
const casing = new Style({ stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: 7 }), zIndex: 0 });
const line = new Style({
  fill: new Fill({ color: 'rgba(200, 0, 60, 0.12)' }),
  stroke: new Stroke({ color: '#c8003c', width: 3, lineDash: [10, 6] }),
  image: new Circle({ radius: 5, fill: new Fill({ color: '#c8003c' }), stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
  zIndex: 1,
});
function measureStyle(feature: FeatureLike): Style[] {
  const g = feature.getGeometry();
  if (!(g instanceof LineString || g instanceof Polygon)) return [casing, line];
  const text = g instanceof Polygon ? formatArea(areaM2(g)) : formatLength(lengthM(g));
  const at = g instanceof Polygon ? g.getInteriorPoint() : new Point(g.getLastCoordinate());
  const label = new Style({
    geometry: at,
    text: new Text({
      text, font: labelFont(13), offsetX: g instanceof Polygon ? 0 : 12, textAlign: g instanceof Polygon ? 'center' : 'left',
      fill: new Fill({ color: '#7a0024' }), stroke: new Stroke({ color: '#ffffff', width: 4 }),
      backgroundFill: new Fill({ color: 'rgba(255,255,255,0.85)' }), padding: [2, 4, 2, 4],
    }),
    zIndex: 2,
  });
  return [casing, line, label];
}

export class MeasureTool {
  private readonly source = new VectorSource();
  private draw: Draw | null = null;

  constructor(private readonly map: OlMap, private readonly output: HTMLElement) {
    map.addLayer(new VectorLayer({ source: this.source, style: measureStyle, zIndex: 1000 }));
  }

  start(kind: 'line' | 'area'): void {
    this.stop();
    this.output.textContent = t('measureHint');
    this.draw = new Draw({ source: this.source, type: kind === 'line' ? 'LineString' : 'Polygon', style: (f) => measureStyle(f) });
    this.draw.on('drawstart', (e) => {
      this.source.clear();
      e.feature.getGeometry()!.on('change', (g) => this.show(g.target as LineString | Polygon));
    });
    this.draw.on('drawend', (e) => this.show(e.feature.getGeometry() as LineString | Polygon));
    this.map.addInteraction(this.draw);
  }

  stop(): void {
    if (this.draw) this.map.removeInteraction(this.draw);
    this.draw = null;
  }

  clear(): void {
    this.stop();
    this.source.clear();
    this.output.textContent = '';
  }

  private show(geometry: LineString | Polygon): void {
    this.output.textContent = geometry instanceof Polygon
      ? `${t('area')}${colon()}${formatArea(areaM2(geometry))}`
      : `${t('distance')}${colon()}${formatLength(lengthM(geometry))}`;
  }
}
