// The 台账 in the web app (issue 11 §5): /records lists saved checks with search, /records/{id} shows one record (its
// footprint on a map, its report PDF, its versions, two versions side by side, a one-click re-check), and after a check
// the side panel offers "保存到台账" with the project's identity. Chinese first; the page's language switch applies.
import './records.css';
import OlMap from 'ol/Map';
import View from 'ol/View';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style } from 'ol/style';
import { format } from './checkLayers';
import { VIEW_CRS } from './crs';
import { lang, onLangChange } from './i18n';
import { account, lastCheckRequest, signOut } from './account';
import type { CheckReport } from './api';

const S = {
  records: ['台账', 'Records'],
  backToMap: ['返回地图', 'Back to the map'],
  list: ['项目台账', 'Project records'],
  search: ['查找', 'Search'],
  q: ['名称、项目代码或建设单位', 'Name, project code or builder'],
  anyVerdict: ['全部结论', 'Any verdict'],
  kind: ['项目类型', 'Kind'],
  user: ['保存人', 'Saved by'],
  from: ['自', 'From'],
  to: ['至', 'To'],
  id: ['编号', 'No.'],
  name: ['项目名称', 'Project name'],
  code: ['项目代码', 'Project code'],
  builder: ['建设单位', 'Builder'],
  verdict: ['结论', 'Verdict'],
  version: ['版本', 'Version'],
  updated: ['更新时间', 'Updated'],
  state: ['状态', 'State'],
  withdrawn: ['已撤回', 'Withdrawn'],
  dataUpdated: ['数据已更新：结论可能变化', 'Data updated: the verdict may change'],
  none: ['没有符合条件的台账。', 'No records match.'],
  total: ['共 {n} 条', '{n} records'],
  affected: ['{n} 个项目数据已更新：结论可能变化', '{n} records: data updated, the verdict may change'],
  recheck: ['重新核查', 'Re-check'],
  rechecking: ['正在核查…', 'Checking…'],
  recheckChanged: ['结论或叠加面积已变化，已追加第 {v} 版。', 'The result changed: version {v} appended.'],
  recheckSame: ['结果没有变化（已记录本次复核）。', 'Nothing changed (the re-check is recorded).'],
  reportPdf: ['报告 PDF', 'Report PDF'],
  sourceFile: ['原始文件', 'Original file'],
  versions: ['版本', 'Versions'],
  reason: ['原因', 'Reason'],
  time: ['时间', 'Time'],
  dataVersion: ['数据版本', 'Data version'],
  compare: ['对比所选两个版本', 'Compare the two selected versions'],
  pickTwo: ['请勾选两个版本。', 'Select two versions.'],
  area: ['用地面积', 'Footprint area'],
  zones: ['管控要素', 'Zones'],
  save: ['保存到台账', 'Save to records'],
  saving: ['正在保存…', 'Saving…'],
  saved: ['已保存：台账 {id} 第 {v} 版', 'Saved: record {id}, version {v}'],
  open: ['打开', 'Open'],
  nameRequired: ['请填写项目名称。', 'Enter the project name.'],
  signOut: ['退出', 'Sign out'],
  kindSave: ['save', 'save'],
  notFound: ['台账不存在。', 'No such record.'],
  reasonSave: ['保存', 'saved'],
  reasonFootprint: ['新用地范围', 'new footprint'],
  reasonRecheck: ['复核', 're-check'],
} as const;
type K = keyof typeof S;
const tr = (k: K, vars: Record<string, string | number> = {}): string =>
  Object.entries(vars).reduce<string>((text, [name, value]) => text.replace(`{${name}}`, String(value)), S[k][lang() === 'zh' ? 0 : 1]);
const esc = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const when = (utc: string): string => new Date(utc).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
const VERDICTS = ['clear', 'advisory', 'approval-required', 'prohibited'];
const reasonText = (r: string): string => (r === 'save' ? tr('reasonSave') : r === 'footprint' ? tr('reasonFootprint') : r === 'recheck' ? tr('reasonRecheck') : r);

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    let detail = `${response.status}`;
    try { const p = JSON.parse(text); detail = p.detail || p.title || detail; } catch { /* not JSON */ }
    throw new Error(detail);
  }
  return JSON.parse(text) as T;
}

interface Summary {
  id: number; version: number; projectName: string; builder: string | null; projectCode: string | null; kind: string; verdict: string;
  verdictZh: string; updatedAt: string; user: string; withdrawn: boolean; dataUpdated: boolean;
}
interface VersionJson {
  id: number; version: number; createdAt: string; user: string; reason: string; projectName: string; builder: string | null; projectCode: string | null;
  kind: string; verdict: string; verdictZh: string; dataVersion: string | null; footprint: unknown;
  sourceFile: { name: string; url: string }; reportPdf: { url: string }; report: CheckReport;
}
interface Detail {
  id: number; version: number; dataUpdated: boolean; noticeZh: string | null; withdrawn: { at: string; user: string; reason: string } | null;
  latest: VersionJson; versions: Array<{ version: number; createdAt: string; user: string; reason: string; verdict: string; verdictZh: string; dataVersion: string | null }>;
}

/** The records view over the map, its route (/records, /records/{id}), the top-bar button and the save box. */
export class Records {
  private readonly view: HTMLElement;
  private readonly saveBox: HTMLElement;
  private readonly navButton: HTMLButtonElement;
  private lastReport: CheckReport | null = null;
  private savedMessage = '';
  private query = new URLSearchParams();
  private footprintMap: OlMap | null = null;

  constructor(nav: HTMLElement, side: HTMLElement) {
    this.navButton = document.createElement('button');
    this.navButton.id = 'records-open';
    this.navButton.className = 'tool';
    this.navButton.addEventListener('click', () => this.go('/records'));
    nav.insertBefore(this.navButton, nav.querySelector('#lang-switch'));
    const me = account();
    if (me.signInRequired && me.signedIn) {
      const who = document.createElement('span');
      who.id = 'account-user';
      who.className = 'account-user';
      who.textContent = `${me.user}（${me.roleZh ?? me.role}）`;
      const out = document.createElement('button');
      out.id = 'sign-out';
      out.className = 'tool';
      out.addEventListener('click', () => void signOut());
      nav.append(who, out);
    }

    this.view = document.createElement('section');
    this.view.id = 'records-view';
    this.view.hidden = true;
    document.body.append(this.view);

    this.saveBox = document.createElement('section');
    this.saveBox.id = 'records-save';
    this.saveBox.hidden = true;
    side.insertBefore(this.saveBox, side.querySelector('#identify-panel'));
    side.addEventListener('checkdone', (e) => {
      this.lastReport = (e as CustomEvent<CheckReport>).detail;
      this.savedMessage = '';
      this.renderSaveBox();
    });

    window.addEventListener('popstate', () => void this.route());
    onLangChange(() => this.render());
    this.render();
    void this.route();
  }

  /** Back to the opening state (the browser tests share one page): no save box, the map shown. */
  reset(): void {
    this.lastReport = null;
    this.savedMessage = '';
    this.saveBox.hidden = true;
    if (location.pathname !== '/') history.replaceState(null, '', '/');
    this.view.hidden = true;
  }

  /** Re-renders the texts (language switch). */
  render(): void {
    this.navButton.textContent = tr('records');
    const out = document.getElementById('sign-out');
    if (out) out.textContent = tr('signOut');
    this.renderSaveBox();
    if (!this.view.hidden) void this.route();
  }

  /** Goes to a path of the page (/, /records, /records/{id}) without reloading. */
  go(path: string): void {
    history.pushState(null, '', path);
    void this.route();
  }

  private async route(): Promise<void> {
    const path = location.pathname;
    const detail = /^\/records\/(\d+)\/?$/.exec(path);
    if (detail) { this.view.hidden = false; await this.showRecord(Number(detail[1])); return; }
    if (/^\/records\/?$/.test(path)) { this.view.hidden = false; if (location.search) this.query = new URLSearchParams(location.search); await this.showList(); return; }
    this.view.hidden = true;
  }

  private header(title: string): string {
    return `<div class="records-head"><h2>${esc(title)}</h2><button type="button" class="records-link" data-go="/">${tr('backToMap')}</button></div>`;
  }

  private wireLinks(): void {
    this.view.querySelectorAll<HTMLElement>('[data-go]').forEach((el) => el.addEventListener('click', (e) => { e.preventDefault(); this.go(el.dataset.go!); }));
  }

  private async showList(): Promise<void> {
    const q = this.query;
    const verdictOptions = [`<option value="">${tr('anyVerdict')}</option>`, ...VERDICTS.map((v) => `<option value="${v}"${q.get('verdict') === v ? ' selected' : ''}>${v}</option>`)].join('');
    this.view.innerHTML = `${this.header(tr('list'))}
      <form id="records-search" class="records-search">
        <input name="q" placeholder="${esc(tr('q'))}" value="${esc(q.get('q'))}">
        <select name="verdict">${verdictOptions}</select>
        <input name="kind" placeholder="${esc(tr('kind'))}" value="${esc(q.get('kind'))}">
        <input name="user" placeholder="${esc(tr('user'))}" value="${esc(q.get('user'))}">
        <label>${tr('from')} <input type="date" name="from" value="${esc(q.get('from'))}"></label>
        <label>${tr('to')} <input type="date" name="to" value="${esc(q.get('to'))}"></label>
        <button type="submit">${tr('search')}</button>
      </form>
      <p id="records-status" class="records-status"></p>
      <div id="records-list"></div>`;
    this.wireLinks();
    this.view.querySelector<HTMLFormElement>('#records-search')!.addEventListener('submit', (e) => {
      e.preventDefault();
      const form = new FormData(e.target as HTMLFormElement);
      this.query = new URLSearchParams([...form.entries()].filter(([, v]) => String(v).trim() !== '').map(([k, v]) => [k, String(v)]));
      this.go(`/records${this.query.size ? `?${this.query}` : ''}`);
    });
    const status = this.view.querySelector('#records-status')!;
    try {
      const list = await api<{ total: number; affected: number; records: Summary[] }>(`/api/records?${q}`);
      status.textContent = tr('total', { n: list.total }) + (list.affected > 0 ? ` · ${tr('affected', { n: list.affected })}` : '');
      const rows = list.records.map((r) => `<tr data-id="${r.id}" class="verdict-${esc(r.verdict)}">
        <td>${r.id}</td><td><a href="/records/${r.id}" data-go="/records/${r.id}">${esc(r.projectName)}</a></td><td>${esc(r.projectCode)}</td><td>${esc(r.builder)}</td>
        <td>${esc(r.kind)}</td><td class="verdict-cell">${esc(lang() === 'zh' ? r.verdictZh : r.verdict)}</td><td>${r.version}</td><td>${esc(r.user)}</td>
        <td>${esc(when(r.updatedAt))}</td><td>${r.withdrawn ? tr('withdrawn') : r.dataUpdated ? `<span class="records-notice">${tr('dataUpdated')}</span>` : ''}</td></tr>`).join('');
      this.view.querySelector('#records-list')!.innerHTML = list.records.length === 0 ? `<p>${tr('none')}</p>` : `<table class="records-table"><thead><tr>
        <th>${tr('id')}</th><th>${tr('name')}</th><th>${tr('code')}</th><th>${tr('builder')}</th><th>${tr('kind')}</th><th>${tr('verdict')}</th>
        <th>${tr('version')}</th><th>${tr('user')}</th><th>${tr('updated')}</th><th>${tr('state')}</th></tr></thead><tbody>${rows}</tbody></table>`;
      this.wireLinks();
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  private async showRecord(id: number, message = ''): Promise<void> {
    let detail: Detail;
    try {
      detail = await api<Detail>(`/api/records/${id}`);
    } catch (e) {
      this.view.innerHTML = `${this.header(tr('list'))}<p class="records-status">${esc(e instanceof Error ? e.message : tr('notFound'))}</p>`;
      this.wireLinks();
      return;
    }
    const v = detail.latest;
    const me = account();
    const canCheck = !me.signInRequired || me.can.save;
    const versions = detail.versions.map((x) => `<tr><td><input type="checkbox" class="compare-pick" value="${x.version}"${x.version >= detail.version - 1 ? ' checked' : ''}></td>
      <td>${x.version}</td><td>${esc(when(x.createdAt))}</td><td>${esc(x.user)}</td><td>${esc(reasonText(x.reason))}</td>
      <td class="verdict-cell verdict-${esc(x.verdict)}">${esc(lang() === 'zh' ? x.verdictZh : x.verdict)}</td><td><code>${esc((x.dataVersion ?? '').slice(0, 12))}</code></td>
      <td><a href="/api/records/${id}/versions/${x.version}/report.pdf" target="_blank">PDF</a></td></tr>`).join('');
    this.view.innerHTML = `${this.header(`${tr('records')} ${id} · ${v.projectName}`)}
      <div class="records-back"><a href="/records" data-go="/records">← ${tr('list')}</a></div>
      ${detail.dataUpdated ? `<p id="record-notice" class="records-notice">${tr('dataUpdated')}</p>` : ''}
      ${detail.withdrawn ? `<p class="records-withdrawn">${tr('withdrawn')}：${esc(detail.withdrawn.reason)}（${esc(detail.withdrawn.user)}，${esc(when(detail.withdrawn.at))}）</p>` : ''}
      <div class="record-top">
        <div id="record-map" class="record-map"></div>
        <div class="record-facts">
          <div class="verdict-banner verdict-${esc(v.verdict)}"><span class="verdict-label">${tr('verdict')}</span><span id="record-verdict">${esc(lang() === 'zh' ? v.verdictZh : v.verdict)}</span></div>
          <dl>
            <dt>${tr('name')}</dt><dd>${esc(v.projectName)}</dd><dt>${tr('builder')}</dt><dd>${esc(v.builder)}</dd>
            <dt>${tr('code')}</dt><dd>${esc(v.projectCode)}</dd><dt>${tr('kind')}</dt><dd>${esc(v.report.project.kindZh)}（${esc(v.kind)}）</dd>
            <dt>${tr('area')}</dt><dd>${esc(v.report.footprint.figuresZh)}</dd><dt>${tr('version')}</dt><dd id="record-version">${v.version}</dd>
            <dt>${tr('user')}</dt><dd>${esc(v.user)}，${esc(when(v.createdAt))}</dd>
          </dl>
          <p class="record-actions">
            <a id="record-pdf" href="${esc(v.reportPdf.url)}" target="_blank">${tr('reportPdf')}</a>
            <a href="${esc(v.sourceFile.url)}">${tr('sourceFile')}（${esc(v.sourceFile.name)}）</a>
            ${canCheck && !detail.withdrawn ? `<button type="button" id="record-recheck">${tr('recheck')}</button>` : ''}
          </p>
          <p id="record-message" class="records-status">${esc(message)}</p>
        </div>
      </div>
      <h3>${tr('versions')}</h3>
      <table id="record-versions" class="records-table"><thead><tr><th></th><th>${tr('version')}</th><th>${tr('time')}</th><th>${tr('user')}</th><th>${tr('reason')}</th>
        <th>${tr('verdict')}</th><th>${tr('dataVersion')}</th><th></th></tr></thead><tbody>${versions}</tbody></table>
      <p><button type="button" id="record-compare">${tr('compare')}</button></p>
      <div id="record-comparison"></div>`;
    this.wireLinks();
    this.drawFootprint(v.footprint);
    this.view.querySelector('#record-recheck')?.addEventListener('click', async (e) => {
      const button = e.target as HTMLButtonElement;
      button.disabled = true;
      button.textContent = tr('rechecking');
      try {
        const r = await api<{ changed: boolean; newVersion: number | null; messageZh: string | null }>(`/api/records/${id}/recheck`, { method: 'POST' });
        await this.showRecord(id, r.messageZh ?? (r.changed ? tr('recheckChanged', { v: r.newVersion ?? '' }) : tr('recheckSame')));
      } catch (err) {
        this.view.querySelector('#record-message')!.textContent = err instanceof Error ? err.message : String(err);
        button.disabled = false;
        button.textContent = tr('recheck');
      }
    });
    this.view.querySelector('#record-compare')!.addEventListener('click', () => void this.compare(id));
    if (detail.versions.length > 1) await this.compare(id);
  }

  private drawFootprint(geometry: unknown): void {
    this.footprintMap?.setTarget(undefined);
    const source = new VectorSource({ features: format.readFeatures({ type: 'Feature', properties: {}, geometry }) });
    this.footprintMap = new OlMap({
      target: this.view.querySelector<HTMLElement>('#record-map')!,
      layers: [new VectorLayer({ source, style: new Style({ fill: new Fill({ color: 'rgba(20, 90, 200, 0.15)' }), stroke: new Stroke({ color: '#0b4fc4', width: 3 }) }) })],
      view: new View({ projection: VIEW_CRS }),
      controls: [],
    });
    const extent = source.getExtent();
    if (extent && Number.isFinite(extent[0])) this.footprintMap.getView().fit(extent, { padding: [24, 24, 24, 24], maxZoom: 16 });
  }

  /** Two versions side by side: identity, verdict, data version, footprint area, and each zone's relation, overlap and verdict. */
  private async compare(id: number): Promise<void> {
    const picked = [...this.view.querySelectorAll<HTMLInputElement>('.compare-pick:checked')].map((c) => Number(c.value)).sort((a, b) => a - b);
    const box = this.view.querySelector('#record-comparison')!;
    if (picked.length !== 2) { box.innerHTML = `<p class="records-status">${tr('pickTwo')}</p>`; return; }
    const [a, b] = await Promise.all(picked.map((n) => api<VersionJson>(`/api/records/${id}/versions/${n}`)));
    const zoneKey = (z: CheckReport['zones'][number]) => `${z.layerId}|${z.category}`;
    const zoneText = (z: CheckReport['zones'][number] | undefined) => (z ? `${z.relationZh} · ${z.overlapAreaMu.toFixed(2)} 亩 · ${z.verdictZh}` : '—');
    const keys = [...new Set([...a.report.zones, ...b.report.zones].map(zoneKey))];
    const row = (label: string, x: string, y: string) => `<tr class="${x === y ? '' : 'differs'}"><th>${esc(label)}</th><td>${esc(x)}</td><td>${esc(y)}</td></tr>`;
    const rows = [
      row(tr('time'), when(a.createdAt), when(b.createdAt)),
      row(tr('user'), a.user, b.user),
      row(tr('reason'), reasonText(a.reason), reasonText(b.reason)),
      row(tr('verdict'), a.verdictZh, b.verdictZh),
      row(tr('dataVersion'), a.dataVersion ?? '', b.dataVersion ?? ''),
      row(tr('sourceFile'), a.sourceFile.name, b.sourceFile.name),
      row(tr('area'), a.report.footprint.figuresZh, b.report.footprint.figuresZh),
      ...keys.map((k) => {
        const za = a.report.zones.find((z) => zoneKey(z) === k);
        const zb = b.report.zones.find((z) => zoneKey(z) === k);
        return row((za ?? zb)!.layerTitle, zoneText(za), zoneText(zb));
      }),
    ].join('');
    box.innerHTML = `<table id="record-compare-table" class="records-table compare"><thead><tr><th></th><th>${tr('version')} ${a.version}</th><th>${tr('version')} ${b.version}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }

  private renderSaveBox(): void {
    const me = account();
    if (!this.lastReport || (me.signInRequired && !me.can.save)) { this.saveBox.hidden = true; return; }
    const name = this.saveBox.querySelector<HTMLInputElement>('#save-name')?.value ?? this.lastReport.project.name ?? '';
    const builder = this.saveBox.querySelector<HTMLInputElement>('#save-builder')?.value ?? '';
    const code = this.saveBox.querySelector<HTMLInputElement>('#save-code')?.value ?? '';
    this.saveBox.hidden = false;
    this.saveBox.innerHTML = `<h2>${tr('save')}</h2>
      <label>${tr('name')}<input id="save-name" value="${esc(name)}"></label>
      <label>${tr('builder')}<input id="save-builder" value="${esc(builder)}"></label>
      <label>${tr('code')}<input id="save-code" value="${esc(code)}" placeholder="2026-150826-44-01-000001"></label>
      <button type="button" id="save-record" class="primary">${tr('save')}</button>
      <p id="save-status" class="records-status">${this.savedMessage}</p>`;
    this.saveBox.querySelector('#save-record')!.addEventListener('click', () => void this.save());
    this.saveBox.querySelectorAll('[data-go]').forEach((el) => el.addEventListener('click', (e) => { e.preventDefault(); this.go((el as HTMLElement).dataset.go!); }));
  }

  private async save(): Promise<void> {
    const request = lastCheckRequest();
    const status = this.saveBox.querySelector('#save-status')!;
    const value = (id: string) => this.saveBox.querySelector<HTMLInputElement>(`#${id}`)!.value.trim();
    if (!request) return;
    if (!value('save-name')) { status.textContent = tr('nameRequired'); return; }
    const search = new URLSearchParams(request.search);
    search.set('projectName', value('save-name'));
    if (value('save-builder')) search.set('builder', value('save-builder'));
    if (value('save-code')) search.set('projectCode', value('save-code'));
    const button = this.saveBox.querySelector<HTMLButtonElement>('#save-record')!;
    button.disabled = true;
    status.textContent = tr('saving');
    try {
      const headers = request.contentType ? { 'Content-Type': request.contentType } : undefined;
      const saved = await api<{ id: number; version: number }>(`/api/records?${search}`, { method: 'POST', body: request.body, headers });
      this.savedMessage = `${esc(tr('saved', { id: saved.id, v: saved.version }))} <a id="save-open" href="/records/${saved.id}" data-go="/records/${saved.id}">${tr('open')}</a>`;
      this.renderSaveBox();
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
      button.disabled = false;
    }
  }
}
