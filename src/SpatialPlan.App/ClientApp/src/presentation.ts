// Presentation mode: full screen, panels hidden, large labels, legend and caption on the map; the arrow keys
// step through the saved views of gis-data/presentations/plan.json (a plain file a planner can edit and share).
import { transformExtent } from 'ol/proj';
import type { PlanMap } from './planMap';
import type { CheckPanel } from './checkPanel';
import { DATA_CRS, VIEW_CRS } from './crs';
import { colon, lang, paren, pick, t, type Key } from './i18n';
import type { CheckReport } from './api';
import { overlapLegend } from './checkResult';
import { swatch } from './legend';

export interface PresentationView {
  id: string; titleZh: string; titleEn: string; captionZh: string; captionEn: string;
  extent4490: [number, number, number, number]; layers: string[]; sample?: string | null;
}

export class Presentation {
  private views: PresentationView[] = [];
  private index = 0;
  private saved = new Map<string, boolean>();
  private readonly overlay: HTMLElement;
  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  active = false;

  constructor(private readonly planMap: PlanMap, private readonly check: CheckPanel) {
    this.overlay = document.createElement('div');
    this.overlay.id = 'presentation-overlay';
    this.overlay.hidden = true;
    planMap.map.getTargetElement()!.append(this.overlay);
  }

  async start(): Promise<void> {
    const response = await fetch('/api/presentations/plan');
    if (!response.ok) throw new Error((await response.json()).detail ?? response.statusText);
    this.views = (await response.json()) as PresentationView[];
    if (this.views.length === 0) return;
    this.saved = new Map([...this.planMap.layers].map(([id, l]) => [id, l.layer.getVisible()]));
    this.active = true;
    document.body.classList.add('presenting');
    document.documentElement.requestFullscreen?.().catch(() => { /* refused (e.g. headless): the page still fills the window */ });
    this.planMap.setLabelScale(1.5);
    this.overlay.hidden = false;
    window.addEventListener('keydown', this.onKey);
    this.planMap.map.updateSize();
    await this.go(0);
  }

  stop(): void {
    if (!this.active) return;
    this.active = false;
    window.removeEventListener('keydown', this.onKey);
    document.body.classList.remove('presenting');
    delete document.body.dataset.view;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.overlay.hidden = true;
    this.saved.forEach((visible, id) => this.planMap.setVisible(id, visible));
    this.planMap.setLabelScale(1);
    this.check.layers.clear();
    this.planMap.map.updateSize();
    this.planMap.fitAll();
  }

  private key(e: KeyboardEvent): void {
    if (['ArrowRight', 'PageDown', ' '].includes(e.key)) { e.preventDefault(); void this.go(this.index + 1); }
    else if (['ArrowLeft', 'PageUp'].includes(e.key)) { e.preventDefault(); void this.go(this.index - 1); }
    else if (e.key === 'Escape') this.stop();
  }

  private async go(index: number): Promise<void> {
    if (index < 0 || index >= this.views.length) return;
    this.index = index;
    const view = this.views[index];
    for (const id of this.planMap.layers.keys()) this.planMap.setVisible(id, view.layers.includes(id));
    this.planMap.map.updateSize();
    this.planMap.map.getView().fit(transformExtent(view.extent4490, DATA_CRS, VIEW_CRS), { padding: [90, 40, 150, 40] });
    document.body.dataset.view = view.id;
    this.render(view);
    this.check.layers.clear();
    if (view.sample) {
      await this.check.runSampleFile(view.sample, false);
      const report = this.check.lastReport;
      if (report && this.active && this.views[this.index] === view) this.renderCheck(report);
    }
  }

  /** A slide of a check: the verdict badge over the map and the overlap legend under the layers'. */
  private renderCheck(report: CheckReport): void {
    const badge = document.createElement('div');
    badge.className = `pres-verdict verdict-${report.verdict}`;
    badge.dataset.verdict = report.verdict;
    badge.textContent = `${t('overallVerdict')}${colon()}${lang() === 'zh' ? report.verdictZh : t(`verdict.${report.verdict}` as Key) || report.verdict}`;
    this.overlay.append(badge);
    const legend = this.overlay.querySelector<HTMLElement>('.pres-legend');
    const overlaps = overlapLegend(report, this.planMap.catalog);
    if (legend && overlaps) {
      const title = document.createElement('div');
      title.className = 'pres-legend-title';
      title.textContent = t('overlapLegend');
      legend.append(title);
      overlaps.querySelectorAll<HTMLElement>('.overlap-legend-item').forEach((item) => {
        const row = document.createElement('div');
        row.className = 'pres-overlap';
        row.dataset.category = item.dataset.category ?? '';
        row.append(...item.childNodes);
        legend.append(row);
      });
    }
  }

  private render(view: PresentationView): void {
    this.overlay.replaceChildren();
    const caption = document.createElement('div');
    caption.className = 'pres-caption';
    const title = document.createElement('h2');
    title.textContent = pick(view.titleZh, view.titleEn);
    const text = document.createElement('p');
    text.textContent = pick(view.captionZh, view.captionEn);
    const counter = document.createElement('span');
    counter.className = 'pres-counter';
    counter.textContent = `${this.index + 1} / ${this.views.length}   ← →   Esc`;
    caption.append(title, text, counter);

    const legend = document.createElement('div');
    legend.className = 'pres-legend';
    for (const info of this.planMap.catalog.layers.filter((l) => view.layers.includes(l.id)).reverse()) {
      const style = this.planMap.catalog.styles[info.style] ?? {};
      const row = document.createElement('div');
      const name = document.createElement('span');
      name.textContent = pick(info.titleZh, info.titleEn) + (info.schematic ? paren(t('schematic')) : '');
      row.append(swatch(style, style.point ? 'point' : style.fill ? 'polygon' : 'line'), name);
      legend.append(row);
    }
    this.overlay.append(caption, legend);
  }
}
