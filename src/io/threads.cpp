#include "io/threads.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace dcmap::io::detail {
namespace {

// Helper threads kept for the process. A thread is started when work wants more helpers than
// there are; idle ones wait for work. They are joined when the process exits normally.
class Helpers {
public:
    ~Helpers() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        offered_.notify_all();
        for (auto& thread : threads_)
            thread.join();
    }

    void offer(SharedWork& shared) {
        std::lock_guard lock(mutex_);
        waiting_.push_back(&shared);
        const std::size_t wanted = waiting_helpers_wanted();
        // Threads that cannot be started leave their share to the others and the caller.
        try {
            while (idle_ < wanted && threads_.size() < max_threads) {
                threads_.emplace_back([this] { serve(); });
                ++idle_;
            }
        } catch (...) {
        }
        offered_.notify_all();
    }

    void withdraw(SharedWork& shared) {
        std::unique_lock lock(mutex_);
        waiting_.erase(std::remove(waiting_.begin(), waiting_.end(), &shared), waiting_.end());
        finished_.wait(lock, [&] { return shared.helpers_running == 0; });
    }

private:
    // A bound on threads however many helpers work asks for (nested calls, `-j 64`).
    static constexpr std::size_t max_threads = 64;

    std::size_t waiting_helpers_wanted() const {
        std::size_t wanted = 0;
        for (const SharedWork* w : waiting_)
            wanted += w->helpers_wanted - w->helpers_joined;
        return wanted;
    }

    void serve() {
        std::unique_lock lock(mutex_);
        for (;;) {
            SharedWork* shared = nullptr;
            offered_.wait(lock, [&] {
                if (stopping_)
                    return true;
                for (SharedWork* w : waiting_)
                    if (w->helpers_joined < w->helpers_wanted) {
                        shared = w;
                        return true;
                    }
                return false;
            });
            if (!shared)
                return; // stopping
            ++shared->helpers_joined;
            ++shared->helpers_running;
            if (shared->helpers_joined == shared->helpers_wanted)
                waiting_.erase(std::remove(waiting_.begin(), waiting_.end(), shared),
                               waiting_.end());
            --idle_;
            lock.unlock();
            shared->work(shared->state);
            lock.lock();
            ++idle_;
            --shared->helpers_running;
            finished_.notify_all();
        }
    }

    std::mutex mutex_;
    std::condition_variable offered_;  ///< work was offered, or the process is ending
    std::condition_variable finished_; ///< a helper finished its share of some work
    std::deque<SharedWork*> waiting_;  ///< work that wants more helpers than have joined
    std::vector<std::thread> threads_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

Helpers& helpers() {
    static Helpers instance;
    return instance;
}

} // namespace

void offer(SharedWork& shared) { helpers().offer(shared); }

void withdraw(SharedWork& shared) { helpers().withdraw(shared); }

} // namespace dcmap::io::detail
