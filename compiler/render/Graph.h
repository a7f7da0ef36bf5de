// Graph.h — a procedure as a flowchart, before any drawing syntax: the
// nodes (where an escalation starts, each stage, the clauses that apply at
// any stage, and where it can end or be handed on) and the routes between
// them. The DOT and Mermaid writers draw the same Graph.
#pragma once

#include "ast/AST.h"
#include "sema/ProcedureModel.h"

#include <string>
#include <vector>

namespace escalade::render {

/// One line of detail in a node: "Lead: Service Manager".
struct GraphDetail {
  std::string label; ///< "Lead", "Within", "Inform".
  std::string text;
};

struct GraphNode {
  enum class Kind {
    Start,     ///< Where an escalation begins.
    Entry,     ///< Another procedure of the file that hands cases in here.
    Stage,     ///< A stage (or step).
    AnyStage,  ///< The clauses and routes written under `every stage`.
    Outcome,   ///< An outcome: the escalation ends.
    Process,   ///< Another process: handed over.
    Procedure, ///< Another procedure, or a stage of one: handed over.
    Unknown,   ///< A route to a name that resolves to nothing.
  };
  Kind kind = Kind::Stage;
  /// Unique within the graph, made of [a-z0-9_] only.
  std::string id;
  std::string heading;
  std::vector<GraphDetail> details;
  bool final = false;
  /// Reached only by urgent routes: the urgent bypass.
  bool urgentOnly = false;
};

struct GraphEdge {
  size_t from = 0, to = 0;
  /// No trigger: the start of the escalation, or a hand-in from elsewhere.
  std::optional<ast::Trigger> trigger;
  std::string label;
};

struct Graph {
  std::string name;  ///< The procedure's name.
  std::string title; ///< Its title.
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

Graph buildGraph(const sema::ProcedureModel &model);

/// Where the writers break lines (characters), the same in every format so
/// that DOT and Mermaid boxes read alike.
constexpr size_t HeadingWidth = 34;
constexpr size_t DetailWidth = 42;
constexpr size_t EdgeLabelWidth = 30;

} // namespace escalade::render
