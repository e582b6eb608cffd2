// The layer panel: the plan's groups, a checkbox, an opacity slider and a legend per layer.
import type { PlanMap } from './planMap';
import type { FlatStyle, LayerInfo } from './api';
import { pick, t } from './i18n';
import { swatch } from './legend';
import { resolve } from './flatStyle';

function geometryHint(planMap: PlanMap, info: LayerInfo): 'point' | 'line' | 'polygon' {
  // A tiled layer has no features in the browser: its style says (a point symbol, or a fill for polygons).
  const first = planMap.vectorSource(info.id)?.getFeatures()[0];
  const style = planMap.catalog.styles[info.style];
  const type = first?.getGeometry()?.getType() ?? (style?.point ? 'Point' : style && !style.fill && !style.hatch ? 'LineString' : '');
  return type.includes('Point') ? 'point' : type.includes('Line') ? 'line' : 'polygon';
}

function legendEntries(style: FlatStyle): FlatStyle[] {
  // The layer's own symbol, then one entry per rule (e.g. 一心 / 一带 / 三轴), each as it resolves.
  const rules = style.rules ?? [];
  const ruleStyles = rules.map((r) => resolve(style, (name) => (name === r.filter.property ? r.filter.equals : undefined)));
  return rules.length ? ruleStyles.concat(style.legendZh && !ruleStyles.some((r) => r.legendZh === style.legendZh) ? [style] : []) : [style];
}

export function renderLayerPanel(container: HTMLElement, planMap: PlanMap): void {
  const { catalog } = planMap;
  container.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = t('layers');
  container.append(heading);

  for (const group of catalog.groups) {
    const layers = catalog.layers.filter((l) => l.group === group.id);
    if (layers.length === 0) continue;
    const section = document.createElement('section');
    section.className = 'layer-group';
    section.dataset.group = group.id;
    const title = document.createElement('h3');
    title.textContent = pick(group.titleZh, group.titleEn);
    section.append(title);
    // Topmost layer first in the panel, as in a GIS table of contents.
    for (const info of [...layers].reverse()) section.append(layerRow(planMap, info));
    container.append(section);
  }
}

function layerRow(planMap: PlanMap, info: LayerInfo): HTMLElement {
  const olLayer = planMap.layers.get(info.id)!.layer;
  const row = document.createElement('div');
  row.className = 'layer-row';
  row.dataset.layer = info.id;

  const label = document.createElement('label');
  label.className = 'layer-toggle';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = olLayer.getVisible();
  box.dataset.layer = info.id;
  box.addEventListener('change', () => planMap.setVisible(info.id, box.checked));
  const name = document.createElement('span');
  name.textContent = pick(info.titleZh, info.titleEn);
  label.append(box, name);
  if (info.schematic) {
    const tag = document.createElement('span');
    tag.className = 'tag-schematic';
    tag.textContent = t('schematic');
    label.append(tag);
  }

  const slider = document.createElement('input');
  slider.type = 'range';
  slider.min = '0';
  slider.max = '100';
  slider.value = String(Math.round(olLayer.getOpacity() * 100));
  slider.title = t('opacity');
  slider.className = 'opacity';
  slider.addEventListener('input', () => planMap.setOpacity(info.id, Number(slider.value) / 100));

  const legend = document.createElement('ul');
  legend.className = 'legend';
  const style = planMap.catalog.styles[info.style] ?? {};
  const hint = geometryHint(planMap, info);
  for (const entry of legendEntries(style)) {
    const item = document.createElement('li');
    const text = document.createElement('span');
    text.textContent = pick(entry.legendZh, entry.legendEn) || pick(info.titleZh, info.titleEn);
    item.append(swatch(entry, hint), text);
    legend.append(item);
  }
  row.append(label, slider, legend);
  const failure = planMap.failed.get(info.id);
  if (failure) {
    box.disabled = true;
    row.classList.add('unavailable');
    row.title = failure;
  }
  return row;
}
