// The export dialog (issue 9 §1, §5): 图名, 制图单位, paper and orientation for both map exports — the plain
// 「导出 PDF/PNG 图」 of the view (GET /api/sheets) and the sheet of a check (会议出图, POST /api/checks/sheet). The
// dialog builds itself on first use, so it needs no markup in index.html, and styles itself inline (no style.css rules).
import { lang } from './i18n';
import { optionEntries, type CheckOptions } from './api';

const say = (zh: string, en: string): string => (lang() === 'zh' ? zh : en);

/** What the planner chose; sent as the query or form fields title, unit, paper, orientation and lang. */
export interface SheetFields {
  title: string;
  unit: string;
  paper: 'A4' | 'A3';
  orientation: 'landscape' | 'portrait';
}

/** Remembered for the session: the unit and paper a planner picks once are kept for the next export. */
let last: Omit<SheetFields, 'title'> = { unit: '', paper: 'A3', orientation: 'landscape' };

/** The fields as [name, value] pairs, with the UI language (the sheet's legend and notes follow it). */
export function sheetFieldEntries(f: SheetFields): Array<[string, string]> {
  const entries: Array<[string, string]> = [['paper', f.paper], ['orientation', f.orientation], ['lang', lang()]];
  if (f.title.trim()) entries.push(['title', f.title.trim()]);
  if (f.unit.trim()) entries.push(['unit', f.unit.trim()]);
  return entries;
}

function field(label: string, control: HTMLElement): HTMLLabelElement {
  const row = document.createElement('label');
  row.style.cssText = 'display:flex;flex-direction:column;gap:2px;margin:6px 0;font-size:13px';
  row.append(label, control);
  return row;
}

function choice<T extends string>(id: string, options: Array<[T, string]>, value: T): HTMLSelectElement {
  const select = document.createElement('select');
  select.id = id;
  for (const [v, text] of options) select.add(new Option(text, v, false, v === value));
  return select;
}

/**
 * Opens the dialog with <paramref name="defaultTitle"/> filled in. Resolves with the fields on 「导出」, or null when the
 * planner cancels (Esc or 「取消」). Ids: #export-dialog, #export-title, #export-unit, #export-paper, #export-orientation,
 * #export-dialog-ok, #export-dialog-cancel.
 */
export function askSheetFields(defaultTitle: string, heading?: string): Promise<SheetFields | null> {
  document.getElementById('export-dialog')?.remove();
  const dialog = document.createElement('dialog');
  dialog.id = 'export-dialog';
  dialog.style.cssText = 'min-width:320px;max-width:90vw;padding:14px 18px;border:1px solid #999;border-radius:6px;font-size:14px';
  const form = document.createElement('form');
  form.method = 'dialog';
  const h = document.createElement('h3');
  h.textContent = heading ?? say('导出图幅', 'Export a map sheet');
  h.style.cssText = 'margin:0 0 8px;font-size:16px';
  const title = document.createElement('input');
  title.id = 'export-title';
  title.value = defaultTitle;
  title.maxLength = 80;
  const unit = document.createElement('input');
  unit.id = 'export-unit';
  unit.value = last.unit;
  unit.maxLength = 80;
  unit.placeholder = say('不填则在图上留空待填写', 'left blank on the sheet if empty');
  const paper = choice<'A4' | 'A3'>('export-paper', [['A3', 'A3'], ['A4', 'A4']], last.paper);
  const orientation = choice<'landscape' | 'portrait'>('export-orientation',
    [['landscape', say('横向', 'Landscape')], ['portrait', say('纵向', 'Portrait')]], last.orientation);
  const buttons = document.createElement('div');
  buttons.style.cssText = 'display:flex;justify-content:flex-end;gap:8px;margin-top:12px';
  const ok = document.createElement('button');
  ok.id = 'export-dialog-ok';
  ok.value = 'ok';
  ok.textContent = say('导出', 'Export');
  const cancel = document.createElement('button');
  cancel.id = 'export-dialog-cancel';
  cancel.value = 'cancel';
  cancel.textContent = say('取消', 'Cancel');
  buttons.append(cancel, ok);
  form.append(h, field(say('图名', 'Title'), title), field(say('制图单位', 'Mapping unit'), unit),
    field(say('纸张', 'Paper'), paper), field(say('方向', 'Orientation'), orientation), buttons);
  dialog.append(form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const chosen = dialog.returnValue === 'ok';
      const fields: SheetFields = {
        title: title.value, unit: unit.value,
        paper: paper.value as SheetFields['paper'], orientation: orientation.value as SheetFields['orientation'],
      };
      if (chosen) last = { unit: fields.unit, paper: fields.paper, orientation: fields.orientation };
      dialog.remove();
      resolve(chosen ? fields : null);
    }, { once: true });
    dialog.showModal();
    title.select();
  });
}

/**
 * The check's sheet for a meeting (会议出图): the same footprint and options as the check, plus the sheet's fields, as a
 * PDF or PNG Blob. Throws an Error whose message is the server's problem detail (written for the planner).
 */
export async function checkSheet(footprint: File | string, o: CheckOptions, f: SheetFields, format: 'pdf' | 'png' = 'pdf'): Promise<Blob> {
  const form = new FormData();
  if (typeof footprint === 'string') form.append('file', new Blob([footprint], { type: 'application/geo+json' }), 'footprint.geojson');
  else form.append('file', footprint, footprint.name);
  optionEntries(o).forEach(([k, v]) => form.append(k, v));
  sheetFieldEntries(f).forEach(([k, v]) => form.append(k, v));
  form.append('format', format);
  const response = await fetch('/api/checks/sheet', { method: 'POST', body: form });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch { /* not JSON: keep the status line */ }
    throw new Error(detail);
  }
  return response.blob();
}
