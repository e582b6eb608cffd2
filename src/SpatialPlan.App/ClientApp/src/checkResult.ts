// The result of a site check: verdict banner, a table per zone, downloads, and the overlaps on the map.
import type { CheckReport } from './api';
import { t, lang, type Key } from './i18n';
import type { CheckLayers } from './checkLayers';

const nf = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const verdictText = (v: string) => t(`verdict.${v}` as Key) || v;
const relationText = (r: string) => t(`relation.${r}` as Key) || r;

export function renderReport(container: HTMLElement, report: CheckReport, rawJson: string, layers: CheckLayers, onPdf: () => Promise<void>): void {
  container.replaceChildren();
  const banner = el('div', `verdict-banner verdict-${report.verdict}`);
  banner.dataset.verdict = report.verdict;
  banner.append(el('span', 'verdict-label', t('verdict')), el('strong', undefined, verdictText(report.verdict)));
  container.append(banner);

  const fp = report.footprint;
  const summary = el('p', 'footprint-summary',
    `${t('footprintArea')}：${nf(0).format(fp.areaM2)} ${t('m2')} · ${nf(2).format(fp.areaMu)} ${t('mu')} · ${nf(4).format(fp.areaHa)} ${t('ha')}` +
    `  ·  ${t('sourceCrs')} ${fp.sourceCrs}`);
  container.append(summary);
  if (fp.axesSwapped) container.append(el('p', 'note', t('axesSwapped')));
  if (fp.repairs.length) {
    const repairs = el('ul', 'repairs');
    repairs.append(el('li', 'repairs-title', t('repairs')));
    fp.repairs.forEach((r) => repairs.append(el('li', undefined, `#${r.featureIndex + 1}：${r.problem} → ${r.action}`)));
    container.append(repairs);
  }

  const table = el('table', 'zones');
  const head = el('tr');
  for (const h of ['zone', 'relation', 'm2', 'mu', 'ha', 'pct', 'verdict'] as const) head.append(el('th', undefined, t(h)));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  report.zones.forEach((zone, index) => {
    if (zone.overlapGeometry) layers.showOverlap(index, zone.overlapGeometry);
    const row = el('tr', `zone-row verdict-${zone.verdict}${zone.overlapGeometry ? ' clickable' : ''}`);
    row.dataset.layer = zone.layerId;
    row.append(
      el('td', undefined, zone.layerTitle),
      el('td', undefined, relationText(zone.relation) + (zone.distanceM && zone.distanceM > 0 ? ` ${nf(0).format(zone.distanceM)} m` : '')),
      el('td', 'num', nf(0).format(zone.overlapAreaM2)),
      el('td', 'num', nf(2).format(zone.overlapAreaMu)),
      el('td', 'num', nf(4).format(zone.overlapAreaHa)),
      el('td', 'num', `${nf(1).format(zone.overlapPercent)}%`),
      el('td', 'verdict-cell', verdictText(zone.verdict)));
    if (zone.overlapGeometry) row.addEventListener('click', () => layers.zoomToZone(index));
    body.append(row);
    const names = [...zone.features.map((f) => `${f.name}（${nf(2).format(f.overlapAreaMu)} ${t('mu')}）`),
      ...(zone.nearbyFeatures ?? []).map((f) => `${f.name}（${t('nearby')} ${nf(0).format(f.distanceM)} m）`)];
    const detail = el('tr', 'zone-detail');
    const cell = el('td');
    cell.colSpan = 7;
    if (names.length) cell.append(el('div', 'features', `${t('features')}：${names.join('；')}`));
    const rule = lang() === 'zh' ? zone.rule : zone.ruleEn || zone.rule;
    const basis = lang() === 'zh' ? zone.basis : zone.basisEn || zone.basis;
    if (rule || basis) {
      // The legal text is long: one click away, so the table stays readable on a projector.
      const more = el('details', 'rule-basis');
      more.append(el('summary', undefined, `${t('rule')} · ${t('basis')}`));
      if (rule) more.append(el('div', 'rule', `${t('rule')}：${rule}`));
      if (basis) more.append(el('div', 'basis', `${t('basis')}：${basis}`));
      cell.append(more);
    }
    detail.append(cell);
    if (cell.childElementCount) body.append(detail);
  });
  table.append(body);
  container.append(table);
  if (report.schematicData) container.append(el('p', 'data-note', report.dataNoteZh));

  const downloads = el('div', 'downloads');
  const json = el('button', 'secondary', t('downloadJson'));
  json.addEventListener('click', () => download('site-check.json', rawJson, 'application/json'));
  const csv = el('button', 'secondary', t('downloadCsv'));
  csv.addEventListener('click', () => download('site-check.csv', toCsv(report), 'text/csv'));
  const pdf = el('button', 'secondary', t('downloadPdf'));
  pdf.addEventListener('click', () => { pdf.disabled = true; onPdf().finally(() => { pdf.disabled = false; }); });
  downloads.append(json, csv, pdf);
  container.append(downloads);
}

/** One row per zone, with the same numbers as the JSON; UTF-8 with BOM so Excel shows Chinese. */
export function toCsv(report: CheckReport): string {
  const quote = (v: unknown) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  const rows = [['layerId', 'zone', 'relation', 'overlapAreaM2', 'overlapAreaMu', 'overlapAreaHa', 'overlapPercent', 'distanceM', 'verdict', 'features', 'basis']];
  for (const z of report.zones) {
    rows.push([z.layerId, z.layerTitle, z.relation, String(z.overlapAreaM2), String(z.overlapAreaMu), String(z.overlapAreaHa),
      String(z.overlapPercent), String(z.distanceM ?? ''), z.verdict, z.features.map((f) => f.name).join('; '), z.basis]);
  }
  rows.push(['footprint', '', '', String(report.footprint.areaM2), String(report.footprint.areaMu), String(report.footprint.areaHa), '100', '', report.verdict, '', '']);
  return '\ufeff' + rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
