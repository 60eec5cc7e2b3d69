#include "config/yaml_reader.hpp"

#include "config/text_check.hpp"
#include "model/limits.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <istream>
#include <limits>
#include <map>
#include <streambuf>

namespace dcmap::config::detail {

namespace {

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t");
    return std::string(s.substr(first, last - first + 1));
}

std::string kind_of(const YamlValue& node) {
    switch (node.kind()) {
    case YamlValue::Kind::sequence:
        return "a list";
    case YamlValue::Kind::map:
        return "a mapping";
    case YamlValue::Kind::null:
        return "empty";
    default:
        return "\"" + node.Scalar() + "\"";
    }
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty())
            out += ", ";
        out += w;
    }
    return out;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<int> parse_digits(std::string_view s) {
    if (s.empty())
        return std::nullopt;
    int value = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

} // namespace

int edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = static_cast<int>(i);
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    int best_distance = std::numeric_limits<int>::max();
    std::size_t best_prefix = 0;
    for (const auto& c : candidates) {
        // Two edits turn any two-letter word into any other, so short words get only one.
        const int limit = std::min(word.size(), c.size()) <= 3 ? 1 : 2;
        const int d = edit_distance(word, c);
        // On a tie the candidate sharing the longer start wins: "zone" means "zones", not "none".
        const std::size_t prefix = common_prefix(word, c);
        if (d <= limit && (d < best_distance || (d == best_distance && prefix > best_prefix))) {
            best = c;
            best_distance = d;
            best_prefix = prefix;
        }
    }
    return best;
}

std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates) {
    const auto best = closest_match(word, candidates);
    if (!best.empty())
        return "did you mean '" + best + "'?";
    return "use one of: " + join(candidates);
}

SourcePos Reader::pos(const YamlValue& node) const {
    const auto mark = node.Mark();
    if (mark.is_null() || mark.line < 0)
        return {file_, 0, 0};
    return {file_, mark.line + 1, mark.column + 1};
}

SourcePos Reader::value_pos(const Entry& entry) const {
    if (entry.value.IsNull())
        return pos(entry.key_node);
    return pos(entry.value);
}

void Reader::error(SourcePos at, std::string message, std::string hint) {
    errors_.emplace_back(std::move(at), std::move(message), std::move(hint));
}

void Reader::throw_if_errors() {
    if (errors_.empty())
        return;
    std::stable_sort(errors_.begin(), errors_.end(), [](const InputError& a, const InputError& b) {
        if (a.pos().line != b.pos().line)
            return a.pos().line < b.pos().line;
        return a.pos().column < b.pos().column;
    });
    throw InputErrors(std::move(errors_));
}

std::vector<Entry> Reader::entries(const YamlValue& mapping, const std::vector<std::string>& known,
                                   std::string_view where, const std::vector<Alias>& aliases) {
    std::vector<Entry> out;
    for (const auto& [key_node, value] : mapping.pairs()) {
        if (!key_node.IsScalar()) {
            error(pos(key_node), "a key in " + std::string(where) + " must be a plain word");
            continue;
        }
        const std::string key = key_node.Scalar();
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            std::string hint = suggestion_hint(key, known);
            for (const auto& alias : aliases)
                if (alias.word == key)
                    hint = "did you mean '" + alias.key + "'?";
            error(pos(key_node), "unknown key '" + key + "' in " + std::string(where), hint);
            continue;
        }
        if (const Entry* first = find(out, key)) {
            error(pos(key_node), "key '" + key + "' appears twice in " + std::string(where),
                  "the first is on line " + std::to_string(pos(first->key_node).line) +
                      "; keep one of them");
            continue;
        }
        out.push_back({key, key_node, value});
    }
    return out;
}

const Entry* find(const std::vector<Entry>& entries, std::string_view key) {
    for (const auto& e : entries)
        if (e.key == key)
            return &e;
    return nullptr;
}

bool Reader::expect_value(const Entry& e) {
    if (!e.value.IsNull())
        return true;
    error(value_pos(e), e.key + " has no value", "give it a value or remove the key");
    return false;
}

bool Reader::expect_mapping(const Entry& e) {
    if (!expect_value(e))
        return false;
    if (e.value.IsMap())
        return true;
    error(value_pos(e), e.key + " must be a mapping of keys, not " + kind_of(e.value),
          "indent its keys below '" + e.key + ":'");
    return false;
}

std::optional<std::string> Reader::text(const Entry& e) {
    if (!expect_value(e))
        return std::nullopt;
    if (!e.value.IsScalar()) {
        error(value_pos(e), e.key + " must be text, not " + kind_of(e.value),
              "quote the text if it contains ':' or starts with '[' or '{'");
        return std::nullopt;
    }
    if (!check_text(e, e.value.Scalar()))
        return std::nullopt;
    return e.value.Scalar();
}

bool Reader::check_text(const Entry& e, const std::string& value) {
    if (value.size() > limits::text_value_bytes) {
        error(value_pos(e),
              e.key + " is " + std::to_string(value.size()) + " bytes long; the limit is " +
                  std::to_string(limits::text_value_bytes),
              "shorten it");
        return false;
    }
    if (auto bad = find_bad_character(value, false)) {
        const bool encoding = bad->what.rfind("not UTF-8", 0) == 0;
        error(value_pos(e), e.key + (encoding ? " is " : " contains ") + bad->what,
              "remove it; text is drawn on the map and printed in messages");
        return false;
    }
    return true;
}

std::optional<double> Reader::number(const Entry& e, std::string_view example) {
    if (!expect_value(e))
        return std::nullopt;
    std::optional<double> value;
    if (e.value.IsScalar())
        value = parse_number(e.value.Scalar());
    if (!value) {
        error(value_pos(e), e.key + " must be a number, not " + kind_of(e.value),
              "write a decimal number, e.g. " + std::string(example));
    }
    return value;
}

std::optional<long long> Reader::integer(const Entry& e, std::string_view example) {
    const auto value = number(e, example);
    if (!value)
        return std::nullopt;
    if (*value != std::floor(*value) || std::fabs(*value) > 1e15) {
        error(value_pos(e), e.key + " must be a whole number, not " + kind_of(e.value),
              "e.g. " + std::string(example));
        return std::nullopt;
    }
    return static_cast<long long>(*value);
}

std::optional<bool> Reader::boolean(const Entry& e) {
    if (!expect_value(e))
        return std::nullopt;
    if (e.value.IsScalar()) {
        const auto& s = e.value.Scalar();
        if (s == "true" || s == "yes" || s == "on")
            return true;
        if (s == "false" || s == "no" || s == "off")
            return false;
    }
    error(value_pos(e), e.key + " must be true or false, not " + kind_of(e.value));
    return std::nullopt;
}

std::optional<Color> Reader::color(const Entry& e) {
    if (e.value.IsNull()) {
        error(value_pos(e), e.key + " has no value",
              "quote colours, e.g. " + e.key + ": \"#dde9f3\" (an unquoted # starts a comment)");
        return std::nullopt;
    }
    std::optional<Color> value;
    if (e.value.IsScalar())
        value = parse_color(e.value.Scalar());
    if (!value) {
        error(value_pos(e),
              e.key + " must be a colour \"#rrggbb\" or \"#rrggbbaa\", not " + kind_of(e.value),
              "e.g. " + e.key + ": \"#dde9f3\"");
    }
    return value;
}

std::optional<std::string> Reader::choice(const Entry& e, const std::vector<std::string>& allowed) {
    auto value = text(e);
    if (!value)
        return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end())
        return value;
    error(value_pos(e), "unknown " + e.key + " '" + *value + "'", suggestion_hint(*value, allowed));
    return std::nullopt;
}

bool read_as_utf16_or_32(std::string_view text) {
    return text.size() >= 2 &&
           (static_cast<unsigned char>(text[0]) == 0xFE ||
            static_cast<unsigned char>(text[0]) == 0xFF || text[0] == '\0' || text[1] == '\0');
}

std::optional<BadCharacter> find_bad_character(std::string_view text, bool allow_cr) {
    const auto hex = [](unsigned value, int digits) {
        char out[16];
        std::snprintf(out, sizeof out, "%0*X", digits, value);
        return std::string(out);
    };
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned c = bytes[i];
        if (c < 0x80) {
            const bool allowed = c == '\t' || c == '\n' || (allow_cr && c == '\r');
            if ((c < 0x20 && !allowed) || c == 0x7F)
                return BadCharacter{i, "control character U+" + hex(c, 4)};
            ++i;
            continue;
        }
        // Lengths and ranges from RFC 3629: no overlong forms, no surrogates, up to U+10FFFF.
        int length = 0;
        unsigned lo = 0x80, hi = 0xBF, code = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            code = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            code = c & 0x0F;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            code = c & 0x07;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        }
        if (length == 0)
            return BadCharacter{i, "not UTF-8: byte 0x" + hex(c, 2)};
        for (int k = 1; k < length; ++k) {
            const unsigned next = i + k < n ? bytes[i + k] : 0;
            const bool ok = k == 1 ? next >= lo && next <= hi : next >= 0x80 && next <= 0xBF;
            if (!ok)
                return BadCharacter{i, "not UTF-8: byte 0x" + hex(c, 2)};
            code = (code << 6) | (next & 0x3F);
        }
        if (code >= 0x80 && code <= 0x9F)
            return BadCharacter{i, "control character U+" + hex(code, 4)};
        i += static_cast<std::size_t>(length);
    }
    return std::nullopt;
}

namespace {

/// 1-based line and column (in characters) of byte `offset`.
SourcePos position_of(std::string_view text, std::size_t offset, const std::string& file) {
    SourcePos at{file, 1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++at.column;
        }
    }
    return at;
}

[[noreturn]] void fail_at(SourcePos at, std::string message, std::string hint) {
    std::vector<InputError> errors;
    errors.emplace_back(std::move(at), std::move(message), std::move(hint));
    throw InputErrors(std::move(errors));
}

/// True when the quoted scalar starting at `offset` (its opening quote) is closed.
bool quote_closed(std::string_view text, std::size_t offset) {
    const char quote = text[offset];
    for (std::size_t i = offset + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i;
        } else if (text[i] == quote) {
            // In single quotes '' is an escaped quote.
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
                ++i;
            else
                return true;
        }
    }
    return false;
}

/// A read-only stream over text already in memory, so yaml-cpp's parser reads it in place.
class TextBuffer : public std::streambuf {
public:
    explicit TextBuffer(std::string_view text) {
        char* begin = const_cast<char*>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

/// A problem found while building the tree that must be reported alone, but only when the
/// parse itself succeeds (a syntax error anywhere wins, as it did when the tree was checked
/// after YAML::Load).
struct TreeProblem {
    SourcePos at;
    std::string message, hint;
};

} // namespace

/// Turns yaml-cpp's parser events into YamlValues. Checks, as values arrive, what yaml-cpp does
/// not: a quoted text that is never closed (yaml-cpp ends it at the end of the input without
/// complaint) and nesting beyond limits::nesting_depth (yaml-cpp's own guard gives no useful
/// position). Aliases are copied, up to a bound, so an alias bomb cannot grow without limit.
class ValueBuilder : public YAML::EventHandler {
public:
    ValueBuilder(std::string_view text, const std::string& file, bool check_quotes,
                 const SiteSink* sites, int first_line)
        : text_(text), file_(file), check_quotes_(check_quotes), sites_(sites),
          first_line_(first_line) {}

    YamlValue root;
    std::optional<TreeProblem> problem;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        check_depth(mark);
        add(YamlValue(YamlValue::Kind::null, in_file(mark)), anchor);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        check_depth(mark);
        const auto it = anchors_.find(anchor);
        if (it == anchors_.end()) {
            add(YamlValue(YamlValue::Kind::null, in_file(mark)), 0);
            return;
        }
        copied_ += weight(it->second);
        if (copied_ > max_alias_copies)
            fail_at(position(mark),
                    "aliases (*name) repeat more than " + std::to_string(max_alias_copies) +
                        " values in all",
                    "write the values out instead of repeating them through aliases");
        add(YamlValue(it->second), 0);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        check_depth(mark);
        if (check_quotes_ && tag == "!" && !mark.is_null() && mark.pos >= 0 &&
            static_cast<std::size_t>(mark.pos) < text_.size()) {
            const auto at = static_cast<std::size_t>(mark.pos);
            if ((text_[at] == '"' || text_[at] == '\'') && !quote_closed(text_, at))
                note(position(mark),
                     std::string("text opened with ") + text_[at] + " is never closed",
                     std::string("add the closing ") + text_[at]);
        }
        YamlValue v(YamlValue::Kind::scalar, in_file(mark));
        v.scalar_ = value;
        add(std::move(v), anchor);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        check_depth(mark);
        Frame frame{YamlValue(YamlValue::Kind::sequence, in_file(mark)), anchor, std::nullopt,
                    false};
        frame.streams_sites =
            sites_ && !sites_streamed_ &&
            (stack_.empty() || (stack_.size() == 1 && stack_[0].value.IsMap() && stack_[0].key &&
                                stack_[0].key->IsScalar() && stack_[0].key->Scalar() == "sites"));
        sites_streamed_ = sites_streamed_ || frame.streams_sites;
        stack_.push_back(std::move(frame));
    }
    void OnSequenceEnd() override { pop(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        check_depth(mark);
        stack_.push_back(
            {YamlValue(YamlValue::Kind::map, in_file(mark)), anchor, std::nullopt, false});
    }
    void OnMapEnd() override { pop(); }

private:
    static constexpr std::size_t max_alias_copies = 100000;

    struct Frame {
        YamlValue value;
        YAML::anchor_t anchor = 0;
        std::optional<YamlValue> key; // a mapping's key waiting for its value
        bool streams_sites = false;
    };

    static std::size_t weight(const YamlValue& v) {
        std::size_t n = 1;
        for (const YamlValue& item : v)
            n += weight(item);
        for (const auto& [key, value] : v.pairs())
            n += weight(key) + weight(value);
        return n;
    }

    /// A mark of this text as a mark of the file: the text may be a part of it starting at line
    /// first_line_ (parse_yaml). The byte offset stays the text's, which only OnScalar reads.
    YAML::Mark in_file(YAML::Mark mark) const {
        if (!mark.is_null())
            mark.line += first_line_;
        return mark;
    }
    SourcePos position(const YAML::Mark& mark) const {
        return {file_, mark.line + first_line_ + 1, mark.column + 1};
    }

    void note(SourcePos at, std::string message, std::string hint) {
        if (!problem)
            problem = TreeProblem{std::move(at), std::move(message), std::move(hint)};
    }

    /// Every value sits as deep as the collections open around it, keys included.
    void check_depth(const YAML::Mark& mark) {
        if (static_cast<int>(stack_.size()) > limits::nesting_depth)
            note(mark.is_null() ? SourcePos{file_, 0, 0} : position(mark),
                 "lists and mappings nested more than " + std::to_string(limits::nesting_depth) +
                     " levels deep",
                 "a site file needs three or four levels");
    }

    void pop() {
        Frame frame = std::move(stack_.back());
        stack_.pop_back();
        add(std::move(frame.value), frame.anchor);
    }

    void add(YamlValue v, YAML::anchor_t anchor) {
        if (anchor != 0)
            anchors_[anchor] = v;
        if (stack_.empty()) {
            root = std::move(v);
            return;
        }
        Frame& top = stack_.back();
        if (top.value.IsSequence()) {
            ++top.value.count_;
            if (top.streams_sites)
                (*sites_)(v);
            else
                top.value.items_.push_back(std::move(v));
        } else if (!top.key) {
            top.key = std::move(v);
        } else {
            top.value.pairs_.emplace_back(std::move(*top.key), std::move(v));
            top.key.reset();
        }
    }

    std::string_view text_;
    const std::string& file_;
    bool check_quotes_;
    const SiteSink* sites_;
    int first_line_;
    bool sites_streamed_ = false;
    std::vector<Frame> stack_;
    std::map<YAML::anchor_t, YamlValue> anchors_;
    std::size_t copied_ = 0;
};

/// A cheap bound on flow nesting ("[[[[...") before yaml-cpp recurses into it.
void check_flow_depth(std::string_view text, const std::string& file) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == '\\' && quote == '"')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            // A quote inside a word ("it's") starts nothing.
            if (i == 0 || std::string_view(" \t\n[{,:").find(text[i - 1]) != std::string_view::npos)
                quote = c;
        } else if (c == '[' || c == '{') {
            if (++depth > limits::nesting_depth)
                fail_at(position_of(text, i, file),
                        "lists and mappings nested more than " +
                            std::to_string(limits::nesting_depth) + " levels deep",
                        "a site file needs three or four levels");
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        } else if (c == '\n') {
            // Block scalars and comments may hold any brackets; a new line starts afresh
            // only for counting purposes once flow collections are closed.
            if (depth == 0)
                quote = 0;
        }
    }
}

} // namespace dcmap::config::detail

namespace dcmap::config {

void check_text_file(std::string_view text, const std::string& path) {
    if (auto bad = detail::find_bad_character(text, true)) {
        const bool encoding = bad->what.rfind("not UTF-8", 0) == 0;
        detail::fail_at(detail::position_of(text, bad->offset, path), bad->what,
                        encoding ? "save the file as UTF-8" : "remove it");
    }
}

std::optional<std::string> text_value_problem(std::string_view text) {
    if (text.size() > limits::text_value_bytes)
        return "longer than " + std::to_string(limits::text_value_bytes) + " bytes";
    if (auto bad = detail::find_bad_character(text, false))
        return bad->what;
    return std::nullopt;
}

} // namespace dcmap::config

namespace dcmap::config::detail {

YamlValue parse_yaml(std::string_view text, const std::string& file, const SiteSink* sites,
                     int first_line) {
    std::string input(text);
    const bool utf16_or_32 = read_as_utf16_or_32(input);
    // yaml-cpp reads UTF-16 and UTF-32 itself (by BOM or NUL pattern); their values are checked
    // one by one as they are read.
    if (!utf16_or_32) {
        check_text_file(input, file);
        // Classic Mac line ends: CR alone. yaml-cpp only knows LF and CRLF.
        if (input.find('\r') != std::string::npos && input.find('\n') == std::string::npos)
            std::replace(input.begin(), input.end(), '\r', '\n');
        check_flow_depth(input, file);
    }
    // yaml-cpp's marks count decoded characters of UTF-16/32 input, not bytes of `input`.
    ValueBuilder builder(input, file, !utf16_or_32, sites, first_line);
    try {
        TextBuffer buffer(input);
        std::istream stream(&buffer);
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
    } catch (const YAML::Exception& ex) {
        SourcePos at{file, 0, 0};
        if (!ex.mark.is_null() && ex.mark.line >= 0)
            at = {file, ex.mark.line + first_line + 1, ex.mark.column + 1};
        fail_at(at, "YAML syntax error: " + ex.msg,
                "check the indentation and quoting on this line and the one before");
    }
    if (builder.problem)
        fail_at(builder.problem->at, builder.problem->message, builder.problem->hint);
    return std::move(builder.root);
}

std::optional<double> parse_number(std::string_view text) {
    std::string s = trim(text);
    if (!s.empty() && s[0] == '+')
        s.erase(0, 1);
    if (s.empty())
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<Color> parse_color(std::string_view text) {
    const std::string s = trim(text);
    if ((s.size() != 7 && s.size() != 9) || s[0] != '#')
        return std::nullopt;
    double channels[4] = {0, 0, 0, 1};
    for (std::size_t i = 1, c = 0; i < s.size(); i += 2, ++c) {
        const int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        channels[c] = (hi * 16 + lo) / 255.0;
    }
    return Color{channels[0], channels[1], channels[2], channels[3]};
}

bool is_valid_date(std::string_view text, bool full_only) {
    const bool has_month = text.size() >= 7, has_day = text.size() == 10;
    if (text.size() != 4 && text.size() != 7 && text.size() != 10)
        return false;
    if (full_only && !has_day)
        return false;
    const auto year = parse_digits(text.substr(0, 4));
    if (!year || *year < 1000)
        return false;
    if (!has_month)
        return true;
    if (text[4] != '-')
        return false;
    const auto month = parse_digits(text.substr(5, 2));
    if (!month || *month < 1 || *month > 12)
        return false;
    if (!has_day)
        return true;
    if (text[7] != '-')
        return false;
    const auto day = parse_digits(text.substr(8, 2));
    return day && *day >= 1 && *day <= days_in_month(*year, *month);
}

} // namespace dcmap::config::detail
