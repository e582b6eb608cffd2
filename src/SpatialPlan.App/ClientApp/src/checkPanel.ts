// The site check in the map: get a footprint (upload, draw, sample), set the options, run, show the report.
import Draw from 'ol/interaction/Draw';
import Modify from 'ol/interaction/Modify';
import Snap from 'ol/interaction/Snap';
import VectorSource from 'ol/source/Vector';
import { buffer as bufferExtent } from 'ol/extent';
import type { Geometry } from 'ol/geom';
import type Feature from 'ol/Feature';
import { readQueryFeatures, type PlanMap } from './planMap';
import { transformExtent } from 'ol/proj';
import { askSheetFields, checkSheet } from './exportDialog';
import { exportLayers } from './exportLayers';
import { ApiError, queryFeatures, checkFile, checkGeoJson, getKinds, getSamples, reportCsv, reportPdf, type CheckOptions, type CheckReport, type Kinds, type SampleProject } from './api';
import { t, pick, colon, lang, type Key } from './i18n';
import { CheckLayers, format } from './checkLayers';
import { download, renderReport } from './checkResult';
import { DATA_CRS, VIEW_CRS, WORKING_CRS } from './crs';

type DrawType = 'Polygon' | 'LineString' | 'Point';

/** A drawn footprint has no properties: its kind must be chosen (no silent default). A sample or file may carry its own. */
type Footprint = { kind: 'file'; file: File } | { kind: 'geojson'; text: string; drawn: boolean };

/** What the planner set in the form; kept across re-renders (language switch, kinds arriving). */
interface FormState { type: string; majors: Set<string>; width: string; radius: string; crs: string; sample: string }

export class CheckPanel {
  private footprint: Footprint | null = null;
  private samples: SampleProject[] = [];
  private kinds: Kinds | null = null;
  private draw: Draw | null = null;
  private drawType: DrawType | null = null;
  /** Editing the footprint: Modify on its features, Snap to zone and 图斑 edges near it, an undo stack of GeoJSON texts. */
  private edit: { modify: Modify; snap: Snap } | null = null;
  private undoStack: string[] = [];
  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  readonly layers: CheckLayers;
  private lastResult: (() => void) | null = null;
  private form: FormState = { type: '', majors: new Set(), width: '', radius: '', crs: '', sample: '' };

  constructor(private readonly root: HTMLElement, private readonly planMap: PlanMap, private readonly beforeDraw: () => void) {
    this.layers = new CheckLayers(planMap.map);
    this.layers.useCatalog(planMap.catalog);
    getSamples().then((s) => { this.samples = s; this.render(); }).catch(() => { /* no samples folder: the list stays empty */ });
    getKinds().then((k) => { this.kinds = k; this.render(); }).catch(() => { /* no policy: the lists stay empty and the server says why on check */ });
    this.render();
    window.addEventListener('keydown', this.onKey);
  }

  render(): void {
    const r = this.root;
    r.innerHTML = `
      <h2>${t('siteCheck')}</h2>
      <fieldset class="source">
        <legend>${t('footprint')}</legend>
        <div class="field">${t('upload')}
          <div class="file-picker">
            <input type="file" id="check-file" class="visually-hidden" accept=".geojson,.json,.zip,.txt,.csv">
            <label for="check-file" class="file-button" role="button" tabindex="0">${t('chooseFile')}</label>
            <span id="check-file-name" class="file-name">${escapeHtml(this.fileName() ?? t('noFile'))}</span>
          </div>
        </div>
        <p class="hint">${t('uploadHint')}</p>
        <p id="upload-error" class="error" role="alert" hidden></p>
        <div class="draw-buttons">
          <span>${t('draw')}${colon()}</span>
          <button type="button" data-draw="Polygon">${t('drawPolygon')}</button>
          <button type="button" data-draw="LineString">${t('drawLine')}</button>
          <button type="button" data-draw="Point">${t('drawPoint')}</button>
        </div>
        <p id="draw-hint" class="hint draw-hint" role="status" hidden></p>
        <div class="edit-buttons">
          <button type="button" id="edit-footprint" hidden>${t('editFootprint')}</button>
          <button type="button" id="undo-edit" title="Ctrl+Z" hidden>${t('undo')}</button>
        </div>
        <p id="edit-hint" class="hint" hidden>${t('editHint')}</p>
        <label class="field">${t('sample')}
          <select id="check-sample"><option value="">${t('chooseSample')}</option>
            ${this.samples.map((s, i) => `<option value="${i}">${escapeHtml(pick(s.nameZh, s.nameEn))}</option>`).join('')}
          </select>
        </label>
      </fieldset>
      <fieldset class="options">
        <legend>${t('projectSettings')}</legend>
        <label class="field required">${t('projectType')}
          <select id="check-type" required><option value="">${t('type.auto')}</option>${this.kindOptions()}</select>
        </label>
        <p class="hint">${t('typeHint')}</p>
        <div class="field majors">${t('majors')}${this.majorLists()}</div>
        <div class="row">
          <label class="field small">${t('widthM')}<input type="number" id="check-width" min="0" step="1" placeholder="30"></label>
          <label class="field small">${t('radiusM')}<input type="number" id="check-radius" min="0" step="1" placeholder="200"></label>
          <label class="field small">${t('crs')}<select id="check-crs">
            <option value="">${t('crsAuto')}</option><option>EPSG:4490</option><option>${VIEW_CRS}</option><option>EPSG:${WORKING_CRS.zonedEpsg}</option>
          </select></label>
        </div>
      </fieldset>
      <button type="button" id="check-run" class="primary">${t('run')}</button>
      <p id="check-run-reason" class="hint run-reason" hidden></p>
      <p id="check-status" class="error" hidden></p>
      <div id="check-result"></div>`;
    this.restoreForm();
    this.wire();
    this.updateControls();
    this.lastResult?.();
  }

  /**
   * The draw hint, the edit buttons and the run button's state: disabled, with the reason beside it, while there is no
   * footprint or a drawn one has no kind (the kind select is then marked as the missing required choice).
   */
  private updateControls(): void {
    const hint = this.$('draw-hint');
    hint.hidden = !this.drawType;
    hint.textContent = this.drawType ? t(`drawHint.${this.drawType}` as Key) : '';
    this.root.querySelectorAll<HTMLButtonElement>('[data-draw]').forEach((b) => b.classList.toggle('active', b.dataset.draw === this.drawType));
    const edit = this.$<HTMLButtonElement>('edit-footprint');
    edit.hidden = this.layers.footprint.isEmpty() || !!this.drawType;
    edit.textContent = t(this.edit ? 'finishEdit' : 'editFootprint');
    edit.classList.toggle('active', !!this.edit);
    const undo = this.$<HTMLButtonElement>('undo-edit');
    undo.hidden = !this.edit && this.undoStack.length === 0;
    undo.disabled = this.undoStack.length === 0;
    this.$('edit-hint').hidden = !this.edit;
    const needsKind = this.footprint?.kind === 'geojson' && this.footprint.drawn && !this.form.type;
    const reason = !this.footprint ? t('runNeedsFootprint') : needsKind ? t('runNeedsKind') : '';
    const run = this.$<HTMLButtonElement>('check-run');
    if (!this.running) run.disabled = !!reason;
    run.title = reason;
    const why = this.$('check-run-reason');
    why.textContent = reason;
    why.hidden = !reason;
    this.$('check-type').classList.toggle('missing', needsKind);
    this.$('check-type').setAttribute('aria-invalid', String(needsKind));
  }

  private running = false;
  /** The report of the last check shown (the presentation's check slides read its verdict and overlaps). */
  lastReport: CheckReport | null = null;

  /** Puts the planner's settings back after a re-render. */
  private restoreForm(): void {
    const f = this.form;
    const type = this.$<HTMLSelectElement>('check-type');
    type.value = f.type;
    if (type.value !== f.type) type.value = '';
    this.root.querySelectorAll<HTMLInputElement>('input[name="major"]').forEach((box) => { box.checked = f.majors.has(box.value); });
    this.updateMajorCounts();
    this.$<HTMLInputElement>('check-width').value = f.width;
    this.$<HTMLInputElement>('check-radius').value = f.radius;
    this.$<HTMLSelectElement>('check-crs').value = f.crs;
    this.$<HTMLSelectElement>('check-sample').value = f.sample;
  }

  /** Reads the form into the kept state. */
  private saveForm(): void {
    this.form = {
      type: this.$<HTMLSelectElement>('check-type').value,
      majors: new Set([...this.root.querySelectorAll<HTMLInputElement>('input[name="major"]:checked')].map((b) => b.value)),
      width: this.$<HTMLInputElement>('check-width').value,
      radius: this.$<HTMLInputElement>('check-radius').value,
      crs: this.$<HTMLSelectElement>('check-crs').value,
      sample: this.$<HTMLSelectElement>('check-sample').value,
    };
    this.updateMajorCounts();
  }

  private updateMajorCounts(): void {
    this.root.querySelectorAll<HTMLElement>('details.major-list').forEach((d) => {
      const n = d.querySelectorAll('input[name="major"]:checked').length;
      const count = d.querySelector<HTMLElement>('.major-count')!;
      count.textContent = n > 0 ? t('selected').replace('{n}', String(n)) : '';
      d.classList.toggle('has-selection', n > 0);
    });
  }

  /** The policy's kinds, grouped as the law's panel groups them (建设 / 基础设施 / 农业 / 生态 / 特殊). */
  private kindOptions(): string {
    const k = this.kinds;
    if (!k) return '';
    return k.groups.map((g) => `<optgroup label="${escapeHtml(pick(g.nameZh, g.nameEn))}">${k.kinds.filter((x) => x.group === g.id)
      .map((x) => `<option value="${x.id}">${escapeHtml(pick(x.nameZh, x.nameEn))}</option>`).join('')}</optgroup>`).join('');
  }

  /**
   * One selector per legal major-project list (永久基本农田 / 生态保护红线 / 湿地), each category with its document: a
   * category lifts only its own list's zone, so the lists are kept apart.
   */
  private majorLists(): string {
    const k = this.kinds;
    if (!k) return '';
    const lists = [...new Set(k.majorCategories.map((m) => m.list))];
    return lists.map((list) => {
      const items = k.majorCategories.filter((m) => m.list === list);
      const boxes = items.map((m) => {
        const doc = m.basis ? `${pick(m.basis.titleZh, m.basis.titleEn)}${m.basis.article ? ` ${m.basis.article}` : ''}` : '';
        return `<label class="major" data-major="${m.id}"><input type="checkbox" name="major" value="${m.id}">
          <span><span class="major-name">${escapeHtml(pick(m.nameZh, m.nameEn))}</span>
          ${doc ? `<span class="major-doc">${escapeHtml(doc)}</span>` : ''}</span></label>`;
      }).join('');
      return `<details class="major-list" data-list="${list}"><summary>${escapeHtml(listName(list, items[0].listZh))}
        <span class="major-count"></span></summary>${boxes}</details>`;
    }).join('');
  }

  /** The uploaded file's name, shown instead of the browser's own (English) file-input text. */
  private fileName(): string | null { return this.footprint?.kind === 'file' ? this.footprint.file.name : null; }

  private showFileName(): void {
    this.$('check-file-name').textContent = this.fileName() ?? t('noFile');
    // A drawn or sample footprint replaces the file: let the same file be chosen again later.
    if (!this.fileName()) this.$<HTMLInputElement>('check-file').value = '';
  }

  private $<T extends HTMLElement>(id: string): T { return this.root.querySelector<T>(`#${id}`)!; }

  private wire(): void {
    this.$<HTMLInputElement>('check-file').addEventListener('change', (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (!file) return;
      this.stopEdit();
      this.undoStack = [];
      this.footprint = { kind: 'file', file };
      this.showFileName();
      this.$<HTMLSelectElement>('check-sample').value = '';
      this.form.sample = '';
      this.layers.clear();
      this.showUploadError(null);
      void this.run();
    });
    const button = this.root.querySelector<HTMLLabelElement>('label.file-button')!;
    button.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.$('check-file').click(); } });
    this.$<HTMLSelectElement>('check-sample').addEventListener('change', (e) => void this.pickSample(Number((e.target as HTMLSelectElement).value)));
    this.root.querySelectorAll<HTMLButtonElement>('[data-draw]').forEach((b) =>
      b.addEventListener('click', () => this.startDraw(b.dataset.draw as DrawType)));
    this.$('check-run').addEventListener('click', () => void this.run());
    this.root.querySelector('fieldset.options')!.addEventListener('change', () => { this.saveForm(); this.updateControls(); });
    this.$('edit-footprint').addEventListener('click', () => (this.edit ? this.stopEdit() : this.startEdit()));
    this.$('undo-edit').addEventListener('click', () => this.undo());
  }

  private options(): CheckOptions {
    this.saveForm();
    const num = (v: string) => (Number(v) > 0 ? Number(v) : null);
    const f = this.form;
    return { type: f.type, majors: [...f.majors], width: num(f.width), radius: num(f.radius), crs: f.crs || null };
  }

  /** Checks the sample project with this file name (presentation mode); `fit` zooms to it. */
  async runSampleFile(file: string, fit = true): Promise<void> {
    if (this.samples.length === 0) this.samples = await getSamples();
    const index = this.samples.findIndex((s) => s.file === file);
    if (index >= 0) await this.pickSample(index, fit);
  }

  private async pickSample(index: number, fit = true): Promise<void> {
    const sample = this.samples[index];
    if (!sample) return;
    // Sent as the file it is (a GeoJSON or a 界址点 list), under its own name, exactly as an upload of it would be.
    this.stopDraw();
    this.stopEdit();
    this.undoStack = [];
    const blob = await (await fetch(sample.url)).blob();
    this.footprint = { kind: 'file', file: new File([blob], sample.file) };
    this.showFileName();
    this.form = {
      type: sample.type,
      majors: new Set(sample.majors ?? []),
      width: sample.width ? String(sample.width) : '',
      radius: sample.radius ? String(sample.radius) : '',
      crs: sample.crs ? `EPSG:${String(sample.crs).replace(/^EPSG:/i, '')}` : '',
      sample: String(index),
    };
    this.restoreForm();
    await this.run(fit);
  }

  /**
   * Starts a draw tool. Each tool sets its own geometry settings and clears the others' (a 点+半径 after a 线+宽度 is
   * checked as a point), and a new drawing has no kind, no major lists, no source CRS and no sample: those belonged to
   * the footprint it replaces.
   */
  private startDraw(type: DrawType): void {
    this.beforeDraw();
    this.stopDraw();
    this.stopEdit();
    this.layers.clear();
    this.footprint = null;
    this.lastResult = null;
    this.undoStack = [];
    this.$('check-result').replaceChildren();
    this.form = {
      type: '', majors: new Set(), crs: '', sample: '',
      width: type === 'LineString' ? '30' : '',
      radius: type === 'Point' ? '200' : '',
    };
    this.restoreForm();
    this.showFileName();
    this.drawType = type;
    this.draw = new Draw({ source: this.layers.footprint, type });
    this.draw.on('drawend', (e) => {
      this.stopDraw();
      const feature = e.feature as Feature<Geometry>;
      this.footprint = { kind: 'geojson', text: format.writeFeatures([feature]), drawn: true };
      this.showFileName();
      this.updateControls();
    });
    this.planMap.map.addInteraction(this.draw);
    this.updateControls();
  }

  /** Ctrl+Z undoes the last vertex while drawing, the last edit while editing; Esc cancels a drawing or ends editing. */
  private key(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      if (this.draw) { e.preventDefault(); this.draw.removeLastPoint(); } else if (this.undoStack.length) { e.preventDefault(); this.undo(); }
    } else if (e.key === 'Escape') {
      if (this.draw) { this.stopDraw(); this.layers.footprint.clear(); }
      else if (this.edit) this.stopEdit();
    }
  }

  /**
   * Edits the footprint on the map: move, add (drag an edge) and delete (Alt+click) vertices, snapping to the edges of
   * the zones and 图斑 near it. Each edit is checked again as a drawn polygon in EPSG:4490 (the map's footprint).
   */
  startEdit(): void {
    if (this.edit || this.layers.footprint.isEmpty()) return;
    this.beforeDraw();
    this.stopDraw();
    const modify = new Modify({ source: this.layers.footprint });
    modify.on('modifystart', () => { this.undoStack.push(this.footprintText()); this.updateControls(); });
    modify.on('modifyend', () => void this.afterEdit());
    const snap = new Snap({ source: this.snapSource(), pixelTolerance: 10 });
    this.planMap.map.addInteraction(modify);
    this.planMap.map.addInteraction(snap);
    this.edit = { modify, snap };
    this.updateControls();
  }

  stopEdit(): void {
    if (!this.edit) return;
    this.planMap.map.removeInteraction(this.edit.modify);
    this.planMap.map.removeInteraction(this.edit.snap);
    this.edit = null;
    this.updateControls();
  }

  /**
   * Zone and 图斑 features within 2 km of the footprint (the farmland's 图斑 are too many to index whole): the
   * browser's copy of the GeoJSON layers at once, the tiled layers' full features from the server's bbox query as
   * they come (a box with more than the server's cap is left out of snapping).
   */
  private snapSource(): VectorSource {
    const around = bufferExtent(this.layers.footprint.getExtent()!, 2000);
    const source = new VectorSource();
    const lonLat = transformExtent(around, VIEW_CRS, DATA_CRS) as [number, number, number, number];
    this.planMap.layers.forEach(({ info, layer, source: whole }) => {
      if (info.category === 'base' || !layer.getVisible()) return;
      if (whole) source.addFeatures(whole.getFeaturesInExtent(around) as Feature<Geometry>[]);
      else {
        queryFeatures(info.id, { bbox: lonLat })
          .then((collection) => source.addFeatures(readQueryFeatures(collection)))
          .catch(() => { /* over the cap or offline: snap to the other layers */ });
      }
    });
    return source;
  }

  private footprintText(): string { return format.writeFeatures(this.layers.footprint.getFeatures()); }

  /** The edited footprint becomes the footprint: a polygon now (width and radius no longer apply), checked again. */
  private async afterEdit(): Promise<void> {
    const text = this.footprintText();
    const hadResult = !!this.lastResult;
    this.footprint = { kind: 'geojson', text, drawn: true };
    const polygonal = this.layers.footprint.getFeatures().every((f) => f.getGeometry()?.getType().includes('Polygon'));
    this.form = { ...this.form, crs: '', sample: '', width: polygonal ? '' : this.form.width, radius: polygonal ? '' : this.form.radius };
    this.restoreForm();
    this.showFileName();
    this.updateControls();
    if (hadResult && this.form.type) await this.run(false);
  }

  /** Puts the footprint back as it was before the last edit, and checks it again. */
  undo(): void {
    const previous = this.undoStack.pop();
    if (previous === undefined) return;
    this.layers.footprint.clear();
    this.layers.footprint.addFeatures(format.readFeatures(previous) as Feature<Geometry>[]);
    void this.afterEdit();
  }

  /** Forgets the footprint and the result (the 清除 button, and the tests between cases). */
  reset(): void {
    this.stopDraw();
    this.stopEdit();
    this.undoStack = [];
    this.footprint = null;
    this.lastResult = null;
    this.lastReport = null;
    this.form = { type: '', majors: new Set(), width: '', radius: '', crs: '', sample: '' };
    this.layers.clear();
    this.render();
  }

  stopDraw(): void {
    if (this.draw) this.planMap.map.removeInteraction(this.draw);
    this.draw = null;
    if (this.drawType) { this.drawType = null; this.updateControls(); }
  }

  private async run(fit = true): Promise<void> {
    const status = this.$('check-status');
    status.hidden = true;
    if (!this.footprint) {
      status.textContent = t('noFootprint');
      status.hidden = false;
      return;
    }
    if (this.footprint.kind === 'geojson' && this.footprint.drawn && !this.options().type) {
      status.textContent = t('kindRequired');
      status.hidden = false;
      this.$('check-type').focus();
      return;
    }
    const button = this.$<HTMLButtonElement>('check-run');
    button.disabled = true;
    this.running = true;
    button.textContent = t('running');
    try {
      const [raw, report] = this.footprint.kind === 'file'
        ? await checkFile(this.footprint.file, this.options())
        : await checkGeoJson(this.footprint.text, this.options());
      this.layers.showFootprint(report.footprint.geometry, fit);
      const footprint = this.footprint;
      const options = this.options();
      const body = footprint.kind === 'file' ? footprint.file : footprint.text;
      const server = {
        csv: () => this.serverDownload(() => reportCsv(body, options), 'site-check.csv'),
        pdf: () => this.serverDownload(() => reportPdf(body, options), 'site-check-report.pdf'),
        // 会议出图: the check's own sheet (footprint, overlaps by category, detail frames), after the export dialog.
        sheet: async () => {
          const fields = await askSheetFields(report.project.name || t('meetingSheet'), t('meetingSheet'));
          if (fields) await this.serverDownload(() => checkSheet(body, options, fields), 'site-check-sheet.pdf');
        },
        layers: () => this.serverDownload(() => exportLayers(body, options, 'gpkg'), 'site-check-layers.gpkg'),
      };
      this.lastResult = () => renderReport(this.$('check-result'), report, raw, this.layers, server, this.planMap.catalog, {
        find: (l, id) => this.planMap.featureById(l, id),
        fetch: (l, ids) => this.planMap.fetchFeatures(l, ids),
      });
      this.lastResult();
      this.lastReport = report;
      this.root.dispatchEvent(new CustomEvent('checkdone', { bubbles: true, detail: report }));
    } catch (e) {
      const message = e instanceof ApiError ? e.message : `${t('loadError')}${colon()}${String(e)}`;
      this.$('check-result').replaceChildren();
      this.lastResult = null;
      this.lastReport = null;
      if (this.footprint.kind === 'file') this.showUploadError(message);
      else { status.textContent = message; status.hidden = false; }
    } finally {
      this.running = false;
      const current = this.$<HTMLButtonElement>('check-run');
      current.disabled = false;
      current.textContent = t('run');
      this.updateControls();
    }
  }

  /** Fetches a server-made file of the current check and saves it; a failure shows under the run button. */
  private async serverDownload(fetchFile: () => Promise<Blob>, name: string): Promise<void> {
    try {
      download(name, await fetchFile());
    } catch (e) {
      const status = this.$('check-status');
      status.textContent = e instanceof ApiError ? e.message : `${t('loadError')}${colon()}${String(e)}`;
      status.hidden = false;
    }
  }

  private showUploadError(message: string | null): void {
    const error = this.$('upload-error');
    error.textContent = message ?? '';
    error.hidden = !message;
  }
}

/** The list's name: the zone it lifts, in the page's language (the API gives the Chinese list name). */
function listName(list: string, listZh: string): string {
  const key = `list.${list}` as Key;
  return lang() === 'zh' ? listZh : t(key) || list;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
