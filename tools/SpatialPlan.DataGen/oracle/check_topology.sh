#!/bin/sh
# Independent topology check of gis-data with GDAL/GEOS (not SpatialPlan code).
# usage: sh tools/SpatialPlan.DataGen/oracle/check_topology.sh [gis-data]
# Copies the layers into a temporary GeoPackage (for its R-tree) and counts violations; every count must be 0
# except the positive controls, which show the queries do find neighbours when they exist.
set -eu
DATA=${1:-gis-data}
TMP=$(mktemp -d)
GPKG=$TMP/topo.gpkg
for l in farmland urban-boundary wetlands eco-redline banner-boundary showcase-belts roads town-structure towns; do
  ogr2ogr -f GPKG -append -nlt PROMOTE_TO_MULTI -mapFieldType StringList=String "$GPKG" "$DATA/layers/$l.geojson" \
    -nln "$(echo $l | tr - _)"
done
q() { printf '%s: ' "$1"; ogrinfo -q "$GPKG" -sql "$2" | sed -n 's/^ *n (Integer[^=]*= //p'; }
PAIRS="FROM farmland a JOIN rtree_farmland_geom r ON r.minx <= ST_MaxX(a.geom) AND r.maxx >= ST_MinX(a.geom)
  AND r.miny <= ST_MaxY(a.geom) AND r.maxy >= ST_MinY(a.geom) JOIN farmland b ON b.fid = r.id WHERE a.fid < b.fid"
q "farmland parcels that intersect (overlap or touch) another parcel, pairs" \
  "SELECT count(*) AS n $PAIRS AND ST_Intersects(a.geom, b.geom)"
q "positive control: parcel pairs closer than 0.0003 deg (~25 m)" \
  "SELECT count(*) AS n $PAIRS AND ST_Distance(a.geom, b.geom) < 0.0003"
for z in urban_boundary wetlands eco_redline; do
  q "farmland parcels intersecting $z" \
    "SELECT count(*) AS n FROM $z z JOIN rtree_farmland_geom r ON r.minx <= ST_MaxX(z.geom) AND r.maxx >= ST_MinX(z.geom)
     AND r.miny <= ST_MaxY(z.geom) AND r.maxy >= ST_MinY(z.geom) JOIN farmland f ON f.fid = r.id WHERE ST_Intersects(z.geom, f.geom)"
done
q "urban_boundary features intersecting eco_redline" \
  "SELECT count(*) AS n FROM urban_boundary u, eco_redline e WHERE ST_Intersects(u.geom, e.geom)"
q "positive control: farmland parcels within ~1 km of an urban boundary" \
  "SELECT count(*) AS n FROM urban_boundary z JOIN rtree_farmland_geom r ON r.minx <= ST_MaxX(z.geom) + 0.012 AND r.maxx >= ST_MinX(z.geom) - 0.012
   AND r.miny <= ST_MaxY(z.geom) + 0.009 AND r.maxy >= ST_MinY(z.geom) - 0.009 JOIN farmland f ON f.fid = r.id WHERE ST_Distance(z.geom, f.geom) < 0.01"
for l in farmland urban_boundary wetlands eco_redline showcase_belts roads towns; do
  q "$l features not within the banner boundary" \
    "SELECT count(*) AS n FROM $l f, banner_boundary b WHERE NOT ST_Within(f.geom, b.geom)"
done
q "town_structure features not within the banner (the regional belt 一带 is exempt)" \
  "SELECT count(*) AS n FROM town_structure f, banner_boundary b WHERE f.regional = 0 AND NOT ST_Within(f.geom, b.geom)"
q "positive control: the regional belt is not within the banner" \
  "SELECT count(*) AS n FROM town_structure f, banner_boundary b WHERE f.regional = 1 AND NOT ST_Within(f.geom, b.geom)"
for l in farmland urban_boundary wetlands eco_redline showcase_belts; do
  q "$l invalid geometries" "SELECT count(*) AS n FROM $l WHERE NOT ST_IsValid(geom)"
done
q "farmland parcels" "SELECT count(*) AS n FROM farmland"
rm -rf "$TMP"
