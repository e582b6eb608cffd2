#!/bin/sh
# Independent topology check of gis-data with GDAL/GEOS (not SpatialPlan code).
# usage: sh tools/SpatialPlan.DataGen/oracle/check_topology.sh [gis-data]
# Copies the layers into a temporary GeoPackage (for its R-trees) and counts violations; every count must be 0
# except the positive controls, which show the queries do find neighbours when they exist.
set -eu
DATA=${1:-gis-data}
TMP=$(mktemp -d)
GPKG=$TMP/topo.gpkg
for l in farmland general-farmland urban-boundary wetlands eco-redline nature-reserves desertification-closures \
         water-management banner-boundary showcase-belts roads town-structure towns; do
  ogr2ogr -f GPKG -append -nlt PROMOTE_TO_MULTI -mapFieldType StringList=String "$GPKG" "$DATA/layers/$l.geojson" \
    -nln "$(echo $l | tr - _)"
done
q() { printf '%s: ' "$1"; ogrinfo -q "$GPKG" -sql "$2" | sed -n 's/^ *n (Integer[^=]*= //p'; }
near() { # $1 = table a, $2 = table b (its R-tree is used)
  echo "FROM $1 a JOIN rtree_$2_geom r ON r.minx <= ST_MaxX(a.geom) AND r.maxx >= ST_MinX(a.geom)
    AND r.miny <= ST_MaxY(a.geom) AND r.maxy >= ST_MinY(a.geom) JOIN $2 b ON b.fid = r.id"; }
q "farmland parcels that intersect (overlap or touch) another parcel, pairs" \
  "SELECT count(*) AS n $(near farmland farmland) WHERE a.fid < b.fid AND ST_Intersects(a.geom, b.geom)"
q "general_farmland parcels that intersect another general_farmland parcel, pairs" \
  "SELECT count(*) AS n $(near general_farmland general_farmland) WHERE a.fid < b.fid AND ST_Intersects(a.geom, b.geom)"
q "general_farmland parcels that intersect a farmland parcel, pairs" \
  "SELECT count(*) AS n $(near general_farmland farmland) WHERE ST_Intersects(a.geom, b.geom)"
q "positive control: parcel pairs closer than 0.0003 deg (~25 m)" \
  "SELECT count(*) AS n $(near farmland farmland) WHERE a.fid < b.fid AND ST_Distance(a.geom, b.geom) < 0.0003"
q "positive control: general_farmland/farmland pairs closer than 0.0003 deg" \
  "SELECT count(*) AS n $(near general_farmland farmland) WHERE ST_Distance(a.geom, b.geom) < 0.0003"
for f in farmland general_farmland; do
  for z in urban_boundary wetlands eco_redline; do
    q "$f parcels intersecting $z" "SELECT count(*) AS n $(near $z $f) WHERE ST_Intersects(a.geom, b.geom)"
  done
done
q "urban_boundary features intersecting eco_redline" \
  "SELECT count(*) AS n FROM urban_boundary u, eco_redline e WHERE ST_Intersects(u.geom, e.geom)"
q "positive control: farmland parcels within ~1 km of an urban boundary" \
  "SELECT count(*) AS n FROM urban_boundary z JOIN rtree_farmland_geom r ON r.minx <= ST_MaxX(z.geom) + 0.012 AND r.maxx >= ST_MinX(z.geom) - 0.012
   AND r.miny <= ST_MaxY(z.geom) + 0.009 AND r.maxy >= ST_MinY(z.geom) - 0.009 JOIN farmland f ON f.fid = r.id WHERE ST_Distance(z.geom, f.geom) < 0.01"
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
q "positive control: water_management features of different levels closer than 1 m (~0.00001 deg), pairs" \
  "SELECT count(*) AS n FROM water_management a, water_management b WHERE a.fid < b.fid AND a.level <> b.level
   AND ST_Distance(a.geom, b.geom) < 0.00001"
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
q "farmland parcels" "SELECT count(*) AS n FROM farmland"
q "general_farmland parcels" "SELECT count(*) AS n FROM general_farmland"
rm -rf "$TMP"
