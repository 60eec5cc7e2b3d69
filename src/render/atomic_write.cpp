#include "render/atomic_write.hpp"

#include "model/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace dcmap::render::detail {
namespace {

[[noreturn]] void fail(const std::string& path, int error) {
    throw IoError("cannot write " + path + ": " + std::strerror(error));
}

// Returns 0 on success, else the errno of the first failing call.
int write_all(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0) return errno;
    if (::fsync(fd) != 0) return errno;
    return 0;
}

} // namespace

void write_file_atomically(const std::string& path, const std::string& bytes) {
    std::string pattern = path + ".tmp-XXXXXX";
    std::vector<char> temp(pattern.begin(), pattern.end());
    temp.push_back('\0');
    int fd = ::mkstemp(temp.data());
    if (fd < 0) fail(path, errno);
    int error = write_all(fd, bytes);
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error == 0 && ::rename(temp.data(), path.c_str()) != 0) error = errno;
    if (error != 0) {
        ::unlink(temp.data());
        fail(path, error);
    }
}

} // namespace dcmap::render::detail
