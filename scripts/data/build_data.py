"""Transforms the pinned source files into data/gazetteer.tsv, data/countries.tsv and
data/admin1.tsv (formats in data/README.md). Deterministic: rows sorted, no timestamps.

usage: build_data.py CITIES500_TXT ADMIN1_JSON ISO3166_JSON OUT_DIR
"""
import json
import os
import sys

from fold import fold

ALT_NAME_MIN_POPULATION = 15000
# Capitals and seats of first- and second-order divisions keep their alternate names at any
# population. Seats of third- and lower-order divisions (PPLA3..5, mostly small communes) do not:
# they would add ~0.8 MB gzipped for names nobody writes in a site file.
ALT_NAME_FEATURE_CODES = ("PPLC", "PPLA", "PPLA2")

# Names people write for countries beyond the ISO names (matched after folding).
COUNTRY_ALIASES = {
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "BA": ["Bosnia"],
    "BO": ["Bolivia"],
    "BR": ["Brasil"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo"],
    "CH": ["Schweiz", "Suisse", "Svizzera"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CN": ["PRC", "Mainland China", "中国", "中國"],
    "CZ": ["Czech Republic", "Czechia", "Cesko"],
    "DE": ["Deutschland", "Germany"],
    "ES": ["Espana", "España"],
    "FI": ["Suomi"],
    "FR": ["France"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales",
           "Northern Ireland", "United Kingdom"],
    "HK": ["Hong Kong SAR"],
    "IN": ["Bharat"],
    "IR": ["Iran", "Persia"],
    "IT": ["Italia"],
    "JP": ["Nippon", "Nihon", "日本"],
    "KP": ["North Korea", "DPRK"],
    "KR": ["South Korea", "Korea", "Republic of Korea", "ROK", "대한민국", "한국"],
    "LA": ["Laos"],
    "MD": ["Moldova"],
    "MK": ["Macedonia", "North Macedonia"],
    "MO": ["Macau", "Macao SAR"],
    "MX": ["Mexico", "México"],
    "NL": ["Holland", "The Netherlands", "Nederland"],
    "NO": ["Norge"],
    "PL": ["Polska"],
    "PS": ["Palestine"],
    "RU": ["Russia", "Россия"],
    "SA": ["KSA", "Saudi"],
    "SE": ["Sverige"],
    "SY": ["Syria"],
    "TR": ["Turkey", "Türkiye", "Turkiye"],
    "TW": ["Taiwan", "Republic of China", "ROC", "台灣", "台湾"],
    "TZ": ["Tanzania"],
    "US": ["USA", "US", "U.S.", "U.S.A.", "United States", "United States of America",
           "America"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "VE": ["Venezuela"],
    "VN": ["Vietnam", "Viet Nam"],
}
# Display names where the ISO short name reads badly on a map.
COUNTRY_DISPLAY_NAMES = {
    "RU": "Russia", "US": "United States", "GB": "United Kingdom", "MD": "Moldova",
    "VE": "Venezuela", "TZ": "Tanzania", "SY": "Syria", "LA": "Laos", "PS": "Palestine",
    "VA": "Vatican City", "CD": "DR Congo", "FM": "Micronesia", "MK": "North Macedonia",
    "BQ": "Caribbean Netherlands", "KP": "North Korea", "KR": "South Korea",
}
INDEX_MARKER = "#index"
# A country is treated as renumbered when more than this share of its places carry admin-1
# codes that admin1.json does not know.
RENUMBERED_SHARE = 0.5
# Names that GeoNames cities500 lacks but site files use, added as alternate names of the place
# they denote (GeoNames id -> names). Keep this list short and factual.
EXTRA_ALTERNATE_NAMES = {
    # Jining District, Inner Mongolia: the seat of Ulanqab (Wulanchabu) prefecture-level city,
    # which cities500 has only under the district's name.
    2036458: ["Ulanqab", "Wulanchabu", "乌兰察布"],
    # Gurgaon, Haryana: renamed Gurugram in 2016; the snapshot predates the name.
    1270642: ["Gurugram", "गुरुग्राम"],
    # Taastrup: the main town of Høje-Taastrup municipality, the name data-center press uses.
    2611828: ["Høje-Taastrup", "Hoeje-Taastrup", "Hoje Taastrup"],
}
# English exonyms indexed like primary names (kind p) rather than alternate names, because the
# place they name is the one everybody means although small namesakes carry the name as their
# primary name: "Geneva" is Genève (183,981 people), not Geneva, Illinois (21,806), and a 50x
# rule for alternate names cannot see that (GeoNames id -> names).
EXTRA_PRIMARY_NAMES = {
    2660646: ["Geneva"],
}
# Data-center towns missing from the cities500 snapshot, with hand-entered town-centre
# coordinates (approximate, about 1-2 km). Columns as cities500: the id is our own, negative,
# so it can never collide with a GeoNames id. Population 0 = unknown.
EXTRA_PLACES = [
    # Cyberjaya, Sepang district, Selangor: planned town south of Kuala Lumpur.
    ["-1", "Cyberjaya", "Cyberjaya", "", "2.9200", "101.6550", "P", "PPL", "MY", "", "12",
     "", "", "", "0", "", "", "", ""],
    # Quilicura: commune of the Santiago metropolitan area (Google data centre).
    ["-2", "Quilicura", "Quilicura", "", "-33.3600", "-70.7300", "P", "PPL", "CL", "", "12",
     "", "", "", "0", "", "", "", ""],
]
# Postal and common abbreviations of first-order divisions whose GeoNames codes are numbers
# ("Montreal, QC", "Vinhedo, SP, Brazil"); US codes are already the postal ones.
ADMIN1_ABBREVIATIONS = {
    "AU.01": ["ACT"], "AU.02": ["NSW"], "AU.03": ["NT"], "AU.04": ["QLD"], "AU.05": ["SA"],
    "AU.06": ["TAS"], "AU.07": ["VIC"], "AU.08": ["WA"],
    "BR.01": ["AC"], "BR.02": ["AL"], "BR.03": ["AP"], "BR.04": ["AM"], "BR.05": ["BA"],
    "BR.06": ["CE"], "BR.07": ["DF", "Distrito Federal"], "BR.08": ["ES"], "BR.11": ["MS"],
    "BR.13": ["MA"], "BR.14": ["MT"], "BR.15": ["MG"], "BR.16": ["PA"], "BR.17": ["PB"],
    "BR.18": ["PR"], "BR.20": ["PI"], "BR.21": ["RJ"], "BR.22": ["RN"], "BR.23": ["RS"],
    "BR.24": ["RO"], "BR.25": ["RR"], "BR.26": ["SC"], "BR.27": ["SP"], "BR.28": ["SE"],
    "BR.29": ["GO"], "BR.30": ["PE"], "BR.31": ["TO"],
    "CA.01": ["AB"], "CA.02": ["BC"], "CA.03": ["MB"], "CA.04": ["NB"], "CA.05": ["NL"],
    "CA.07": ["NS"], "CA.08": ["ON"], "CA.09": ["PE", "PEI"], "CA.10": ["QC"],
    "CA.11": ["SK"], "CA.12": ["YT"], "CA.13": ["NT"], "CA.14": ["NU"],
}
# Names of first-order divisions in their own language, where GeoNames' admin-1 list has only the
# English one and region lists often write the local one ("Hessen", "Noord-Holland").
ADMIN1_LOCAL_NAMES = {
    "DE.02": ["Bayern"],
    "DE.05": ["Hessen"],
    "DE.06": ["Niedersachsen"],
    "DE.07": ["Nordrhein-Westfalen", "NRW"],
    "DE.13": ["Sachsen"],
    "DE.14": ["Sachsen-Anhalt"],
    "DE.15": ["Thüringen"],
    "DE.16": ["Berlin"],
    "ES.51": ["Andalucía"],
    "ES.56": ["Cataluña", "Catalunya"],
    "ES.59": ["País Vasco", "Euskadi"],
    "ES.29": ["Comunidad de Madrid"],
    "ES.60": ["Comunitat Valenciana"],
    "IT.09": ["Lombardia"],
    "IT.12": ["Piemonte"],
    "NL.06": ["Noord-Brabant"],
    "NL.07": ["Noord-Holland"],
    "NL.11": ["Zuid-Holland"],
    "BE.BRU": ["Bruxelles"],
    "BE.VLG": ["Vlaanderen"],
    "BE.WAL": ["Wallonie"],
    "AT.03": ["Niederösterreich"],
    "AT.04": ["Oberösterreich"],
    "AT.06": ["Steiermark"],
    "AT.07": ["Tirol"],
    "AT.09": ["Wien"],
    "FR.28": ["Normandie"],
    "FR.53": ["Bretagne"],
    "FR.75": ["Nouvelle-Aquitaine"],
}
KOSOVO = {"alpha_2": "XK", "alpha_3": "XKX", "numeric": "", "name": "Kosovo"}


def read_cities(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 19:
                raise SystemExit("unexpected column count in %s: %r" % (path, line[:80]))
            yield cols


def keeps_alternate_names(population, feature_code):
    return population >= ALT_NAME_MIN_POPULATION or feature_code in ALT_NAME_FEATURE_CODES


def place_row(cols):
    """(sort key, row fields, other primary keys, alternate keys) of one cities500 record."""
    geonameid, name, asciiname, alternates, lat, lon = cols[0:6]
    feature_code, country, admin1, population = cols[7], cols[8], cols[10], int(cols[14] or 0)
    primary = []
    for key in (fold(name), fold(asciiname)):
        if key and key not in primary:
            primary.append(key)
    if not primary:
        raise SystemExit("place %s has no usable name" % geonameid)
    alt = set()
    names = alternates.split(",") if keeps_alternate_names(population, feature_code) else []
    names += EXTRA_ALTERNATE_NAMES.get(int(geonameid), [])
    for extra in EXTRA_PRIMARY_NAMES.get(int(geonameid), []):
        if fold(extra) not in primary:
            primary.append(fold(extra))
    for a in names:
        if "http" in a:
            continue
        key = fold(a)
        if key and key not in primary:
            alt.add(key)
    row = [name, lat, lon, country, admin1, str(population), feature_code, primary[0]]
    sort_key = (primary[0], country, admin1, -population, int(geonameid))
    return sort_key, row, primary[1:], sorted(alt)


def write_gazetteer(cities, out_path):
    """Section 1: place rows sorted by key. Section 2, after the line INDEX_MARKER: every other
    key (ASCII spellings, kind p; alternate names, kind a) with the rows it names."""
    places = sorted(place_row(c) for c in cities)
    index = {}
    for number, (_, _, others, alts) in enumerate(places):
        for key in others:
            index.setdefault((key, "p"), []).append(number)
        for key in alts:
            index.setdefault((key, "a"), []).append(number)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        for _, row, _, _ in places:
            f.write("\t".join(row) + "\n")
        f.write(INDEX_MARKER + "\n")
        for (key, kind), numbers in sorted(index.items()):
            f.write("%s\t%s\t%s\n" % (key, kind, ",".join(str(n) for n in numbers)))


def capitals(cities):
    """alpha-2 -> (lat, lon, name) of the capital (PPLC), else the most populous place."""
    best = {}
    for c in cities:
        cc, fcode, pop = c[8], c[7], int(c[14] or 0)
        rank = (fcode == "PPLC", pop, -int(c[0]))
        if cc not in best or rank > best[cc][0]:
            best[cc] = (rank, c[4], c[5], c[1])
    return {cc: v[1:] for cc, v in best.items()}


def write_countries(iso_path, label_points, out_path):
    with open(iso_path, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"] + [KOSOVO]
    rows = []
    for c in countries:
        a2 = c["alpha_2"]
        name = COUNTRY_DISPLAY_NAMES.get(a2) or c.get("common_name") or c["name"]
        aliases = []
        for a in [c["name"], c.get("common_name"), c.get("official_name")] + COUNTRY_ALIASES.get(
                a2, []):
            if a and a != name and a not in aliases:
                aliases.append(a)
        lat, lon, capital = label_points.get(a2, ("", "", ""))
        rows.append([c["numeric"], a2, c["alpha_3"], name, lat, lon, capital, "|".join(aliases)])
    rows.sort(key=lambda r: r[1])
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write("\t".join(r) + "\n")


def renumbered_countries(cities, admin1_codes):
    """Countries whose admin-1 codes in cities500 mostly do not exist in admin1.json.

    admin1.json comes from a newer GeoNames snapshot than cities500; where a country reorganised
    its provinces in between (Vietnam, 2025) the codes were reused for other provinces, so every
    name would be wrong. Such countries get no admin-1 names rather than wrong ones."""
    used, missing = {}, {}
    for c in cities:
        cc, code = c[8], c[10]
        if not code or code == "00":
            continue
        used[cc] = used.get(cc, 0) + 1
        if "%s.%s" % (cc, code) not in admin1_codes:
            missing[cc] = missing.get(cc, 0) + 1
    return sorted(cc for cc, n in used.items() if missing.get(cc, 0) > RENUMBERED_SHARE * n)


def write_admin1(admin1_path, cities, out_path):
    with open(admin1_path, encoding="utf-8") as f:
        entries = json.load(f)
    skipped = set(renumbered_countries(cities, {e["code"] for e in entries}))
    if skipped:
        print("build_data: no admin-1 names for renumbered countries: %s" % ", ".join(
            sorted(skipped)), file=sys.stderr)
    rows = sorted((e["code"], e["name"], fold(e["name"]),
                   "|".join(fold(a) for a in ADMIN1_ABBREVIATIONS.get(e["code"], []) +
                            ADMIN1_LOCAL_NAMES.get(e["code"], [])))
                  for e in entries if e["code"].split(".")[0] not in skipped)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write("\t".join(r) + "\n")


def main(cities_path, admin1_path, iso_path, out_dir):
    cities = list(read_cities(cities_path)) + EXTRA_PLACES
    write_gazetteer(cities, os.path.join(out_dir, "gazetteer.tsv"))
    write_countries(iso_path, capitals(cities), os.path.join(out_dir, "countries.tsv"))
    write_admin1(admin1_path, cities, os.path.join(out_dir, "admin1.tsv"))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
