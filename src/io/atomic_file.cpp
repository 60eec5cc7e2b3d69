#include "io/atomic_file.hpp"

#include "model/error.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <iterator>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace dcmap::io {

namespace {

[[noreturn]] void fail(const std::string& path, int err) {
    throw IoError("cannot write " + path + ": " + std::generic_category().message(err));
}

// Temporary files the signal handler removes. Fixed storage, so the handler only reads memory
// and calls unlink(), both async-signal-safe.
constexpr std::size_t kSlots = 256;
constexpr std::size_t kPathMax = 4096;
struct TempSlot {
    // free -> claimed (one thread copies its path in) -> ready (the handler may unlink it).
    enum State : int { free = 0, claimed = 1, ready = 2 };
    std::atomic<int> state{free};
    char path[kPathMax];
};
std::array<TempSlot, kSlots> temp_slots;

/// Claims a slot for `temp`; thread-safe (renders of a folder's inputs stage files at once).
int register_temp(const std::string& temp) {
    if (temp.size() >= kPathMax)
        return -1;
    for (std::size_t i = 0; i < kSlots; ++i) {
        // The slot is claimed before its path is written, so no other thread writes it, and it
        // is marked ready only after, so the handler never reads a half-copied path.
        int expected = TempSlot::free;
        if (temp_slots[i].state.compare_exchange_strong(expected, TempSlot::claimed)) {
            std::memcpy(temp_slots[i].path, temp.c_str(), temp.size() + 1);
            temp_slots[i].state.store(TempSlot::ready);
            return static_cast<int>(i);
        }
    }
    return -1;
}

void unregister_temp(int slot) {
    if (slot >= 0)
        temp_slots[static_cast<std::size_t>(slot)].state.store(TempSlot::free);
}

extern "C" void remove_temps_and_die(int sig) {
    for (auto& slot : temp_slots)
        if (slot.state.load() == TempSlot::ready)
            ::unlink(slot.path);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

} // namespace

StagedOutputs::~StagedOutputs() { discard(); }

void StagedOutputs::discard() {
    for (auto& s : staged_) {
        ::unlink(s.temp.c_str());
        unregister_temp(s.slot);
    }
    staged_.clear();
}

void StagedOutputs::stage(const std::string& path, std::string_view bytes) {
    std::string temp = path + ".tmp-XXXXXX";
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0)
        fail(path, errno);
    const int slot = register_temp(temp);
    const auto give_up = [&](int err) {
        ::close(fd);
        ::unlink(temp.c_str());
        unregister_temp(slot);
        fail(path, err);
    };
    // mkstemp creates 0600; maps are meant to be shared like any other file.
    ::fchmod(fd, 0644);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            give_up(errno);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        give_up(errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        unregister_temp(slot);
        fail(path, err);
    }
    staged_.push_back({path, std::move(temp), slot});
}

void StagedOutputs::commit() {
    for (std::size_t i = 0; i < staged_.size(); ++i) {
        if (std::rename(staged_[i].temp.c_str(), staged_[i].path.c_str()) != 0) {
            const int err = errno;
            const std::string path = staged_[i].path;
            staged_.erase(staged_.begin(), staged_.begin() + static_cast<long>(i));
            discard();
            fail(path, err);
        }
        unregister_temp(staged_[i].slot);
    }
    staged_.clear();
}

void StagedOutputs::append(StagedOutputs&& other) {
    staged_.insert(staged_.end(), std::make_move_iterator(other.staged_.begin()),
                   std::make_move_iterator(other.staged_.end()));
    other.staged_.clear();
}

std::vector<std::string> StagedOutputs::paths() const {
    std::vector<std::string> out;
    for (const auto& s : staged_)
        out.push_back(s.path);
    return out;
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    StagedOutputs out;
    out.stage(path, bytes);
    out.commit();
}

void remove_temp_files_on_signals() {
    struct sigaction action {};
    action.sa_handler = remove_temps_and_die;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(sig, &action, nullptr);
    std::signal(SIGXFSZ, SIG_IGN);
}

} // namespace dcmap::io
