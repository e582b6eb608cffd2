#!/usr/bin/python3
"""The sample projects' expected verdicts, written from the law and from GDAL — not from SpatialPlan.

For every sample of samples/projects/index.json this builds the footprint with GDAL/GEOS (sample_overlaps.py),
finds per zone layer and level the situation (inside / inside-major / sliver / touches / near / none; for the urban
boundary outside / outside-sliver / within), and looks the answer up in the law fixture
(tests/SpatialPlan.Core.Tests/Rules/law-fixture.json, written from the legal texts). Proximity distances and the
sliver tolerance are system settings read from policy.json (they are not law). A part of the footprint outside the
data's area is at least advisory (数据范围外，未核查). Guidance layers never count.

usage:
  /usr/bin/python3 tools/SpatialPlan.DataGen/oracle/expected_verdicts.py gis-data            print a table
  /usr/bin/python3 tools/SpatialPlan.DataGen/oracle/expected_verdicts.py gis-data --json     {"<file>": expected}
  /usr/bin/python3 tools/SpatialPlan.DataGen/oracle/expected_verdicts.py gis-data --check    exit 1 when index.json differs
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sample_overlaps as so  # noqa: E402

ORDER = ["clear", "advisory", "approval-required", "prohibited"]
CONTROL = [(l, c) for l, c in so.LAYERS if c not in ("showcase-belt", "town-structure")]
FIXTURE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "SpatialPlan.Core.Tests", "Rules", "law-fixture.json")


def situations(fp, layer, category, proximity, sliver, majors, lists):
    """[(level, situation)] for one zone layer; levels without any relation are left out ('none'). Only the features
    within the proximity distance of the footprint's envelope can relate to it (the layer's R-tree finds them)."""
    by_level = {}
    for _, _, level, g in layer.candidates(fp, proximity + 1.0):
        by_level.setdefault(level or "*", []).append(g)
    out = []
    if category == "urban-boundary":
        inside = 0.0
        for gs in by_level.values():
            for g in gs:
                if fp.Intersects(g): inside += fp.Intersection(g).GetArea()
        outside = fp.GetArea() - inside
        return [("*", "outside" if outside > sliver else "outside-sliver" if outside > 0 else "within")]
    for level, gs in by_level.items():
        area = sum(fp.Intersection(g).GetArea() for g in gs if fp.Intersects(g))
        touches = any(fp.Intersects(g) for g in gs)
        dist = min((fp.Distance(g) for g in gs), default=float("inf"))
        if area > sliver:
            major = any(m in lists.get(f"{category}/{level}", lists.get(category, [])) for m in majors)
            out.append((level, "inside-major" if major else "inside"))
        elif area > 0: out.append((level, "sliver"))
        elif touches: out.append((level, "touches"))
        elif proximity and dist <= proximity: out.append((level, "near"))
    levels = layer.levels()
    return out or [("*" if "*" in levels or not levels else sorted(levels)[0], "none")]


def expected(data, spec, layers, banner, neighbours, cells, policy, lists):
    fp = so.footprint(data, spec)
    sliver = policy["tolerances"]["sliverM2"]
    zones = {}
    for layer_id, category in CONTROL:
        feats = layers[layer_id]
        if not feats: continue  # a layer the data folder does not have
        proximity = policy["zones"][category].get("proximityM", 0)
        best = None
        auths = set(); whys = []
        for level, sit in situations(fp, feats, category, proximity, sliver, spec.get("majors") or [], lists):
            cell = cells.get((category, level, sit)) or cells.get((category, "*", sit))
            answer = cell["expect"][spec["type"]]
            v = answer["verdict"]
            if v == "approval-required": auths |= set(answer.get("authorities", []))
            key = (ORDER.index(v), 0 if answer.get("inPrinciple") else 1)
            if best is None or key > best[0]:
                best = (key, v, level, sit, answer.get("inPrinciple", False))
            if sit not in ("none",): whys.append(f"{level}/{sit}: {cell['why']}")
        _, v, level, sit, principle = best
        if v != "clear" or sit != "none":
            zones[category] = {"verdict": v, "inPrinciple": principle, "level": level, "situation": sit,
                               "authorities": sorted(auths), "why": " | ".join(whys)}
    inside = fp.Intersection(banner).GetArea() if fp.Intersects(banner) else 0.0
    outside = fp.GetArea() - inside
    jur = "advisory" if outside > sliver else "clear"
    overall = max([z["verdict"] for z in zones.values()] + [jur], key=ORDER.index)
    return {"verdict": overall, "jurisdiction": jur, "zones": zones}


def main():
    data = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "gis-data"
    fixture = json.load(open(FIXTURE, encoding="utf-8"))
    cells = {(c["zone"], c["level"], c["situation"]): c for c in fixture["cells"]}
    # majorLists maps "zone" or "zone/level" to a list name (null: no list); a category id belongs to one list
    lists = {}
    for key, name in fixture["majorLists"].items():
        if name: lists[key] = [m["id"] for m in fixture["majorCategories"] if m["list"] == name]
    # proximity distances and the sliver tolerance: the data folder's policy, or the repository's (a fresh regeneration
    # writes only layers and samples)
    policy_path = os.path.join(data, "policy.json")
    if not os.path.exists(policy_path):
        policy_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "gis-data", "policy.json")
    policy = json.load(open(policy_path, encoding="utf-8"))
    layers, banner, neighbours = so.load_all(data)
    index = json.load(open(os.path.join(data, "samples", "projects", "index.json"), encoding="utf-8"))
    result = {e["file"]: expected(data, e, layers, banner, neighbours, cells, policy, lists) for e in index}
    if "--json" in sys.argv:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1); return 0
    bad = 0
    for e in index:
        r = result[e["file"]]
        zv = {k: v["verdict"] for k, v in r["zones"].items() if v["verdict"] != "clear"}
        ok = e["expectedVerdict"] == r["verdict"] and e["expectedZoneVerdicts"] == zv
        bad += 0 if ok else 1
        print(f"{'OK ' if ok else 'NEW'} {e['file']:34s} {e['type']:22s} {r['verdict']:18s} jur={r['jurisdiction']:8s} "
              + ", ".join(f"{k}={v['verdict']}({v['level']}/{v['situation']}{' ' + ','.join(v['authorities']) if v['authorities'] else ''})" for k, v in r["zones"].items()))
    return 1 if ("--check" in sys.argv and bad) else 0


if __name__ == "__main__":
    sys.exit(main())
