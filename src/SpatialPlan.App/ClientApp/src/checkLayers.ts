// The footprint and the overlaps of a site check, drawn over the plan's layers.
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import GeoJSON from 'ol/format/GeoJSON';
import { Fill, Stroke, Style } from 'ol/style';
import type OlMap from 'ol/Map';
import type Feature from 'ol/Feature';
import type { Geometry } from 'ol/geom';
import { DATA_CRS, VIEW_CRS } from './crs';

export const format = new GeoJSON({ dataProjection: DATA_CRS, featureProjection: VIEW_CRS });

const footprintStyle = new Style({
  fill: new Fill({ color: 'rgba(20, 90, 200, 0.12)' }),
  stroke: new Stroke({ color: '#0b4fc4', width: 3 }),
});
const overlapStyle = new Style({
  fill: new Fill({ color: 'rgba(255, 0, 160, 0.45)' }),
  stroke: new Stroke({ color: '#b0006e', width: 2.5 }),
});
/** The part of the footprint outside the data area: not checked (数据范围外，未核查). */
const outsideStyle = new Style({
  fill: new Fill({ color: 'rgba(90, 90, 90, 0.45)' }),
  stroke: new Stroke({ color: '#333333', width: 1.5, lineDash: [6, 4] }),
});
const selectedStyle = new Style({
  fill: new Fill({ color: 'rgba(255, 0, 160, 0.7)' }),
  stroke: new Stroke({ color: '#ffffff', width: 4 }),
});

export class CheckLayers {
  readonly footprint = new VectorSource();
  readonly overlaps = new VectorSource();
  readonly outside = new VectorSource();
  private selected: Feature<Geometry> | null = null;

  constructor(private readonly map: OlMap) {
    map.addLayer(new VectorLayer({ source: this.footprint, style: footprintStyle, zIndex: 900, properties: { checkLayer: 'footprint' } }));
    map.addLayer(new VectorLayer({ source: this.outside, style: outsideStyle, zIndex: 905, properties: { checkLayer: 'outside' } }));
    map.addLayer(new VectorLayer({
      source: this.overlaps,
      style: (f) => (f === this.selected ? selectedStyle : overlapStyle),
      zIndex: 910,
      properties: { checkLayer: 'overlaps' },
    }));
  }

  showFootprint(geojson: unknown, fit = true): void {
    this.footprint.clear();
    this.overlaps.clear();
    this.outside.clear();
    this.footprint.addFeatures(readAny(geojson));
    if (fit && !this.footprint.isEmpty()) this.map.getView().fit(this.footprint.getExtent()!, { padding: [80, 80, 80, 80], maxZoom: 14, duration: 300 });
  }

  showOverlap(zoneIndex: number, geojson: unknown): void {
    for (const f of readAny(geojson)) {
      f.set('zoneIndex', zoneIndex);
      this.overlaps.addFeature(f);
    }
  }

  /** Forgets the overlaps and the outside part (a result is drawn again after a language switch). */
  clearResult(): void {
    this.overlaps.clear();
    this.outside.clear();
    this.selected = null;
  }

  /** Greys out the part of the footprint outside the data area. */
  showOutside(geojson: unknown): void {
    this.outside.addFeatures(readAny(geojson));
  }

  zoomToZone(zoneIndex: number): void {
    const features = this.overlaps.getFeatures().filter((f) => f.get('zoneIndex') === zoneIndex);
    if (features.length === 0) return;
    this.selected = features[0];
    this.overlaps.changed();
    this.map.getView().fit(features[0].getGeometry()!.getExtent(), { padding: [120, 120, 120, 120], maxZoom: 15, duration: 300 });
  }

  clear(): void {
    this.footprint.clear();
    this.overlaps.clear();
    this.outside.clear();
  }
}

/** A FeatureCollection, a Feature or a bare geometry, as OpenLayers features in the view CRS. */
export function readAny(geojson: unknown): Feature<Geometry>[] {
  if (!geojson) return [];
  const type = (geojson as { type?: string }).type;
  if (type === 'FeatureCollection' || type === 'Feature') return format.readFeatures(geojson) as Feature<Geometry>[];
  return format.readFeatures({ type: 'Feature', properties: {}, geometry: geojson }) as Feature<Geometry>[];
}
