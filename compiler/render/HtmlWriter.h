// HtmlWriter.h — the practitioner document as one self-contained HTML file:
// styles inline, each flowchart as inline SVG, no scripts and no requests
// to anywhere (a Content-Security-Policy says so to the browser too);
// headings, table headers and named drawings for assistive technology; a
// print style sheet.
#pragma once

#include "render/Document.h"

#include <string>
#include <vector>

namespace escalade::render {

/// `svgs[i]` is the drawing of `doc.procedures[i]`, as from renderSvg.
std::string writeHtml(const Document &doc,
                      const std::vector<std::string> &svgs);

} // namespace escalade::render
