#!/usr/bin/env python3
"""Generate the alias table that maps GLOTIP citizenship / repatriation categories to States.

Reads:
  data/glotip/data_glotip.csv   (from the shared reference folder, ../shared relative to the
                                repository, or --shared DIR): UNODC GLOTIP. For rows whose Dimension
                                is "by citizenship" or "by country of repatriation", Category is the
                                country (or group) as the reporting State wrote it, in free text.
  Sources/PalermoApp/Resources/reference/states.json
                                the app's States (iso3 + English name), written by generate.py.

Writes:
  Sources/PalermoApp/Resources/reference/category-aliases.json
      a JSON array sorted by "text", one object for every distinct Category under those two
      Dimensions:  {"text": <exactly as in the CSV>, "kind": <kind>, "iso3": <code or null>}
      kind is one of  country | nationals | foreigners | unknown | abroad | unmapped.

How a text is classified:
  1. exact match on a State's English name in states.json (computed);
  2. otherwise the HAND-CURATED tables below (ALIASES, SPECIAL, UNMAPPED), written by reading
     every distinct value and, where needed, the reporting State and year it appears under;
  3. otherwise "unmapped" (and listed as "not reviewed" in the summary).
When in doubt a text is left unmapped: never guess. Every iso3 must exist in states.json; the
script fails loudly otherwise. Some texts contain U+FFFD replacement characters exactly as UNODC
published them; they are written here as "\\ufffd" escapes and kept byte-for-byte.

Output is deterministic. Usage: python3 scripts/reference-data/category_aliases.py [--shared DIR]
"""

import argparse
import collections
import csv
import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
REFERENCE = REPO / "Sources/PalermoApp/Resources/reference"
DIMENSIONS = ("by citizenship", "by country of repatriation")
KINDS = ("country", "nationals", "foreigners", "unknown", "abroad", "unmapped")

# ---------------------------------------------------------------------------------------------
# Hand-curated tables
# ---------------------------------------------------------------------------------------------

# Texts naming exactly one country or territory (names in other languages and spellings,
# demonyms, plurals, abbreviations, a count or a city in the text), grouped by ISO 3166-1
# alpha-3 code. Exact English names from states.json are matched automatically and not listed.
ALIASES = {
    "AFG": ["AFGHANISTAN", "Afganistan", "Afghani"],
    "ALB": ["ALBANIA", "Abania", "Albanian", "Albanians", "Albanie", "albanian"],
    "AGO": ["Angolan", "Angolans"],
    "ARE": ["Dubai", "Emirati (UAE)", "UAE"],
    "ARG": ["ARGENTINA", "Argentinian", "Argentino"],
    "ARM": ["Armenians"],
    "AUS": ["Australian", "Australians"],
    "AUT": ["Austrians"],
    "AZE": ["AZERBAIJAN", "Azerbaijani"],
    "BDI": ["BURUNDIANS", "Burundean"],
    "BEL": ["Belga"],
    "BEN": ["BENIN", "Benin Rep", "Beninoise"],
    "BFA": ["BURKINA FASO", "Burkinabe"],
    "BGD": ["BANGLADESH", "Bangladeshi"],
    "BGR": ["BULGARIA", "Bulgarian"],
    "BHS": ["BAHAMAS"],
    "BIH": ["B & H", "Bosnia", "Bosnia Erzegovina", "Bosnia and Herzegowina",
            "Bosnia i Herzegovinia", "Bosnian"],
    "BLR": ["BIELORRUSIA", "Byelorussian"],
    "BLZ": ["BELICE", "BELICE\u00d1A", "BELICE\ufffdA", "Belice", "Belizean", "Belizeean"],
    "BOL": ["BOLIVIA", "Bolivia", "Boliviana", "Bolivians"],
    "BRA": ["BARSIL", "BRASIL", "BRASILERA", "Brasil", "Brasilero", "Brazilian", "Bresil",
            "Br\u00e9sil", "br\u00e9silien"],
    "BTN": ["Bhuatnese", "Bhutanese"],
    "BWA": ["Botzwana"],
    "CAF": ["Centrel African Republic"],
    "CAN": ["Canadians"],
    "CHE": ["SUIZA"],
    "CHL": ["CHILE", "Chilean"],
    "CHN": ["CHINA", "Chine", "Chines", "Chinese", "Chino", "Cina Popolare", "chiness"],
    "CIV": ["C\ufffdTE D'IVOIRE", "C\ufffdte d\ufffdIvoire", "Costa d'Avorio", "Cote d'Ivoire",
            "Cote d'ivoire", "Ivory Coast"],
    "CMR": ["CAMERUN", "Cameroonian", "Cameroun"],
    "COD": ["Congolese (DRC)", "Democratic Kongo", "Dr Kongo", "RDC"],
    "COL": ["COLOMBIA", "COLOMBIANA", "Colombian", "Colombiana", "Colombiano", "Colombie",
            "Columbia"],  # "Columbia": reported by Denmark among nationalities
    "COM": ["Comorian islands"],
    "CPV": ["Cape Ver"],
    "CRI": ["COSTA RICA"],
    "CUB": ["CUBA", "Cuban", "Cubana", "Cubano", "Cubans"],
    "CUW": ["Curacao"],
    "CYP": ["Cypriot"],
    "CZE": ["Czech", "Czech Rep", "Czech Republic", "Czeck Republic", "REP\u00daBLICA CHECA",
            "R\u00e9publique tch\u00e8que"],
    "DEU": ["ALEMANIA", "Alemania", "German", "Germans"],
    "DJI": ["Djiboutean"],
    "DNK": ["Danish"],
    "DZA": ["Algerians"],
    # "DOMINICANA": reported by Panama; the Spanish demonym of the Dominican Republic
    # (Dominica would be "dominiquesa").
    "DOM": ["DOMINICANA", "Dominican Rebublic", "Dominican Rep", "Dominican rep", "R.DOMINICANA",
            "R.Dominicana", "R.dominicana", "REP. DOMINICANA", "REPUBLICA DOMINICANA",
            "REP\ufffdBLICA DOMINICANA", "Rep. Dominicana", "Rep\u00fablica Dominicana",
            "Rep\ufffdblica Dominicana"],
    "ECU": ["ECUADOR", "Ecuadorean", "Ecuatoriana"],
    "EGY": ["EGYBT", "EGYPT", "Egitto", "Egyptian"],
    "ERI": ["Erithera", "Eritrean", "Eritreja"],
    "ESP": ["ESPA\ufffdA", "Espa\u00f1a", "Espa\ufffda", "Spania", "Spanish"],
    "EST": ["Estonians"],
    "ETH": ["ETHIOPIA", "Ethiopian", "Ethopia", "Etiopia"],
    "FIN": ["Finns"],
    "FJI": ["Fijian"],
    "FRA": ["FRANCIA", "French", "francais"],
    "GBR": ["British", "Great Britain", "UK", "United Kingdom"],
    "GEO": ["Georgian"],
    "GHA": ["GHANA", "Gana", "Ghanaian", "Ghanean", "ghana"],
    # "GUINEANA": reported by Guatemala; the Spanish demonym of Guinea (Equatorial Guinea would
    # be "ecuatoguineana"). "Guinean" appears next to "Guinea-Bissau" in the same tables.
    "GIN": ["GUINEANA", "GUINEE", "GUINEE CONAKRY", "Guinea Conakry", "Guinean"],
    "GMB": ["Gambian"],
    "GRC": ["Greek"],
    "GTM": ["GUATEMALA", "GUATEMALTECA", "Guatemalean"],
    "GUY": ["Guayanean"],  # reported by Guyana itself (2019-2020) and by the Bahamas
    "HKG": ["China, Hong Kong SAR"],
    "HND": ["HONDURAS", "HONDURE\u00d1A", "HONDURE\ufffdA", "Hodruanian", "Honduranian",
            "Hondureans"],
    "HRV": ["Croatian", "Croazia", "croatia"],
    "HTI": ["Haitian", "Haitiana", "Haitiano", "Haitians", "Hait\ufffd"],
    "HUN": ["HUNGR\u00cdA", "Hongrie", "Hungaria", "Hungarian", "Hungarians"],
    "IDN": ["INDONESIA", "Indonesian"],
    "IND": ["INDIA", "Inde", "Indian", "Mumbai, India", "indien"],
    "IRN": ["Iran", "Iranian"],
    "IRQ": ["IRAQ", "Kurdistan, Iraq"],  # "Kurdistan, Iraq": Bhutan, country of repatriation
    "ISR": ["ISRAEL", "Israelian"],
    "ITA": ["ITALIA", "Italian", "italien"],
    "JAM": ["Jamaican", "Jamaicans"],
    "JOR": ["Jordanian"],
    "JPN": ["Japanese"],
    "KAZ": ["Kazahstan", "Kazakhistan", "Kazaki", "Kazalhstan"],
    "KEN": ["Kenyan", "Keniano"],
    "KGZ": ["KYRGYZSTAN", "Kyrgysi"],
    "KHM": ["CAMBODIA", "CAMBOYA", "Cambodian"],
    "KOR": ["COREA DEL SUR", "Corea del Sur", "South Korean"],
    "KWT": ["KUWAIT"],
    "LAO": ["LAOS", "Laos", "Laotian"],
    "LBN": ["(Lebanon)", "Lebanese", "Libanon"],
    "LBR": ["LIBERIA", "Liberian"],
    "LBY": ["Libyan", "Lybia", "Lybians"],
    "LKA": ["SRI LANKA", "Sri Lankan", "Sri lanka"],
    "LTU": ["Lithuanian"],
    "LUX": ["luxembourgeois"],
    "LVA": ["Latvian"],
    "MAR": ["MARRUECOS", "MOROCCO", "Marocco", "Marroquie", "Marruecos", "Moroccan"],
    "MDA": ["MOLDAVIA", "MOLDOVA", "Moldavia", "Moldavian", "Moldova", "Moldovan", "Moldovian",
            "R\u00e9publique de Moldavie"],
    "MEX": ["MEXICANA", "MEXICO", "Mexican", "M\u00e9xico", "M\ufffdXICO"],
    # "The former Yugoslav Republic of Macedonia" is the former NAME of North Macedonia, not a
    # former State.
    "MKD": ["Macedonian", "The former Yugoslav Republic of Macedonia"],
    "MHL": ["RMI"],  # Republic of the Marshall Islands, reported by the Marshall Islands
    "MLI": ["2 maliens", "3 maliens", "MALI", "Malian"],
    "MLT": ["Maltese"],
    "MMR": ["Burmese", "Domestic (Myanmar)", "MYANMAR", "MyanMar", "Myanmar Nation"],
    "MNG": ["MONGOLIA", "Mongolian"],
    "MRT": ["Mauritanian"],
    "MYS": ["MALAYSIA", "Malaysian"],
    "NER": ["NIGER", "Niger Rep",
            # "Nigerin" (= Nigerien): Niger and Nigeria both report it next to "Nigerians".
            "Nigerin"],
    "NGA": ["NIGERIA", "NIGERIANA", "Nigerian", "Nigerians"],
    "NIC": ["NICARAGUA", "NICARAGUENSE", "Nicaraguarean", "Nicaraguense"],
    "NLD": ["Dutch", "HOLANDA", "Nederland", "Netherlands", "Netherlands (own country)",
            "The Netherlands", "the Netherlands"],
    "NOR": ["NORUEGA", "Norvegian"],
    "NPL": ["NEPAL", "Nepalese"],
    "NZL": ["New Zealander"],
    "OMN": ["(Oman)", "OMAN", "Omani"],
    "PAK": ["PAKIST\u00c1N", "Pakistani"],
    "PAN": ["PANAM\ufffd", "Panam\u00e1", "Panam\ufffd"],
    # "PERO": Ecuador 2017, next to COLOMBIA and VENEZUELA, with no PERU: a typo for PERU.
    "PER": ["PERO", "PERU", "PERUANA", "PER\ufffd", "Peruana", "Peruano", "Peruvian", "Per\ufffd"],
    "PHL": ["FILIPINAS", "Filipino", "Filippine", "Filippino", "PHILIPPINES", "Philippine",
            "Phillipines"],
    "POL": ["POLONIA", "Poles", "Polish"],
    "PRK": ["North Korean"],
    "PRT": ["PORTUGAL", "Portuguese", "portugais"],
    "PRY": ["PARAGUAY", "Paraguaya", "Paraguayian", "Paraguayo"],
    "PSE": ["Palestine", "Palestinian Authority"],
    "QAT": ["QATAR", "Qatari"],
    "ROU": ["ROMANIA", "RUMANIA", "RUMAN\u00cdA", "Romanian", "Roumanie", "Rumania", "roumain"],
    "RUS": ["RUSIA", "RUSSIA", "Rusia", "Russia", "Russian"],
    "RWA": ["Rwandean"],
    "SAU": ["Saudi"],
    "SDN": ["Sudanese"],
    "SEN": ["(Senegal)", "Senegalese"],
    "SGP": ["SINGAPUR", "Singaporean"],
    "SLB": ["Solomon Isands", "Solomon islanders", "solomon islands"],
    "SLE": ["SIERRA LEONE", "Sierra Leonean", "Sierra leone"],
    "SLV": ["EL SALVADOR", "SALVADORE\u00d1A", "SALVADORE\ufffdA", "Salvadorean",
            "Salvadore\ufffdas", "Salvadore\ufffdos"],
    "SOM": ["Somali"],
    "SRB": ["Serbian", "Serbians"],
    "STP": ["Sao Tome"],
    "SUR": ["Surinam"],
    "SVK": ["Slovak", "Slovaks"],
    "SVN": ["Slovenian"],
    "SWE": ["Swedesh", "Sweeden"],
    "SWZ": ["Swasiland", "Swaziland"],
    "SYR": ["SYRIA", "Siria", "Syria", "Syrian"],
    "TCD": ["Chadian"],
    "TGO": ["TOGO", "Togolese"],
    "THA": ["TAILANDIA", "THAILAND", "THAILANDE", "Tailandesa", "Thai"],
    "TJK": ["Tajiki"],
    "TKM": ["TURKMENISTAN", "Turkmeni"],
    "TLS": ["Timor Este"],
    "TUN": ["Tunisa", "Tunisie"],
    "TUR": ["Turkey", "Turkish", "Turqu\ufffda", "T\ufffdrkiye"],
    "TZA": ["TANZANIANANS", "TANZANIANS", "TAZANIANS", "Tanzania", "Tanzanian"],
    "UGA": ["UGANDA", "Ugandan", "Ugandean"],
    # The last one: Slovakia, "by country of repatriation" (repatriated to Ukraine).
    "UKR": ["The Ukraine", "UCRANIA", "UKRAINE", "Ukraineans", "Ukrainian", "Ukranian",
            "ukrainien", "Ukrainian national repatriated from Slovakia to Ukraine"],
    "URY": ["URUGUAY", "Uruguayan"],
    "USA": ["American", "Estados Unidos", "USA"],
    "UZB": ["UZBEKISTAN", "Uzbecki"],
    "VCT": ["St Vincent"],
    "VEN": ["VENEZOLANA", "VENEZUELA", "Venezolana", "Venezolano", "Venezuela", "Venezuelan",
            "Venezuelans"],
    "VNM": ["VIETNAM", "Vietnam", "Vietnamese", "Vietnamita", "vietnamese"],
    "YEM": ["Yemeni"],
    "ZAF": ["South African", "Sudafrica", "south Africa"],
    "ZMB": ["Zambian"],
    "ZWE": ["Zimbabwean"],
}

# Texts that are not a country but one of the special kinds.
SPECIAL = {
    # The reporting State's own citizens.
    "nationals": ["Ciudadanos de su pa\ufffds", "Nationals", "own country"],
    # Foreigners with no country given. "OTROS" (Argentina 2017, next to ARGENTINA and six other
    # countries) = other nationalities.
    "foreigners": ["OTROS", "Personnes de nationalit\ufffd \ufffdtrang\ufffdre", "foreigners"],
    # Unknown / not stated / not recorded.
    "unknown": ["(Nationality not stated)", "DESCONOCIDA", "Desconocido", "NO DETERMINADA",
                "NO DETERMINADAS", "NO REGISTRA", "No Determinado", "Sin determinar", "Unknown",
                "no information"],
    # Repatriation from abroad.
    "abroad": ["Abroad"],
}

# Texts deliberately left unmapped (reviewed, not forgotten), with the reason.
UNMAPPED = {
    "empty, a number, a total or a questionnaire cell reference": [
        "", "0", "2", "3", "6", "145", "TOTAL", "TOTAL POR A\u00d1O",
        *[f"Q6.1_{n}s_{year}" for n in range(2, 22) for year in (2019, 2020, 2021)],
    ],
    "form placeholder, no value given": [
        "(especifique el pa\ufffds)", "(especifique otras nacionalidades)",
        "(specify the country)", "Nationality",
    ],
    "region or group of countries": [
        "Africa", "Africa and Middle East", "Africa others", "Amercias", "Americas", "Asia",
        "Caribbean (Trinidad and Tobago, Barbados, etc)", "EU-28 others", "Europe others",
        "European Economic Area", "Other Asia", "Other Central America and Car",
        "Other Central America and Caribbean",
        "Other Countries (Dominica, Panama, French Guiana, Brazil, etc.)", "Other Europe",
    ],
    "several countries in one text": ["3 nig\ufffdriens et 1 tunisien"],
    "former State": ["Former Czechoslovakia", "Former Yugoslavia",
                     "The former Netherlands Antilles"],
    "not in states.json (Kosovo, Taiwan, Western Sahara)": [
        "China, Taiwan Province of China", "Kosovar", "Kosovo", "Kosovo under UNSCR 1244",
        "TAIWAN", "Taiwan", "Taiwanese", "Western Sahara",
    ],
    "a status or group, not a country": ["Disputed", "Rohingya", "Stateless", "stateless"],
    # "CAR": United Kingdom 2021-2022; probably Central African Republic, but the same tables
    # also abbreviate "Caribbean" as "Car". "N/A" (Tonga): not applicable or not available?
    # "without" (Germany 2017): without nationality, or without information?
    "ambiguous": ["CAR", "N/A", "without"],
}


# ---------------------------------------------------------------------------------------------


def fail(message):
    sys.exit(f"category_aliases.py: error: {message}")


def read_categories(shared):
    """Distinct Category texts under the two Dimensions, with their number of rows."""
    rows = collections.Counter()
    with open(shared / "data/glotip/data_glotip.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["Dimension"] in DIMENSIONS:
                rows[row["Category"]] += 1
    if not rows:
        fail("no citizenship / repatriation rows found in data_glotip.csv")
    return rows


def read_states():
    with open(REFERENCE / "states.json", encoding="utf-8") as f:
        states = json.load(f)
    return {s["iso3"] for s in states}, {s["names"]["en"]: s["iso3"] for s in states}


def curated_table(codes, english):
    """Invert the hand-curated tables into text -> (kind, iso3), checking them on the way."""
    table = {}

    def add(text, kind, iso3):
        if text in table:
            fail(f"{text!r} is listed twice in the curated tables")
        if text in english:
            fail(f"{text!r} is an exact English State name: remove it from the curated tables")
        table[text] = (kind, iso3)

    for iso3, texts in ALIASES.items():
        if iso3 not in codes:
            fail(f"{iso3} (for {texts!r}) is not an iso3 code in states.json")
        for text in texts:
            add(text, "country", iso3)
    for kind, texts in SPECIAL.items():
        for text in texts:
            add(text, kind, None)
    for texts in UNMAPPED.values():
        for text in texts:
            add(text, "unmapped", None)
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=pathlib.Path, default=REPO / "../shared",
                        help="shared reference folder (default: ../shared from the repository)")
    args = parser.parse_args()

    rows = read_categories(args.shared.resolve())
    codes, english = read_states()
    table = curated_table(codes, english)

    entries, not_reviewed = [], []
    for text in sorted(rows):
        if text in english:
            kind, iso3 = "country", english[text]
        elif text in table:
            kind, iso3 = table[text]
        else:
            kind, iso3 = "unmapped", None
            not_reviewed.append(text)
        if kind not in KINDS or (kind == "country") != (iso3 is not None):
            fail(f"bad classification for {text!r}: {kind} {iso3}")
        if iso3 is not None and iso3 not in codes:
            fail(f"{iso3} (for {text!r}) is not an iso3 code in states.json")
        entries.append({"text": text, "kind": kind, "iso3": iso3})

    out = REFERENCE / "category-aliases.json"
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(entries, f, ensure_ascii=False, indent=1)
        f.write("\n")

    # Summary.
    texts_per_kind = collections.Counter(e["kind"] for e in entries)
    rows_per_kind = collections.Counter()
    for e in entries:
        rows_per_kind[e["kind"]] += rows[e["text"]]
    exact = sum(1 for e in entries if e["text"] in english)
    print(f"wrote {out.relative_to(REPO)}")
    print(f"{len(entries)} distinct texts ({exact} exact English State names), "
          f"{sum(rows.values())} rows under {' / '.join(DIMENSIONS)}")
    print(f"{'kind':<11} {'texts':>6} {'rows':>6}")
    for kind in KINDS:
        print(f"{kind:<11} {texts_per_kind[kind]:>6} {rows_per_kind[kind]:>6}")
    print("unmapped texts (rows):")
    for e in entries:
        if e["kind"] == "unmapped":
            print(f"  {e['text']!r} ({rows[e['text']]})")
    if not_reviewed:
        print(f"NOT REVIEWED (in no curated table, left unmapped): {not_reviewed!r}")
    stale = sorted(t for t in table if t not in rows)
    if stale:
        print(f"warning: curated texts absent from the data: {stale!r}")


if __name__ == "__main__":
    main()
