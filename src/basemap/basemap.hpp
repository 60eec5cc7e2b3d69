#pragma once
// Embedded Natural Earth -> projected polygons. The only stage that includes GDAL/OGR.
#include "model/basemap.hpp"
#include "project/projection.hpp"

namespace dcmap::basemap {

enum class Detail { low, medium }; ///< Natural Earth 1:110m, 1:50m

/// Reads the embedded countries and land, cuts every polygon at the projection's antimeridian
/// (and the far hemisphere for orthographic), projects it, and adds a graticule every
/// `graticule_step` degrees and the projection outline. Throws IoError when the data cannot
/// be read.
ProjectedBasemap build_basemap(const project::Projector& projector, Detail detail,
                               double graticule_step);

/// An extra layer (lon/lat degrees) projected like the base map: lines densified and cut at the
/// projection's seam, polygons cut there too, points dropped where the projection cannot show
/// them.
ProjectedLayer project_layer(const GeoLayer& layer, const project::Projector& projector);

/// The projection's outline (the sphere's edge) alone, in projected units, as build_basemap
/// would set ProjectedBasemap::outline, without reading any data. Cheap: used to frame the view
/// before choosing the level of detail.
Ring projection_outline(const project::Projector& projector);

} // namespace dcmap::basemap
