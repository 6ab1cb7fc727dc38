#!/usr/bin/env python3
"""Summary of the bundled dataset (public/data/htx.json), as Markdown.

Prints: the areas that have figures, the number of sources and observations, how many of the 34
current provinces have a count of cooperatives dated 2023 or later (and which do not), and the
newest count of each current province, its own or a former province's.

The rule for "covered": a count is an observation of metric `cooperatives` or
`cooperatives_operating` with no `sector`, whose date (the end of a period) falls in 2023 or later.
A province is covered by its own such count; where it has none, by one of a former province
(`level: former_province`, `part_of` the province).

    python3 scripts/data_summary.py            # print the summary
    python3 scripts/data_summary.py --readme   # also write it into README.md between the markers

README.md holds the printed text between `<!-- data-summary:start -->` and
`<!-- data-summary:end -->`; tests/data_coverage.rs checks that the two are the same.
"""

import calendar
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "public" / "data" / "htx.json"
README = ROOT / "README.md"
START = "<!-- data-summary:start -->"
END = "<!-- data-summary:end -->"

COUNT_METRICS = ("cooperatives", "cooperatives_operating")
FIRST_YEAR = 2023
LEVEL_ORDER = ["country", "region", "province", "former_province", "city", "unnamed_province"]
LEVEL_WORDS = {
    "country": ("country", "country"),
    "region": ("region", "regions"),
    "province": ("current province", "current provinces"),
    "former_province": ("former province", "former provinces"),
    "city": ("city", "cities"),
    "unnamed_province": ("unnamed province", "unnamed provinces"),
}


def end_key(date: str) -> int:
    """The latest day a date (or the end of a period) can mean, as YYYYMMDD."""
    end = date.split("/")[-1]
    parts = [int(p) for p in end.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return year * 10000 + month * 100 + day


def year_of(date: str) -> int:
    return end_key(date) // 10000


def is_count(o: dict) -> bool:
    return o["metric"] in COUNT_METRICS and "sector" not in o


def newest(observations: list) -> dict | None:
    """The observation with the latest date (the first in file order among equals)."""
    best = None
    for o in observations:
        if best is None or end_key(o["date"]) > end_key(best["date"]):
            best = o
    return best


def plural(n: int, level: str) -> str:
    one, many = LEVEL_WORDS[level]
    return f"{n} {one if n == 1 else many}"


def value_text(o: dict) -> str:
    v = o["value"]
    if isinstance(v, dict):
        text = f"{v['low']:,}–{v['high']:,}".replace(",", ".")
    else:
        text = f"{v:,}".replace(",", ".")
    prefix = {"more_than": "> ", "at_least": "≥ ", "nearly": "~", "about": "~"}.get(o["qualifier"], "")
    return prefix + text


def summary(ds: dict) -> str:
    areas = ds["areas"]
    obs = ds["observations"]
    by_code = {a["code"]: a for a in areas}
    with_data = {o["area"] for o in obs}
    lines = []

    counts = {lvl: sum(1 for a in areas if a["level"] == lvl and a["code"] in with_data) for lvl in LEVEL_ORDER}
    parts = ", ".join(plural(counts[lvl], lvl) for lvl in LEVEL_ORDER if counts[lvl])
    lines.append(f"- Areas with data: {len(with_data)} of {len(areas)} ({parts})")
    lines.append(f"- Sources: {len(ds['sources'])}")
    lines.append(f"- Observations: {len(obs)}")

    provinces = [a for a in areas if a["level"] == "province"]
    rows = []
    covered = []
    missing = []
    for p in provinces:
        code = p["code"]
        former = [a["code"] for a in areas if a["level"] == "former_province" and a.get("part_of") == code]
        own = [o for o in obs if o["area"] == code and is_count(o)]
        via = [o for o in obs if o["area"] in former and is_count(o)]
        own_recent = [o for o in own if year_of(o["date"]) >= FIRST_YEAR]
        via_recent = [o for o in via if year_of(o["date"]) >= FIRST_YEAR]
        if own_recent:
            covered.append(code)
            status = "yes (own)"
        elif via_recent:
            covered.append(code)
            status = "yes (" + ", ".join(sorted({o["area"] for o in via_recent})) + ")"
        else:
            missing.append(p)
            status = "no"
        n_own = newest(own)
        n_via = newest(via)
        own_text = f"{n_own['date']}: {value_text(n_own)}" if n_own else "—"
        via_text = f"{n_via['date']}: {value_text(n_via)} ({n_via['area']} {by_code[n_via['area']].get('short', '')})" if n_via else "—"
        rows.append(f"| {code} | {p.get('short', p['name'])} | {own_text} | {via_text} | {status} |")

    lines.append(
        f"- Current provinces with a count of cooperatives dated {FIRST_YEAR} or later (its own, or a former "
        f"province's where it has none): {len(covered)} of {len(provinces)}"
    )
    if missing:
        lines.append("- Without one: " + ", ".join(f"{p['code']} {p.get('short', p['name'])}" for p in missing))
    lines.append("")
    lines.append(
        f"Newest count of cooperatives (`cooperatives` or `cooperatives_operating`, no sector) of each "
        f"current province, its own and its former provinces' (date: value; `~` about or nearly, `>` more than):"
    )
    lines.append("")
    lines.append(f"| code | province | own | via a former province | {FIRST_YEAR} or later |")
    lines.append("|---|---|---|---|---|")
    lines.extend(rows)
    return "\n".join(lines) + "\n"


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    i, j = readme.index(START), readme.index(END)
    README.write_text(readme[: i + len(START)] + "\n" + text + readme[j:], encoding="utf-8")


def main() -> None:
    ds = json.loads(DATA.read_text(encoding="utf-8"))
    text = summary(ds)
    sys.stdout.write(text)
    if "--readme" in sys.argv[1:]:
        write_readme(text)


if __name__ == "__main__":
    main()
