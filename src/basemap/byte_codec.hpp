#pragma once
// Internal to basemap/: the byte layout the embedded base maps share (packed.hpp,
// projected_pack.hpp): 32-bit counts, length-prefixed text, and arrays of plain values as they
// lie in memory (the build host is the target). Reading checks every length against what is
// left, so a corrupt count is an IoError, never a huge allocation.
#include "model/error.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dcmap::basemap::detail {

class ByteWriter {
public:
    explicit ByteWriter(std::string_view magic) : bytes_(magic) {}

    void count(std::size_t n) {
        const auto v = static_cast<std::uint32_t>(n);
        bytes_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void text(const std::string& s) {
        count(s.size());
        bytes_ += s;
    }
    /// A count, then the values' bytes.
    template <class T> void values(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        count(v.size());
        bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    std::string take() { return std::move(bytes_); }

private:
    std::string bytes_;
};

class ByteReader {
public:
    /// `what` names the data in messages ("the embedded base map").
    ByteReader(std::string_view bytes, std::string what) : bytes_(bytes), what_(std::move(what)) {}

    void expect(std::string_view magic) {
        if (bytes_.substr(0, magic.size()) != magic)
            throw IoError(what_ + " is not in this version's format; rebuild dcmap");
        at_ = magic.size();
    }
    std::size_t count() {
        std::uint32_t v = 0;
        std::memcpy(&v, take(sizeof v), sizeof v);
        return v;
    }
    std::string text() {
        const std::size_t n = count();
        return std::string(take(n), n);
    }
    /// What ByteWriter::values wrote.
    template <class T> std::vector<T> values() {
        static_assert(std::is_trivially_copyable_v<T>);
        const std::size_t n = count();
        const char* data = take(n * sizeof(T));
        std::vector<T> out(n);
        if (n > 0)
            std::memcpy(static_cast<void*>(out.data()), data, n * sizeof(T));
        return out;
    }
    /// A count of items at least `item_size` bytes each, checked against what is left.
    std::size_t count_within(std::size_t item_size) {
        const std::size_t n = count();
        if (n > (bytes_.size() - at_) / item_size)
            truncated();
        return n;
    }
    bool done() const { return at_ == bytes_.size(); }
    [[noreturn]] void unexpected() const {
        throw IoError(what_ + " has unexpected contents; rebuild dcmap");
    }

private:
    const char* take(std::size_t n) {
        if (n > bytes_.size() - at_)
            truncated();
        const char* p = bytes_.data() + at_;
        at_ += n;
        return p;
    }
    [[noreturn]] void truncated() const { throw IoError(what_ + " is truncated; rebuild dcmap"); }

    std::string_view bytes_;
    std::string what_;
    std::size_t at_ = 0;
};

} // namespace dcmap::basemap::detail
