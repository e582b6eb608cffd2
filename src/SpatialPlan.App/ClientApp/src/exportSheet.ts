// 「导出 PDF 图」/「导出 PNG 图」: the server draws the sheet (SpatialPlan.Rendering, the CLI's `render`) from the
// visible layers over the current view. Fetched rather than followed as a link, so that a refusal (a 4xx problem:
// a budget, a bad extent) is shown as the server's message instead of being saved as a broken .png file.
import type { PlanMap } from './planMap';
import { download } from './checkResult';
import { lang } from './i18n';

const say = (zh: string, en: string): string => (lang() === 'zh' ? zh : en);

/** The message line under the tools; created on first use, announced to screen readers. */
function messageBox(): HTMLElement {
  let box = document.getElementById('export-message');
  if (!box) {
    box = document.createElement('div');
    box.id = 'export-message';
    box.className = 'export-message';
    box.setAttribute('role', 'alert');
    box.hidden = true;
    document.body.append(box);
  }
  return box;
}

function show(text: string, kind: 'busy' | 'error'): void {
  const box = messageBox();
  box.textContent = text;
  box.dataset.kind = kind;
  box.hidden = false;
}

/** The query for the current view. The extent keeps millimetres: at the deepest zoom the view is a few millimetres
 * across, and decimetres would make min equal max. */
export function sheetQuery(planMap: PlanMap, format: 'pdf' | 'png', title: string, extra: Array<[string, string]> = []): URLSearchParams | null {
  const map = planMap.map;
  const extent = map.getView().calculateExtent(map.getSize());
  const layers = [...planMap.layers].filter(([, l]) => l.layer.getVisible()).map(([id]) => id);
  if (layers.length === 0) return null;
  const query = new URLSearchParams({ format, layers: layers.join(','), extent: extent.map((v) => v.toFixed(3)).join(','), title });
  extra.forEach(([k, v]) => query.set(k, v)); // the export dialog's title, unit, paper, orientation, lang
  return query;
}

export async function exportSheet(planMap: PlanMap, format: 'pdf' | 'png', title: string, extra: Array<[string, string]> = []): Promise<void> {
  const query = sheetQuery(planMap, format, title, extra);
  if (!query) {
    show(say('没有显示任何图层：请先在左侧打开至少一个图层，再导出。', 'No layer is shown: turn at least one layer on, then export.'), 'error');
    return;
  }
  show(say('正在生成图幅……', 'Drawing the sheet…'), 'busy');
  try {
    const response = await fetch(`/api/sheets?${query}`);
    if (!response.ok) {
      let detail = `${response.status} ${response.statusText}`;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch { /* not JSON: keep the status line */ }
      show(say('无法导出：', 'Cannot export: ') + detail, 'error');
      return;
    }
    download(`spatialplan-sheet.${format}`, await response.blob());
    messageBox().hidden = true;
  } catch (e) {
    show(say('无法连接服务器，请重试。', 'The server could not be reached; please retry.') + ` (${String(e)})`, 'error');
  }
}
