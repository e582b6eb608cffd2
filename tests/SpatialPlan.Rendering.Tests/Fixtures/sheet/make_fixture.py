#!/usr/bin/env python3
"""Writes the small, deterministic map-sheet fixture used by the golden-image tests.

Coordinates are EPSG:4545 metres (CGCS2000 GK, CM 108E) around 杭锦后旗, so the renderer can be tested
without the CRS code; the test reads them as EPSG:4545 directly. Run: python3 make_fixture.py
"""
import json, math, os

HERE = os.path.dirname(os.path.abspath(__file__))
X0, Y0 = 400000, 4520000  # south-west corner of the fixture area

def fc(name, features):
    return {"type": "FeatureCollection", "name": name, "features": features}

def feat(fid, name, geom, **props):
    p = {"id": fid, "name": name, "schematic": True}
    p.update(props)
    return {"type": "Feature", "properties": p, "geometry": geom}

def ring(points):
    pts = [[X0 + x, Y0 + y] for x, y in points]
    return pts + [pts[0]]

boundary = fc("boundary", [feat("b", "旗界", {"type": "Polygon", "coordinates": [ring(
    [(2000, 1000), (38000, 2500), (41000, 20000), (36000, 39000), (15000, 41000), (1000, 30000)])]}, schematic=False)])
eco = fc("eco", [feat("eco-1", "乌兰布和沙区", {"type": "Polygon", "coordinates": [
    ring([(3000, 4000), (14000, 3500), (16000, 18000), (5000, 24000)]),
    ring([(7000, 9000), (11000, 9000), (11000, 13000), (7000, 13000)])[::-1]]})])
parcels = []
for i in range(8):
    for j in range(7):
        x, y = 20000 + i * 2000, 6000 + j * 2200
        w = 1500 + (i * 37 + j * 53) % 300
        parcels.append(feat(f"f{i}-{j}", "", {"type": "Polygon", "coordinates": [ring(
            [(x, y), (x + w, y + 100), (x + w - 80, y + 1700), (x - 60, y + 1650)])]}))
farmland = fc("farmland", parcels)
wetlands = fc("wetlands", [
    feat("w1", "屠申泽湿地", {"type": "Polygon", "coordinates": [ring(
        [(24000 + 2500 * math.cos(a / 12 * 2 * math.pi), 30000 + 1600 * math.sin(a / 12 * 2 * math.pi)) for a in range(12)])]}, important=True),
    feat("w2", "北郊湿地", {"type": "Polygon", "coordinates": [ring([(30000, 33000), (33000, 33200), (32500, 35000), (30500, 34800)])]}, important=False)])
river = fc("rivers", [feat("r1", "乌加河", {"type": "LineString", "coordinates": [
    [X0 + x, Y0 + y] for x, y in [(1000, 36000), (12000, 37000), (22000, 38500), (40000, 40500)]]}, schematic=False)])
structure = fc("structure", [
    feat("core", "一心", {"type": "Polygon", "coordinates": [ring([(30000, 24000), (34000, 24000), (34000, 27000), (30000, 27000)])]}, kind="core"),
    feat("axis-w", "西向发展轴", {"type": "LineString", "coordinates": [[X0 + 30000, Y0 + 25500], [X0 + 8000, Y0 + 28000]]}, kind="axis"),
    feat("axis-s", "南向发展轴", {"type": "LineString", "coordinates": [[X0 + 32000, Y0 + 24000], [X0 + 28000, Y0 + 4000]]}, kind="axis")])
towns = fc("towns", [
    feat("shanba", "陕坝镇", {"type": "Point", "coordinates": [X0 + 32000, Y0 + 25500]}, kind="town", schematic=False),
    feat("sandaoqiao", "三道桥镇", {"type": "Point", "coordinates": [X0 + 9000, Y0 + 28000]}, kind="town"),
    feat("menghai", "蒙海镇", {"type": "Point", "coordinates": [X0 + 28500, Y0 + 5000]}, kind="town"),
    feat("taiyangmiao", "太阳庙农场", {"type": "Point", "coordinates": [X0 + 17000, Y0 + 33000]}, kind="farm")])

for name, data in [("boundary", boundary), ("eco", eco), ("farmland", farmland), ("wetlands", wetlands),
                   ("rivers", river), ("structure", structure), ("towns", towns)]:
    with open(os.path.join(HERE, "layers", name + ".geojson"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
