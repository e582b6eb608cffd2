// The result of a site check: verdict banner, a table per zone, downloads, and the overlaps on the map.
import type { Catalog, CheckReport } from './api';
import { t, lang, pick, colon, paren, listSep, type Key } from './i18n';
import type { CheckLayers } from './checkLayers';

const nf = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// Chinese words come from Core's report (verdictZh, relationZh); English from the situation and verdict ids.
const verdictText = (v: string, zh?: string) => (lang() === 'zh' && zh ? zh : t(`verdict.${v}` as Key) || v);
const relationText = (situation: string, zh: string) => (lang() === 'zh' ? zh : t(`situation.${situation}` as Key) || situation);

/** Server-side downloads of the same check (Core's CSV, the Rendering report PDF). */
export interface ReportDownloads { csv: () => Promise<void>; pdf: () => Promise<void> }

export function renderReport(container: HTMLElement, report: CheckReport, rawJson: string, layers: CheckLayers, server: ReportDownloads, catalog: Catalog): void {
  // The report carries Chinese titles only; the catalog has both.
  const zoneTitle = (id: string, title: string) => { const info = catalog.layers.find((l) => l.id === id); return info ? pick(info.titleZh, info.titleEn) : title; };
  container.replaceChildren();
  const banner = el('div', `verdict-banner verdict-${report.verdict}`);
  banner.dataset.verdict = report.verdict;
  banner.append(el('span', 'verdict-label', t('verdict')), el('strong', undefined, verdictText(report.verdict, report.verdictZh)));
  container.append(banner);

  const fp = report.footprint;
  const summary = el('p', 'footprint-summary',
    `${t('footprintArea')}${colon()}${nf(0).format(fp.areaM2)} ${t('m2')} · ${nf(2).format(fp.areaMu)} ${t('mu')} · ${nf(4).format(fp.areaHa)} ${t('ha')}` +
    `  ·  ${t('sourceCrs')} ${fp.sourceCrs}`);
  container.append(summary);
  if (fp.axesSwapped) container.append(el('p', 'note', t('axesSwapped')));
  if (fp.repairs.length) {
    const repairs = el('ul', 'repairs');
    repairs.append(el('li', 'repairs-title', t('repairs')));
    fp.repairs.forEach((r) => repairs.append(el('li', undefined, `#${r.featureIndex + 1}${colon()}${r.problem} → ${r.action}`)));
    container.append(repairs);
  }

  const table = el('table', 'zones');
  const head = el('tr');
  for (const h of ['zone', 'relation', 'figures', 'verdict'] as const) head.append(el('th', undefined, t(h)));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  report.zones.forEach((zone, index) => {
    if (zone.overlapGeometry) layers.showOverlap(index, zone.overlapGeometry);
    const row = el('tr', `zone-row verdict-${zone.verdict}${zone.overlapGeometry ? ' clickable' : ''}`);
    row.dataset.layer = zone.layerId;
    row.append(
      el('td', undefined, zoneTitle(zone.layerId, zone.layerTitle)),
      el('td', undefined, relationText(zone.situation, zone.relationZh)),
      el('td', 'figures', zone.figuresZh),
      el('td', 'verdict-cell', verdictText(zone.verdict, zone.verdictZh)));
    if (zone.overlapGeometry) row.addEventListener('click', () => layers.zoomToZone(index));
    body.append(row);
    const names = [...zone.features.map((f) => `${f.name}${paren(`${nf(2).format(f.overlapAreaMu)} ${t('mu')}`)}`),
      ...(zone.nearbyFeatures ?? []).map((f) => `${f.name}${paren(`${t('nearby')} ${nf(0).format(f.distanceM)} m`)}`)];
    const detail = el('tr', 'zone-detail');
    const cell = el('td');
    cell.colSpan = 4;
    if (names.length) cell.append(el('div', 'features', `${t('features')}${colon()}${names.join(listSep())}`));
    zone.conditions.forEach((c) => cell.append(el('div', 'condition',
      `${t('conditions')}${colon()}${pick(c.authorityZh, c.authorityEn)} — ${lang() === 'zh' ? c.requirementZh : c.requirementEn || c.requirementZh}`)));
    const rule = lang() === 'zh' ? zone.rule : zone.ruleEn || zone.rule;
    const basis = lang() === 'zh' ? zone.basisText : zone.basisTextEn || zone.basisText;
    if (rule || basis) {
      // The legal text is long: one click away, so the table stays readable on a projector.
      const more = el('details', 'rule-basis');
      more.append(el('summary', undefined, `${t('rule')} · ${t('basis')}`));
      if (rule) more.append(el('div', 'rule', `${t('rule')}${colon()}${rule}`));
      if (basis) more.append(el('div', 'basis', `${t('basis')}${colon()}${basis}`));
      cell.append(more);
    }
    detail.append(cell);
    if (cell.childElementCount) body.append(detail);
  });
  table.append(body);
  container.append(table);
  renderSections(container, report);
  if (report.schematicData) container.append(el('p', 'data-note', pick(report.dataNoteZh, catalog.dataNoteEn)));

  const downloads = el('div', 'downloads');
  const json = el('button', 'secondary', t('downloadJson'));
  json.addEventListener('click', () => download('site-check.json', rawJson, 'application/json'));
  const csv = el('button', 'secondary', t('downloadCsv'));
  csv.addEventListener('click', () => { csv.disabled = true; server.csv().finally(() => { csv.disabled = false; }); });
  const pdf = el('button', 'secondary', t('downloadPdf'));
  pdf.addEventListener('click', () => { pdf.disabled = true; server.pdf().finally(() => { pdf.disabled = false; }); });
  downloads.append(json, csv, pdf);
  container.append(downloads);
}

/** The report's sections after the zones: data area, plan guidance, approvals owed, what was not checked (Core's words). */
function renderSections(container: HTMLElement, report: CheckReport): void {
  const section = (cls: string, title: string, lines: string[]) => {
    if (lines.length === 0) return;
    const box = el('div', `report-section ${cls}`);
    box.append(el('h3', undefined, title));
    const list = el('ul');
    lines.forEach((line) => list.append(el('li', undefined, line)));
    box.append(list);
    container.append(box);
  };
  const j = report.jurisdiction;
  if (j) section('jurisdiction', t('jurisdiction'), [j.figuresZh, ...(j.noteZh ? [j.noteZh] : [])]);
  section('guidance', t('guidance'), report.guidance.map((g) => `${g.layerTitle}${colon()}${g.featureName} — ${pick(g.noteZh, g.noteEn)}`));
  section('approvals', t('approvals'), report.approvals.flatMap((a) =>
    a.items.map((i) => `${pick(a.authorityZh, a.authorityEn)}${colon()}${i.layerTitle} — ${lang() === 'zh' ? i.requirementZh : i.requirementEn || i.requirementZh}`)));
  section('not-checked', t('notChecked'), report.notChecked.map((n) => n.nameZh));
}

export function download(name: string, content: Blob | string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
