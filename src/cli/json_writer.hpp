#pragma once
// A small streaming JSON writer: stable key order (as written), fixed number formatting, so
// --layout-json and geocode --json are byte-identical run after run.
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::cli {

class JsonWriter {
public:
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
    std::vector<bool> first_in_scope_;  ///< one entry per open object/array
    bool after_key_ = false;
};

/// `s` as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

} // namespace dcmap::cli
