#include "io/input_file.hpp"

#include "model/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace dcmap::io {

namespace {

/// Closes the descriptor however the read ends.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0)
            ::close(fd);
    }
};

std::string megabytes(std::size_t bytes) {
    return std::to_string((bytes + (std::size_t{1} << 20) - 1) >> 20) + " MB";
}

} // namespace

std::string read_input_file(const std::string& path, std::size_t max_bytes,
                            const std::string& what) {
    const std::string prefix = "cannot read " + path + ": ";
    // O_NONBLOCK so that opening a FIFO with no writer returns at once instead of hanging.
    Descriptor in{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (in.fd < 0)
        throw IoError(prefix + std::generic_category().message(errno));
    struct stat st {};
    if (::fstat(in.fd, &st) != 0)
        throw IoError(prefix + std::generic_category().message(errno));
    if (S_ISDIR(st.st_mode))
        throw IoError(prefix + "it is a folder");
    if (!S_ISREG(st.st_mode))
        throw IoError(prefix + "not a regular file (a device, pipe or socket)");
    if (static_cast<std::size_t>(st.st_size) > max_bytes)
        throw IoError(prefix + "larger than the " + megabytes(max_bytes) + " limit for a " + what);
    const int flags = ::fcntl(in.fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(in.fd, F_SETFL, flags & ~O_NONBLOCK);

    std::string bytes;
    bytes.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    // Read one byte past the limit so a file that grows while being read is still caught.
    while (true) {
        if (done == bytes.size()) {
            if (bytes.size() > max_bytes)
                throw IoError(prefix + "larger than the " + megabytes(max_bytes) + " limit for a " +
                              what);
            bytes.resize(std::min(max_bytes + 1, std::max<std::size_t>(bytes.size() * 2, 4096)));
        }
        const ssize_t n = ::read(in.fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw IoError(prefix + std::generic_category().message(errno));
        }
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

} // namespace dcmap::io
