// Click a feature: its attributes, its layer's provenance, and whether it is schematic.
import type { MapBrowserEvent } from 'ol';
import type { FeatureLike } from 'ol/Feature';
import type { PlanMap } from './planMap';
import type { LayerInfo } from './api';
import { colon, paren, pick, t } from './i18n';

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
    const name = document.createElement('h3');
    name.textContent = String(feature.get('name') ?? feature.get('id') ?? '');
    const layer = document.createElement('p');
    layer.className = 'muted';
    layer.textContent = `${t('layer')}${colon()}${pick(info.titleZh, info.titleEn)}`;
    const schematic = feature.get('schematic') ?? info.schematic;
    const badge = document.createElement('p');
    badge.className = schematic ? 'flag schematic' : 'flag real';
    badge.textContent = schematic ? t('schematicNote') : t('real');
    const table = document.createElement('table');
    table.className = 'attributes';
    const props = feature.getProperties();
    for (const [key, value] of Object.entries(props)) {
      if (key === 'geometry' || value === null || value === undefined || typeof value === 'object') continue;
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.textContent = key;
      const td = document.createElement('td');
      td.textContent = typeof value === 'boolean' ? (value ? t('yes') : t('no')) : String(value);
      tr.append(th, td);
      table.append(tr);
    }
    const provenance = document.createElement('p');
    provenance.className = 'provenance';
    provenance.textContent = `${t('provenance')}${colon()}${pick(info.provenanceZh, info.provenanceEn)}${info.source ? paren(info.source) : ''}`;
    card.append(name, layer, badge, table, provenance);
    return card;
  }
}
