// Coordinate systems of the map. The view is EPSG:4545 (CGCS2000 / 3-degree Gauss-Kruger, CM 108°E):
// true north and near-true scale over the banner (which lies 20-110 km west of 108°E), the CRS of the
// printed sheets and of the planners' own 界址点 lists. Web Mercator would inflate areas by ~75% here.
import proj4 from 'proj4';
import { register } from 'ol/proj/proj4';
import { get as getProjection, transform } from 'ol/proj';
import type { Coordinate } from 'ol/coordinate';

export const DATA_CRS = 'EPSG:4490';
export const VIEW_CRS = 'EPSG:4545';

proj4.defs(DATA_CRS, '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
proj4.defs(VIEW_CRS, '+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs');
register(proj4);
// The zone's area of use (106.5-109.5°E, 21.5-42.5°N) with some margin, so zoom levels are sensible.
getProjection(VIEW_CRS)!.setExtent([250000, 2300000, 750000, 4800000]);

export const toLonLat = (c: Coordinate): Coordinate => transform(c, VIEW_CRS, DATA_CRS);

// GRS80 radius used for the Gauss-Kruger point scale factor.
const R = 6378137;

/**
 * Gauss-Kruger point scale factor at easting x (m): k = 1 + (x - 500000)² / (2R²), the same correction Core's
 * PlanarMeasure applies. True lengths are grid lengths / k, true areas grid areas / k².
 */
export function scaleFactor(easting: number): number {
  const d = easting - 500000;
  return 1 + (d * d) / (2 * R * R);
}
