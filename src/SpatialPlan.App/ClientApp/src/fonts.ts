// A bundled CJK web font, so that Chinese renders without system fonts (the projector PC may have none).
// The woff2 files are split by unicode-range; the browser fetches only the slices a page uses. Canvas labels
// do not trigger those fetches, so the map asks for the glyphs of its labels and redraws once they are in.
// The @font-face rules (fontFaces.ts) come in their own stylesheet, after the page's first styles: main.ts asks for
// them once the map has asked for its first tiles, and loadGlyphs waits for them. Until then the page's text is in the
// next font of FONT_FAMILY (font-display: swap, as while the slices download).
let faces: Promise<void> | null = null;

/** Adds the web font's @font-face rules to the page (once); resolves when they apply. */
export function loadFontFaces(): Promise<void> {
  faces ??= import('./fontFaces').then(() => undefined, (e) => { console.warn('web font not loaded', e); });
  return faces;
}

export const FONT_FAMILY = '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export function labelFont(sizePx: number, bold = true): string {
  return `${bold ? 700 : 400} ${Math.round(sizePx)}px ${FONT_FAMILY}`;
}

/** Loads the glyphs for `text` in both weights; resolves when they are usable on a canvas. */
export async function loadGlyphs(text: string): Promise<void> {
  if (!('fonts' in document)) return;
  await loadFontFaces();
  const sample = text.length > 0 ? text : '杭锦后旗';
  await Promise.all([
    document.fonts.load(`700 16px "Noto Sans SC"`, sample),
    document.fonts.load(`400 16px "Noto Sans SC"`, sample),
  ]);
}
