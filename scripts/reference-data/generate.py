#!/usr/bin/env python3
"""Generate the app's reference data (States, map outlines, treaty participation).

Reads (from the shared reference folder, ../shared relative to the repository, or --shared DIR):
  data/glotip/data_glotip.csv          UNODC GLOTIP (release of 14 April 2025): the countries and
                                       territories it covers, with their M49 region and subregion
  data/naturalearth/naturalearth_lowres.{shp,dbf,...}
                                       Natural Earth 1:110m admin-0 (public domain): outlines, POP_EST
  data/treaties/{untoc_status,tip_protocol_status,crosscheck_cumulative}.csv
                                       Kelley & Simmons 2015 replication panel (see its README.md)
and the pycountry package (ISO 3166-1 codes, names and their translations).

Writes into Sources/PalermoApp/Resources/reference/:
  states.json     one object per State/territory: codes, region, UN status, population, six names
  outlines.json   SVG paths in the Equal Earth projection, 1000 units wide
  treaties.json   year each State became a Party to the Convention / the TIP Protocol

Output is deterministic (sorted keys, stable order): re-running gives identical bytes.
Usage: python3 scripts/reference-data/generate.py [--shared DIR] [--out DIR]
"""

import argparse
import csv
import gettext
import json
import math
import pathlib
import sys
import unicodedata

import pycountry
import shapefile  # pyshp

REPO = pathlib.Path(__file__).resolve().parents[2]
LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
PYCOUNTRY_LOCALE = {"ar": "ar", "zh": "zh_CN", "fr": "fr", "ru": "ru", "es": "es"}

# ---------------------------------------------------------------------------------------------
# Explicit tables
# ---------------------------------------------------------------------------------------------

# The 193 Member States of the United Nations (ISO 3166-1 alpha-3).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()

# The two non-member observer States.
UN_OBSERVERS = ["VAT", "PSE"]

# GLOTIP's 5 regions and 17 subregions (M49 names, with Latin America and the Caribbean and
# Sub-Saharan Africa as intermediate regions).
SCHEME = {
    "Africa": ["Northern Africa", "Sub-Saharan Africa"],
    "Americas": ["Latin America and the Caribbean", "Northern America"],
    "Asia": ["Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"],
    "Europe": ["Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"],
    "Oceania": ["Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"],
}

# Region/subregion for States that GLOTIP does not cover, following the UN M49 assignment.
NON_GLOTIP_REGIONS = {
    "ERI": ("Africa", "Sub-Saharan Africa"),  # M49: Eastern Africa
    "PRK": ("Asia", "Eastern Asia"),
    "PSE": ("Asia", "Western Asia"),
    "SOM": ("Africa", "Sub-Saharan Africa"),  # M49: Eastern Africa
    "STP": ("Africa", "Sub-Saharan Africa"),  # M49: Middle Africa
}

# GLOTIP rows whose Iso3_code is empty, keyed by their Country. Sark has an M49 code (680) but
# no ISO 3166-1 alpha-3; ISO has only exceptionally reserved the alpha-2 CQ for it. We give it a
# code from the ISO user-assigned range (X..) so it can be keyed like the others.
GLOTIP_UNCODED = {
    "Sark": {"iso3": "XSK", "iso2": "CQ", "m49": "680"},
}

# Names where pycountry has no entry, or where its ISO-style name ("Bolivia, Plurinational
# State of") or translation differs from the UN's official short name. English comes from
# GLOTIP (which uses the UN M49 English names) when the State is in GLOTIP.
NAME_OVERRIDES = {
    "XSK": {"ar": "سارك", "zh": "萨克岛", "en": "Sark", "fr": "Sercq", "ru": "Сарк", "es": "Sark"},
    "PRK": {"ar": "جمهورية كوريا الشعبية الديمقراطية", "zh": "朝鲜民主主义人民共和国",
            "en": "Democratic People's Republic of Korea",
            "fr": "République populaire démocratique de Corée",
            "ru": "Корейская Народно-Демократическая Республика",
            "es": "República Popular Democrática de Corea"},
    "PSE": {"ar": "دولة فلسطين", "zh": "巴勒斯坦国", "en": "State of Palestine",
            "fr": "État de Palestine", "ru": "Государство Палестина", "es": "Estado de Palestina"},
    "VAT": {"ar": "الكرسي الرسولي", "zh": "教廷", "fr": "Saint-Siège", "ru": "Святой Престол",
            "es": "Santa Sede"},
    "STP": {"en": "Sao Tome and Principe"},
    "BOL": {"ar": "بوليفيا (دولة - المتعددة القوميات)", "zh": "多民族玻利维亚国",
            "fr": "Bolivie (État plurinational de)", "ru": "Боливия (Многонациональное Государство)",
            "es": "Bolivia (Estado Plurinacional de)"},
    "COD": {"ar": "جمهورية الكونغو الديمقراطية", "es": "República Democrática del Congo"},
    "COG": {"fr": "Congo"},
    "FSM": {"ar": "ميكرونيزيا (ولايات - الموحدة)", "zh": "密克罗尼西亚联邦",
            "fr": "Micronésie (États fédérés de)", "ru": "Микронезия (Федеративные Штаты)",
            "es": "Micronesia (Estados Federados de)"},
    "IRN": {"ar": "إيران (جمهورية - الإسلامية)", "fr": "Iran (République islamique d’)",
            "ru": "Иран (Исламская Республика)", "es": "Irán (República Islámica del)"},
    "KOR": {"ar": "جمهورية كوريا", "fr": "République de Corée", "es": "República de Corea"},
    "LAO": {"fr": "République démocratique populaire lao", "es": "República Democrática Popular Lao"},
    "MDA": {"ar": "جمهورية مولدوفا", "fr": "République de Moldova", "es": "República de Moldova"},
    "RUS": {"ar": "الاتحاد الروسي", "zh": "俄罗斯联邦", "fr": "Fédération de Russie",
            "es": "Federación de Rusia"},
    "SYR": {"fr": "République arabe syrienne", "es": "República Árabe Siria"},
    "TZA": {"ar": "جمهورية تنزانيا المتحدة", "zh": "坦桑尼亚联合共和国",
            "fr": "République-Unie de Tanzanie", "ru": "Объединенная Республика Танзания",
            "es": "República Unida de Tanzanía"},
    "VEN": {"ar": "فنزويلا (جمهورية - البوليفارية)", "fr": "Venezuela (République bolivarienne du)",
            "ru": "Венесуэла (Боливарианская Республика)", "es": "Venezuela (República Bolivariana de)"},
    "GBR": {"ar": "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "zh": "大不列颠及北爱尔兰联合王国",
            "fr": "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",
            "ru": "Соединенное Королевство Великобритании и Северной Ирландии",
            "es": "Reino Unido de Gran Bretaña e Irlanda del Norte"},
    "USA": {"ar": "الولايات المتحدة الأمريكية", "zh": "美利坚合众国", "fr": "États-Unis d’Amérique",
            "ru": "Соединенные Штаты Америки", "es": "Estados Unidos de América"},
    "NLD": {"ar": "هولندا (مملكة -)", "zh": "荷兰王国", "fr": "Pays-Bas (Royaume des)",
            "ru": "Нидерланды (Королевство)", "es": "Países Bajos (Reino de los)"},
    "TUR": {"ar": "تركيا", "fr": "Türkiye", "es": "Türkiye"},
    "HKG": {"ar": "الصين، منطقة هونغ كونغ الإدارية الخاصة", "zh": "中国香港特别行政区",
            "fr": "Chine, région administrative spéciale de Hong Kong",
            "ru": "Китай, специальный административный район Гонконг",
            "es": "China, Región Administrativa Especial de Hong Kong"},
    "MAC": {"ar": "الصين، منطقة ماكاو الإدارية الخاصة", "zh": "中国澳门特别行政区",
            "fr": "Chine, région administrative spéciale de Macao",
            "ru": "Китай, специальный административный район Макао",
            "es": "China, Región Administrativa Especial de Macao"},
    "CIV": {"ar": "كوت ديفوار", "fr": "Côte d’Ivoire", "ru": "Кот-д’Ивуар", "es": "Côte d’Ivoire"},
    "MMR": {"fr": "Myanmar", "es": "Myanmar"},
    "TLS": {"ar": "تيمور - ليشتي", "fr": "Timor-Leste", "ru": "Тимор-Лешти", "es": "Timor-Leste"},
    "BLR": {"ar": "بيلاروس", "es": "Belarús"},
    "SLB": {"fr": "Îles Salomon"},
    "COM": {"ru": "Коморские Острова", "es": "Comoras"},
    "BHS": {"ru": "Багамские Острова"},
    "MDV": {"ru": "Мальдивские Острова", "es": "Maldivas"},
    "SYC": {"ru": "Сейшельские Острова"},
    "MHL": {"ru": "Маршалловы Острова"},
    "KGZ": {"ar": "قيرغيزستان", "zh": "吉尔吉斯斯坦", "ru": "Кыргызстан"},
    "CAF": {"ru": "Центральноафриканская Республика"},
    "DOM": {"ru": "Доминиканская Республика"},
    "SLV": {"fr": "El Salvador"},
    "CPV": {"ar": "كابو فيردي", "fr": "Cabo Verde"},
    "GNQ": {"fr": "Guinée équatoriale"},
    "IRQ": {"fr": "Iraq", "es": "Iraq"},
    "VNM": {"ar": "فييت نام", "fr": "Viet Nam", "es": "Viet Nam"},
    "SUR": {"fr": "Suriname", "es": "Suriname"},
    "NIU": {"fr": "Nioué"},
    "CUW": {"ar": "كوراساو"},
    "CZE": {"ar": "تشيكيا"},
    "HUN": {"ar": "هنغاريا"},
    "LTU": {"ar": "ليتوانيا"},
    "MNE": {"ar": "الجبل الأسود"},
    "SRB": {"ar": "صربيا"},
    "SAU": {"ar": "المملكة العربية السعودية", "es": "Arabia Saudita"},
    "BRN": {"zh": "文莱达鲁萨兰国"},
    "ARE": {"zh": "阿拉伯联合酋长国"},
    "BGD": {"zh": "孟加拉国", "es": "Bangladesh"},
    "KHM": {"zh": "柬埔寨"},
    "GTM": {"zh": "危地马拉"},
    "PYF": {"zh": "法属波利尼西亚"},
    "BFA": {"es": "Burkina Faso"},
    "TUN": {"es": "Túnez"},
    "DJI": {"es": "Djibouti"},
    "QAT": {"es": "Qatar"},
    "BWA": {"es": "Botswana"},
    "KEN": {"es": "Kenya"},
    "RWA": {"es": "Rwanda"},
    "MWI": {"es": "Malawi"},
    "ZWE": {"es": "Zimbabwe"},
    "LSO": {"es": "Lesotho"},
    "FJI": {"es": "Fiji"},
    "BEN": {"es": "Benin"},
    "BHR": {"es": "Bahrein"},
    "KAZ": {"es": "Kazajstán"},
    "GNB": {"es": "Guinea-Bissau"},
    "SWZ": {"es": "Eswatini"},
}

# Natural Earth records without a usable ISO_A3 (-99), matched by name.
NE_NAME_TO_ISO3 = {"Kosovo": "XKX", "France": "FRA", "Norway": "NOR"}
NE_DEFAULT_POP_YEAR = 2019  # POP_EST of this Natural Earth release is the 2019 estimate

# Treaty panel rows whose iso3 column holds a name instead of a code; the COW codes (580, 403)
# confirm Madagascar and Sao Tome and Principe.
TREATY_CODE_REPAIRS = {"Madagasgar": "MDG", "Sao T and P": "STP"}

# Rows the treaties README names as doubtful: (instrument, iso3, expected panel year, note).
TREATY_DOUBTFUL = [
    ("TIP", "ALB", 2004,
     "The panel codes 2004; the UN Treaty Collection gives 2002 for the Protocol."),
    ("UNTOC", "COG", 2000,
     "The panel codes 2000, probably the year of signature rather than of becoming a Party."),
]

TREATY_SOURCE = (
    "Kelley, J. G. and Simmons, B. A. (2015), 'Politics by Number: Indicators as Social Pressure "
    "in International Relations', American Journal of Political Science 59(1), replication panel "
    "redistributed (MIT licence) in the public repository andrewheiss/scorecard-diplomacy; year of becoming a "
    "Party only, TIP Protocol to 2011, Convention to 2009."
)
TREATY_CAVEATS = [
    "Albania: the panel has 2004 for the TIP Protocol; the UN Treaty Collection gives 2002.",
    "Congo: the panel has 2000 for the Convention, probably its signature year.",
    "The panel's cumulative count of Parties runs 2 to 7 lower than the UN Treaty Collection "
    "(it has 180 countries and leaves out the European Union and some small States).",
    "No signature dates, exact dates or kind of act (ratification, accession…), and nothing "
    "after 2011 (Protocol) or 2009 (Convention).",
    "Two panel rows carry a name instead of a code (Madagasgar, Sao T and P); they were read as "
    "MDG and STP from their COW codes 580 and 403.",
]

# ---------------------------------------------------------------------------------------------
# States
# ---------------------------------------------------------------------------------------------


def read_glotip(shared):
    """{iso3: (country, region, subregion)} for every country/territory in GLOTIP."""
    out = {}
    with open(shared / "data/glotip/data_glotip.csv", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            code = row["Iso3_code"].strip()
            if not code:
                code = GLOTIP_UNCODED.get(row["Country"], {}).get("iso3", "")
            if not code:
                raise SystemExit(f"GLOTIP row without Iso3_code for unknown {row['Country']!r}")
            entry = (row["Country"], row["Region"], row["Subregion"])
            if out.setdefault(code, entry) != entry:
                raise SystemExit(f"GLOTIP is inconsistent for {code}: {out[code]} vs {entry}")
    return out


def normalise(lang, name):
    """Bring pycountry's spellings closer to UN usage."""
    if lang == "ar":
        # UN Arabic names carry no diacritics, and the conjunction و attaches to the next word.
        name = "".join(c for c in name if not ("\u064b" <= c <= "\u0652"))
        name = name.replace(" و ", " و")
    elif lang == "ru":
        name = name.replace("ё", "е").replace("Ё", "Е")  # UN Russian does not write ё
    return unicodedata.normalize("NFC", name)


def state_names(iso3, country, glotip_name, translations):
    """The six names: override table first, then GLOTIP (English), then pycountry."""
    override = NAME_OVERRIDES.get(iso3, {})
    names = {}
    for lang in LANGS:
        if lang in override:
            names[lang] = override[lang]
        elif lang == "en":
            names[lang] = glotip_name or (country and (getattr(country, "common_name", None) or country.name))
        elif country is not None:
            names[lang] = normalise(lang, translations[lang].gettext(country.name))
        else:
            names[lang] = ""
        if not names[lang]:
            raise SystemExit(f"no {lang} name for {iso3}")
    return names


def read_natural_earth(shared):
    """[(iso3 or None, ne_name, record dict, shape)] for every Natural Earth country."""
    reader = shapefile.Reader(str(shared / "data/naturalearth/naturalearth_lowres"))  # .cpg gives the encoding
    out = []
    for sr in reader.iterShapeRecords():
        rec = {k.lower(): v for k, v in sr.record.as_dict().items()}
        code = None
        for field in ("iso_a3", "adm0_a3", "iso_a3_eh"):
            value = str(rec.get(field) or "").strip()
            if value and value != "-99":
                code = value
                break
        if code is None:
            code = NE_NAME_TO_ISO3.get(rec.get("name"))
        out.append((code, rec.get("name"), rec, sr.shape))
    return out


def build_states(shared, natural_earth):
    glotip = read_glotip(shared)
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193, "UN_MEMBERS must list 193 States"
    members, observers = set(UN_MEMBERS), set(UN_OBSERVERS)
    translations = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc])
                    for lang, loc in PYCOUNTRY_LOCALE.items()}
    population = {}
    for code, _, rec, _ in natural_earth:
        if code and rec.get("pop_est") is not None:
            year = rec.get("pop_year") or NE_DEFAULT_POP_YEAR
            population[code] = (int(round(rec["pop_est"])), int(year))

    uncoded = {v["iso3"]: v for v in GLOTIP_UNCODED.values()}
    unmatched = []
    states = []
    for iso3 in sorted(set(glotip) | members | observers):
        country = pycountry.countries.get(alpha_3=iso3)
        if country is None and iso3 not in uncoded:
            unmatched.append(iso3)  # reported; add it to GLOTIP_UNCODED and NAME_OVERRIDES
            continue
        if country is not None:
            iso2, m49 = country.alpha_2, country.numeric
        else:
            iso2, m49 = uncoded[iso3]["iso2"], uncoded[iso3]["m49"]
        if iso3 in glotip:
            glotip_name, region, subregion = glotip[iso3]
        else:
            glotip_name, (region, subregion) = None, NON_GLOTIP_REGIONS[iso3]
        assert subregion in SCHEME.get(region, []), f"{iso3}: {region}/{subregion} not in scheme"
        pop, pop_year = population.get(iso3, (None, None))
        states.append({
            "iso3": iso3,
            "iso2": iso2,
            "m49": m49.zfill(3),
            "region": region,
            "subregion": subregion,
            "unStatus": "member" if iso3 in members else "observer" if iso3 in observers else "other",
            "inGlotip": iso3 in glotip,
            "population": pop,
            "populationYear": pop_year,
            "names": state_names(iso3, country, glotip_name, translations),
        })
    return states, glotip, unmatched

# ---------------------------------------------------------------------------------------------
# Outlines
# ---------------------------------------------------------------------------------------------

# Equal Earth (Šavrič, Patterson and Jenny 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX = math.pi / (M * A1)  # x at longitude 180° on the equator
WIDTH = 1000.0
SCALE = WIDTH / (2 * X_MAX)
TOLERANCE = 0.5  # Douglas–Peucker tolerance in output units


def equal_earth(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return (x + X_MAX) * SCALE, -y * SCALE  # y is shifted to the top edge later


def point_line_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def douglas_peucker(points, tolerance):
    """Simplify an open polyline, keeping both ends (iterative, so deep rings don't recurse)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = point_line_distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tolerance):
    """Simplify a closed ring (without repeated end point); split it at the vertex farthest
    from the first so that both halves have distinct ends."""
    if len(ring) < 3:
        return ring
    far = max(range(len(ring)), key=lambda i: math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]))
    head = douglas_peucker(ring[: far + 1], tolerance)
    tail = douglas_peucker(ring[far:] + [ring[0]], tolerance)
    return head[:-1] + tail[:-1]


def to_tenths(ring):
    """Round to 1 decimal (as integers of tenths) and drop repeated vertices."""
    out = []
    for x, y in ring:
        p = (int(round(x * 10)), int(round(y * 10)))
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    return out


def area2(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))


def collapsed(ring):
    return len(ring) < 3 or area2(ring) == 0


def fmt(tenths):
    """Tenths as an SVG number: 12 -> 1.2, -5 -> -0.5, 30 -> 3."""
    sign = "-" if tenths < 0 else ""
    whole, frac = divmod(abs(tenths), 10)
    return f"{sign}{whole}" if frac == 0 else f"{sign}{whole}.{frac}"


def join_numbers(numbers):
    """Join numbers with a space, or with nothing before a minus sign (valid SVG, and still easy
    for a simple tokenizer)."""
    return "".join((s if s.startswith("-") or i == 0 else " " + s)
                   for i, s in enumerate(fmt(n) for n in numbers))


def ring_path(ring):
    """Absolute move to the first vertex, then relative lines, then close."""
    (x0, y0), deltas = ring[0], []
    for (xa, ya), (xb, yb) in zip(ring, ring[1:]):
        deltas += [xb - xa, yb - ya]
    return "M" + join_numbers([x0, y0]) + "l" + join_numbers(deltas) + "z"


def project_shape(shape):
    """Projected rings (floats) of a polygon shape, all parts."""
    bounds = list(shape.parts) + [len(shape.points)]
    rings = []
    for start, end in zip(bounds, bounds[1:]):
        pts = [equal_earth(lon, lat) for lon, lat in shape.points[start:end]]
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts = pts[:-1]
        rings.append(pts)
    return rings


def build_outlines(natural_earth, state_codes):
    projected, left_out, rescued = {}, [], []
    for code, name, _, shape in natural_earth:
        if code == "ATA":
            continue  # Antarctica is not drawn
        # Land that is not one of our States (Greenland, Western Sahara, Taiwan…) is still drawn,
        # unlabelled, so that the map has no holes; it is keyed apart from the States.
        key = code if code in state_codes else f"other:{code if code and code != '-99' else name}"
        if code not in state_codes:
            left_out.append(f"{code or '-99'} {name}")
        rings = project_shape(shape)
        simplified = [r for r in (to_tenths(simplify_ring(r, TOLERANCE)) for r in rings) if not collapsed(r)]
        if not simplified:
            # Keep the biggest ring unsimplified rather than lose a country from the map.
            biggest = max((to_tenths(r) for r in rings), key=lambda r: abs(area2(r)))
            simplified = [biggest]
            rescued.append(code)
        projected.setdefault(key, []).extend(simplified)

    # Crop the height to the drawn land (the full width stays, so longitudes map to x alike).
    top = min(y for rings in projected.values() for r in rings for _, y in r)
    bottom = max(y for rings in projected.values() for r in rings for _, y in r)
    paths, other_land = {}, {}
    for key in sorted(projected):
        rings = [[(x, y - top) for x, y in r] for r in projected[key]]
        path = "".join(ring_path(r) for r in rings)
        if key.startswith("other:"):
            other_land[key[len("other:"):]] = path
        else:
            paths[key] = path
    height = math.ceil((bottom - top) / 10)
    outlines = {"projection": "Equal Earth", "viewBox": f"0 0 {int(WIDTH)} {height}", "paths": paths,
                "otherLand": other_land}
    return outlines, sorted(left_out), rescued

# ---------------------------------------------------------------------------------------------
# Treaties
# ---------------------------------------------------------------------------------------------


def build_treaties(shared, state_codes):
    folder = shared / "data/treaties"
    doubtful = {(inst, iso3): (year, note) for inst, iso3, year, note in TREATY_DOUBTFUL}
    parties, unknown, repaired = [], [], []
    for instrument, filename in (("TIP", "tip_protocol_status.csv"), ("UNTOC", "untoc_status.csv")):
        with open(folder / filename, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                iso3 = row["iso3"].strip()
                if iso3 in TREATY_CODE_REPAIRS:
                    repaired.append(f"{instrument} {iso3!r} -> {TREATY_CODE_REPAIRS[iso3]}")
                    iso3 = TREATY_CODE_REPAIRS[iso3]
                if iso3 not in state_codes:
                    unknown.append(f"{instrument} {iso3}")
                year = row["party_year"].strip()
                if not year:
                    continue
                note = None
                if (instrument, iso3) in doubtful:
                    expected, note = doubtful[(instrument, iso3)]
                    # The note quotes the year: stop if the data no longer says it.
                    assert int(year) == expected, f"{instrument} {iso3}: README note is for {expected}, data has {year}"
                parties.append({"instrument": instrument, "iso3": iso3, "partyYear": int(year), "doubtful": note})
    marked = {(p["instrument"], p["iso3"]) for p in parties if p["doubtful"]}
    assert marked == set(doubtful), f"doubtful rows not found: {set(doubtful) - marked}"
    parties.sort(key=lambda p: (p["instrument"], p["iso3"]))

    crosscheck = []
    with open(folder / "crosscheck_cumulative.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            crosscheck.append({"year": int(row["year"]), "panel": int(row["cum_parties_kelley_simmons"]),
                               "treatyCollection2016": int(row["cum_parties_heiss_untc2016"])})
    crosscheck.sort(key=lambda c: c["year"])
    treaties = {"source": TREATY_SOURCE, "caveats": TREATY_CAVEATS, "parties": parties, "crosscheck": crosscheck}
    return treaties, sorted(set(unknown)), repaired

# ---------------------------------------------------------------------------------------------


def write_json(path, value, indent):
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent, separators=(",", ": ") if indent is not None else (",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return path.stat().st_size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=pathlib.Path, default=REPO / "../shared",
                        help="shared reference folder (default: ../shared from the repository)")
    parser.add_argument("--out", type=pathlib.Path, default=REPO / "Sources/PalermoApp/Resources/reference",
                        help="output folder")
    args = parser.parse_args()
    shared, out = args.shared.resolve(), args.out
    out.mkdir(parents=True, exist_ok=True)

    natural_earth = read_natural_earth(shared)
    states, glotip, unmatched = build_states(shared, natural_earth)
    codes = {s["iso3"] for s in states}
    outlines, ne_left_out, rescued = build_outlines(natural_earth, codes)
    treaties, treaty_unknown, treaty_repaired = build_treaties(shared, codes)

    sizes = {
        "states.json": write_json(out / "states.json", states, 1),
        "outlines.json": write_json(out / "outlines.json", outlines, 0),
        "treaties.json": write_json(out / "treaties.json", treaties, 1),
    }

    print_summary(states, glotip, unmatched, outlines, ne_left_out, rescued, treaties,
                  treaty_repaired, treaty_unknown, {out / k: v for k, v in sizes.items()})


def print_summary(states, glotip, unmatched, outlines, ne_left_out, rescued, treaties,
                  treaty_repaired, treaty_unknown, sizes):
    def count(pred):
        return sum(1 for s in states if pred(s))

    uncoded = ", ".join(f"{name} -> {v['iso3']}" for name, v in sorted(GLOTIP_UNCODED.items()))
    parties = treaties["parties"]
    print(f"states: {len(states)} total, {count(lambda s: s['inGlotip'])} in GLOTIP, "
          f"{count(lambda s: s['unStatus'] == 'member')} members, "
          f"{count(lambda s: s['unStatus'] == 'observer')} observers, "
          f"{count(lambda s: s['population'] is not None)} with population, "
          f"{count(lambda s: s['iso3'] in outlines['paths'])} with outline")
    print(f"GLOTIP entries without an ISO code, given one here: {uncoded}")
    print(f"GLOTIP codes not matched in pycountry: {unmatched or 'none'}")
    print(f"States without population: {[s['iso3'] for s in states if s['population'] is None]}")
    print(f"Natural Earth countries drawn as unlabelled other land: {ne_left_out} (Antarctica excluded)")
    print(f"outlines: viewBox {outlines['viewBox']}; kept unsimplified (all rings collapsed): "
          f"{rescued or 'none'}")
    print(f"treaties: {len(parties)} party entries "
          f"({sum(p['instrument'] == 'UNTOC' for p in parties)} UNTOC, "
          f"{sum(p['instrument'] == 'TIP' for p in parties)} TIP), "
          f"{sum(bool(p['doubtful']) for p in parties)} marked doubtful")
    print(f"treaty codes repaired: {treaty_repaired or 'none'}")
    print(f"treaty codes not in states.json: {treaty_unknown or 'none'}")
    for path, size in sizes.items():
        print(f"wrote {path} ({size} bytes)")

if __name__ == "__main__":
    sys.exit(main())
