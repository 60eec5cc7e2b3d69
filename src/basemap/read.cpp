#include "basemap/working_frame.hpp"

#include "model/error.hpp"

#include <string>
#include <vector>

namespace dcmap::basemap::detail {

bool fits_precut(const project::ProjectionSpec& spec) {
    // The frame (working_frame.hpp) of such a projection is the one the pieces were cut in.
    return !spec.orthographic && spec.center_lon == 0 && spec.max_abs_lat >= 90;
}

std::vector<CountryShape> read_countries(const PackedBasemap& data, const Projection& proj) {
    const bool precut = fits_precut(proj.projector.spec());
    std::vector<CountryShape> out;
    out.reserve(data.countries.size());
    for (std::size_t i = 0; i < data.countries.size(); ++i) {
        CountryShape country;
        country.name = data.countries[i].name;
        country.iso2 = data.countries[i].iso2;
        // The pre-cut pieces are what cut_polygon gave at build time; project them as a render
        // in this frame projects its pieces after cutting.
        if (precut)
            for (const LonLatPolygon& piece : data.countries_cut[i])
                project_piece(piece, proj, country.polygons);
        else
            for (const LonLatPolygon& p : data.countries[i].polygons)
                for (Polygon& piece : project_polygon(p, proj))
                    country.polygons.push_back(std::move(piece));
        out.push_back(std::move(country));
    }
    return out;
}

std::vector<Polygon> read_land(const PackedBasemap& data, const Projection& proj) {
    std::vector<Polygon> out;
    if (fits_precut(proj.projector.spec())) {
        for (const LonLatPolygon& piece : data.land_cut)
            project_piece(piece, proj, out);
        return out;
    }
    for (const LonLatPolygon& p : data.land)
        for (Polygon& piece : project_polygon(p, proj))
            out.push_back(std::move(piece));
    return out;
}

} // namespace dcmap::basemap::detail
