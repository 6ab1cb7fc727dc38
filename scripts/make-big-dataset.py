#!/usr/bin/env python3
"""Writes a big, valid htx-charts/1 dataset for benchmarks and tests (made-up figures).

    python3 scripts/make-big-dataset.py N OUT [--communes 3000] [--seed 1]

N observations over about 3,000 communes (areas of level `city`, coded `C<province>-X0001`…, each
`part_of` one of the 34 current provinces read from public/data/htx.json), a few sources, the
metrics `cooperatives`, `members` and `charter_capital` (and, for some dates, sector parts of the
count that add up to it) dated 2015–2025, qualifiers mostly `exact`. The output is deterministic
for a given N, number of communes and seed (its own random generator, not Python's), and loads
with no problem and no consistency note: dates are at most the file's `updated` date, values are
far below the plausibility caps, ranges are narrow, no record repeats another. OUT `-` writes to
standard output. Python 3 standard library only.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "public" / "data" / "htx.json"
UPDATED = "2025-12-31"
YEARS = list(range(2015, 2026))
MASK = (1 << 64) - 1

FIRST = ["Tân", "Hòa", "Phú", "An", "Bình", "Thạnh", "Long", "Xuân", "Đông", "Tây", "Nam", "Bắc",
         "Vĩnh", "Phước", "Thanh", "Minh"]
SECOND = ["An", "Bình", "Hòa", "Lợi", "Phú", "Thịnh", "Hưng", "Lộc", "Thuận", "Tiến", "Mỹ", "Sơn",
          "Lâm", "Hải", "Trung", "Đức"]
SOURCES = [
    ("Báo Nông thôn Ngày nay", "Kinh tế tập thể ở cơ sở"),
    ("Cổng thông tin Liên minh HTX Việt Nam", "Số liệu HTX theo xã"),
    ("Báo Nhân Dân", "Hợp tác xã kiểu mới ở nông thôn"),
    ("Tạp chí Kinh tế và Dự báo", "Phát triển kinh tế hợp tác"),
    ("Báo Đại biểu Nhân dân", "Giám sát phát triển HTX"),
    ("Thông tấn xã Việt Nam", "HTX sau sáp nhập tỉnh"),
]


class Rng:
    """splitmix64: the same numbers on every Python version."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def chance(self, percent):
        return self.below(100) < percent


def provinces():
    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    out = [a for a in data["areas"] if a["level"] == "province"]
    if len(out) != 34:
        sys.exit(f"{BUNDLED}: expected 34 areas of level province, found {len(out)}")
    return out


def date_of(slot, commune):
    """The date of a commune's slot-th figure: first each year of 2015–2025 once (in an order of
    its own, so that even a few figures per commune cover every year), then months, then days."""
    year = YEARS[(slot * 7 + commune) % len(YEARS)]
    variant = slot // len(YEARS)
    if variant == 0:
        return str(year)
    if variant <= 12:
        return f"{year}-{variant:02d}"
    month = (variant - 13) % 12 + 1
    day = (variant - 13) // 12 + 1
    if day > 28:
        sys.exit("too many figures per commune: use more communes")
    return f"{year}-{month:02d}-{day:02d}"


def qualifier(rng):
    r = rng.below(100)
    if r < 88:
        return "exact"
    return ["more_than", "about", "nearly", "estimate", "preliminary", "at_least"][r % 6]


def make(n, communes, seed):
    rng = Rng(seed)
    provs = provinces()
    sources = []
    for i, (publisher, title) in enumerate(SOURCES):
        sources.append({
            "id": f"s-big-{i + 1:03d}",
            "publisher": publisher,
            "title": f"{title} (số liệu tổng hợp {i + 1})",
            "url": f"https://example.org/htx/{i + 1}",
            "published": f"{2016 + i}-{i + 3:02d}",
        })
    areas = [{"code": "VN", "name": "Việt Nam", "name_en": "Viet Nam", "level": "country", "official_code": "VN"}]
    for p in provs:
        areas.append({k: p[k] for k in ("code", "name", "short", "name_en", "level", "official_code") if k in p})
    towns = []  # (code, short name, base count of cooperatives)
    numbered = {}
    used = set()
    for i in range(communes):
        prov = provs[i % len(provs)]["code"]
        num = numbered.get(prov, 0) + 1
        numbered[prov] = num
        code = f"C{prov[1:]}-X{num:04d}"
        short = f"{FIRST[rng.below(len(FIRST))]} {SECOND[rng.below(len(SECOND))]}"
        if (prov, short) in used:
            short = f"{short} {num}"
        used.add((prov, short))
        areas.append({"code": code, "name": f"Xã {short}", "short": short, "level": "city", "part_of": prov})
        towns.append((code, short, rng.between(1, 40)))

    obs = []
    slot = 0
    while len(obs) < n:
        town, name, base = towns[slot % communes]
        date = date_of(slot // communes, slot % communes)
        year = int(date[:4])
        slot += 1
        source = sources[(slot // 7) % len(sources)]["id"]
        coops = base + (year - 2015) * rng.below(3) + rng.below(5)
        members = coops * rng.between(7, 120)
        capital = coops * rng.between(50, 5000) * 1_000_000
        group = [
            {"area": town, "date": date, "metric": "cooperatives", "value": coops, "qualifier": qualifier(rng),
             "unit": "cooperatives", "source": source,
             "quote": f"Đến {date}, xã {name} có {coops} hợp tác xã đang hoạt động."},
            {"area": town, "date": date, "metric": "members", "value": members, "qualifier": qualifier(rng),
             "unit": "persons", "source": source, "scope": "thành viên HTX trên địa bàn xã"},
            {"area": town, "date": date, "metric": "charter_capital", "value": capital, "qualifier": qualifier(rng),
             "unit": "vnd", "source": source,
             "quote": f"Tổng vốn điều lệ của các HTX trên địa bàn xã đạt {capital // 1_000_000} triệu đồng."},
        ]
        if rng.chance(2):
            group[1]["value"] = {"low": members, "high": members + members // 5}
            group[1]["qualifier"] = "about"
        if rng.chance(10) and coops >= 2:
            agri = rng.between(1, coops - 1)
            for sector, v in (("agriculture", agri), ("non_agriculture", coops - agri)):
                group.append({"area": town, "date": date, "metric": "cooperatives", "sector": sector, "value": v,
                              "qualifier": "exact", "unit": "cooperatives", "source": source})
        obs.extend(group[: n - len(obs)] if len(obs) + len(group) <= n else group[: min(3, n - len(obs))])
    return {
        "format": "htx-charts/1",
        "title": f"Bộ dữ liệu lớn thử nghiệm ({n} số liệu, {communes} xã)",
        "updated": UPDATED,
        "description": "Số liệu giả lập để đo tốc độ; không phải số liệu thật.",
        "sources": sources,
        "areas": areas,
        "observations": obs,
    }


def write(data, out):
    def lines(items):
        return ",\n".join("    " + json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in items)

    head = {k: v for k, v in data.items() if k not in ("sources", "areas", "observations")}
    text = "{\n" + "".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n" for k, v in head.items())
    text += "".join(f'  "{k}": [\n{lines(data[k])}\n  ]{"," if k != "observations" else ""}\n'
                    for k in ("sources", "areas", "observations"))
    text += "}\n"
    if out == "-":
        sys.stdout.write(text)
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(str(out) + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of observations")
    ap.add_argument("out", help="output file, or - for standard output")
    ap.add_argument("--communes", type=int, default=3000, help="number of communes (default 3000)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the generator (default 1)")
    args = ap.parse_args()
    if args.n < 0 or args.communes < 1:
        ap.error("N must be ≥ 0 and --communes ≥ 1")
    write(make(args.n, args.communes, args.seed), args.out)


if __name__ == "__main__":
    main()
