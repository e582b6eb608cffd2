// UI strings, Chinese first. Data titles come from the catalog's titleZh/titleEn.
export type Lang = 'zh' | 'en';

const strings = {
  identify: ['查询', 'Identify'],
  measureLine: ['量距离', 'Distance'],
  measureArea: ['量面积', 'Area'],
  clear: ['清除', 'Clear'],
  layers: ['图层', 'Layers'],
  opacity: ['透明度', 'Opacity'],
  schematic: ['示意数据', 'Schematic data'],
  schematicNote: ['示意数据：按规划文本绘制，非官方矢量数据', 'Schematic: drawn from the plan text, not official data'],
  real: ['真实数据', 'Real data'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  lonLat: ['经纬度', 'Lon/Lat'],
  gk: ['CGCS2000 高斯-克吕格 3°带（中央经线 108°E）', 'CGCS2000 Gauss-Kruger 3° zone (CM 108°E)'],
  provenance: ['来源', 'Provenance'],
  attributes: ['属性', 'Attributes'],
  layer: ['图层', 'Layer'],
  close: ['关闭', 'Close'],
  noFeature: ['此处没有要素', 'No feature here'],
  distance: ['距离', 'Distance'],
  area: ['面积', 'Area'],
  measureHint: ['单击开始，双击结束', 'Click to start, double-click to finish'],
  siteCheck: ['项目选址检查', 'Site check'],
  footprint: ['项目用地范围', 'Project footprint'],
  upload: ['上传文件', 'Upload'],
  chooseFile: ['选择文件…', 'Choose file…'],
  noFile: ['未选择文件', 'No file chosen'],
  draw: ['绘制', 'Draw'],
  sample: ['示例项目', 'Sample'],
  uploadHint: ['GeoJSON、压缩的 Shapefile (.zip) 或界址点 .txt/.csv', 'GeoJSON, zipped Shapefile (.zip) or boundary-point list .txt/.csv'],
  drawPolygon: ['面', 'Polygon'],
  drawLine: ['线 + 宽度', 'Line + width'],
  drawPoint: ['点 + 半径', 'Point + radius'],
  widthM: ['宽度（米）', 'Width (m)'],
  radiusM: ['半径（米）', 'Radius (m)'],
  projectType: ['项目类型', 'Project type'],
  crs: ['坐标系', 'CRS'],
  crsAuto: ['自动识别', 'Detect'],
  run: ['开始检查', 'Run check'],
  running: ['检查中…', 'Checking…'],
  chooseSample: ['选择示例项目…', 'Choose a sample…'],
  noFootprint: ['请先上传、绘制或选择项目用地范围', 'Upload, draw or pick a footprint first'],
  verdict: ['结论', 'Verdict'],
  overallVerdict: ['总体结论', 'Overall verdict'],
  zone: ['管控要素', 'Zone'],
  relation: ['关系', 'Relation'],
  m2: ['平方米', 'm²'],
  mu: ['亩', 'mu'],
  ha: ['公顷', 'ha'],
  overlapArea: ['占用面积', 'Overlap area'],
  pct: ['占比', '%'],
  features: ['涉及要素', 'Features'],
  rule: ['规定', 'Rule'],
  basis: ['依据', 'Basis'],
  downloadJson: ['下载 JSON', 'Download JSON'],
  downloadCsv: ['下载 CSV', 'Download CSV'],
  downloadPdf: ['报告 PDF', 'Report PDF'],
  meetingSheet: ['会议出图', 'Meeting sheet'],
  downloadLayers: ['导出图层（GPKG）', 'Layers (GPKG)'],
  exportPdf: ['导出 PDF 图', 'Export PDF sheet'],
  exportPng: ['导出 PNG 图', 'Export PNG sheet'],
  present: ['演示', 'Present'],
  footprintArea: ['用地面积', 'Footprint area'],
  repairs: ['已自动修复', 'Repairs made'],
  axesSwapped: ['坐标 X/Y 顺序已自动对调', 'X/Y axes were swapped back'],
  sourceCrs: ['源坐标系', 'Source CRS'],
  nearby: ['邻近', 'nearby'],
  distanceM: ['距离（米）', 'Distance (m)'],
  // Chinese verdict, relation and type words are Core's Names.Zh, so the screen, the CLI table and the signed PDF agree.
  // Chinese verdict words are Core's (Names.Zh); the panel prints the report's own verdictZh, relationZh and figuresZh.
  'verdict.clear': ['不涉及', 'Clear'],
  'verdict.advisory': ['提示关注', 'Advisory'],
  'verdict.approval-required': ['有条件准入', 'Approval required'],
  'verdict.prohibited': ['禁止', 'Prohibited'],
  'verdict.prohibited-in-principle': ['原则上禁止', 'Prohibited in principle'],
  'situation.inside': ['占用', 'occupies'],
  'situation.inside-major': ['占用（所列重大项目）', 'occupies (listed major project)'],
  'situation.sliver': ['微小重叠（需核实）', 'sliver (to check)'],
  'situation.touches': ['边界相邻', 'shares a boundary'],
  'situation.near': ['邻近', 'nearby'],
  'situation.none': ['不相交', 'no contact'],
  'situation.within': ['边界内', 'within boundary'],
  'situation.outside-sliver': ['边界外微小部分（需核实）', 'sliver outside (to check)'],
  'situation.outside': ['边界外', 'outside boundary'],
  'type.auto': ['请选择项目类型（必填）', 'Choose the project kind (required)'],
  typeHint: ['按法律区分的项目类型决定适用规则。上传的文件或示例项目若带 projectType 属性，可不选；在地图上绘制的范围必须选择。',
    "The kind decides which rules of the law apply. A file or sample that carries projectType may leave it empty; a drawn footprint needs one."],
  kindRequired: ['请先选择项目类型：规则按类型而定，绘制的范围没有默认类型。', 'Choose the project kind first: the rules depend on it, and a drawn footprint has no default.'],
  projectSettings: ['项目设置', 'Project settings'],
  majors: ['重大项目类别（每份清单只解除本清单对应的管控区）', "Major-project categories (each lifts only its own list's zone)"],
  selected: ['已选 {n} 项', '{n} selected'],
  'list.farmland': ['永久基本农田重大建设项目', 'Permanent farmland: major projects'],
  'list.redline': ['生态保护红线国家重大项目', 'Ecological red line: national major projects'],
  'list.wetland': ['湿地保护法第十九条除外项目', 'Wetlands Law Art. 19 exemptions'],
  reportNumber: ['报告编号', 'Report no.'],
  projectKind: ['项目类型', 'Project kind'],
  alias: ['旧类型名', 'old name'],
  majorsGiven: ['重大项目类别', 'Major categories'],
  noMajors: ['未声明重大项目类别', 'none declared'],
  owed: ['须办理', 'Owed'],
  nearbyFeatures: ['邻近要素', 'Nearby features'],
  overlap: ['重叠', 'overlap'],
  noApprovals: ['无。所列管控要素均不需另行审批或征求意见。', 'None: no listed zone needs a further approval or opinion.'],
  noApprovalsProhibited: ['无。结论为禁止的管控要素没有审批途径，须调整选址或项目类型。', 'None: a prohibited zone has no approval path; change the site or the kind.'],
  noGuidance: ['无。', 'None.'],
  notCheckedHint: ['数据目录中没有这些图层，未核查；“不涉及”不代表已全面合规。', 'The data folder has no layer for these: not checked, so “clear” is not full compliance.'],
  figures: ['面积与距离', 'Figures'],
  conditions: ['条件', 'Conditions'],
  guidance: ['规划衔接（非管控，不影响结论）', 'Plan guidance (not control; no effect on the verdict)'],
  jurisdiction: ['数据范围', 'Data area'],
  approvals: ['尚需办理的审批与意见（按机关）', 'Approvals and opinions still owed, by authority'],
  notChecked: ['未核查事项', 'Not checked'],
  loadError: ['加载失败', 'Failed to load'],
  // Issue 9 (web): the 占用清单, the overlap legend, drawing and editing, identify cards.
  'occ.title': ['占用清单', 'Occupation list'],
  'occ.hint': ['点击表头排序；指向或点击一行，在地图上突出该图斑及其占用部分。', 'Click a header to sort; point at or click a row to highlight the feature and its overlap on the map.'],
  'occ.see': ['见下方占用清单', 'see the occupation list below'],
  'occ.id': ['图斑编号/名称', 'Feature no./name'],
  'occ.name': ['名称', 'Name'],
  'occ.m2': ['占用（m²）', 'Overlap (m²)'],
  'occ.mu': ['占用（亩）', 'Overlap (mu)'],
  'occ.ha': ['占用（公顷）', 'Overlap (ha)'],
  'occ.share': ['占图斑比例（%）', 'Share of feature (%)'],
  'occ.distance': ['距离（m）', 'Distance (m)'],
  overlapLegend: ['占用图例', 'Overlap legend'],
  outsidePart: ['外的部分', ': part outside'],
  'drawHint.Polygon': ['单击添加顶点，双击结束；Esc 取消', 'Click to add vertices, double-click to finish; Esc cancels'],
  'drawHint.LineString': ['单击添加折点，双击结束；Esc 取消。按宽度缓冲成用地范围。', 'Click to add vertices, double-click to finish; Esc cancels. Buffered by the width.'],
  'drawHint.Point': ['单击放置中心点；Esc 取消。按半径缓冲成用地范围。', 'Click to place the centre; Esc cancels. Buffered by the radius.'],
  'runNeedsKind': ['请先选择项目类型（绘制的范围没有默认类型）', 'Choose the project kind first (a drawn footprint has no default)'],
  'runNeedsFootprint': ['请先上传、绘制或选择项目用地范围', 'Upload, draw or pick a footprint first'],
  editFootprint: ['编辑范围', 'Edit footprint'],
  finishEdit: ['完成编辑', 'Finish editing'],
  undo: ['撤销', 'Undo'],
  editHint: ['拖动顶点移动，在边上拖动添加顶点，Alt+单击删除顶点；吸附到管控要素和图斑边界；Ctrl+Z 撤销。松开后自动重新检查。',
    'Drag a vertex to move it, drag an edge to add one, Alt+click deletes one; snaps to zone and parcel edges; Ctrl+Z undoes. The check reruns when you let go.'],
  dataSource: ['数据来源', 'Data source'],
  'field.name': ['名称', 'Name'],
  'field.id': ['编号', 'No.'],
  'field.code': ['编号', 'Code'],
  'field.level': ['级别', 'Level'],
  'field.levelZh': ['级别', 'Level'],
  'field.landClass': ['地类', 'Land class'],
  'field.areaMu': ['面积（亩）', 'Area (mu)'],
  'field.areaHa': ['面积（公顷）', 'Area (ha)'],
  'field.areaM2': ['面积（平方米）', 'Area (m²)'],
  'field.kind': ['类别', 'Kind'],
  'field.type': ['类型', 'Type'],
  'field.town': ['所属乡镇', 'Town'],
  'field.county': ['所属旗县', 'County'],
  'field.lengthKm': ['长度（公里）', 'Length (km)'],
  'field.widthM': ['宽度（米）', 'Width (m)'],
  'field.areaKm2': ['面积（平方公里）', 'Area (km²)'],
  'field.note': ['说明', 'Note'],
  estimated: ['范围为估绘', 'Extent estimated'],
} as const;

export type Key = keyof typeof strings;

let current: Lang = (localStorage.getItem('spatialplan.lang') as Lang | null) ?? 'zh';
const listeners: Array<() => void> = [];

export const lang = (): Lang => current;

export function t(key: Key): string {
  return strings[key][current === 'zh' ? 0 : 1];
}

/** Punctuation that differs between the languages: full-width in Chinese, Latin with a space in English. */
export const colon = (): string => (current === 'zh' ? '：' : ': ');
export const paren = (text: string): string => (current === 'zh' ? `（${text}）` : ` (${text})`);
export const listSep = (): string => (current === 'zh' ? '；' : '; ');

/** Chinese or English member of a titleZh/titleEn pair, falling back to the other. */
export function pick(zh: string | null | undefined, en: string | null | undefined): string {
  return (current === 'zh' ? zh || en : en || zh) ?? '';
}

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem('spatialplan.lang', next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((l) => l());
}

export function onLangChange(listener: () => void): void {
  listeners.push(listener);
}

/** Fills every element with data-i18n="key" with the string for the current language. */
export function applyStatic(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as Key);
  });
}
