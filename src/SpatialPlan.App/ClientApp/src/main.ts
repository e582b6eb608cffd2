// Entry point: load the catalog, build the map and the panels, wire the tools.
import 'ol/ol.css';
import './style.css';
import { CONFIG_JSON, toLonLat } from './crs';
import { getCatalog, type ClientConfig } from './api';
import { PlanMap } from './planMap';
import { renderLayerPanel } from './layerPanel';
import { applyStatic, colon, lang, onLangChange, pick, setLang, t } from './i18n';
import { attachReadout } from './readout';
import { IdentifyTool } from './identify';
import { MeasureTool, areaM2, lengthM } from './measure';
import { CheckPanel } from './checkPanel';
import { measureLonLat, pixelOfFeature } from './testHooks';
import { Presentation } from './presentation';
import { exportSheet } from './exportSheet';
import { askSheetFields, sheetFieldEntries } from './exportDialog';
import { initAccount } from './account';
import { Records } from './records';
import { loadFontFaces } from './fonts';

declare global {
  interface Window { spatialPlan?: Record<string, unknown> }
}

async function start(): Promise<void> {
  // The account and the catalog at once (both preloaded by index.html): initAccount wraps fetch before its first await,
  // so the catalog's request already goes through it (server mode: a 401 waits for the account, then → sign-in).
  const accountReady = initAccount();
  const catalogReady = getCatalog();
  catalogReady.catch(() => { /* reported below, once the account is known */ });
  await accountReady;
  const catalog = await catalogReady;
  const config = CONFIG_JSON as ClientConfig; // read by crs.ts before any module ran
  const planMap = new PlanMap(document.getElementById('map')!, catalog, config);
  // For measuring tools (bench/map/MapBench): the map from its first frame, before window.spatialPlan below (set once
  // the small layers and glyphs are in, when the first tiles have long been drawn). Nothing in the page listens.
  window.dispatchEvent(new CustomEvent('spatialplan:map', { detail: { planMap, map: planMap.map } }));
  void loadFontFaces(); // the web font's rules now, while the first tiles are on their way (fonts.ts)
  const badge = document.getElementById('schematic-badge')!;
  const updateBadge = () => { badge.hidden = !planMap.anySchematicVisible(); };
  planMap.onVisibilityChange(updateBadge);

  const identifyPanel = document.getElementById('identify-panel')!;
  const identify = new IdentifyTool(planMap, identifyPanel, () => identifyPanel.scrollIntoView({ block: 'nearest' }));
  const measure = new MeasureTool(planMap.map, document.getElementById('measure-output')!);
  const check = new CheckPanel(document.getElementById('check-panel')!, planMap, () => { measure.stop(); identify.active = false; setTool(null); });
  attachReadout(planMap.map, document.getElementById('readout')!);
  const records = new Records(document.querySelector<HTMLElement>('nav.tools')!, document.getElementById('side-panel')!); // 台账: /records, save after a check

  const toolButtons = ['tool-identify', 'tool-measure-line', 'tool-measure-area'].map((id) => document.getElementById(id)!);
  const setTool = (active: HTMLElement | null) => toolButtons.forEach((b) => b.classList.toggle('active', b === active));
  toolButtons[0].addEventListener('click', () => { measure.stop(); check.stopDraw(); identify.active = true; setTool(toolButtons[0]); });
  toolButtons[1].addEventListener('click', () => { check.stopDraw(); identify.active = false; measure.start('line'); setTool(toolButtons[1]); });
  toolButtons[2].addEventListener('click', () => { check.stopDraw(); identify.active = false; measure.start('area'); setTool(toolButtons[2]); });
  document.getElementById('tool-clear')!.addEventListener('click', () => {
    measure.clear(); check.stopDraw(); check.layers.clear(); identifyPanel.hidden = true; identify.active = true; setTool(toolButtons[0]);
  });

  const presentation = new Presentation(planMap, check);
  document.getElementById('present')!.addEventListener('click', () => void presentation.start());
  // The export dialog (exportDialog.ts) asks for 图名, 制图单位, paper and orientation first; Esc cancels.
  const exportAs = async (format: 'pdf' | 'png') => {
    const fields = await askSheetFields(pick(catalog.titleZh, catalog.titleEn));
    if (fields) await exportSheet(planMap, format, fields.title, sheetFieldEntries(fields));
  };
  document.getElementById('export-pdf')!.addEventListener('click', () => void exportAs('pdf'));
  document.getElementById('export-png')!.addEventListener('click', () => void exportAs('png'));

  const renderTexts = () => {
    applyStatic();
    document.title = pick(catalog.titleZh, catalog.titleEn);
    document.getElementById('app-title')!.textContent = pick(catalog.titleZh, catalog.titleEn);
    badge.textContent = t('schematic');
    badge.title = pick(catalog.dataNoteZh, catalog.dataNoteEn) || t('schematicNote');
    document.getElementById('lang-switch')!.textContent = lang() === 'zh' ? 'EN' : '中文';
    renderLayerPanel(document.getElementById('layer-panel')!, planMap);
    planMap.refreshLabels();
    check.render();
  };
  document.getElementById('lang-switch')!.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  onLangChange(renderTexts);
  planMap.onFailure(() => { renderTexts(); updateBadge(); });

  await planMap.load();
  renderTexts();
  updateBadge();
  // Re-render labels whenever more font slices arrive (e.g. a label in a script not yet loaded).
  document.fonts?.addEventListener?.('loadingdone', () => planMap.refreshLabels());
  document.body.dataset.ready = 'true';
  // Hooks for the browser tests and for a planner's console: nothing in the page depends on them.
  window.spatialPlan = {
    planMap, map: planMap.map, check, presentation, records, measure: { areaM2, lengthM },
    pixelOfFeature: (layerId: string) => pixelOfFeature(planMap, layerId),
    measureLonLat,
    /** lon/lat (EPSG:4490) of a pixel of the map. */
    lonLatOfPixel: (pixel: number[]) => toLonLat(planMap.map.getCoordinateFromPixel(pixel)),
    // Back to the opening state without reloading the page (the browser tests share one page per class).
    reset: () => {
      presentation.stop();
      measure.clear();
      identifyPanel.hidden = true;
      identify.active = true;
      setTool(toolButtons[0]);
      planMap.layers.forEach(({ info, layer }) => { layer.setVisible(info.visible && !planMap.failed.has(info.id)); layer.setOpacity(1); });
      updateBadge();
      if (lang() !== 'zh') setLang('zh'); else renderTexts();
      check.reset();
      records.reset();
      document.querySelectorAll<HTMLElement>('.panel').forEach((p) => { p.scrollTop = 0; });
      planMap.fitAll();
    },
  };
}

start().catch((e) => {
  const box = document.createElement('div');
  box.className = 'fatal';
  box.textContent = `${t('loadError')}${colon()}${e instanceof Error ? e.message : String(e)}`;
  document.body.append(box);
});
