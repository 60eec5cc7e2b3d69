#pragma once
// Where a value came from in an input file, so any stage can report errors at the right line.
#include <mutex>
#include <set>
#include <string>
#include <string_view>

namespace dcmap {

/// An input file's path, held once per process. Every site carries several positions through
/// every stage, so a position names its file by a pointer into a table of the paths seen
/// rather than by a string of its own: copying it is copying a pointer, and 100,000 sites do
/// not hold 400,000 copies of the same path. Reads like a `const std::string&`.
class SourceFile {
public:
    SourceFile() = default;
    SourceFile(const std::string& path) : path_(intern(path)) {}
    SourceFile(std::string_view path) : path_(intern(std::string(path))) {}
    SourceFile(const char* path) : path_(intern(path)) {}

    /// The path as the user gave it; empty when the position names no file.
    const std::string& str() const { return path_ ? *path_ : empty_path(); }
    operator const std::string&() const { return str(); }
    bool empty() const { return path_ == nullptr; }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    /// Equal paths are the same table entry.
    friend bool operator==(const SourceFile& a, const SourceFile& b) { return a.path_ == b.path_; }
    friend bool operator==(const SourceFile& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const SourceFile& a, const char* b) { return a.str() == b; }

private:
    static const std::string& empty_path() {
        static const std::string empty;
        return empty;
    }
    /// The table's entry for `path` (nullptr for ""). Entries live until the process ends; a
    /// process reads a handful of files. Locked, so worker threads may name files too.
    static const std::string* intern(const std::string& path) {
        if (path.empty())
            return nullptr;
        static std::mutex lock;
        static std::set<std::string, std::less<>> paths;
        const std::lock_guard<std::mutex> guard(lock);
        return &*paths.insert(path).first;
    }

    const std::string* path_ = nullptr;
};

inline std::string operator+(const SourceFile& a, const std::string& b) { return a.str() + b; }
inline std::string operator+(const std::string& a, const SourceFile& b) { return a + b.str(); }
inline std::string operator+(const SourceFile& a, const char* b) { return a.str() + b; }
inline std::string operator+(const char* a, const SourceFile& b) { return a + b.str(); }

struct SourcePos {
    SourceFile file; ///< path as given by the user
    int line = 0;    ///< 1-based; 0 means unknown
    int column = 0;  ///< 1-based; 0 means unknown
};

} // namespace dcmap
