// Types of the API's JSON (docs/architecture.md) and the calls the page makes.
import type { FeatureCollection } from './geojson';

/** `anchor: "near-area"` labels a feature once, at its point nearest the data area (neighbouring counties, 黄河). */
export interface LabelStyle { field: string; size: number; color: string; halo?: string | null; minZoomScale?: number | null; anchor?: string | null }
export interface PointSymbol { shape: 'circle' | 'square' | 'star' | 'triangle'; radius: number; fill?: string | null; stroke?: string | null; strokeWidth?: number | null }
export interface HatchStyle { angle: number; spacing: number; color: string; width: number }
export interface StyleFilter { property: string; equals: unknown }
export interface FlatStyle {
  fill?: string | null; stroke?: string | null; strokeWidth?: number | null; strokeDash?: number[] | null; hatch?: HatchStyle | null;
  legendZh?: string | null; legendEn?: string | null; label?: LabelStyle | null; point?: PointSymbol | null;
  zIndex?: number | null; rules?: Array<{ filter: StyleFilter; style: FlatStyle }> | null;
}
export interface LayerGroup { id: string; titleZh: string; titleEn: string }
/**
 * The vector-tile grid of a tiled layer (docs/tiles.md): tiles in the data area's working CRS, origin the grid's
 * top-left corner, y counting down from it (OpenLayers' TileGrid convention), resolutions in m/px from coarse to fine.
 */
export interface TileGridInfo {
  url: string; crs: string; origin: [number, number]; resolutions: number[]; tileSize: number; extent?: [number, number, number, number] | null;
}
export interface LayerInfo {
  id: string; titleZh: string; titleEn: string; group: string; category: string; style: string;
  policy?: string | null; schematic: boolean; visible: boolean; labelField?: string | null;
  provenanceZh: string; provenanceEn: string; source: string;
  /** Present when the layer is drawn from vector tiles (indexed sources and big GeoJSON layers); absent: whole GeoJSON. */
  tiles?: TileGridInfo | null;
}
export interface Catalog {
  titleZh: string; titleEn: string; crs: string; dataNoteZh?: string; dataNoteEn?: string; groups: LayerGroup[]; layers: LayerInfo[];
  styles: Record<string, FlatStyle>;
}
export interface ClientConfig {
  basemapUrl: string | null; basemapAttribution: string; maxUploadMegabytes: number;
  crs: { epsg: number; proj4: string; name: string; titleZh: string; centralMeridian: number; zonedEpsg: number };
  area: { nameZh: string; nameEn: string; extent: number[] | null };
}
export interface SampleProject {
  file: string; nameZh: string; nameEn?: string; type: string; majors?: string[];
  width: number | null; radius: number | null; crs: string | number | null; expectedVerdict: string; url: string;
}

export interface Citation { doc: string; titleZh: string; titleEn: string; article: string }
export interface Condition { authority: string; authorityZh: string; authorityEn: string; requirementZh: string; requirementEn: string; basis: Citation | null }
export interface ZoneResult {
  layerId: string; layerTitle: string; layerTitleEn: string; category: string; mode: string; relation: string; situation: string;
  relationZh: string; relationEn: string; figuresZh: string; figuresEn: string;
  overlapAreaM2: number; overlapAreaMu: number; overlapAreaHa: number; overlapPercent: number;
  features: Array<{
    id: string; name: string; level: string; landClass: string; overlapAreaM2: number; overlapAreaMu: number; overlapAreaHa?: number;
    featureAreaM2?: number | null; featureSharePercent?: number | null;
  }>;
  nearbyFeatures?: Array<{ id: string; name: string; distanceM: number }>;
  distanceM: number | null; proximityM: number; overlapGeometry: unknown | null;
  verdict: string; verdictZh: string; inPrinciple: boolean; rule: string; ruleEn: string; basisText: string; basisTextEn: string;
  conditions: Condition[]; schematic: boolean;
}
export interface GuidanceItem {
  layerId: string; layerTitle: string; featureId: string; featureName: string; overlapAreaM2: number; overlapAreaMu: number; distanceM: number; noteZh: string; noteEn: string;
}
export interface Jurisdiction {
  areaName: string; insideShare: number; outsideAreaM2: number; outsideAreaMu: number; figuresZh: string; figuresEn: string; noteZh: string | null; noteEn: string | null;
  verdict: string; verdictZh: string; neighbours: Array<{ id: string; name: string; areaM2: number; areaMu: number }>;
  outsideGeometry: unknown | null;
}
export interface ApprovalGroup {
  authority: string; authorityZh: string; authorityEn: string;
  items: Array<{ layerId: string; layerTitle: string; requirementZh: string; requirementEn: string; basis: Citation | null }>;
}
export interface CheckReport {
  reportNumber: string;
  footprint: {
    areaM2: number; areaMu: number; areaHa: number; figuresZh: string; figuresEn: string; crs: string; sourceCrs: string; axesSwapped: boolean;
    repairs: Array<{ featureIndex: number; problem: string; action: string }>; geometry: unknown;
  };
  project: {
    kind: string; kindZh: string; kindEn: string; kindAlias: string | null; name?: string | null;
    majors: Array<{ id: string; list: string; listZh: string; nameZh: string; nameEn: string; basis: Citation | null }>;
  };
  verdict: string; verdictZh: string; inPrinciple: boolean; zones: ZoneResult[]; schematicData: boolean; dataNoteZh: string; dataNoteEn: string;
  guidance: GuidanceItem[]; jurisdiction: Jurisdiction | null; approvals: ApprovalGroup[];
  notChecked: Array<{ category: string; nameZh: string; nameEn: string; reason: string; reasonEn: string }>;
}
export interface KindInfo { id: string; nameZh: string; nameEn: string; group: string; aliases: string[] }
export interface MajorInfo { id: string; list: string; listZh: string; nameZh: string; nameEn: string; basis: Citation | null }
export interface Kinds { groups: Array<{ id: string; nameZh: string; nameEn: string }>; kinds: KindInfo[]; majorCategories: MajorInfo[] }

/** An API error: the problem+json detail, which is written for the planner. */
export class ApiError extends Error {}

async function json<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  let detail = `${response.status} ${response.statusText}`;
  try {
    const problem = await response.json();
    detail = problem.detail || problem.title || detail;
  } catch { /* not JSON: keep the status line */ }
  throw new ApiError(detail);
}

export const getCatalog = () => fetch('/api/layers').then((r) => json<Catalog>(r));
/** One vector tile's bytes (the URL template from /api/layers); a problem answer is thrown as an ApiError with its detail. */
export async function getTile(template: string, z: number, x: number, y: number): Promise<ArrayBuffer> {
  const response = await fetch(template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)));
  if (!response.ok) await json<unknown>(response);
  return response.arrayBuffer();
}
export const getLayer = (id: string) => fetch(`/api/layers/${encodeURIComponent(id)}`).then((r) => json<FeatureCollection>(r));
/**
 * Features of a layer with full geometry and every attribute, from the server's index (GET /api/layers/{id}/features):
 * at a lon/lat point (tol in metres), in a lon/lat bbox, or by feature id (fid). EPSG:4490 GeoJSON, feature id = fid.
 * Over 5 000 features the server answers 413 with a message to zoom in: thrown as an ApiError with that message.
 */
export type FeatureQuery = { at: [number, number]; tol?: number } | { bbox: [number, number, number, number] } | { ids: string[] };
export function queryFeatures(layerId: string, q: FeatureQuery, signal?: AbortSignal): Promise<FeatureCollection> {
  const params = new URLSearchParams();
  const num = (n: number) => String(Math.round(n * 1e9) / 1e9);
  if ('at' in q) {
    params.set('at', q.at.map(num).join(','));
    if (q.tol) params.set('tol', String(Math.round(q.tol * 100) / 100));
  } else if ('bbox' in q) params.set('bbox', q.bbox.map(num).join(','));
  else params.set('ids', q.ids.join(','));
  return fetch(`/api/layers/${encodeURIComponent(layerId)}/features?${params}`, { signal }).then((r) => json<FeatureCollection>(r));
}
export const getConfig = () => fetch('/api/config').then((r) => json<ClientConfig>(r));
export const getSamples = () => fetch('/api/samples').then((r) => json<SampleProject[]>(r));
export const getKinds = () => fetch('/api/kinds').then((r) => json<Kinds>(r));

/** Check options; an empty type and no majors are not sent, so the file's own project properties apply. */
export interface CheckOptions { type: string; majors: string[]; width?: number | null; radius?: number | null; crs?: string | null }

export function optionEntries(o: CheckOptions): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  if (o.type) entries.push(['type', o.type]);
  o.majors.forEach((m) => entries.push(['major', m]));
  if (o.width) entries.push(['width', String(o.width)]);
  if (o.radius) entries.push(['radius', String(o.radius)]);
  if (o.crs) entries.push(['crs', o.crs]);
  return entries;
}

/** Checks a GeoJSON footprint (EPSG:4490 unless o.crs says otherwise). Returns the raw JSON text and the parsed report. */
export async function checkGeoJson(body: string, o: CheckOptions): Promise<[string, CheckReport]> {
  const query = new URLSearchParams(optionEntries(o));
  const response = await fetch(`/api/checks?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body });
  return withText(response);
}

/** Uploads a footprint file (GeoJSON, zipped Shapefile, 界址点 list) as multipart/form-data. */
export async function checkFile(file: File, o: CheckOptions): Promise<[string, CheckReport]> {
  const form = new FormData();
  form.append('file', file, file.name);
  optionEntries(o).forEach(([k, v]) => form.append(k, v));
  return withText(await fetch('/api/checks', { method: 'POST', body: form }));
}

async function withText(response: Response): Promise<[string, CheckReport]> {
  if (!response.ok) await json(response);
  const text = await response.text();
  return [text, JSON.parse(text) as CheckReport];
}

/** The check as its signable PDF report (SpatialPlan.Rendering), from the same footprint and options. */
export const reportPdf = (footprint: File | string, o: CheckOptions) => postFootprint('/api/checks/report', footprint, o);

/** The check as Core's CSV (UTF-8 with BOM), the same file as `spatialplan check --format csv`. */
export const reportCsv = (footprint: File | string, o: CheckOptions) => postFootprint('/api/checks?format=csv', footprint, o);

async function postFootprint(url: string, footprint: File | string, o: CheckOptions): Promise<Blob> {
  const form = new FormData();
  if (typeof footprint === 'string') form.append('file', new Blob([footprint], { type: 'application/geo+json' }), 'footprint.geojson');
  else form.append('file', footprint, footprint.name);
  optionEntries(o).forEach(([k, v]) => form.append(k, v));
  const response = await fetch(url, { method: 'POST', body: form });
  if (!response.ok) await json(response);
  return response.blob();
}
