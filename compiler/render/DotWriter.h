// DotWriter.h — a flowchart as Graphviz DOT, laid out top to bottom; the
// input of `dot -Tsvg` and of anyone's own Graphviz tooling.
#pragma once

#include "render/Graph.h"

#include <string>

namespace escalade::render {

std::string writeDot(const Graph &graph);

} // namespace escalade::render
