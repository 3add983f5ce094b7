#!/usr/bin/python3
"""Builds countries.tsv, the ICEWS importer's table of country codes and names.

    python3 src/RelationsGraph/Import/countries.py I18N_DIR COW_CSV > src/RelationsGraph/Import/countries.tsv

I18N_DIR is the unpacked npm package i18n-iso-countries 7.14.0 (MIT; `npm pack i18n-iso-countries@7.14.0`,
then `tar xzf`): its codes.json (alpha-2, alpha-3) and langs/en.json (English names). COW_CSV is the Correlates
of War Project's state list, COW-country-codes.csv (StateAbb, CCode, StateNme; version 2016). The lists below
are this project's: how COW names and ICEWS spellings match ISO rows, and the short names IR writing uses.
"""
import csv
import json
import sys

# COW state names that differ from every English name of their ISO country; states with no ISO row (Hanover,
# Korea before 1948, the German Democratic Republic, ..., and Kosovo) are left out.
COW_TO_ISO = {
    "Antigua & Barbuda": "ATG", "St. Lucia": "LCA", "St. Kitts and Nevis": "KNA",
    "St. Vincent and the Grenadines": "VCT", "Ivory Coast": "CIV", "Congo": "COG",
    "Democratic Republic of the Congo": "COD", "East Timor": "TLS", "Federated States of Micronesia": "FSM",
    "Swaziland": "SWZ", "Macedonia": "MKD", "Yugoslavia": "SRB", "Germany": "DEU", "Brunei": "BRN",
    "Laos": "LAO", "Syria": "SYR", "Moldova": "MDA", "Cape Verde": "CPV", "Gambia": "GMB",
}
COW_WITHOUT_ISO = {
    "Hanover", "Bavaria", "German Federal Republic", "German Democratic Republic", "Baden", "Saxony",
    "Wuerttemburg", "Hesse Electoral", "Hesse Grand Ducal", "Mecklenburg Schwerin", "Austria-Hungary",
    "Czechoslovakia", "Papal States", "Two Sicilies", "Modena", "Parma", "Tuscany", "Zanzibar",
    "Yemen Arab Republic", "Yemen People's Republic", "Korea", "Republic of Vietnam",
    "Kosovo",  # no ISO 3166-1 code: the package's XKK is user-assigned, so Kosovo has no row
}

# Other full names: ICEWS's spellings where no English name of the package has them, and official names.
NAMES = {
    "COD": ["Democratic Republic of Congo"], "COG": ["Republic of Congo"],
    "MKD": ["Macedonia"], "SWZ": ["Swaziland"], "BRN": ["Brunei"], "LAO": ["Laos"], "SYR": ["Syria"],
    "MDA": ["Moldova"], "PSE": ["Palestinian Territory, Occupied", "Occupied Palestinian Territory"],
    "PRK": ["Democratic People's Republic of Korea", "Democratic People’s Republic of Korea"],
    "CHN": ["People’s Republic of China"], "MMR": ["Burma"], "CPV": ["Cabo Verde"], "TLS": ["East Timor"],
    "VAT": ["Vatican"], "FSM": ["Micronesia"], "CUW": ["Curacao"],
}

# Short names: abbreviations in common use in international-relations writing and news.
SHORT = {
    "USA": ["US", "U.S.", "USA", "U.S.A."], "GBR": ["UK", "U.K.", "Britain"], "CHN": ["PRC"],
    "PRK": ["DPRK"], "KOR": ["ROK"], "ARE": ["UAE"], "COD": ["DRC"],
}

# "Congo" is an English name of both Congos in the package; ICEWS's "Congo" is the Republic of the Congo
# (its other is "Democratic Republic of Congo"), so the name stays with COG only.
DROP = {("COD", "Congo")}


def main(i18n, cow_csv):
    alpha3 = {a2: a3 for a2, a3, *_ in json.load(open(f"{i18n}/codes.json", encoding="utf-8"))}
    english = json.load(open(f"{i18n}/langs/en.json", encoding="utf-8"))["countries"]
    rows = {}
    for a2, names in english.items():
        if a2 == "XK":
            continue
        names = names if isinstance(names, list) else [names]
        iso3 = alpha3[a2]
        rows[iso3] = {"iso3": iso3, "names": [n for n in names if (iso3, n) not in DROP], "cow": None}

    by_name = {n.casefold(): iso3 for iso3, row in rows.items() for n in row["names"]}
    with open(cow_csv, encoding="utf-8") as f:
        for record in csv.DictReader(f):
            name, code = record["StateNme"], int(record["CCode"])
            if name in COW_WITHOUT_ISO:
                continue
            iso3 = COW_TO_ISO.get(name) or by_name.get(name.casefold())
            if iso3 is None:
                sys.exit(f"COW state '{name}' ({code}) matches no ISO row: add it to COW_TO_ISO or COW_WITHOUT_ISO")
            if rows[iso3]["cow"] not in (None, code):
                sys.exit(f"{iso3} has COW codes {rows[iso3]['cow']} and {code}")
            rows[iso3]["cow"] = code

    print("# Country codes and names for the ICEWS importer (IcewsCountries). Built by countries.py beside it.")
    print("# iso3, name, names: ISO 3166-1 alpha-3 codes and English names from the npm package i18n-iso-countries 7.14.0,")
    print("#   MIT License, Copyright (c) 2016 widdix GmbH; the first of its names is the name, the rest are names.")
    print("# cow: the state's CCode in the Correlates of War Project's state list (COW-country-codes.csv); COW data are")
    print("#   free to use with citation: Correlates of War Project. 2017. \"State System Membership List, v2016.\"")
    print("#   Online, http://correlatesofwar.org.")
    print("# cameo: CAMEO's country codes are the ISO 3166-1 alpha-3 codes, so it is iso3 for every row.")
    print("# names (more) and short: RelationsGraph's own additions (countries.py): ICEWS spellings, official names,")
    print("#   and abbreviations in common use (US, UK, PRC, DPRK, ROK, ...).")
    print("# Columns, tab-separated; lists separated by |.")
    print("iso3\tcow\tcameo\tname\tnames\tshort")
    for iso3 in sorted(rows):
        row = rows[iso3]
        short = SHORT.get(iso3, [])
        names = [n for n in row["names"] + NAMES.get(iso3, []) if n not in short]
        names = list(dict.fromkeys(names))
        cow = "" if row["cow"] is None else str(row["cow"])
        print("\t".join([iso3, cow, iso3, names[0], "|".join(names[1:]), "|".join(short)]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
