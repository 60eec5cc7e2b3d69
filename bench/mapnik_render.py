#!/usr/bin/python3
"""The Mapnik side of bench/peers.sh: a 2400x1200 Robinson PNG of Natural Earth countries (the
same world-atlas 1:50m file dcmap embeds, read through Mapnik's OGR plugin) with one circle per
point of a CSV (lon,lat,name), AGG renderer; labels when asked.

    mapnik_render.py COUNTRIES_TOPOJSON POINTS.csv OUT.png [--labels]
"""
import sys

import mapnik

countries, csv_path, out = sys.argv[1:4]
labels = "--labels" in sys.argv[4:]
text = (
    '<TextSymbolizer face-name="DejaVu Sans Book" size="12" halo-radius="2" halo-fill="white" '
    'dx="8" placement="point">[name]</TextSymbolizer>'
    if labels
    else ""
)
xml = f"""<Map srs="+proj=robin +datum=WGS84 +units=m +no_defs" background-color="#dfe9f2">
  <Style name="land"><Rule>
    <PolygonSymbolizer fill="#f4f0e8"/>
    <LineSymbolizer stroke="#a9b4bf" stroke-width="0.6"/>
  </Rule></Style>
  <Style name="points"><Rule>
    <MarkersSymbolizer fill="#d55e00" width="10" height="10" allow-overlap="true"
                       ignore-placement="true"/>
    {text}
  </Rule></Style>
  <Layer name="countries" srs="+proj=longlat +datum=WGS84 +no_defs"><StyleName>land</StyleName>
    <Datasource><Parameter name="type">ogr</Parameter>
      <Parameter name="file">{countries}</Parameter><Parameter name="layer">countries</Parameter>
    </Datasource></Layer>
  <Layer name="points" srs="+proj=longlat +datum=WGS84 +no_defs"><StyleName>points</StyleName>
    <Datasource><Parameter name="type">csv</Parameter>
      <Parameter name="file">{csv_path}</Parameter></Datasource></Layer>
</Map>"""
m = mapnik.Map(2400, 1200)
mapnik.load_map_from_string(m, xml)
m.zoom_to_box(mapnik.Box2d(-17005833, -8625155, 17005833, 8625155))
mapnik.render_to_file(m, out, "png")
