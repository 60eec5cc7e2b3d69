#!/usr/bin/env python3
"""Rows of tests/data/datacenter-places.tsv added for free-text forms (issue 12).

Each row names the place the query means by its GeoNames primary name, country and a position
entered by hand from general knowledge; this script finds that place in data/gazetteer.tsv.gz,
checks it lies within 25 km of the hand position (so the row points at the intended namesake)
and prints the row with the GeoNames coordinates. It reads the data file directly, not dcmap's
geocoder, so the truth does not depend on the code under test.

    python3 tests/data/free_text_rows.py >> tests/data/datacenter-places.tsv
"""
import gzip
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEER = os.path.join(HERE, "..", "..", "data", "gazetteer.tsv.gz")

# query, intended place (GeoNames primary name), country, hand lat, hand lon, kind, note
ROWS = [
    # A state or province alone: the expected point is the division's seat (admin1 precision).
    ("Iowa", "Des Moines", "US", 41.60, -93.61, "division", "US state alone; seat Des Moines (not Iowa, Louisiana)"),
    ("Virginia", "Richmond", "US", 37.55, -77.46, "division", "US state alone; seat Richmond (not Virginia, South Africa)"),
    ("California", "Sacramento", "US", 38.58, -121.49, "division", "US state alone (not California, Maryland)"),
    ("Texas", "Austin", "US", 30.27, -97.74, "division", "US state alone (not Texas, Hidalgo, Mexico)"),
    ("Oregon", "Salem", "US", 44.94, -123.04, "division", "US state alone (Oregon, Ohio is a town)"),
    ("Ohio", "Columbus", "US", 39.96, -83.00, "division", "US state alone"),
    ("Arizona", "Phoenix", "US", 33.45, -112.07, "division", "US state alone"),
    ("Nevada", "Carson City", "US", 39.16, -119.77, "division", "US state alone; seat Carson City"),
    ("North Carolina", "Raleigh", "US", 35.78, -78.64, "division", "US state alone"),
    ("South Carolina", "Columbia", "US", 34.00, -81.03, "division", "US state alone"),
    ("Utah", "Salt Lake City", "US", 40.76, -111.89, "division", "US state alone"),
    ("Illinois", "Springfield", "US", 39.80, -89.64, "division", "US state alone; seat Springfield"),
    ("Nebraska", "Lincoln", "US", 40.81, -96.70, "division", "US state alone"),
    ("Wyoming", "Cheyenne", "US", 41.14, -104.82, "division", "US state alone"),
    ("Indiana", "Indianapolis", "US", 39.77, -86.16, "division", "US state alone"),
    ("Iowa, USA", "Des Moines", "US", 41.60, -93.61, "division", "state with a country"),
    ("Oregon, US", "Salem", "US", 44.94, -123.04, "division", "state with a country"),
    ("Hesse", "Wiesbaden", "DE", 50.08, 8.25, "division", "German state (English name) alone; not Hesse, a French village"),
    ("Hessen", "Wiesbaden", "DE", 50.08, 8.25, "division", "German state, German name"),
    ("Bavaria", "Munich", "DE", 48.14, 11.58, "division", "German state alone"),
    ("Brandenburg", "Potsdam", "DE", 52.40, 13.07, "division", "German state; Brandenburg an der Havel is a town of 70,000"),
    ("Aragon", "Zaragoza", "ES", 41.66, -0.88, "division", "Spanish community alone; not Aragon, Georgia"),
    ("Catalonia", "Barcelona", "ES", 41.39, 2.16, "division", "Spanish community alone"),
    ("Lombardy", "Milan", "IT", 45.46, 9.19, "division", "Italian region alone"),
    ("Guizhou", "Guiyang", "CN", 26.58, 106.72, "division", "Chinese province alone; not a village in Hubei"),
    ("Ningxia", "Yinchuan", "CN", 38.47, 106.27, "division", "autonomous region alone"),
    ("Inner Mongolia", "Hohhot", "CN", 40.81, 111.65, "division", "autonomous region alone"),
    ("Zhejiang", "Hangzhou", "CN", 30.29, 120.16, "division", "Chinese province alone"),
    ("Guangdong", "Guangzhou", "CN", 23.12, 113.25, "division", "Chinese province alone"),
    ("Jiangsu", "Nanjing", "CN", 32.06, 118.78, "division", "Chinese province alone"),
    ("Sichuan", "Chengdu", "CN", 30.66, 104.07, "division", "Chinese province alone"),
    ("Hebei", "Shijiazhuang", "CN", 38.04, 114.48, "division", "Chinese province alone"),
    ("Guizhou, China", "Guiyang", "CN", 26.58, 106.72, "division", "province with a country"),
    ("Ontario", "Toronto", "CA", 43.70, -79.42, "division", "Canadian province; Ontario, California is a city of 175,000"),
    ("New South Wales", "Sydney", "AU", -33.87, 151.21, "division", "Australian state alone"),
    ("Victoria, Australia", "Melbourne", "AU", -37.81, 144.96, "division", "Australian state with its country"),
    ("Queensland", "Brisbane", "AU", -27.47, 153.03, "division", "Australian state alone"),
    ("Maharashtra", "Mumbai", "IN", 19.07, 72.88, "division", "Indian state alone"),
    ("Telangana", "Hyderabad", "IN", 17.38, 78.46, "division", "Indian state alone"),
    ("Tamil Nadu", "Chennai", "IN", 13.09, 80.28, "division", "Indian state alone"),
    ("Karnataka", "Bengaluru", "IN", 12.97, 77.59, "division", "Indian state alone"),
    ("Uttar Pradesh", "Lucknow", "IN", 26.85, 80.92, "division", "Indian state alone"),
    ("Nuevo León", "Monterrey", "MX", 25.67, -100.31, "division", "Mexican state alone"),
    ("Jalisco", "Guadalajara", "MX", 20.67, -103.39, "division", "Mexican state alone"),
    ("Gauteng", "Johannesburg", "ZA", -26.20, 28.04, "division", "South African province alone"),
    ("Western Cape", "Cape Town", "ZA", -33.93, 18.42, "division", "South African province alone"),
    ("Hokkaido", "Sapporo", "JP", 43.06, 141.35, "division", "Japanese prefecture alone"),
    ("Île-de-France", "Paris", "FR", 48.85, 2.35, "division", "French region alone"),
    ("Wales", "Cardiff", "GB", 51.48, -3.18, "division", "a nation of the UK, an admin-1 in GeoNames"),
    ("Metro Manila", "Manila", "PH", 14.60, 120.98, "division", "the National Capital Region"),
    # Parentheses, as region lists write old and new names or a qualifier.
    ("Mumbai (Bombay)", "Mumbai", "IN", 19.07, 72.88, "designator", "new name with the old one in parentheses"),
    ("Chennai (Madras)", "Chennai", "IN", 13.09, 80.28, "designator", "new name with the old one in parentheses"),
    ("Kolkata (Calcutta)", "Kolkata", "IN", 22.57, 88.36, "designator", "new name with the old one in parentheses"),
    ("Bengaluru (Bangalore)", "Bengaluru", "IN", 12.97, 77.59, "designator", "new name with the old one in parentheses"),
    ("Beijing (Peking)", "Beijing", "CN", 39.91, 116.40, "designator", "pinyin with the old spelling in parentheses"),
    ("Ho Chi Minh City (Saigon)", "Ho Chi Minh City", "VN", 10.82, 106.63, "designator", "new name with the old one in parentheses"),
    ("Gurgaon (Gurugram)", "Gurgaon", "IN", 28.47, 77.03, "designator", "old name with the new one in parentheses"),
    ("Pune (Poona)", "Pune", "IN", 18.52, 73.86, "designator", "new name with the old one in parentheses"),
    ("Frankfurt (Main)", "Frankfurt am Main", "DE", 50.12, 8.68, "designator", "the river in parentheses"),
    ("Frankfurt (Oder)", "Frankfurt (Oder)", "DE", 52.34, 14.55, "designator", "GeoNames writes this one with its parentheses"),
    ("Inzai (Tokyo)", "Inzai", "JP", 35.83, 140.15, "designator", "a town with the metro area it serves in parentheses"),
    ("Osaka (Kansai)", "Osaka", "JP", 34.69, 135.50, "designator", "a city with its region in parentheses"),
    ("Tokyo (Japan)", "Tokyo", "JP", 35.69, 139.69, "designator", "a city with its country in parentheses"),
    ("Sydney (NSW)", "Sydney", "AU", -33.87, 151.21, "designator", "a city with its state in parentheses"),
    ("Johor (Malaysia)", "Johor Bahru", "MY", 1.47, 103.76, "designator", "a Malaysian state with its country in parentheses; seat Johor Bahru"),
    ("Jakarta (Indonesia)", "Jakarta", "ID", -6.21, 106.85, "designator", "a city with its country in parentheses"),
    # Designator words: State, County, Province, Prefecture, City (of), Greater, Metro.
    ("Querétaro State", "Santiago de Querétaro", "MX", 20.59, -100.39, "designator", "the state, at its seat; plain Querétaro is also a village 960 km away"),
    ("State of São Paulo", "São Paulo", "BR", -23.55, -46.64, "designator", "the state, at its seat"),
    ("São Paulo State", "São Paulo", "BR", -23.55, -46.64, "designator", "the state, at its seat"),
    ("Osaka Prefecture", "Osaka", "JP", 34.69, 135.50, "designator", "the prefecture, at its seat"),
    ("Chiba Prefecture", "Chiba", "JP", 35.60, 140.12, "designator", "the prefecture, at its seat"),
    ("Province of Ontario", "Toronto", "CA", 43.70, -79.42, "designator", "the province, at its seat"),
    ("Hebei Province", "Shijiazhuang", "CN", 38.04, 114.48, "designator", "the province, at its seat"),
    ("Guizhou Province", "Guiyang", "CN", 26.58, 106.72, "designator", "the province, at its seat"),
    ("Inner Mongolia Autonomous Region", "Hohhot", "CN", 40.81, 111.65, "designator", "the region's full name"),
    ("Changhua County, Taiwan", "Chang-hua", "TW", 24.07, 120.56, "designator", "county named for its seat; GeoNames spells it Chang-hua"),
    ("Loudoun County, VA", "Leesburg", "US", 39.12, -77.56, "designator", "county seat Leesburg; Loudoun is no town"),
    ("Loudoun County", "Leesburg", "US", 39.12, -77.56, "designator", "county seat Leesburg"),
    ("Prince William County, VA", "Manassas", "US", 38.75, -77.48, "designator", "county around Manassas"),
    ("Ulanqab City", "Jining", "CN", 41.03, 113.11, "designator", "prefecture-level city; GeoNames has its seat Jining (Inner Mongolia)"),
    ("Guiyang City", "Guiyang", "CN", 26.58, 106.72, "designator", "city with its designator"),
    ("Hyderabad City", "Hyderabad", "IN", 17.38, 78.46, "designator", "city with its designator; Hyderabad, Pakistan is smaller"),
    ("Dublin City", "Dublin", "IE", 53.33, -6.25, "designator", "city with its designator"),
    ("City of London", "London", "GB", 51.51, -0.13, "designator", "the square mile, in London"),
    ("Greater London", "London", "GB", 51.51, -0.13, "designator", "the region, at London"),
    ("Greater Tokyo", "Tokyo", "JP", 35.69, 139.69, "designator", "a metro area"),
    ("Greater Jakarta", "Jakarta", "ID", -6.21, 106.85, "designator", "a metro area"),
    ("Metro Atlanta", "Atlanta", "US", 33.75, -84.39, "designator", "a metro area"),
    ("Dallas Metro", "Dallas", "US", 32.78, -96.81, "designator", "a metro area"),
    ("Chicago Metropolitan Area", "Chicago", "US", 41.85, -87.65, "designator", "a metro area"),
    # Areas that are not towns, as data-center lists name them.
    ("Northern Virginia", "Ashburn", "US", 39.04, -77.49, "metro", "the data-center area of Loudoun and Prince William counties; Ashburn stands for it"),
    ("Silicon Valley", "San Jose", "US", 37.34, -121.89, "metro", "San Jose stands for it"),
    ("Bay Area", "San Francisco", "US", 37.77, -122.42, "metro", "San Francisco stands for it"),
    ("Dallas-Fort Worth", "Dallas", "US", 32.78, -96.81, "metro", "metroplex; Dallas stands for it"),
    ("DFW", "Dallas", "US", 32.78, -96.81, "metro", "the airport code as a metro name"),
    # Namesakes: a capital or much larger place wins without a hint.
    ("Panama City", "Panamá", "PA", 8.99, -79.52, "namesake", "the capital (GeoNames: Panamá), not Panama City, Florida"),
    ("Panama City, Panama", "Panamá", "PA", 8.99, -79.52, "namesake", "the capital with its country"),
    ("Panama City, FL", "Panama City", "US", 30.16, -85.66, "namesake", "the Florida town, by its state"),
    ("Changhua", "Chang-hua", "TW", 24.07, 120.56, "namesake", "Google asia-east1; GeoNames spells it Chang-hua, and has Chinese villages called Changhua"),
    ("Kingston", "Kingston", "JM", 17.99, -76.79, "namesake", "the capital of Jamaica; Kingston upon Thames and Kingston, Ontario are smaller"),
    ("Portland", "Portland", "US", 45.52, -122.68, "namesake", "Portland, Oregon; Portland, Maine is smaller"),
    ("Birmingham", "Birmingham", "GB", 52.48, -1.90, "namesake", "Birmingham, England; Birmingham, Alabama is smaller"),
    ("Perth", "Perth", "AU", -31.95, 115.86, "namesake", "Perth, Western Australia; Perth, Scotland is smaller"),
    ("Melbourne", "Melbourne", "AU", -37.81, 144.96, "namesake", "Melbourne, Victoria; Melbourne, Florida is smaller"),
    ("Santa Clara", "Santa Clara", "US", 37.35, -121.96, "namesake", "in a data-center list, Santa Clara, California; Santa Clara, Cuba is larger: a warning is due"),
    ("San Jose", "San Jose", "US", 37.34, -121.89, "namesake", "San Jose, California; San José, Costa Rica is a capital"),
    ("Newark, NJ", "Newark", "US", 40.74, -74.17, "namesake", "New Jersey, by postal code"),
    ("Springfield, Illinois", "Springfield", "US", 39.80, -89.64, "namesake", "by state name"),
    ("Richmond, VA", "Richmond", "US", 37.55, -77.46, "namesake", "Richmond, Virginia, by postal code"),
    ("Moscow", "Moscow", "RU", 55.75, 37.62, "namesake", "Moscow, Russia; Moscow, Idaho is small"),
    ("Moscow, Russia", "Moscow", "RU", 55.75, 37.62, "namesake", "with the country"),
    ("Berlin, Germany", "Berlin", "DE", 52.52, 13.41, "namesake", "Berlin, New Hampshire and others are small"),
    ("Paris, France", "Paris", "FR", 48.85, 2.35, "namesake", "Paris, Texas is small"),
    # Misspellings: a suggestion or a warning must follow.
    ("Johannesberg", "Johannesburg", "ZA", -26.20, 28.04, "misspelling", "one letter off Johannesburg; Johannesberg is also a Bavarian village"),
    ("Frankfurt, Gemany", "Frankfurt am Main", "DE", 50.12, 8.68, "misspelling", "misspelt country: an error that suggests Germany"),
    ("Ashbourn, VA", "Ashburn", "US", 39.04, -77.49, "misspelling", "misspelt town: an error that suggests Ashburn"),
    ("Quincey, WA", "Quincy", "US", 47.23, -119.85, "misspelling", "misspelt town: an error that suggests Quincy in the US"),
    ("Amsterdm", "Amsterdam", "NL", 52.37, 4.89, "misspelling", "a letter missing"),
    ("Sydny", "Sydney", "AU", -33.87, 151.21, "misspelling", "a letter missing"),
    ("Frankfrut", "Frankfurt am Main", "DE", 50.12, 8.68, "misspelling", "two letters swapped"),
    ("Singapur", "Singapore", "SG", 1.29, 103.85, "misspelling", "German/Spanish spelling"),
    ("Tokio", "Tokyo", "JP", 35.69, 139.69, "misspelling", "Spanish/German spelling"),
    ("Dubln, Ireland", "Dublin", "IE", 53.33, -6.25, "misspelling", "a letter missing, with a country"),
    ("Zurick", "Zürich", "CH", 47.37, 8.55, "misspelling", "a phonetic spelling"),
    ("Hong Kon", "Hong Kong", "HK", 22.28, 114.17, "misspelling", "a letter missing"),
    ("Mumbay", "Mumbai", "IN", 19.07, 72.88, "misspelling", "a phonetic spelling"),
    ("Chicgo, IL", "Chicago", "US", 41.85, -87.65, "misspelling", "a letter missing, with a state"),
    ("Seatle, WA", "Seattle", "US", 47.61, -122.33, "misspelling", "a letter missing, with a state"),
    ("Council Bluff, Iowa", "Council Bluffs", "US", 41.26, -95.86, "misspelling", "the plural s missing"),
    ("Prinville, Oregon", "Prineville", "US", 44.30, -120.83, "misspelling", "a letter missing"),
    ("Stockhom", "Stockholm", "SE", 59.33, 18.06, "misspelling", "a letter missing"),
    ("Melborne, Australia", "Melbourne", "AU", -37.81, 144.96, "misspelling", "a letter missing, with a country"),
    ("Barcelonna", "Barcelona", "ES", 41.39, 2.16, "misspelling", "a letter doubled"),
    # Region-list forms of places already in the file: "City, State, Country" and friends.
    ("Sterling, Virginia, USA", "Sterling", "US", 39.01, -77.43, "admin1", "full form"),
    ("Chantilly, VA", "Chantilly", "US", 38.89, -77.43, "admin1", "Loudoun/Fairfax data-center town"),
    ("Herndon, Virginia", "Herndon", "US", 38.97, -77.39, "admin1", ""),
    ("Sandston, VA", "Sandston", "US", 37.52, -77.32, "admin1", "Henrico County data centers; Sandton, South Africa is one letter away"),
    ("Plano, TX", "Plano", "US", 33.02, -96.70, "admin1", ""),
    ("Houston, Texas", "Houston", "US", 29.76, -95.36, "admin1", ""),
    ("Temple, TX", "Temple", "US", 31.10, -97.34, "admin1", "Meta data center"),
    ("Red Oak, Texas", "Red Oak", "US", 32.52, -96.80, "admin1", "Red Oak, Iowa also exists"),
    ("Abilene, TX", "Abilene", "US", 32.45, -99.73, "admin1", "Abilene, Kansas also exists"),
    ("Douglasville, GA", "Douglasville", "US", 33.75, -84.75, "admin1", ""),
    ("Social Circle, Georgia", "Social Circle", "US", 33.66, -83.72, "admin1", "Meta Stanton Springs campus nearby"),
    ("Charlotte, NC", "Charlotte", "US", 35.23, -80.84, "admin1", ""),
    ("Kings Mountain, North Carolina", "Kings Mountain", "US", 35.25, -81.34, "admin1", ""),
    ("Elk Grove Village, IL", "Elk Grove Village", "US", 42.00, -87.97, "admin1", "Chicago-area data-center cluster"),
    ("DeKalb, Illinois", "DeKalb", "US", 41.93, -88.75, "admin1", "Meta data center"),
    ("Mount Pleasant, Wisconsin", "Mount Pleasant", "US", 42.70, -87.88, "admin1", "Microsoft campus; many Mount Pleasants exist"),
    ("Rosemount, MN", "Rosemount", "US", 44.74, -93.13, "admin1", "Meta data center"),
    ("Cedar Rapids, IA", "Cedar Rapids", "US", 41.98, -91.67, "admin1", ""),
    ("Gallatin, TN", "Gallatin", "US", 36.39, -86.45, "admin1", "Meta data center"),
    ("Moses Lake, WA", "Moses Lake", "US", 47.13, -119.28, "admin1", ""),
    ("Sunnyvale, CA", "Sunnyvale", "US", 37.37, -122.04, "admin1", ""),
    ("Fremont, California", "Fremont", "US", 37.55, -121.99, "admin1", "Fremont, Nebraska also exists"),
    ("Sacramento, CA", "Sacramento", "US", 38.58, -121.49, "admin1", ""),
    ("Aurora, Colorado", "Aurora", "US", 39.73, -104.83, "admin1", "Aurora, Illinois is also large"),
    ("St. Louis, MO", "St. Louis", "US", 38.63, -90.20, "admin1", ""),
    ("Boston, MA", "Boston", "US", 42.36, -71.06, "admin1", "Boston, England is smaller"),
    ("Piscataway, NJ", "Piscataway", "US", 40.50, -74.40, "admin1", ""),
    ("Jacksonville, FL", "Jacksonville", "US", 30.33, -81.66, "admin1", ""),
    ("Tampa, Florida", "Tampa", "US", 27.95, -82.46, "admin1", ""),
    ("Vancouver, BC", "Vancouver", "CA", 49.25, -123.12, "admin1", "Vancouver, Washington also exists"),
    ("Almere, Netherlands", "Almere Stad", "NL", 52.37, 5.22, "city", "GeoNames calls the town Almere Stad"),
    ("Haarlem, NL", "Haarlem", "NL", 52.38, 4.64, "city", ""),
    ("Offenbach am Main", "Offenbach", "DE", 50.10, 8.77, "city", ""),
    ("Hamburg, Germany", "Hamburg", "DE", 53.55, 10.00, "city", ""),
    ("Nuremberg", "Nürnberg", "DE", 49.45, 11.08, "alternate", "English name of Nürnberg"),
    ("Lausanne, Switzerland", "Lausanne", "CH", 46.52, 6.63, "city", ""),
    ("Rome, Italy", "Rome", "IT", 41.89, 12.51, "city", "Rome, Georgia also exists"),
    ("Prague", "Prague", "CZ", 50.09, 14.42, "city", ""),
    ("Esbjerg, Denmark", "Esbjerg", "DK", 55.47, 8.45, "city", ""),
    ("Aabenraa", "Aabenraa", "DK", 55.04, 9.42, "city", "Apple/Microsoft campus area"),
    ("Kajaani, Finland", "Kajaani", "FI", 64.23, 27.73, "city", ""),
    ("Tallinn", "Tallinn", "EE", 59.44, 24.75, "city", ""),
    ("Istanbul, Türkiye", "Istanbul", "TR", 41.01, 28.95, "city", "Türkiye as the country"),
    ("Fuzhou, Fujian", "Fuzhou", "CN", 26.06, 119.31, "admin1", "Alibaba cn-fujian; another Fuzhou is in Jiangxi"),
    ("Chongqing", "Chongqing", "CN", 29.56, 106.55, "city", ""),
    ("Zhangjiakou, Hebei", "Zhangjiakou", "CN", 40.81, 114.88, "admin1", "Alibaba cn-zhangjiakou"),
    ("Wuhan, Hubei, China", "Wuhan", "CN", 30.58, 114.27, "admin1", "Alibaba cn-wuhan"),
    ("Quezon City", "Quezon City", "PH", 14.65, 121.05, "city", ""),
    ("Casablanca, Morocco", "Casablanca", "MA", 33.59, -7.62, "city", "Oracle af-casablanca-1"),
    ("Salt Lake City, Utah", "Salt Lake City", "US", 40.76, -111.89, "admin1", "Oracle us-saltlake-2"),
    ("Madrid, Spain", "Madrid", "ES", 40.42, -3.70, "city", "Oracle eu-madrid-3"),
    ("Abu Dhabi, UAE", "Abu Dhabi", "AE", 24.45, 54.40, "city", "UAE as the country"),
    ("Muscat, Oman", "Muscat", "OM", 23.58, 58.41, "city", ""),
    ("Cairo, Egypt", "Cairo", "EG", 30.06, 31.25, "city", "Cairo, Illinois also exists"),
    ("Karachi", "Karachi", "PK", 24.86, 67.01, "city", ""),
    ("Dhaka, Bangladesh", "Dhaka", "BD", 23.71, 90.41, "city", ""),
    ("Bogota, Colombia", "Bogotá", "CO", 4.61, -74.08, "city", "without the accent"),
    ("Mexico City", "Mexico City", "MX", 19.43, -99.13, "city", "City is part of the name"),
    ("Ciudad de México", "Mexico City", "MX", 19.43, -99.13, "alternate", "Spanish name"),
    ("Guadalajara, Mexico", "Guadalajara", "MX", 20.67, -103.39, "namesake", "Guadalajara, Spain is smaller"),
]


def fold_simple(text):
    import unicodedata
    out = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in out if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in out.replace("'", "")).split())


def km(lat1, lon1, lat2, lon2):
    r = math.pi / 180
    h = (math.sin((lat2 - lat1) * r / 2) ** 2 +
         math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin((lon2 - lon1) * r / 2) ** 2)
    return 2 * 6371 * math.asin(min(1, math.sqrt(h)))


def main():
    by_name = {}
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#index"):
                break
            name, lat, lon, cc = line.rstrip("\n").split("\t")[:4]
            by_name.setdefault((fold_simple(name), cc), []).append((name, float(lat), float(lon)))
    failed = False
    for query, name, cc, hlat, hlon, kind, note in ROWS:
        rows = by_name.get((fold_simple(name), cc), [])
        best = min(rows, key=lambda r: km(hlat, hlon, r[1], r[2]), default=None)
        if best is None or km(hlat, hlon, best[1], best[2]) > 25:
            print(f"{query}: no {name} ({cc}) within 25 km of {hlat}, {hlon}", file=sys.stderr)
            failed = True
            continue
        print(f"{query}\t{best[1]:.4f}\t{best[2]:.4f}\t{kind}\t{note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
