// Coordinate systems of the map. The view is the data folder's working CRS, a CGCS2000 3-degree Gauss-Kruger zone
// (EPSG:4534–4554) that the server names in /api/config: true north and near-true scale over the data area, the CRS of
// the printed sheets and of the planners' own 界址点 lists. Web Mercator would inflate areas by ~75% at 41°N.
// The definition is fetched before any other module runs (top-level await), so VIEW_CRS is a constant everywhere.
import proj4 from 'proj4';
import { register } from 'ol/proj/proj4';
import { get as getProjection, transform } from 'ol/proj';
import type { Coordinate } from 'ol/coordinate';

/** The working CRS as /api/config gives it. */
export interface WorkingCrs { epsg: number; proj4: string; name: string; titleZh: string; centralMeridian: number; zonedEpsg: number }

/** The whole /api/config answer, read once here (main.ts uses it too rather than asking again). */
export let CONFIG_JSON: unknown = null;

async function workingCrs(): Promise<WorkingCrs> {
  try {
    const response = await fetch('/api/config');
    if (!response.ok) throw new Error(`/api/config: HTTP ${response.status}`);
    CONFIG_JSON = await response.json();
    const crs = (CONFIG_JSON as { crs?: WorkingCrs }).crs;
    if (!crs || !Number.isInteger(crs.epsg) || !crs.proj4) throw new Error('/api/config has no working CRS');
    return crs;
  } catch (e) {
    // Nothing can be drawn without it; say so on the page (the modules that need it will not run).
    const box = document.createElement('div');
    box.className = 'fatal';
    box.textContent = `无法读取工作坐标系（cannot read the working CRS）：${e instanceof Error ? e.message : String(e)}`;
    document.body.append(box);
    throw e;
  }
}

export const WORKING_CRS: WorkingCrs = await workingCrs();
export const DATA_CRS = 'EPSG:4490';
export const VIEW_CRS = WORKING_CRS.name;

proj4.defs(DATA_CRS, '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
proj4.defs(VIEW_CRS, WORKING_CRS.proj4);
register(proj4);
// The zone across China (about 3°N–54°N) with some margin east and west, so zoom levels are sensible in any zone.
getProjection(VIEW_CRS)!.setExtent([250000, 0, 750000, 6200000]);

export const toLonLat = (c: Coordinate): Coordinate => transform(c, VIEW_CRS, DATA_CRS);

// GRS80 radius used for the Gauss-Kruger point scale factor.
const R = 6378137;

/**
 * Gauss-Kruger point scale factor at easting x (m): k = 1 + (x - 500000)² / (2R²), the same correction Core's
 * PlanarMeasure applies (it depends on the distance from the zone's central meridian, not on the zone). True lengths
 * are grid lengths / k, true areas grid areas / k².
 */
export function scaleFactor(easting: number): number {
  const d = easting - 500000;
  return 1 + (d * d) / (2 * R * R);
}
