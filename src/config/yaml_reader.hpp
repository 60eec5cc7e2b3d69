#pragma once
// Internal to config/: reading yaml-cpp nodes into plain values while collecting every problem
// as an InputError at the right file:line:col. Not for use outside this stage.
#include "model/error.hpp"
#include "model/source_pos.hpp"
#include "model/style.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dcmap::config::detail {

/// Optimal-string-alignment (Damerau-Levenshtein) distance between two words.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` within distance 2 (1 for short words); empty when none.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" for a near miss, else "use one of: a, b, c".
std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates);

/// A YAML value as the readers use it, built from yaml-cpp's parser events (parse_yaml) rather
/// than as yaml-cpp's node tree, whose nodes cost several hundred bytes and allocations each:
/// at 100,000 sites the tree was most of a run's time and memory. The member names are
/// YamlValue's, so reading code reads as before.
class YamlValue {
public:
    enum class Kind { null, scalar, sequence, map };

    YamlValue() = default;
    YamlValue(Kind kind, YAML::Mark mark) : kind_(kind), mark_(mark) {}

    bool IsNull() const { return kind_ == Kind::null; }
    bool IsScalar() const { return kind_ == Kind::scalar; }
    bool IsSequence() const { return kind_ == Kind::sequence; }
    bool IsMap() const { return kind_ == Kind::map; }
    Kind kind() const { return kind_; }
    /// The text of a scalar (empty otherwise).
    const std::string& Scalar() const { return scalar_; }
    /// Where yaml-cpp saw the value start (null mark when unknown).
    const YAML::Mark& Mark() const { return mark_; }
    /// Items of a sequence (also those handed to a SiteSink and not kept), pairs of a mapping.
    std::size_t size() const { return kind_ == Kind::map ? pairs_.size() : count_; }
    /// A sequence's items (none kept for the streamed sites list).
    std::vector<YamlValue>::const_iterator begin() const { return items_.begin(); }
    std::vector<YamlValue>::const_iterator end() const { return items_.end(); }
    /// A mapping's key/value pairs in file order, repeated keys included.
    const std::vector<std::pair<YamlValue, YamlValue>>& pairs() const { return pairs_; }

private:
    friend class ValueBuilder;
    Kind kind_ = Kind::null;
    YAML::Mark mark_ = YAML::Mark::null_mark();
    std::string scalar_;
    std::vector<YamlValue> items_;
    std::vector<std::pair<YamlValue, YamlValue>> pairs_;
    std::size_t count_ = 0; // sequence items seen, kept or streamed
};

/// A synonym users write for a key, e.g. {"latitude", "lat"}.
struct Alias {
    std::string word;
    std::string key;
};

/// One key/value pair of a YAML mapping, with the nodes kept for their marks.
struct Entry {
    std::string key;
    const YamlValue& key_node;
    const YamlValue& value;
};

/// Collects the errors of one file and turns nodes into values. Readers return nullopt after
/// recording an error, so callers simply skip the value and keep checking the rest.
class Reader {
public:
    explicit Reader(const std::string& file) : file_(file) {}

    const std::string& file() const { return file_.str(); }
    /// 1-based position of a node; line/column 0 when the node carries no mark.
    SourcePos pos(const YamlValue& node) const;
    /// Position of an entry's value, or of its key when the value is empty (yaml-cpp marks an
    /// empty value at the next token, which may be lines away).
    SourcePos value_pos(const Entry& entry) const;

    void error(SourcePos at, std::string message, std::string hint = {});
    bool has_errors() const { return !errors_.empty(); }
    /// Throws InputErrors holding every recorded error, sorted by position, if there are any.
    void throw_if_errors();

    /// The mapping's entries; records unknown keys (with did-you-mean) and repeated keys.
    /// `where` names the mapping in messages ("site", "map", "basemap"); `aliases` maps common
    /// synonyms to the real key for the hint ("latitude" -> "lat").
    std::vector<Entry> entries(const YamlValue& mapping, const std::vector<std::string>& known,
                               std::string_view where, const std::vector<Alias>& aliases = {});

    std::optional<std::string> text(const Entry& e);
    /// False (and an error at the value) when a text value is too long (limits::text_value_bytes)
    /// or holds a control character or bytes that are not UTF-8.
    bool check_text(const Entry& e, const std::string& value);
    std::optional<double> number(const Entry& e, std::string_view example);
    std::optional<long long> integer(const Entry& e, std::string_view example);
    std::optional<bool> boolean(const Entry& e);
    std::optional<Color> color(const Entry& e);
    /// A text value that must be one of `allowed`; did-you-mean on a near miss.
    std::optional<std::string> choice(const Entry& e, const std::vector<std::string>& allowed);

    /// False (and an error) when the value is not a mapping.
    bool expect_mapping(const Entry& e);
    /// False (and an error) when the value is empty.
    bool expect_value(const Entry& e);

private:
    SourceFile file_; // interned once: every position of the file shares it
    std::vector<InputError> errors_;
};

/// The entry named `key`, or nullptr.
const Entry* find(const std::vector<Entry>& entries, std::string_view key);

/// Receives each item of a site file's sites list as soon as it is parsed; the item is not kept
/// in the tree parse_yaml returns (only counted), so a long list never exists as a whole.
using SiteSink = std::function<void(const YamlValue& item)>;

/// Parses YAML text; a syntax error becomes InputErrors with one error at its position. Before
/// parsing, checks that the text is UTF-8 without control characters (an InputError at the
/// first bad byte) and reads CR-only line endings as line ends; after parsing, that every
/// quoted text is closed and nesting stays within limits::nesting_depth. With `sites`, the
/// items of the sites list (the root list, or the first `sites:` of a root mapping) go to it
/// instead of into the tree; when parsing then fails, what it recorded is to be dropped.
/// `first_line` (0-based) says where `text` starts when it is a part of the file starting at a
/// line: the values' positions are then the file's (those of a problem found before parsing
/// are the part's own, so a caller reading parts reads the whole file again when one fails).
/// A cheap bound on flow nesting ("[[[[...") before yaml-cpp recurses into it: throws
/// InputErrors at the first bracket past limits::nesting_depth. parse_yaml runs it.
void check_flow_depth(std::string_view text, const std::string& file);

YamlValue parse_yaml(std::string_view text, const std::string& file,
                     const SiteSink* sites = nullptr, int first_line = 0);

/// A problem with one character of some text: its byte offset and what is wrong, e.g.
/// "not UTF-8: byte 0xE9" or "control character U+001B".
struct BadCharacter {
    std::size_t offset;
    std::string what;
};

/// The first byte of `text` that is not UTF-8, or the first control character other than tab,
/// line feed and (when `allow_cr`) carriage return; nullopt when the text is clean.
std::optional<BadCharacter> find_bad_character(std::string_view text, bool allow_cr);

/// Whether parse_yaml leaves `text` to yaml-cpp to decode as UTF-16 or UTF-32 (a byte-order
/// mark, or a NUL in the first two bytes) instead of checking it as UTF-8.
bool read_as_utf16_or_32(std::string_view text);

/// Parses decimal text ("-12.5", "+3", "1e3") fully; nullopt when it is not a finite number.
std::optional<double> parse_number(std::string_view text);

/// Parses "#rrggbb" or "#rrggbbaa".
std::optional<Color> parse_color(std::string_view text);

/// True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real date; `full_only` demands all three.
bool is_valid_date(std::string_view text, bool full_only);

} // namespace dcmap::config::detail
