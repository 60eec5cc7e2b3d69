#include "app/underlays.hpp"

#include "io/threads.hpp"

#include <algorithm>
#include <chrono>

namespace dcmap::app {
namespace {

// A band search tries a few pages (10,000 sites at 2400x1200: two); each underlay is ~10 MB.
constexpr std::size_t kMostPages = 4;

// How long the layout must have been on a page before its underlay is painted ahead. A part
// takes 50-70 ms at 2400 px, and one begun for a page the layout then left holds its core
// that long: regions/aws-azure-gcp.yaml left its first page after 18 ms, and the render was
// 20% slower than with nothing painted ahead. Layouts worth painting beside run 0.1-0.3 s.
constexpr std::chrono::milliseconds kSettled{30};

} // namespace

UnderlayBoard::UnderlayBoard(const ProjectedBasemap& basemap, const Style& style)
    : basemap_(basemap), style_(style) {}

UnderlayBoard::Job* UnderlayBoard::job_for(const MapLayout& page) {
    for (const auto& job : jobs_)
        if (render::same_underlay(job->page, page))
            return job.get();
    return nullptr;
}

void UnderlayBoard::layout_begins() {
    const std::lock_guard lock(mutex_);
    layout_running_ = true;
}

void UnderlayBoard::offer(const MapLayout& page) {
    if (!render::takes_underlay(page))
        return;
    const std::lock_guard lock(mutex_);
    if (!layout_running_ || layout_ended_)
        return;
    Job* job = job_for(page);
    if (!job && jobs_.size() < kMostPages) {
        jobs_.push_back(std::make_unique<Job>());
        job = jobs_.back().get();
        job->page = page;
    }
    if (job && job != latest_) {
        latest_ = job;
        latest_since_ = std::chrono::steady_clock::now();
        changed_.notify_all();
    }
}

void UnderlayBoard::layout_ends(const MapLayout* final) {
    std::unique_lock lock(mutex_);
    layout_ended_ = true;
    if (final && render::takes_underlay(*final)) {
        final_ = job_for(*final);
        if (!final_) {
            jobs_.push_back(std::make_unique<Job>());
            final_ = jobs_.back().get();
            final_->page = *final;
        }
    }
    changed_.notify_all();
    for (const auto& job : jobs_)
        release_if_unused(job.get());
    // Help only a thread that is painting: alone, this one would paint the parts one after the
    // other, where final_underlay paints what is left on every core.
    std::size_t part = 0;
    while (base_map_painting_ && take_part(final_, part))
        paint(final_, part, lock);
}

void UnderlayBoard::base_map_built() {
    std::unique_lock lock(mutex_);
    base_map_ready_ = true;
    // A layout that has ended (or not begun: it runs after this task, on this thread) leaves
    // the final page to final_underlay, which paints its parts on every core at once.
    if (layout_ended_ || !layout_running_)
        return;
    base_map_painting_ = true;
    std::size_t part = 0;
    while (true) {
        // The latest page first: an earlier one is kept only if the band search returns to it.
        Job* job = layout_ended_ ? final_ : latest_;
        if (!layout_ended_ && job) {
            const auto settled = latest_since_ + kSettled;
            if (std::chrono::steady_clock::now() < settled) {
                changed_.wait_until(lock, settled);
                continue;
            }
        }
        if (take_part(job, part)) {
            paint(job, part, lock);
            continue;
        }
        if (layout_ended_)
            break;
        changed_.wait(lock);
    }
    base_map_painting_ = false;
}

bool UnderlayBoard::take_part(Job* job, std::size_t& part) {
    if (!job || !base_map_ready_)
        return false;
    if (!job->planned) {
        job->underlay = render::plan_underlay(job->page, basemap_);
        job->planned = true;
    }
    if (job->next_part >= job->underlay.part_starts.size())
        return false;
    part = job->next_part++;
    return true;
}

void UnderlayBoard::paint(Job* job, std::size_t part, std::unique_lock<std::mutex>& lock) {
    ++job->painting;
    lock.unlock();
    try {
        render::paint_underlay_part(job->underlay, part, basemap_, style_);
    } catch (...) {
        lock.lock();
        --job->painting;
        job->failed = true;
        base_map_painting_ = false;
        throw;
    }
    lock.lock();
    --job->painting;
    release_if_unused(job);
}

void UnderlayBoard::release_if_unused(Job* job) {
    // Once the layout has ended, no part of another page is taken again.
    if (layout_ended_ && job != final_ && job->painting == 0)
        job->underlay.pixels = {};
}

render::Underlay* UnderlayBoard::final_underlay() {
    std::unique_lock lock(mutex_);
    if (!final_ || !base_map_ready_ || final_->failed)
        return nullptr;
    std::vector<std::size_t> left;
    std::size_t part = 0;
    while (take_part(final_, part))
        left.push_back(part);
    lock.unlock();
    io::run_tasks(left.size(), io::cores(left.size()), [&](std::size_t k) {
        render::paint_underlay_part(final_->underlay, left[k], basemap_, style_);
    });
    return &final_->underlay;
}

} // namespace dcmap::app
