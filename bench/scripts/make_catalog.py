#!/usr/bin/python3
"""Writes the benchmark data directory's catalog.json, policy.json and styles.json.

The catalog has one layer: the permanent-farmland zone layer, pointing at the 100k file. When the
repository's gis-data/ exists, its farmland layer definition (id, policy key, style) and its
policy.json/styles.json are copied so the site check runs with the product's own rules; otherwise
the templates in bench/data-template/ are used.

Usage: make_catalog.py --out DIR --gis-data DIR --template DIR
"""
import argparse
import json
import os
import shutil

LAYER_FILE = "layers/farmland-100k.geojson"


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def farmland_from(gis_data):
    catalog_path = os.path.join(gis_data, "catalog.json")
    if not os.path.exists(catalog_path):
        return None, None
    catalog = load(catalog_path)
    for layer in catalog.get("layers", []):
        if layer.get("category") == "permanent-farmland" and layer.get("policy"):
            groups = [g for g in catalog.get("groups", []) if g.get("id") == layer.get("group")]
            return catalog, (layer, groups)
    return catalog, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--gis-data", required=True)
    ap.add_argument("--template", required=True)
    args = ap.parse_args()

    catalog, found = farmland_from(args.gis_data)
    if found:
        layer, groups = found
        source_dir = args.gis_data
        origin = "gis-data"
    else:
        template = load(os.path.join(args.template, "catalog.json"))
        layer, groups = template["layers"][0], template["groups"]
        catalog, source_dir, origin = template, args.template, "bench/data-template"

    layer = dict(layer)
    layer["file"] = LAYER_FILE
    layer["titleZh"] = "永久基本农田（基准测试 10 万图斑，示意）"
    layer["titleEn"] = "Permanent basic farmland (benchmark, 100 000 parcels, schematic)"
    layer["schematic"] = True
    layer["provenanceZh"] = "bench/scripts/make_farmland.py 按固定种子生成的示意图斑，仅用于性能测试。"
    layer["provenanceEn"] = "Seeded schematic parcels from bench/scripts/make_farmland.py, for benchmarks only."
    out_catalog = {
        "titleZh": "SpatialPlan 基准测试数据（示意）", "titleEn": "SpatialPlan benchmark data (schematic)",
        "crs": catalog.get("crs", "EPSG:4490"), "groups": groups, "layers": [layer],
    }
    with open(os.path.join(args.out, "catalog.json"), "w", encoding="utf-8") as f:
        json.dump(out_catalog, f, ensure_ascii=False, indent=2)
    origins = [f"catalog layer from {origin}"]
    for name in ("policy.json", "styles.json"):
        src = os.path.join(source_dir, name)
        if not os.path.exists(src):
            src = os.path.join(args.template, name)
        shutil.copyfile(src, os.path.join(args.out, name))
        origins.append(f"{name} from {os.path.relpath(src, os.path.dirname(args.template.rstrip('/')) + '/..')}")
    print(f"{'; '.join(origins)}; layer id {layer['id']}, policy {layer.get('policy')}")


if __name__ == "__main__":
    main()
