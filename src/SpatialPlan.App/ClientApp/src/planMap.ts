// The map: one OpenLayers vector layer per catalog layer, in catalog order (bottom first), in the working CRS.
import OlMap from 'ol/Map';
import View from 'ol/View';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import TileLayer from 'ol/layer/Tile';
import XYZ from 'ol/source/XYZ';
import GeoJSON from 'ol/format/GeoJSON';
import { ScaleLine, Zoom, Attribution } from 'ol/control';
import { createEmpty, extend, isEmpty, type Extent } from 'ol/extent';
import type { Catalog, ClientConfig, LayerInfo } from './api';
import { getLayer } from './api';
import { DATA_CRS, VIEW_CRS } from './crs';
import { styleFunction } from './flatStyle';
import { loadGlyphs } from './fonts';
import type Feature from 'ol/Feature';
import type { Geometry } from 'ol/geom';

/** The middle of the data area in the working CRS (the view fits the layers once they load). */
function areaCentre(config: ClientConfig): number[] {
  const e = config.area?.extent;
  return e && e.length === 4 ? [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2] : [500000, 4500000];
}

export interface PlanLayer { info: LayerInfo; layer: VectorLayer<VectorSource> }

export class PlanMap {
  readonly map: OlMap;
  readonly layers = new Map<string, PlanLayer>();
  /** Layers whose file could not be loaded, with the server's reason. */
  readonly failed = new Map<string, string>();
  private labelScale = 1;
  private readonly visibilityListeners: Array<() => void> = [];

  constructor(target: HTMLElement, readonly catalog: Catalog, config: ClientConfig) {
    this.map = new OlMap({
      target,
      controls: [new Zoom(), new ScaleLine({ units: 'metric', bar: true, steps: 4, text: true, minWidth: 140 }), new Attribution({ collapsible: false })],
      view: new View({ projection: VIEW_CRS, center: areaCentre(config), zoom: 8, constrainResolution: false }),
    });
    if (config.basemapUrl) {
      this.map.addLayer(new TileLayer({ source: new XYZ({ url: config.basemapUrl, attributions: config.basemapAttribution, crossOrigin: 'anonymous' }) }));
    }
    for (const info of catalog.layers) {
      const layer = new VectorLayer({
        source: new VectorSource(),
        declutter: true,
        visible: info.visible,
        properties: { catalogId: info.id },
        updateWhileInteracting: false,
      });
      this.applyStyle(info, layer);
      this.layers.set(info.id, { info, layer });
      this.map.addLayer(layer);
    }
    // Labels anchored "near-area" on polygons (neighbouring counties) sit inside the part in view: place them anew
    // after each pan or zoom (a pan inside the rendered extent would otherwise keep the old places).
    const nearArea = [...this.layers.values()].filter(({ info }) => this.catalog.styles[info.style]?.label?.anchor === 'near-area');
    this.map.on('moveend', () => nearArea.forEach(({ layer }) => layer.changed()));
  }

  /** Loads every layer's features; resolves when all are on the map and their label glyphs are loaded. */
  async load(): Promise<void> {
    const format = new GeoJSON({ dataProjection: DATA_CRS, featureProjection: VIEW_CRS });
    const texts: string[] = [];
    await Promise.all([...this.layers.values()].map(async ({ info, layer }) => {
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
      layer.getSource()!.addFeatures(features);
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
    const all = [...this.layers.values()].filter((l) => !l.layer.getSource()!.isEmpty());
    const boundary = all.filter((l) => l.info.id.includes('boundary'));
    const base = all.filter((l) => l.info.category === 'base' && !l.info.id.includes('neighbour'));
    const extent = createEmpty();
    for (const l of boundary.length ? boundary : base.length ? base : all) extend(extent, l.layer.getSource()!.getExtent()!);
    return extent;
  }

  private centre: number[] | null = null;

  /** The middle of the data area (the banner's extent), once its layers are loaded. */
  areaCentre(): number[] | null {
    const boundaryLoaded = [...this.layers.values()].some((l) => l.info.id.includes('boundary') && !l.layer.getSource()!.isEmpty());
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

  /** True while any schematic layer is drawn: the 「示意数据」 mark must then be visible. */
  anySchematicVisible(): boolean {
    return [...this.layers.values()].some((l) => l.info.schematic && l.layer.getVisible());
  }

  /** A plan feature by its layer and `id` (图斑编号), through an index made on first use per layer. */
  featureById(layerId: string, id: string): Feature<Geometry> | null {
    let index = this.idIndex.get(layerId);
    if (!index) {
      index = new Map();
      for (const f of this.layers.get(layerId)?.layer.getSource()?.getFeatures() ?? []) {
        const key = f.get('id');
        if (key !== undefined && key !== null && !index.has(String(key))) index.set(String(key), f as Feature<Geometry>);
      }
      this.idIndex.set(layerId, index);
    }
    return index.get(id) ?? null;
  }

  private readonly idIndex = new Map<string, Map<string, Feature<Geometry>>>();

  /** Larger labels and symbols for presentation on a projector. */
  setLabelScale(scale: number): void {
    this.labelScale = scale;
    this.layers.forEach(({ info, layer }) => this.applyStyle(info, layer));
  }

  refreshLabels(): void {
    this.layers.forEach(({ info, layer }) => this.applyStyle(info, layer));
  }

  private applyStyle(info: LayerInfo, layer: VectorLayer<VectorSource>): void {
    const style = this.catalog.styles[info.style] ?? {};
    layer.setStyle(styleFunction(style, { labelScale: this.labelScale, labelField: info.labelField, areaCentre: () => this.areaCentre(),
      viewExtent: () => (this.map.getSize() ? this.map.getView().calculateExtent(this.map.getSize()) : null) }));
  }
}
