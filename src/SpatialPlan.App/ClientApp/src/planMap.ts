// The map: one OpenLayers layer per catalog layer, in catalog order (bottom first), in the working CRS. Small layers
// come whole as GeoJSON (a VectorLayer); tiled layers (the catalog's `tiles`: indexed sources, big GeoJSON) are drawn
// from the server's vector tiles in the working CRS's own tile grid (a VectorTileLayer), and their full features are
// asked for by query (GET /api/layers/{id}/features: identify, the 占用清单's highlight, snapping).
import OlMap from 'ol/Map';
import View from 'ol/View';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import VectorTileLayer from 'ol/layer/VectorTile';
import VectorTileSource from 'ol/source/VectorTile';
import MVT from 'ol/format/MVT';
import TileGrid from 'ol/tilegrid/TileGrid';
import TileLayer from 'ol/layer/Tile';
import XYZ from 'ol/source/XYZ';
import GeoJSON from 'ol/format/GeoJSON';
import { ScaleLine, Zoom, Attribution } from 'ol/control';
import { createEmpty, extend, isEmpty, type Extent } from 'ol/extent';
import type { Catalog, ClientConfig, LayerInfo } from './api';
import { getLayer, getTile, queryFeatures, type TileGridInfo } from './api';
import { DATA_CRS, VIEW_CRS } from './crs';
import { styleFunction } from './flatStyle';
import { loadGlyphs } from './fonts';
import type Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import type VectorTile from 'ol/VectorTile';
import type { Geometry } from 'ol/geom';

/** The middle of the data area in the working CRS (the view fits the layers once they load). */
function areaCentre(config: ClientConfig): number[] {
  const e = config.area?.extent;
  return e && e.length === 4 ? [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2] : [500000, 4500000];
}

/** A catalog layer on the map: `source` is the whole layer's features (GeoJSON layers), null for a tiled layer. */
export interface PlanLayer { info: LayerInfo; layer: VectorLayer<VectorSource> | VectorTileLayer; source: VectorSource | null; tiled: boolean }

/** GeoJSON in EPSG:4490 (the API's answers) read into the view's CRS. */
const geojson = new GeoJSON({ dataProjection: DATA_CRS, featureProjection: VIEW_CRS });

/** Ids per feature query (`?ids=`): keeps the URL short (图斑编号 are ~10 characters). */
const IDS_PER_QUERY = 150;

export class PlanMap {
  readonly map: OlMap;
  readonly layers = new Map<string, PlanLayer>();
  /** Layers whose file could not be loaded, with the server's reason. */
  readonly failed = new Map<string, string>();

  /** When each tiled layer's probe was last asked for after a tile failed (ms since the epoch). */
  private readonly lastProbe = new Map<string, number>();
  private labelScale = 1;
  private readonly visibilityListeners: Array<() => void> = [];
  private readonly failureListeners: Array<() => void> = [];
  /** The data area's centre in the view's CRS. */
  private readonly areaMiddle: number[];

  constructor(target: HTMLElement, readonly catalog: Catalog, config: ClientConfig) {
    this.areaMiddle = areaCentre(config);
    this.map = new OlMap({
      target,
      controls: [new Zoom(), new ScaleLine({ units: 'metric', bar: true, steps: 4, text: true, minWidth: 140 }), new Attribution({ collapsible: false })],
      view: new View({ projection: VIEW_CRS, center: areaCentre(config), zoom: 8, constrainResolution: false }),
    });
    if (config.basemapUrl) {
      this.map.addLayer(new TileLayer({ source: new XYZ({ url: config.basemapUrl, attributions: config.basemapAttribution, crossOrigin: 'anonymous' }) }));
    }
    for (const info of catalog.layers) {
      let entry: PlanLayer;
      if (info.tiles) {
        const layer = new VectorTileLayer({
          source: tileSource(info.id, info.tiles),
          declutter: true,
          visible: info.visible,
          properties: { catalogId: info.id, tiled: true },
          updateWhileInteracting: false,
        });
        layer.getSource()!.on('tileloaderror', () => {
          this.tileErrors++;
          // A tile that fails after the page loaded (the source broke since, a database went down): the probe is asked
          // again, at most every 5 s, so the layer is greyed out with the server's reason rather than left with holes.
          // A probe that succeeds (a passing network error) changes nothing.
          const now = Date.now();
          if (!this.failed.has(info.id) && now - (this.lastProbe.get(info.id) ?? 0) > 5000) {
            this.lastProbe.set(info.id, now);
            void this.probeTiles(info.id, info.tiles!, layer);
          }
        });
        this.loadTileGlyphs(info, layer.getSource()!);
        entry = { info, layer, source: null, tiled: true };
      } else {
        const source = new VectorSource();
        const layer = new VectorLayer({
          source,
          declutter: true,
          visible: info.visible,
          properties: { catalogId: info.id },
          updateWhileInteracting: false,
        });
        entry = { info, layer, source, tiled: false };
      }
      this.applyStyle(info, entry.layer);
      this.layers.set(info.id, entry);
      this.map.addLayer(entry.layer);
    }
    // Open at the data area (the banner's extent from /api/config) rather than waiting for the boundary layer: the first
    // frame then asks for the opening view's tiles, not a zoom-8 patch the fit would throw away; load() fits again to the
    // boundary (the same frame, or nearly). Then one frame now, so the tiles are asked for before the panels are built.
    const area = config.area?.extent;
    if (area && area.length === 4 && this.map.getSize()) {
      this.map.getView().fit(area, { padding: [24, 24, 24, 24] });
      this.map.renderSync();
    }
    // Labels anchored "near-area" on polygons (neighbouring counties) sit inside the part in view: place them anew
    // after each pan or zoom (a pan inside the rendered extent would otherwise keep the old places).
    const nearArea = [...this.layers.values()].filter(({ info }) => this.catalog.styles[info.style]?.label?.anchor === 'near-area');
    this.map.on('moveend', () => nearArea.forEach(({ layer }) => layer.changed()));
  }

  /**
   * Canvas text does not make the browser fetch font slices: a labelled tiled layer asks for the glyphs of each
   * loaded tile's labels (new characters only), then redraws the labels once they are in.
   */
  private loadTileGlyphs(info: LayerInfo, source: VectorTileSource): void {
    const field = this.catalog.styles[info.style]?.label?.field ?? info.labelField;
    if (!field) return;
    const seen = new Set<string>();
    let pending = '';
    let timer = 0;
    source.on('tileloadend', (e) => {
      for (const f of (e.tile as VectorTile<FeatureLike>).getFeatures() ?? []) {
        for (const ch of `${f.get(field) ?? ''}${f.get(`${field}En`) ?? ''}`) if (!seen.has(ch)) { seen.add(ch); pending += ch; }
      }
      if (!pending || timer) return;
      timer = window.setTimeout(() => {
        const text = pending;
        pending = '';
        timer = 0;
        void loadGlyphs(text).then(() => this.refreshLabels());
      }, 200);
    });
  }

  /** Tiles that failed to load since the page opened (a tile is retried when the view comes back to it). */
  tileErrors = 0;

  /** The whole layer's features in the browser (GeoJSON layers); null for a tiled layer. */
  vectorSource(id: string): VectorSource | null {
    return this.layers.get(id)?.source ?? null;
  }

  /** Loads every layer's features; resolves when all are on the map and their label glyphs are loaded. */
  async load(): Promise<void> {
    const format = geojson;
    const texts: string[] = [];
    await Promise.all([...this.layers.values()].map(async ({ info, layer, source }) => {
      if (!source) {
        // Tiled: the tiles load as the view asks for them. One tile is asked for besides, in the background, so that
        // a layer whose source fails (a shared PostGIS that is down, a file broken since the server started) is greyed
        // out in the layer panel with the server's reason, not left silently empty.
        if (info.tiles) void this.probeTiles(info.id, info.tiles, layer);
        return;
      }
      let collection;
      try {
        collection = await getLayer(info.id);
      } catch (e) {
        // One missing layer file must not keep the rest of the plan off the map: mark it and go on.
        this.failed.set(info.id, e instanceof Error ? e.message : String(e));
        layer.setVisible(false);
        return;
      }
      const features = format.readFeatures(collection);
      source.addFeatures(features);
      const field = this.catalog.styles[info.style]?.label?.field ?? info.labelField;
      if (field) features.forEach((f) => texts.push(String(f.get(field) ?? ''), String(f.get(`${field}En`) ?? '')));
    }));
    this.fitAll();
    // Canvas text does not make the browser fetch font slices: ask for them, then redraw the labels.
    await loadGlyphs([...new Set(texts.join(''))].join(''));
    this.refreshLabels();
  }

  fitAll(padding = 24): void {
    const extent = this.dataExtent();
    if (!isEmpty(extent)) this.map.getView().fit(extent, { padding: [padding, padding, padding, padding] });
  }

  dataExtent(): Extent {
    // The banner boundary frames the opening view; neighbouring counties must not widen it.
    const all = [...this.layers.values()].filter((l) => l.source && !l.source.isEmpty());
    const boundary = all.filter((l) => l.info.id.includes('boundary'));
    const base = all.filter((l) => l.info.category === 'base' && !l.info.id.includes('neighbour'));
    const extent = createEmpty();
    for (const l of boundary.length ? boundary : base.length ? base : all) extend(extent, l.source!.getExtent()!);
    // Only tiled layers: their grid's extent (a square around the data area).
    if (isEmpty(extent)) for (const l of this.layers.values()) if (l.info.tiles?.extent) extend(extent, l.info.tiles.extent);
    return extent;
  }

  private centre: number[] | null = null;

  /** The middle of the data area (the banner's extent), once its layers are loaded. */
  areaCentre(): number[] | null {
    const boundaryLoaded = [...this.layers.values()].some((l) => l.info.id.includes('boundary') && l.source && !l.source.isEmpty());
    if (!this.centre && boundaryLoaded) {
      const e = this.dataExtent();
      if (!isEmpty(e)) this.centre = [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2];
    }
    return this.centre;
  }

  setVisible(id: string, visible: boolean): void {
    this.layers.get(id)?.layer.setVisible(visible);
    this.visibilityListeners.forEach((l) => l());
  }

  setOpacity(id: string, opacity: number): void {
    this.layers.get(id)?.layer.setOpacity(opacity);
  }

  onVisibilityChange(listener: () => void): void {
    this.visibilityListeners.push(listener);
  }

  /** Called when a layer is found unusable after the panels were built (a tiled layer's source failing). */
  onFailure(listener: () => void): void {
    this.failureListeners.push(listener);
  }

  /**
   * Asks for the largest-scale tile at the area's centre (a few features, read through the same source as every tile):
   * a problem answer marks the layer failed with the server's reason and hides it.
   */
  private async probeTiles(id: string, tiles: TileGridInfo, layer: PlanLayer['layer']): Promise<void> {
    const z = tiles.resolutions.length - 1;
    const side = tiles.tileSize * tiles.resolutions[z];
    const x = Math.max(0, Math.floor((this.areaMiddle[0] - tiles.origin[0]) / side));
    const y = Math.max(0, Math.floor((tiles.origin[1] - this.areaMiddle[1]) / side));
    try {
      await getTile(tiles.url, z, x, y);
    } catch (e) {
      this.failed.set(id, e instanceof Error ? e.message : String(e));
      layer.setVisible(false);
      this.failureListeners.forEach((l) => l());
    }
  }

  /** True while any schematic layer is drawn: the 「示意数据」 mark must then be visible. */
  anySchematicVisible(): boolean {
    return [...this.layers.values()].some((l) => l.info.schematic && l.layer.getVisible());
  }

  /**
   * A plan feature by its layer and `id` (图斑编号), through an index made on first use per layer; for a tiled layer,
   * the feature the server gave for that id (fetchFeatures) or null when it has not been asked for yet.
   */
  featureById(layerId: string, id: string): Feature<Geometry> | null {
    if (this.layers.get(layerId)?.tiled) return this.fetched.get(layerId)?.get(id) ?? null;
    let index = this.idIndex.get(layerId);
    if (!index) {
      index = new Map();
      for (const f of this.layers.get(layerId)?.source?.getFeatures() ?? []) {
        const key = f.get('id');
        if (key !== undefined && key !== null && !index.has(String(key))) index.set(String(key), f as Feature<Geometry>);
      }
      this.idIndex.set(layerId, index);
    }
    return index.get(id) ?? null;
  }

  private readonly idIndex = new Map<string, Map<string, Feature<Geometry>>>();

  /** Features of tiled layers the server gave by id (full geometry), per layer; an id with no feature maps to null. */
  private readonly fetched = new Map<string, Map<string, Feature<Geometry> | null>>();

  /**
   * The plan features of a layer with these ids, full geometry: from the browser's copy (GeoJSON layers) or from the
   * server (`?ids=`, tiled layers), in batches, remembered for the page. Ids the layer has not are left out.
   */
  async fetchFeatures(layerId: string, ids: string[]): Promise<Map<string, Feature<Geometry>>> {
    const out = new Map<string, Feature<Geometry>>();
    const entry = this.layers.get(layerId);
    if (!entry) return out;
    if (!entry.tiled) {
      for (const id of ids) { const f = this.featureById(layerId, id); if (f) out.set(id, f); }
      return out;
    }
    let known = this.fetched.get(layerId);
    if (!known) this.fetched.set(layerId, (known = new Map()));
    if (known.size > 20000) known.clear(); // a long session: forget, the server has them
    const missing = [...new Set(ids)].filter((id) => !known!.has(id));
    const batches: string[][] = [];
    for (let i = 0; i < missing.length; i += IDS_PER_QUERY) batches.push(missing.slice(i, i + IDS_PER_QUERY));
    await Promise.all(batches.map(async (batch) => {
      const features = readQueryFeatures(await queryFeatures(layerId, { ids: batch }));
      for (const f of features) known!.set(String(f.getId() ?? f.get('id')), f);
      batch.forEach((id) => { if (!known!.has(id)) known!.set(id, null); });
    }));
    for (const id of ids) { const f = known.get(id); if (f) out.set(id, f); }
    return out;
  }

  /** One plan feature by layer and id, full geometry (fetchFeatures for one). */
  async findFeature(layerId: string, id: string): Promise<Feature<Geometry> | null> {
    return (await this.fetchFeatures(layerId, [id])).get(id) ?? null;
  }

  /** Larger labels and symbols for presentation on a projector. */
  setLabelScale(scale: number): void {
    this.labelScale = scale;
    this.layers.forEach(({ info, layer }) => this.applyStyle(info, layer));
  }

  refreshLabels(): void {
    this.layers.forEach(({ info, layer }) => this.applyStyle(info, layer));
  }

  private applyStyle(info: LayerInfo, layer: VectorLayer<VectorSource> | VectorTileLayer): void {
    const style = this.catalog.styles[info.style] ?? {};
    layer.setStyle(styleFunction(style, { labelScale: this.labelScale, labelField: info.labelField, areaCentre: () => this.areaCentre(),
      viewExtent: () => (this.map.getSize() ? this.map.getView().calculateExtent(this.map.getSize()) : null) }));
  }
}

/**
 * The vector-tile source of a tiled layer: the catalog's grid (origin top-left, y down, the server's resolutions)
 * in the working CRS, MVT tiles whose one layer is named by the layer id. A tile's features keep the properties the
 * styles and labels need plus `fid`, the feature id the queries answer with. An empty tile (204 or no body) is empty.
 */
function tileSource(layerId: string, tiles: TileGridInfo): VectorTileSource {
  if (tiles.crs !== VIEW_CRS) console.warn(`${layerId}: tiles in ${tiles.crs}, the map in ${VIEW_CRS}`);
  return new VectorTileSource({
    format: new MVT({ layers: [layerId], idProperty: 'fid' }),
    url: tiles.url,
    projection: VIEW_CRS,
    tileGrid: new TileGrid({ origin: tiles.origin, resolutions: tiles.resolutions, tileSize: tiles.tileSize, extent: tiles.extent ?? undefined }),
    transition: 0,
  });
}

/** A feature from a query keeps its id (fid) as the `id` property too, as the plan's GeoJSON features have it. */
export function withId(f: Feature<Geometry>): Feature<Geometry> {
  if (f.get('id') === undefined || f.get('id') === null) f.set('id', f.getId() ?? f.get('fid'), true);
  return f;
}

/** GeoJSON from the API (EPSG:4490) as features in the view's CRS, with their ids as `id`. */
export const readQueryFeatures = (collection: unknown): Feature<Geometry>[] =>
  (geojson.readFeatures(collection) as Feature<Geometry>[]).map(withId);
