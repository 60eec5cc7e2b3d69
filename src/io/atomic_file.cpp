#include "io/atomic_file.hpp"

#include "model/error.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dcmap::io {

namespace {

[[noreturn]] void fail(const std::string& path, int err) {
    throw IoError("cannot write " + path + ": " + std::strerror(err));
}

// Temporary files the signal handler removes. Fixed storage, so the handler only reads memory
// and calls unlink(), both async-signal-safe.
constexpr std::size_t kSlots = 256;
constexpr std::size_t kPathMax = 4096;
struct TempSlot {
    std::atomic<bool> used{false};
    char path[kPathMax];
};
std::array<TempSlot, kSlots> temp_slots;

int register_temp(const std::string& temp) {
    if (temp.size() >= kPathMax)
        return -1;
    for (std::size_t i = 0; i < kSlots; ++i) {
        bool expected = false;
        // Claim the slot with a sentinel path first so the handler never sees a half-copied one.
        if (!temp_slots[i].used.load() && temp_slots[i].path[0] == '\0') {
            std::memcpy(temp_slots[i].path, temp.c_str(), temp.size() + 1);
            if (temp_slots[i].used.compare_exchange_strong(expected, true))
                return static_cast<int>(i);
            temp_slots[i].path[0] = '\0';
        }
    }
    return -1;
}

void unregister_temp(int slot) {
    if (slot < 0)
        return;
    temp_slots[slot].used.store(false);
    temp_slots[slot].path[0] = '\0';
}

extern "C" void remove_temps_and_die(int sig) {
    for (auto& slot : temp_slots)
        if (slot.used.load())
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
    const int fd = ::mkstemp(temp.data());
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
