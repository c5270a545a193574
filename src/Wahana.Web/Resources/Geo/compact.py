#!/usr/bin/env python3
"""Makes kalurahan.geojson, the compact copy of DIY's kalurahan/kelurahan boundaries that Wahana embeds.

Run once when the source changes (not at build or run time):

    python3 src/Wahana.Web/Resources/Geo/compact.py /work/shared/data/diy-desa.geojson \
        src/Wahana.Web/Resources/Geo/kalurahan.geojson

Keeps the properties `code` (dotted Kemendagri code, 34.02.15.2001, as in RegionCatalog) and `name`,
rounds coordinates to 5 decimals (about 1 m) and drops points that rounding made repeat. One feature per
line, so diffs stay readable. Source and licence: SOURCE.md next to this script.
"""
import json
import sys


def ring(points):
    out = []
    for lng, lat in points:
        p = [round(lng, 5), round(lat, 5)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def geometry(g):
    if g["type"] == "Polygon":
        rings = [ring(r) for r in g["coordinates"]]
        return {"type": "Polygon", "coordinates": [r for r in rings if len(r) >= 4]}
    polygons = [[ring(r) for r in p] for p in g["coordinates"]]
    return {"type": "MultiPolygon", "coordinates": [[r for r in p if len(r) >= 4] for p in polygons]}


def main(source, target):
    with open(source, encoding="utf-8") as f:
        features = json.load(f)["features"]
    lines = []
    for feature in sorted(features, key=lambda f: f["properties"]["code"]):
        compact = {
            "type": "Feature",
            "properties": {"code": feature["properties"]["code"], "name": feature["properties"]["name"]},
            "geometry": geometry(feature["geometry"]),
        }
        lines.append(json.dumps(compact, ensure_ascii=False, separators=(",", ":")))
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n")
    print(f"{len(lines)} features written to {target}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
