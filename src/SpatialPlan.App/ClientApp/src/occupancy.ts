// The 占用清单: one row per 图斑 the footprint overlaps (and per nearby feature), sortable, each row tied to the map.
// Every figure is the report's own (Core's overlapAreaM2/Mu/Ha, featureSharePercent, distanceM); only formatted here.
import type { CheckReport } from './api';
import { t, paren, type Key } from './i18n';

export interface OccupancyRow {
  zoneIndex: number; layerId: string; zone: string; id: string; name: string;
  m2: number | null; mu: number | null; ha: number | null; share: number | null; distance: number | null;
}

type Column = { key: keyof OccupancyRow; label: Key; numeric: boolean; digits?: number };
const COLUMNS: Column[] = [
  { key: 'id', label: 'occ.id', numeric: false },
  { key: 'zone', label: 'zone', numeric: false },
  { key: 'm2', label: 'occ.m2', numeric: true, digits: 2 },
  { key: 'mu', label: 'occ.mu', numeric: true, digits: 2 },
  { key: 'ha', label: 'occ.ha', numeric: true, digits: 4 },
  { key: 'share', label: 'occ.share', numeric: true, digits: 2 },
  { key: 'distance', label: 'occ.distance', numeric: true, digits: 0 },
];

/** The rows of the 占用清单 from the report: overlapped 图斑 first (distance 0), then nearby features. */
export function occupancyRows(report: CheckReport, title: (id: string, zh: string) => string): OccupancyRow[] {
  const rows: OccupancyRow[] = [];
  report.zones.forEach((z, zoneIndex) => {
    const zone = title(z.layerId, z.layerTitle);
    for (const f of z.features) {
      rows.push({ zoneIndex, layerId: z.layerId, zone, id: f.id, name: f.name, m2: f.overlapAreaM2, mu: f.overlapAreaMu, ha: f.overlapAreaHa ?? null,
        share: f.featureSharePercent ?? null, distance: 0 });
    }
    for (const n of z.nearbyFeatures ?? []) {
      rows.push({ zoneIndex, layerId: z.layerId, zone, id: n.id, name: n.name, m2: null, mu: null, ha: null, share: null, distance: n.distanceM });
    }
  });
  return rows;
}

export interface OccupancyHandlers { hover(row: OccupancyRow | null): void; select(row: OccupancyRow): void }

const number = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The table, sorted by the report's order until a header is clicked (then by that column, again to reverse). */
export function occupancyTable(rows: OccupancyRow[], handlers: OccupancyHandlers): HTMLElement {
  const box = document.createElement('section');
  box.className = 'report-section occupancy';
  const heading = document.createElement('h3');
  heading.textContent = `${t('occ.title')}${paren(String(rows.length))}`;
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = t('occ.hint');
  const wrap = document.createElement('div');
  wrap.className = 'occupancy-wrap';
  const table = document.createElement('table');
  table.className = 'occupancy-table';
  const head = document.createElement('tr');
  const body = document.createElement('tbody');
  let sortKey: keyof OccupancyRow | null = null;
  let ascending = true;
  const fill = () => {
    const sorted = sortKey ? [...rows].sort((a, b) => compare(a[sortKey!], b[sortKey!], ascending)) : rows;
    body.replaceChildren(...sorted.map((r) => rowElement(r, handlers)));
    head.querySelectorAll<HTMLElement>('th').forEach((th) => {
      th.setAttribute('aria-sort', th.dataset.key === sortKey ? (ascending ? 'ascending' : 'descending') : 'none');
    });
  };
  for (const c of COLUMNS) {
    const th = document.createElement('th');
    th.dataset.key = c.key;
    th.className = c.numeric ? 'num sortable' : 'sortable';
    th.tabIndex = 0;
    th.textContent = t(c.label);
    const sort = () => {
      if (sortKey === c.key) ascending = !ascending;
      else { sortKey = c.key; ascending = !c.numeric; } // numbers largest first: the biggest occupation on top
      fill();
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    head.append(th);
  }
  table.createTHead().append(head);
  table.append(body);
  table.addEventListener('mouseleave', () => handlers.hover(null));
  fill();
  wrap.append(table);
  box.append(heading, hint, wrap);
  return box;
}

/** Nulls (no overlap, no distance) last in either direction; numbers as numbers, text in Chinese collation (编号 with digits in numeric order). */
export function compare(a: unknown, b: unknown, ascending = true): number {
  const none = (v: unknown) => v === null || v === undefined;
  if (none(a) || none(b)) return none(a) === none(b) ? 0 : none(a) ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN', { numeric: true });
  return ascending ? order : -order;
}

function rowElement(r: OccupancyRow, handlers: OccupancyHandlers): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.zoneIndex = String(r.zoneIndex);
  tr.dataset.layer = r.layerId;
  tr.dataset.featureId = r.id;
  tr.className = r.m2 === null ? 'nearby' : 'occupied';
  tr.tabIndex = 0;
  for (const c of COLUMNS) {
    const td = document.createElement('td');
    td.dataset.key = c.key;
    const v = r[c.key];
    if (c.numeric) td.className = 'num';
    if (c.key === 'id') {
      // 图斑编号 over its name, one sticky column: it stays in view when the figures scroll sideways.
      td.className = 'feature';
      const name = document.createElement('span');
      name.className = 'feature-name';
      name.textContent = r.name && r.name !== r.id ? r.name : '';
      td.append(document.createTextNode(r.id), name);
    } else {
      td.textContent = v === null || v === undefined ? '—' : typeof v === 'number' ? number(c.digits ?? 2).format(v) : String(v);
    }
    tr.append(td);
  }
  tr.addEventListener('mouseenter', () => handlers.hover(r));
  tr.addEventListener('focus', () => handlers.hover(r));
  tr.addEventListener('click', () => {
    tr.parentElement?.querySelectorAll('tr.selected').forEach((x) => x.classList.remove('selected'));
    tr.classList.add('selected');
    handlers.select(r);
  });
  return tr;
}
