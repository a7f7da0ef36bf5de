// MermaidWriter.h — a flowchart as a Mermaid `flowchart`, which code hosts
// draw where Markdown embeds it; the same Graph as the DOT writer draws.
#pragma once

#include "render/Graph.h"

#include <string>

namespace escalade::render {

std::string writeMermaid(const Graph &graph);

} // namespace escalade::render
