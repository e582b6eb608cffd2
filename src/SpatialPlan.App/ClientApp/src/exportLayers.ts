// The check as GIS layers (issue 9 §3): POST /api/checks/export, the CLI's `spatialplan check --export`.
// A GeoPackage or a zipped Shapefile in the working CRS (with .prj), or GeoJSON in EPSG:4490, holding the footprint,
// one overlap piece per 图斑 (zone, 图斑编号, name, 占用面积 m²/亩, verdict) and the nearby features.
// The fetch goes through the wrapper of account.ts, which adds the antiforgery header when signed in.
import { ApiError, type CheckOptions } from './api';

export type LayerFormat = 'gpkg' | 'shp' | 'geojson';

const endings: Record<LayerFormat, string> = { gpkg: '.gpkg', shp: '.shp.zip', geojson: '.geojson' };

/** The layers of the check of `footprint` (a File, or GeoJSON text in EPSG:4490 unless o.crs says otherwise). */
export async function exportLayers(footprint: File | string, o: CheckOptions, format: LayerFormat = 'gpkg'): Promise<Blob> {
  const form = new FormData();
  if (typeof footprint === 'string') form.append('file', new Blob([footprint], { type: 'application/geo+json' }), 'footprint.geojson');
  else form.append('file', footprint, footprint.name);
  if (o.type) form.append('type', o.type);
  o.majors.forEach((m) => form.append('major', m));
  if (o.width) form.append('width', String(o.width));
  if (o.radius) form.append('radius', String(o.radius));
  if (o.crs) form.append('crs', o.crs);
  const response = await fetch(`/api/checks/export?format=${format}`, { method: 'POST', body: form });
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try { detail = ((await response.json()) as { detail?: string }).detail ?? detail; } catch { /* not problem+json */ }
    throw new ApiError(detail);
  }
  return response.blob();
}

/** Downloads the layers as `<name><ending>` (e.g. 陕临快速通道.gpkg). */
export async function downloadLayers(footprint: File | string, o: CheckOptions, format: LayerFormat = 'gpkg', name = 'site-check-layers'): Promise<void> {
  const blob = await exportLayers(footprint, o, format);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name + endings[format];
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
