#include "geocode/normalize.hpp"
#include "resources/resources.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using dcmap::geocode::detail::edit_distance;
using dcmap::geocode::detail::fold;
using dcmap::geocode::detail::reduce_umlaut_digraphs;

TEST_CASE("geocode: folding drops accents and case", "[geocode]") {
    CHECK(fold("São Paulo") == "sao paulo");
    CHECK(fold("ZÜRICH") == "zurich");
    CHECK(fold("Santiago de Querétaro") == "santiago de queretaro");
    CHECK(fold("Łódź") == "lodz");
    CHECK(fold("Straße") == "strasse");
    CHECK(fold("Ørestad") == "orestad");
    CHECK(fold("İstanbul") == "istanbul");
}

TEST_CASE("geocode: folding turns punctuation into single spaces and removes apostrophes",
          "[geocode]") {
    CHECK(fold("  Frankfurt-am-Main ") == "frankfurt am main");
    CHECK(fold("St. Louis") == "st louis");
    CHECK(fold("Frankfurt (Oder)") == "frankfurt oder");
    CHECK(fold("Xi'an") == "xian");
    CHECK(fold("Xi’an") == "xian");
    CHECK(fold("Hawaiʻi") == "hawaii");
    CHECK(fold("a,,b") == "a b");
    CHECK(fold("") == "");
    CHECK(fold("...") == "");
}

TEST_CASE("geocode: folding keeps CJK and Hangul and widens full-width letters", "[geocode]") {
    CHECK(fold("北京") == "北京");
    CHECK(fold("서울") == "서울");
    CHECK(fold("Ｔｏｋｙｏ") == "tokyo");
    CHECK(fold("Москва") == "москва");
}

TEST_CASE("geocode: folding treats invalid UTF-8 as punctuation", "[geocode]") {
    CHECK(fold(std::string("Par\xff"
                           "is")) == "par is");
    CHECK(fold(std::string("Paris\xc3")) == "paris");
}

TEST_CASE("geocode: folding in C++ agrees with the keys built into the gazetteer", "[geocode]") {
    // Section 1 rows end with the key the Python build made from the name in column 1.
    const auto text = dcmap::resources::get("gazetteer.tsv");
    REQUIRE(!text.empty());
    std::size_t rows = 0, mismatches = 0;
    std::string first_mismatch;
    for (std::size_t pos = 0; pos < text.size();) {
        auto end = text.find('\n', pos);
        const auto line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line == "#index")
            break;
        const auto name = line.substr(0, line.find('\t'));
        const auto key = line.substr(line.rfind('\t') + 1);
        ++rows;
        if (fold(name) != key) {
            if (mismatches++ == 0)
                first_mismatch = std::string(name);
        }
    }
    INFO("first mismatch: " << first_mismatch);
    CHECK(rows > 199'000);
    CHECK(mismatches == 0);
}

TEST_CASE("geocode: umlaut digraphs reduce to the plain vowel", "[geocode]") {
    CHECK(reduce_umlaut_digraphs("muenchen") == "munchen");
    CHECK(reduce_umlaut_digraphs("koeln") == "koln");
    CHECK(reduce_umlaut_digraphs("duesseldorf") == "dusseldorf");
    CHECK(reduce_umlaut_digraphs("berlin") == "berlin");
}

TEST_CASE("geocode: edit distance counts a transposition as one edit", "[geocode]") {
    CHECK(edit_distance("frankfurt", "frankfurt", 3) == 0);
    CHECK(edit_distance("frankfrut", "frankfurt", 3) == 1);
    CHECK(edit_distance("hangzhou", "hangzhouu", 3) == 1);
    CHECK(edit_distance("kitten", "sitting", 5) == 3);
    CHECK(edit_distance("paris", "london", 2) == 3); // capped at limit + 1
}

TEST_CASE("geocode: spelling variants expand and shorten common abbreviations", "[geocode]") {
    using dcmap::geocode::detail::spelling_variants;
    using V = std::vector<std::string>;
    CHECK(spelling_variants("st ghislain") == V{"saint ghislain"});
    CHECK(spelling_variants("saint louis") == V{"st louis"});
    CHECK(spelling_variants("port st lucie") == V{"port saint lucie", "pt st lucie"});
    CHECK(spelling_variants("mt pleasant") == V{"mount pleasant"});
    CHECK(spelling_variants("muenchen") == V{"munchen"});
    CHECK(spelling_variants("stuttgart").empty());
}
