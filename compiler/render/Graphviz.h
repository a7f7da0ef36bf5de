// Graphviz.h — drawing DOT as SVG with Graphviz's `dot` program, found on
// PATH. The SVG is what `escc graph --format=svg` writes and what the HTML
// document carries inline.
#pragma once

#include <optional>
#include <string>

namespace escalade::render {

/// Whether Graphviz's `dot` is on PATH; if not, `error` says so and how
/// to get it. Asked before any work, so that nothing is made in vain.
bool findDot(std::string &error);

/// The SVG `dot -Tsvg` draws from `dot`, or nothing with `error` saying
/// why (Graphviz missing, or `dot` failed or took too long).
std::optional<std::string> renderSvg(const std::string &dot,
                                     std::string &error);

/// The SVG element alone, fit to sit inside an HTML page: without the XML
/// prolog, doctype and comments, its ids prefixed with `idPrefix` (several
/// drawings on one page must not share ids), and named for assistive
/// technology by a <title> and <desc>.
std::string svgForHtml(const std::string &svg, const std::string &idPrefix,
                       const std::string &title, const std::string &desc);

} // namespace escalade::render
