#pragma once
// A small streaming JSON writer: stable key order (as written), fixed number formatting, so
// --layout-json and geocode --json are byte-identical run after run.
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::cli {

class JsonWriter {
public:
    /// Compact output; with `one_item_per_line`, each key of the outermost object and each item
    /// of an array directly inside it starts a line of its own, so diffs of the output read well.
    explicit JsonWriter(bool one_item_per_line = false) : one_item_per_line_(one_item_per_line) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    /// Writes a number with at most `decimals` digits after the point, trailing zeros trimmed.
    JsonWriter& value(double d, int decimals = 2);
    JsonWriter& value(long long n);
    JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
    JsonWriter& value(bool b);
    JsonWriter& null();

    const std::string& str() const { return out_; }

private:
    void before_value();
    std::string out_;
    std::vector<bool> first_in_scope_; ///< one entry per open object/array
    bool after_key_ = false;
    bool one_item_per_line_ = false;
    /// Before an item at the current depth: a line break when the layout asks for one there.
    void break_line();
    /// Before a closing bracket of the scope being closed.
    void break_before_close();
};

/// `s` as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

} // namespace dcmap::cli
