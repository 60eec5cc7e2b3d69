#include "io/atomic_file.hpp"

#include "model/error.hpp"

#include <cerrno>
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

} // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
    std::string temp = path + ".tmp-XXXXXX";
    int fd = ::mkstemp(temp.data());
    if (fd < 0) fail(path, errno);
    // mkstemp creates 0600; maps are meant to be shared like any other file.
    ::fchmod(fd, 0644);

    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            fail(path, err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        fail(path, err);
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        fail(path, err);
    }
}

} // namespace dcmap::io
