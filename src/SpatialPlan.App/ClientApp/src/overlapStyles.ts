// Overlap colours by zone category (issue 9 §5): styles.json's `overlap-<category>` entry when the data folder has one
// (the same entries the PDF sheets read), else this palette. Each overlap is outlined in its verdict's colour.
import type { Catalog, FlatStyle } from './api';

/** Fallback fills, one per zone category, far from the footprint's blue and from each other. */
const PALETTE: Record<string, { fill: string; stroke: string; zh: string; en: string }> = {
  'permanent-farmland': { fill: 'rgba(230,140,0,0.6)', stroke: '#b86a00', zh: '占用永久基本农田', en: 'Overlap: permanent farmland' },
  'general-farmland': { fill: 'rgba(190,170,60,0.55)', stroke: '#857520', zh: '占用一般耕地', en: 'Overlap: general farmland' },
  'ecological-redline': { fill: 'rgba(215,25,28,0.55)', stroke: '#9e0c0e', zh: '占用生态保护红线', en: 'Overlap: ecological red line' },
  'wetland': { fill: 'rgba(0,150,160,0.6)', stroke: '#00626a', zh: '占用湿地', en: 'Overlap: wetland' },
  'nature-reserve': { fill: 'rgba(30,130,60,0.55)', stroke: '#11592a', zh: '占用自然保护地', en: 'Overlap: protected area' },
  'desertification-closure': { fill: 'rgba(150,95,30,0.55)', stroke: '#6b4010', zh: '占用沙化土地封禁保护区', en: 'Overlap: desertification closure' },
  'water-management': { fill: 'rgba(40,110,220,0.55)', stroke: '#1a4fa0', zh: '占用河道渠沟管理范围', en: 'Overlap: river/canal management zone' },
  'urban-boundary': { fill: 'rgba(150,60,200,0.35)', stroke: '#6a1f9a', zh: '占用城镇开发边界', en: 'Overlap: urban development boundary' },
  'showcase-belt': { fill: 'rgba(110,190,80,0.5)', stroke: '#3c7a25', zh: '占用乡村振兴示范带', en: 'Overlap: rural-revival showcase belt' },
};
const OTHER = { fill: 'rgba(120,120,120,0.5)', stroke: '#444444', zh: '占用其他管控要素', en: 'Overlap: other zone' };

/** Outline colours of the verdicts (the panel's verdict colours). */
export const VERDICT_COLOURS: Record<string, string> = {
  prohibited: '#c62828', 'approval-required': '#e07b00', advisory: '#1565c0', clear: '#2e7d32',
};

/** The overlap style of a zone category: the data folder's `overlap-<category>` style, else the palette. */
export function overlapStyle(catalog: Catalog, category: string): FlatStyle {
  const own = catalog.styles[`overlap-${category}`];
  if (own?.fill) return own;
  const p = PALETTE[category] ?? OTHER;
  return { fill: p.fill, stroke: p.stroke, strokeWidth: 1.5, legendZh: p.zh, legendEn: p.en };
}
