#!/bin/sh
# Independent topology check of gis-data with GDAL/GEOS (not SpatialPlan code).
# usage: sh tools/SpatialPlan.DataGen/oracle/check_topology.sh [gis-data]
# Copies the layers into one temporary GeoPackage in EPSG:4545 (metres; the farmland GeoPackage layers, generated at build
# time, are already in it) and counts violations; every count must be 0 except the positive controls, which show the
# queries do find neighbours when they exist.
set -eu
DATA=${1:-gis-data}
TMP=$(mktemp -d)
GPKG=$TMP/topo.gpkg
for l in farmland general-farmland urban-boundary wetlands eco-redline nature-reserves desertification-closures \
         water-management banner-boundary showcase-belts roads town-structure towns; do
  if [ -f "$DATA/layers/$l.gpkg" ]; then src="$DATA/layers/$l.gpkg"; else src="$DATA/layers/$l.geojson"; fi
  ogr2ogr -f GPKG -append -t_srs EPSG:4545 -nlt PROMOTE_TO_MULTI -mapFieldType StringList=String "$GPKG" "$src" \
    -nln "$(echo $l | tr - _)"
done
q() { printf '%s: ' "$1"; ogrinfo -q "$GPKG" -sql "$2" | sed -n 's/^ *n[0-9]* (\(Integer\|Real\)[^=]*= //p' | tr '\n' ' '; echo; }
near() { # $1 = table a, $2 = table b (its R-tree is used), $3 = margin in metres (default 0)
  # CROSS JOIN fixes the loop order (a, then its R-tree window, then b); with a plain JOIN SQLite may scan the R-tree
  # outside and a inside, which is quadratic in the number of parcels.
  m=${3:-0}
  echo "FROM $1 a CROSS JOIN rtree_$2_geom r ON r.minx <= ST_MaxX(a.geom) + $m AND r.maxx >= ST_MinX(a.geom) - $m
    AND r.miny <= ST_MaxY(a.geom) + $m AND r.maxy >= ST_MinY(a.geom) - $m CROSS JOIN $2 b ON b.fid = r.id"; }
q "farmland parcels that intersect (overlap or touch) another parcel, pairs" \
  "SELECT count(*) AS n $(near farmland farmland) WHERE a.fid < b.fid AND ST_Intersects(a.geom, b.geom)"
q "general_farmland parcels that intersect another general_farmland parcel, pairs" \
  "SELECT count(*) AS n $(near general_farmland general_farmland) WHERE a.fid < b.fid AND ST_Intersects(a.geom, b.geom)"
q "general_farmland parcels that intersect a farmland parcel, pairs" \
  "SELECT count(*) AS n $(near general_farmland farmland) WHERE ST_Intersects(a.geom, b.geom)"
q "farmland parcel pairs closer than 2.95 m (a 毛渠), pairs" \
  "SELECT count(*) AS n $(near farmland farmland 3) WHERE a.fid < b.fid AND ST_Distance(a.geom, b.geom) < 2.95"
q "positive control: farmland parcel pairs closer than 3.5 m" \
  "SELECT count(*) AS n $(near farmland farmland 4) WHERE a.fid < b.fid AND ST_Distance(a.geom, b.geom) < 3.5"
q "positive control: general_farmland/farmland pairs closer than 25 m" \
  "SELECT count(*) AS n $(near general_farmland farmland 25) WHERE ST_Distance(a.geom, b.geom) < 25"
for f in farmland general_farmland; do
  for z in urban_boundary wetlands eco_redline nature_reserves desertification_closures water_management; do
    q "$f parcels intersecting $z" "SELECT count(*) AS n $(near $z $f) WHERE ST_Intersects(a.geom, b.geom)"
  done
done
q "urban_boundary features intersecting eco_redline" \
  "SELECT count(*) AS n FROM urban_boundary u, eco_redline e WHERE ST_Intersects(u.geom, e.geom)"
q "positive control: farmland parcels within 100 m of an urban boundary" \
  "SELECT count(*) AS n $(near urban_boundary farmland 100) WHERE ST_Distance(a.geom, b.geom) < 100"
q "positive control: farmland parcels within 100 m of a water-management zone" \
  "SELECT count(*) AS n $(near water_management farmland 100) WHERE ST_Distance(a.geom, b.geom) < 100"
q "nature_reserves without a red-line feature of the same outline" \
  "SELECT count(*) AS n FROM nature_reserves n WHERE NOT EXISTS (SELECT 1 FROM eco_redline e
   WHERE e.kind = 'nature-reserve' AND e.natureReserve = n.id AND ST_Equals(e.geom, n.geom))"
q "wetlands (important, or in a nature reserve) not within the red line" \
  "SELECT count(*) AS n FROM wetlands w WHERE (w.level IN ('national-important', 'regional-important')
   OR EXISTS (SELECT 1 FROM nature_reserves n WHERE ST_Intersects(n.geom, w.geom)))
   AND NOT ST_Within(w.geom, (SELECT ST_Union(geom) FROM eco_redline))"
q "positive control: wetlands in a nature reserve" \
  "SELECT count(*) AS n FROM wetlands w WHERE EXISTS (SELECT 1 FROM nature_reserves n WHERE ST_Within(w.geom, n.geom))"
q "desertification_closures not within the desert red line" \
  "SELECT count(*) AS n FROM desertification_closures c WHERE NOT EXISTS (SELECT 1 FROM eco_redline e
   WHERE e.kind = 'desert' AND ST_Within(c.geom, e.geom))"
q "water_management features of different levels that intersect, pairs" \
  "SELECT count(*) AS n FROM water_management a, water_management b WHERE a.fid < b.fid AND a.level <> b.level
   AND ST_Intersects(a.geom, b.geom)"
q "positive control: water_management features of different levels closer than 1 m, pairs" \
  "SELECT count(*) AS n FROM water_management a, water_management b WHERE a.fid < b.fid AND a.level <> b.level
   AND ST_Distance(a.geom, b.geom) < 1"
for l in farmland general_farmland urban_boundary wetlands eco_redline nature_reserves desertification_closures \
         water_management showcase_belts roads towns; do
  q "$l features not within the banner boundary" \
    "SELECT count(*) AS n FROM $l f, banner_boundary b WHERE NOT ST_Within(f.geom, b.geom)"
done
q "town_structure features not within the banner (the regional belt 一带 is exempt)" \
  "SELECT count(*) AS n FROM town_structure f, banner_boundary b WHERE f.regional = 0 AND NOT ST_Within(f.geom, b.geom)"
q "positive control: the regional belt is not within the banner" \
  "SELECT count(*) AS n FROM town_structure f, banner_boundary b WHERE f.regional = 1 AND NOT ST_Within(f.geom, b.geom)"
for l in farmland general_farmland urban_boundary wetlands eco_redline nature_reserves desertification_closures \
         water_management showcase_belts; do
  q "$l invalid geometries" "SELECT count(*) AS n FROM $l WHERE NOT ST_IsValid(geom)"
done
for f in farmland general_farmland; do
  q "$f parcels outside 5–60 亩" "SELECT count(*) AS n FROM $f WHERE areaMu < 5 OR areaMu > 60"
  # areaMu is the true area; the EPSG:4545 grid area exceeds it by the Gauss-Kruger scale k² (k - 1 < 0.00017 here)
  q "$f parcels whose areaMu is not their grid area / k² (to 0.01 亩)" \
    "SELECT count(*) AS n FROM (SELECT areaMu, ST_Area(geom) / 666.6666667 AS grid,
       1 + (ST_X(ST_Centroid(geom)) - 500000) * (ST_X(ST_Centroid(geom)) - 500000) / (2 * 6371000.0 * 6371000.0) AS k FROM $f)
       WHERE abs(areaMu - grid / (k * k)) > 0.01"
  q "$f: parcels, sum of areaMu (亩), sum of grid area (亩), mean areaMu" \
    "SELECT count(*) AS n1, round(sum(areaMu), 1) AS n2, round(sum(ST_Area(geom)) / 666.6666667, 1) AS n3, round(avg(areaMu), 2) AS n4 FROM $f"
  q "$f: 水浇地 parcels, 旱地 parcels" \
    "SELECT sum(landClass = '水浇地') AS n1, sum(landClass = '旱地') AS n2 FROM $f"
done
rm -rf "$TMP"
