// Small helpers the browser tests call through window.spatialPlan.
import { transform } from 'ol/proj';
import { DATA_CRS, VIEW_CRS } from './crs';
import { areaM2, lengthM } from './measure';
import { Polygon, MultiPolygon, LineString, MultiLineString, Point } from 'ol/geom';
import type { PlanMap } from './planMap';
import type VectorTileLayer from 'ol/layer/VectorTile';
import type RenderFeature from 'ol/render/Feature';
import { getArea, getIntersection } from 'ol/extent';

/**
 * Screen pixel (relative to the map) of a point inside the first feature of a layer, and the feature's name; for a
 * tiled layer, inside the largest polygon drawn in the view now (its `name` is its feature id, fid).
 */
export function pixelOfFeature(planMap: PlanMap, layerId: string): { x: number; y: number; name: string } | null {
  const entry = planMap.layers.get(layerId);
  if (entry?.tiled) return pixelOfTiledFeature(planMap, entry.layer as VectorTileLayer);
  const feature = planMap.vectorSource(layerId)?.getFeatures()[0];
  const geometry = feature?.getGeometry();
  if (!feature || !geometry) return null;
  let coordinate: number[];
  if (geometry instanceof Polygon) coordinate = geometry.getInteriorPoint().getCoordinates();
  else if (geometry instanceof MultiPolygon) coordinate = geometry.getInteriorPoints().getPoint(0)!.getCoordinates();
  else if (geometry instanceof LineString) coordinate = geometry.getCoordinateAt(0.5) as number[];
  else if (geometry instanceof MultiLineString) coordinate = geometry.getLineString(0)!.getCoordinateAt(0.5) as number[];
  else if (geometry instanceof Point) coordinate = geometry.getCoordinates();
  else return null;
  const pixel = planMap.map.getPixelFromCoordinate(coordinate.slice(0, 2));
  return { x: pixel[0], y: pixel[1], name: String(feature.get('name') ?? '') };
}

/** Area (m²) and perimeter (m) the measure tool shows for a lon/lat ring, so tests can hold them to an oracle. */
export function measureLonLat(ring: number[][]): { areaM2: number; perimeterM: number } {
  const projected = ring.map((c) => transform(c, DATA_CRS, VIEW_CRS));
  const closed = [...projected, projected[0]];
  return { areaM2: areaM2(new Polygon([closed])), perimeterM: lengthM(new LineString(closed)) };
}

function pixelOfTiledFeature(planMap: PlanMap, layer: VectorTileLayer): { x: number; y: number; name: string } | null {
  const view = planMap.map.getView().calculateExtent(planMap.map.getSize());
  const features = (layer.getFeaturesInExtent(view) as RenderFeature[]).filter((f) => f.getType() === 'Polygon');
  let best: RenderFeature | null = null;
  let bestArea = 0;
  for (const f of features) {
    const area = getArea(getIntersection(f.getExtent(), view));
    if (area > bestArea) { best = f; bestArea = area; }
  }
  if (!best) return null;
  const inside = best.getFlatInteriorPoint();
  const pixel = planMap.map.getPixelFromCoordinate([inside[0], inside[1]]);
  return { x: pixel[0], y: pixel[1], name: String(best.getId() ?? best.get('fid') ?? '') };
}
