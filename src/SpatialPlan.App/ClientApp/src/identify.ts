// Click a feature: its attributes, its layer's provenance, and whether it is schematic.
import type { MapBrowserEvent } from 'ol';
import type { FeatureLike } from 'ol/Feature';
import type { PlanMap } from './planMap';
import type { LayerInfo } from './api';
import { colon, lang, pick, t, type Key } from './i18n';

export class IdentifyTool {
  active = true;

  constructor(private readonly planMap: PlanMap, private readonly panel: HTMLElement, private readonly onShow: () => void) {
    planMap.map.on('singleclick', (e) => { if (this.active) this.identify(e); });
  }

  private identify(e: MapBrowserEvent<PointerEvent | KeyboardEvent | WheelEvent>): void {
    const hits: Array<[FeatureLike, LayerInfo]> = [];
    this.planMap.map.forEachFeatureAtPixel(e.pixel, (feature, layer) => {
      const id = layer?.get('catalogId') as string | undefined;
      const info = id ? this.planMap.layers.get(id)?.info : undefined;
      if (info) hits.push([feature, info]);
    }, { hitTolerance: 5 });
    this.show(hits);
  }

  show(hits: Array<[FeatureLike, LayerInfo]>): void {
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
    if (hits.length === 0) {
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = t('noFeature');
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
