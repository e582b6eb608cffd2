// The bundled CJK web font's @font-face rules (~240 faces, one per unicode-range slice and weight), in their own
// stylesheet, loaded by fonts.ts once the map has asked for its first tiles: applied with the page's first styles they
// cost Chromium a style pass of ~0.1–0.5 s (measured by bench/map/MapBench) before any script could run.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
