#pragma once
// A PNG's background and base map (render::Underlay) painted while the layout works. The layout
// runs on one core for most of a crowded map's time (0.1-0.3 s at 1,000-10,000 sites) and the
// other core is idle once the base map is built; the underlay of the page it works on, ~140 ms
// of painting at 2400x1200, fits in that window.
#include "model/basemap.hpp"
#include "model/layout.hpp"
#include "model/style.hpp"
#include "render/render.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace dcmap::app {

/// Pages the layout offers, painted by whichever of two threads is free: the base map's, once
/// the base map is built, and the layout's, once the layout has ended. Neither thread ever
/// waits for the other to start, so two tasks run one after the other on one thread still end.
/// The pixels do not depend on who painted what (render::Underlay's parts are fixed).
class UnderlayBoard {
public:
    /// `basemap` is read only after base_map_built(); `style` must outlive the board.
    UnderlayBoard(const ProjectedBasemap& basemap, const Style& style);

    /// The layout's thread: the layout begins. Pages offered before this are ignored.
    void layout_begins();
    /// The layout's thread: the layout is about to work on `page` (LayoutRequest::on_page).
    void offer(const MapLayout& page);
    /// The layout's thread: the layout has ended with `final`, or failed (null). Paints parts
    /// of the final page's underlay alongside the base map's thread while that one paints too.
    void layout_ends(const MapLayout* final);

    /// The base map's thread, once the base map is built: paints the parts of offered pages,
    /// the latest once the layout has kept it a while, then those of the final page. Returns at
    /// once when the layout has not begun or has ended already.
    void base_map_built();

    /// Once both threads are done: the final page's underlay, its parts not painted yet painted
    /// now on every core; null when the layout failed or its page takes no underlay.
    render::Underlay* final_underlay();

private:
    struct Job {
        MapLayout page;
        render::Underlay underlay;
        bool planned = false;
        std::size_t next_part = 0;
        bool failed = false; ///< a part threw: its pixels are not all painted
        int painting = 0;    ///< parts being painted now
    };

    /// Under the lock: the next part of `job` no thread has taken yet, planning it first.
    bool take_part(Job* job, std::size_t& part);
    /// Paints `part` of `job` without the lock held.
    void paint(Job* job, std::size_t part, std::unique_lock<std::mutex>& lock);
    Job* job_for(const MapLayout& page);
    /// Under the lock: frees the pixels of a page the layout did not end on, once nobody paints
    /// it (10,000 sites: ~11 MB).
    void release_if_unused(Job* job);

    const ProjectedBasemap& basemap_;
    const Style& style_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::unique_ptr<Job>> jobs_;
    Job* latest_ = nullptr;
    std::chrono::steady_clock::time_point latest_since_; ///< when latest_ was offered
    Job* final_ = nullptr;
    bool layout_running_ = false;
    bool layout_ended_ = false;
    bool base_map_ready_ = false;
    bool base_map_painting_ = false; ///< the base map's thread is in base_map_built
};

} // namespace dcmap::app
