-- pandoc filter that turns docs/dcmap.md into a conventional man page (cmake/Install.cmake).
-- The markdown stays the one source: this only adds what man(7) expects and markdown does not
-- say. Run with --shift-heading-level-by=-1, so "# dcmap(1)" becomes the .TH title and every
-- "## Section" a .SH section.

local name, summary = "dcmap", "render YAML lists of cloud regions and data-center sites as world maps"

-- Section headings in capitals, as man pages write them (SYNOPSIS, EXIT STATUS).
function Header(el)
  if el.level ~= 1 then
    return nil
  end
  return pandoc.walk_block(el, {
    Str = function(s) return pandoc.Str(pandoc.text.upper(s.text)) end,
    Code = function(c) return pandoc.Str(pandoc.text.upper(c.text)) end,
  })
end

-- pandoc gives a man table fixed column widths, 70n times each column's share of the markdown
-- rule (|---|---|): half the line for a one-digit exit code, and wider than an 80-column
-- terminal with tbl's gaps, so groff warns. Without widths, tbl sizes the columns to the text.
function Table(tbl)
  for i, spec in ipairs(tbl.colspecs) do
    tbl.colspecs[i] = {spec[1], nil}
  end
  return tbl
end

-- The NAME section man(7), whatis and apropos read: "name \- one line".
function Pandoc(doc)
  table.insert(doc.blocks, 1, pandoc.Header(1, "NAME"))
  table.insert(doc.blocks, 2, pandoc.Plain({pandoc.Str(name), pandoc.Space(),
    pandoc.RawInline("man", "\\-"), pandoc.Space(), pandoc.Str(summary)}))
  return doc
end
