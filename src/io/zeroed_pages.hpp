#pragma once
// Zeroed memory straight from the system: its pages cost nothing until written, so a buffer
// may be sized for the most it could need (a canvas whose height the layout has yet to settle)
// and pay only for what is drawn. malloc and calloc may hand out used heap memory instead,
// which calloc then clears in full.
#include <cstddef>
#include <vector>

namespace dcmap::io {

/// Asks for huge pages under the whole 2 MiB pages of [data, data + bytes), memory not yet
/// written (a vector's fresh reserve()): a list of 100,000 sites took ~23,000 page faults in
/// 4 KiB pages, on one core. Only a hint; the memory is the same without.
void advise_huge_pages(const void* data, std::size_t bytes);

/// Reserves room for `count` items in an empty vector and advises its fresh storage to huge
/// pages (advise_huge_pages), for a long list about to be written in one sweep.
template <class T> void reserve_on_huge_pages(std::vector<T>& list, std::size_t count) {
    list.reserve(count);
    advise_huge_pages(list.data(), list.capacity() * sizeof(T));
}

/// Keeps freed blocks under 8 MiB on the heap for the next allocation. glibc sends blocks from
/// 128 KiB on to mmap and unmaps them when freed, so each page pass and naming round faulted
/// its buffers in again (10,000 sites: 22,000 minor faults, 16,000 with this). Called once,
/// before any thread starts.
void keep_freed_blocks_for_reuse();

class ZeroedPages {
public:
    ZeroedPages() = default;
    /// `bytes` of zeroed memory (none for 0). Throws std::bad_alloc when the system has none.
    explicit ZeroedPages(std::size_t bytes);
    ZeroedPages(ZeroedPages&& other) noexcept;
    ZeroedPages& operator=(ZeroedPages&& other) noexcept;
    ZeroedPages(const ZeroedPages&) = delete;
    ZeroedPages& operator=(const ZeroedPages&) = delete;
    ~ZeroedPages();

    unsigned char* data() const { return data_; }
    std::size_t size() const { return size_; }
    explicit operator bool() const { return data_ != nullptr; }

private:
    unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace dcmap::io
