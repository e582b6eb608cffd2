// Small helpers the browser tests call through window.spatialPlan.
import { transform } from 'ol/proj';
import { DATA_CRS, VIEW_CRS } from './crs';
import { areaM2, lengthM } from './measure';
import { Polygon, MultiPolygon, LineString, MultiLineString, Point } from 'ol/geom';
import type { PlanMap } from './planMap';

/** Screen pixel (relative to the map) of a point inside the first feature of a layer, and the feature's name. */
export function pixelOfFeature(planMap: PlanMap, layerId: string): { x: number; y: number; name: string } | null {
  const feature = planMap.layers.get(layerId)?.layer.getSource()?.getFeatures()[0];
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
