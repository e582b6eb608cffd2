// Click a feature: its attributes, its layer's provenance, and whether it is schematic.
import type { MapBrowserEvent } from 'ol';
import type { FeatureLike } from 'ol/Feature';
import { readQueryFeatures, type PlanMap } from './planMap';
import { queryFeatures, type LayerInfo } from './api';
import { toLonLat } from './crs';
import { colon, lang, pick, t, type Key } from './i18n';

/** A hit under the click: a feature the page has whole, or a tiled layer drawn there (its features come from the server). */
type Hit = { feature: FeatureLike; info: LayerInfo } | { tiled: LayerInfo; polygon: boolean };

/** Screen pixels of tolerance around a click, as for the map's own hit detection. */
const HIT_PX = 5;

export class IdentifyTool {
  active = true;
  private seq = 0;

  constructor(private readonly planMap: PlanMap, private readonly panel: HTMLElement, private readonly onShow: () => void) {
    planMap.map.on('singleclick', (e) => { if (this.active) void this.identify(e); });
  }

  /**
   * The features under the click, topmost layer first. A GeoJSON layer's are the page's own; a tiled layer drawn
   * there is asked for its features at that point (GET /api/layers/{id}/features?at=lon,lat): tiles hold simplified
   * geometry and only the attributes the style needs, the server answers with the full feature. Polygons are asked
   * for at the point itself (a click in a 5 px margin outside one asks again with that margin), lines and points
   * with 5 screen pixels in metres.
   */
  private async identify(e: MapBrowserEvent<PointerEvent | KeyboardEvent | WheelEvent>): Promise<void> {
    const seq = ++this.seq;
    const hits: Hit[] = [];
    const tiledSeen = new Set<string>();
    this.planMap.map.forEachFeatureAtPixel(e.pixel, (feature, layer) => {
      const id = layer?.get('catalogId') as string | undefined;
      const entry = id ? this.planMap.layers.get(id) : undefined;
      if (!entry) return;
      if (!entry.tiled) hits.push({ feature, info: entry.info });
      else if (!tiledSeen.has(entry.info.id)) {
        tiledSeen.add(entry.info.id);
        hits.push({ tiled: entry.info, polygon: feature.getGeometry()?.getType().includes('Polygon') ?? false });
      }
    }, { hitTolerance: HIT_PX });
    if (tiledSeen.size === 0) {
      this.show(hits.map((h) => ('feature' in h ? [h.feature, h.info] : null)).filter((h): h is [FeatureLike, LayerInfo] => !!h));
      return;
    }
    this.panel.dataset.busy = 'true';
    const lonLat = toLonLat(e.coordinate) as [number, number];
    const margin = HIT_PX * (this.planMap.map.getView().getResolution() ?? 1);
    const answers = await Promise.all(hits.map(async (h): Promise<Array<[FeatureLike, LayerInfo]> | string> => {
      if ('feature' in h) return [[h.feature, h.info]];
      try {
        let features = readQueryFeatures(await queryFeatures(h.tiled.id, { at: lonLat, tol: h.polygon ? 0 : margin }));
        if (features.length === 0 && h.polygon) features = readQueryFeatures(await queryFeatures(h.tiled.id, { at: lonLat, tol: margin }));
        return features.map((f) => [f, h.tiled]);
      } catch (error) {
        return `${pick(h.tiled.titleZh, h.tiled.titleEn)}${colon()}${error instanceof Error ? error.message : String(error)}`;
      }
    }));
    if (seq !== this.seq) return; // a later click has been answered meanwhile
    delete this.panel.dataset.busy;
    this.show(answers.flatMap((a) => (typeof a === 'string' ? [] : a)), answers.filter((a): a is string => typeof a === 'string'));
  }

  show(hits: Array<[FeatureLike, LayerInfo]>, problems: string[] = []): void {
    this.panel.replaceChildren();
    this.panel.hidden = false;
    const header = document.createElement('div');
    header.className = 'panel-header';
    const title = document.createElement('h2');
    title.textContent = t('identify');
    const close = document.createElement('button');
    close.textContent = '×';
    close.title = t('close');
    close.className = 'close';
    close.addEventListener('click', () => { this.panel.hidden = true; });
    header.append(title, close);
    this.panel.append(header);
    if (hits.length === 0 && problems.length === 0) {
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = t('noFeature');
      this.panel.append(p);
    }
    for (const problem of problems) {
      const p = document.createElement('p');
      p.className = 'error identify-error';
      p.textContent = problem;
      this.panel.append(p);
    }
    // Topmost layer first; at most three features so the panel stays readable.
    for (const [feature, info] of hits.slice(0, 3)) this.panel.append(this.card(feature, info));
    this.onShow();
  }

  private card(feature: FeatureLike, info: LayerInfo): HTMLElement {
    const card = document.createElement('article');
    card.className = 'identify-card';
    card.dataset.layer = info.id;
    const get = (k: string) => feature.get(k) as unknown;
    const name = document.createElement('h3');
    name.textContent = String((lang() === 'en' ? get('nameEn') : null) ?? get('name') ?? get('id') ?? '');
    const layer = document.createElement('p');
    layer.className = 'muted';
    layer.textContent = `${t('layer')}${colon()}${pick(info.titleZh, info.titleEn)}`;
    const schematic = isTrue(get('schematic') ?? info.schematic);
    const badge = document.createElement('p');
    badge.className = schematic ? 'flag schematic' : 'flag real';
    badge.textContent = schematic ? t('schematicNote') : t('real');
    const table = document.createElement('table');
    table.className = 'attributes';
    for (const [label, value] of humanFields(get)) {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.textContent = label;
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(th, td);
      table.append(tr);
    }
    // Where the feature comes from, folded away: the layer's provenance, the feature's own source and basis notes.
    const provenance = document.createElement('details');
    provenance.className = 'provenance';
    const summary = document.createElement('summary');
    summary.textContent = t('dataSource');
    provenance.append(summary);
    const line = (text: unknown) => {
      if (text === null || text === undefined || text === '') return;
      const p = document.createElement('p');
      p.textContent = String(text);
      provenance.append(p);
    };
    line(`${t('provenance')}${colon()}${pick(info.provenanceZh, info.provenanceEn)}`);
    line(get('levelBasis'));
    line(get('widthBasis'));
    if (isTrue(get('estimated'))) line(t('estimated'));
    card.append(name, layer, badge, table, provenance);
    return card;
  }
}

const isTrue = (v: unknown) => v === true || v === 'True' || v === 'true';
const number = (v: unknown, digits: number) => {
  const n = Number(v);
  return Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(v);
};

/**
 * The fields a planner reads, in Chinese first (编号, 级别, 地类, 面积（亩）…), in a fixed order; developer keys (basis,
 * source, schematic, raw ids of levels and kinds, cross references) are left out.
 */
function humanFields(get: (k: string) => unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (label: Key, value: unknown, format: (v: unknown) => string = String) => {
    if (value === null || value === undefined || value === '' || typeof value === 'object') return;
    out.push([t(label), format(value)]);
  };
  add('field.id', get('code') ?? get('adcode') ?? get('id'));
  add('field.level', get('levelZh') ?? get('level'));
  add('field.type', get('reserveTypeZh') ?? get('role'));
  add('field.landClass', get('landClassZh') ?? get('landClass'));
  add('field.town', get('town') ?? get('townZh'));
  add('field.areaMu', get('areaMu'), (v) => number(v, 2));
  add('field.areaKm2', get('areaKm2') ?? get('officialAreaKm2'), (v) => number(v, 2));
  add('field.widthM', get('widthM'), (v) => number(v, 0));
  add('field.note', get('note'));
  return out;
}
