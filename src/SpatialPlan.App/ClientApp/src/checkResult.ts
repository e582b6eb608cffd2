// The result of a site check, from Core's report model: verdict banner, a row per zone with Core's figures and words,
// what is owed per zone and by authority, plan guidance apart from the verdict, the data area, what was not checked,
// downloads, and the overlaps on the map. The figures a planner compares (verdicts, zone figures, footprint area, data
// area) are the report's own strings; only the per-feature lists format a number, as Core does (#,0.00 亩).
import type { Catalog, CheckReport, ZoneResult } from './api';
import { t, lang, pick, colon, paren, listSep, type Key } from './i18n';
import type { CheckLayers } from './checkLayers';
import type Feature from 'ol/Feature';
import type { Geometry } from 'ol/geom';
import { occupancyRows, occupancyTable, type OccupancyRow } from './occupancy';
import { overlapStyle, VERDICT_COLOURS } from './overlapStyles';
import { swatch } from './legend';

const nf = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// Chinese words come from Core's report (verdictZh, relationZh); English from the situation and verdict ids.
const verdictText = (v: string, zh: string, inPrinciple = false) =>
  (lang() === 'zh' ? zh : t((inPrinciple && v === 'prohibited' ? 'verdict.prohibited-in-principle' : `verdict.${v}`) as Key) || v);
const relationText = (situation: string, zh: string) => (lang() === 'zh' ? zh : t(`situation.${situation}` as Key) || situation);
const en = (zh: string, english: string | null | undefined) => (lang() === 'zh' ? zh : english || zh);

/** Server-side downloads of the same check (Core's CSV, the Rendering report PDF). */
export interface ReportDownloads { csv: () => Promise<void>; pdf: () => Promise<void>; sheet: () => Promise<void>; layers: () => Promise<void> }

/**
 * Plan features by layer and 图斑 id, for the 占用清单's highlight: `find` gives what the page has now (null when it
 * has not got it), `fetch` asks the server for a tiled layer's features by id (`?ids=`, full geometry).
 */
export interface PlanFeatures {
  find(layerId: string, featureId: string): Feature<Geometry> | null;
  fetch(layerId: string, featureIds: string[]): Promise<Map<string, Feature<Geometry>>>;
}
const noFeatures: PlanFeatures = { find: () => null, fetch: async () => new Map() };

export function renderReport(container: HTMLElement, report: CheckReport, rawJson: string, layers: CheckLayers, server: ReportDownloads, catalog: Catalog,
  features: PlanFeatures = noFeatures): void {
  // Zone and layer titles in the page's language: the catalog has both.
  const title = (id: string, zh: string) => { const info = catalog.layers.find((l) => l.id === id); return info ? pick(info.titleZh, info.titleEn) : zh; };
  container.replaceChildren();
  layers.clearResult();
  const banner = el('div', `verdict-banner verdict-${report.verdict}${report.inPrinciple ? ' in-principle' : ''}`);
  banner.dataset.verdict = report.verdict;
  banner.append(el('span', 'verdict-label', t('overallVerdict')), el('strong', undefined, verdictText(report.verdict, report.verdictZh, report.inPrinciple)));
  container.append(banner);

  const fp = report.footprint;
  const summary = el('dl', 'footprint-summary');
  const item = (key: Key, value: string, cls: string) => summary.append(el('dt', undefined, t(key)), el('dd', cls, value));
  item('reportNumber', report.reportNumber, 'report-number');
  item('footprintArea', fp.figuresZh, 'footprint-figures');
  item('projectKind', `${pick(report.project.kindZh, report.project.kindEn)}${report.project.kindAlias ? paren(`${t('alias')} ${report.project.kindAlias}`) : ''}`, 'project-kind');
  item('majorsGiven', report.project.majors.length ? report.project.majors.map((m) => pick(m.nameZh, m.nameEn)).join(listSep()) : t('noMajors'), 'project-majors');
  item('sourceCrs', fp.sourceCrs, 'source-crs');
  container.append(summary);
  if (fp.axesSwapped) container.append(el('p', 'note', t('axesSwapped')));
  if (fp.repairs.length) {
    const repairs = el('ul', 'repairs');
    repairs.append(el('li', 'repairs-title', t('repairs')));
    fp.repairs.forEach((r) => repairs.append(el('li', undefined, `#${r.featureIndex + 1}${colon()}${r.problem} → ${r.action}`)));
    container.append(repairs);
  }

  container.append(zoneTable(report, layers, title));
  const legend = overlapLegend(report, catalog);
  if (legend) container.append(legend);
  const rows = occupancyRows(report, title);
  if (rows.length) {
    // The 图斑 of the list, asked for by id at once (tiled layers: the page has only their simplified tiles), so a
    // hovered row is highlighted with the feature's full geometry; one not here yet is drawn when it comes.
    const byLayer = new Map<string, string[]>();
    rows.filter((r) => r.m2 !== null).forEach((r) => byLayer.set(r.layerId, [...(byLayer.get(r.layerId) ?? []), r.id]));
    byLayer.forEach((ids, layerId) => { features.fetch(layerId, ids).catch(() => { /* fetched again on hover */ }); });
    const highlight = (r: OccupancyRow, zoom: boolean) => {
      const feature = features.find(r.layerId, r.id);
      layers.highlightFeature(r.zoneIndex, r.id, feature, zoom);
      if (feature) return;
      features.fetch(r.layerId, [r.id]).then((found) => {
        const f = found.get(r.id);
        const now = layers.highlighted;
        if (f && now && now.zoneIndex === r.zoneIndex && now.featureId === r.id) layers.highlightFeature(r.zoneIndex, r.id, f, zoom);
      }).catch(() => { /* the row stays selected without its outline */ });
    };
    container.append(occupancyTable(rows, {
      hover: (r) => { if (r) highlight(r, false); else layers.clearHighlight(); },
      select: (r) => highlight(r, true),
    }));
  }
  if (report.jurisdiction?.outsideGeometry) layers.showOutside(report.jurisdiction.outsideGeometry);
  renderSections(container, report, title);
  if (report.schematicData) container.append(el('p', 'data-note', pick(report.dataNoteZh, report.dataNoteEn || catalog.dataNoteEn)));

  const downloads = el('div', 'downloads');
  const json = el('button', 'secondary', t('downloadJson'));
  json.addEventListener('click', () => download('site-check.json', rawJson, 'application/json'));
  const csv = el('button', 'secondary', t('downloadCsv'));
  csv.addEventListener('click', () => { csv.disabled = true; server.csv().finally(() => { csv.disabled = false; }); });
  const pdf = el('button', 'secondary', t('downloadPdf'));
  pdf.addEventListener('click', () => { pdf.disabled = true; server.pdf().finally(() => { pdf.disabled = false; }); });
  const sheet = el('button', 'secondary', t('meetingSheet'));
  sheet.id = 'check-sheet';
  sheet.addEventListener('click', () => { sheet.disabled = true; server.sheet().finally(() => { sheet.disabled = false; }); });
  const gis = el('button', 'secondary', t('downloadLayers'));
  gis.id = 'check-layers';
  gis.addEventListener('click', () => { gis.disabled = true; server.layers().finally(() => { gis.disabled = false; }); });
  downloads.append(json, csv, pdf, sheet, gis);
  container.append(downloads);
}

/** One row per zone (title and relation, Core's figures, verdict), then its conditions, features and rule under it. */
function zoneTable(report: CheckReport, layers: CheckLayers, title: (id: string, zh: string) => string): HTMLTableElement {
  const table = el('table', 'zones');
  const head = el('tr');
  for (const h of ['zone', 'figures', 'verdict'] as const) head.append(el('th', undefined, t(h)));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  report.zones.forEach((zone, index) => {
    if (zone.overlapGeometry) layers.showOverlap(index, zone.overlapGeometry, zone.category, zone.verdict, zone.mode);
    const row = el('tr', `zone-row verdict-${zone.verdict}${zone.overlapGeometry ? ' clickable' : ''}`);
    row.dataset.layer = zone.layerId;
    const name = el('td', 'zone-name');
    name.append(el('span', 'zone-title', title(zone.layerId, zone.layerTitle)), el('span', 'relation', relationText(zone.situation, zone.relationZh)));
    row.append(name, el('td', 'figures', zone.figuresZh), el('td', 'verdict-cell', verdictText(zone.verdict, zone.verdictZh, zone.inPrinciple)));
    if (zone.overlapGeometry) row.addEventListener('click', () => layers.zoomToZone(index));
    body.append(row);
    const cell = zoneDetail(zone);
    if (cell.childElementCount) {
      const detail = el('tr', 'zone-detail');
      detail.dataset.layer = zone.layerId;
      detail.append(cell);
      body.append(detail);
    }
  });
  table.append(body);
  return table;
}

function zoneDetail(zone: ZoneResult): HTMLTableCellElement {
  const cell = el('td');
  cell.colSpan = 3;
  zone.conditions.forEach((c) => {
    const line = el('div', 'condition');
    line.append(el('span', 'condition-label', `${t('owed')}${colon()}`), el('strong', 'authority', pick(c.authorityZh, c.authorityEn)),
      document.createTextNode(` — ${en(c.requirementZh, c.requirementEn)}`));
    cell.append(line);
  });
  const count = zone.features.length + (zone.nearbyFeatures?.length ?? 0);
  if (count) cell.append(el('p', 'features-count', `${t(zone.features.length ? 'features' : 'nearbyFeatures')} ${count}${colon()}${t('occ.see')}`));
  const rule = en(zone.rule, zone.ruleEn);
  const basis = en(zone.basisText, zone.basisTextEn);
  if (rule || basis) {
    // The legal text is long: one click away, so the table stays readable on a projector.
    const more = el('details', 'rule-basis');
    more.append(el('summary', undefined, `${t('rule')} · ${t('basis')}`));
    if (rule) more.append(el('div', 'rule', `${t('rule')}${colon()}${rule}`));
    if (basis) more.append(el('div', 'basis', `${t('basis')}${colon()}${basis}`));
    cell.append(more);
  }
  return cell;
}

/**
 * The overlap legend (图例): one swatch per zone category the footprint overlaps, in the map's fill and the verdict's
 * outline, so the colours on the map are explained where they are read.
 */
export function overlapLegend(report: CheckReport, catalog: Catalog): HTMLElement | null {
  const seen = new Map<string, ZoneResult>();
  report.zones.forEach((z) => { if (z.overlapGeometry && !seen.has(z.category)) seen.set(z.category, z); });
  if (seen.size === 0) return null;
  const box = el('div', 'overlap-legend');
  box.append(el('span', 'overlap-legend-title', `${t('overlapLegend')}${colon()}`));
  for (const [category, zone] of seen) {
    const outside = zone.mode === 'contain'; // the part of the footprint outside the zone (城镇开发边界外)
    const style = outside ? { fill: 'rgba(120,120,120,0.12)', strokeDash: [6, 4] } : overlapStyle(catalog, category);
    const item = el('span', 'overlap-legend-item');
    item.dataset.category = category;
    const name = outside ? `${lang() === 'zh' ? zone.layerTitle : zone.layerTitleEn || zone.layerTitle}${t('outsidePart')}`
      : lang() === 'zh' ? style.legendZh || zone.layerTitle : style.legendEn || zone.layerTitleEn || zone.layerTitle;
    item.append(swatch({ ...style, stroke: VERDICT_COLOURS[zone.verdict] ?? style.stroke, strokeWidth: 2 }, 'polygon'), el('span', undefined, name));
    box.append(item);
  }
  return box;
}

/** The report's sections after the zones: approvals by authority, plan guidance, data area, what was not checked. */
function renderSections(container: HTMLElement, report: CheckReport, title: (id: string, zh: string) => string): void {
  const section = (cls: string, heading: string) => {
    const box = el('section', `report-section ${cls}`);
    box.append(el('h3', undefined, heading));
    container.append(box);
    return box;
  };

  const approvals = section('approvals', t('approvals'));
  if (report.approvals.length === 0) approvals.append(el('p', 'none', t(report.verdict === 'prohibited' ? 'noApprovalsProhibited' : 'noApprovals')));
  report.approvals.forEach((group) => {
    const box = el('div', 'authority-group');
    box.dataset.authority = group.authority;
    box.append(el('h4', undefined, pick(group.authorityZh, group.authorityEn)));
    const list = el('ul');
    group.items.forEach((i) => list.append(el('li', undefined, `[${title(i.layerId, i.layerTitle)}] ${en(i.requirementZh, i.requirementEn)}`)));
    box.append(list);
    approvals.append(box);
  });

  const guidance = section('guidance', t('guidance'));
  if (report.guidance.length === 0) guidance.append(el('p', 'none', t('noGuidance')));
  else {
    const list = el('ul');
    report.guidance.forEach((g) => {
      const where = g.overlapAreaM2 > 0 ? paren(`${t('overlap')} ${nf(2).format(g.overlapAreaMu)} ${t('mu')}`) : '';
      const li = el('li', undefined, `${title(g.layerId, g.layerTitle)}${colon()}${g.featureName}${where}`);
      li.append(el('div', 'note', pick(g.noteZh, g.noteEn)));
      list.append(li);
    });
    guidance.append(list);
  }

  const j = report.jurisdiction;
  if (j) {
    const box = section(`jurisdiction verdict-${j.verdict}`, t('jurisdiction'));
    box.append(el('p', 'jurisdiction-figures', j.figuresZh));
    if (j.noteZh) box.append(el('p', 'jurisdiction-note', j.noteZh));
  }

  const notChecked = section('not-checked', t('notChecked'));
  notChecked.append(el('p', 'hint', t('notCheckedHint')));
  const list = el('ul');
  report.notChecked.forEach((n) => {
    const li = el('li');
    const more = el('details');
    more.append(el('summary', undefined, n.nameZh), el('div', 'note', n.reason));
    li.append(more);
    list.append(li);
  });
  notChecked.append(list);
}

export function download(name: string, content: Blob | string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
