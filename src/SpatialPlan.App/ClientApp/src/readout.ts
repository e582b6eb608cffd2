// Cursor position as lon/lat and as CGCS2000 GK X/Y, X being the northing as Chinese surveyors write it.
import type OlMap from 'ol/Map';
import { t } from './i18n';
import { toLonLat, VIEW_CRS } from './crs';

export function formatPosition(coordinate: number[]): string {
  const [lon, lat] = toLonLat(coordinate);
  const [east, north] = coordinate;
  return `${t('lonLat')} ${lon.toFixed(5)}°E ${lat.toFixed(5)}°N   ·   X ${north.toFixed(2)} m  Y ${east.toFixed(2)} m  (${t('gk')}, ${VIEW_CRS})`;
}

export function attachReadout(map: OlMap, output: HTMLElement): void {
  map.on('pointermove', (e) => {
    if (!e.dragging) output.textContent = formatPosition(e.coordinate);
  });
  map.getViewport()?.addEventListener('mouseleave', () => { output.textContent = ''; });
}
