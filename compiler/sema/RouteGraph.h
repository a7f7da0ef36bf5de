// RouteGraph.h — the stages of a procedure as a graph: an edge for every
// route from one stage to another. When stages may be skipped, a "lane" of
// pass-through nodes runs beside the stages — from a stage into the lane
// after it, along the lane, and from the lane into any later stage — so
// "any stage may be followed by any later one" costs O(n) edges, not O(n²).
//
// The searches every check needs live here too, all linear in the size of
// the graph and free of recursion (a procedure may have 10,000 stages).
#pragma once

#include "sema/ProcedureModel.h"

#include <cstdint>
#include <span>
#include <vector>

namespace escalade::sema {

enum class EdgeKind : uint8_t {
  Route,     ///< A route written in the procedure.
  SkipFrom,  ///< A stage into the lane after it: skipping ahead.
  SkipAlong, ///< One lane node to the next.
  SkipInto,  ///< A lane node into its stage: where a skip lands.
  Wait,      ///< Timing only, never in a RouteGraph: see TimingAnalysis.
};

struct Edge {
  uint32_t from;
  uint32_t to;
  EdgeKind kind;
  const Route *route = nullptr; ///< For EdgeKind::Route.
};

class RouteGraph {
public:
  explicit RouteGraph(const ProcedureModel &model);

  const ProcedureModel &model() const { return *Model; }
  uint32_t nodeCount() const { return static_cast<uint32_t>(First.size() - 1); }
  uint32_t stageCount() const { return Stages; }
  bool isStage(uint32_t node) const { return node < Stages; }
  /// The lane node where a skip from before stage `stage` arrives.
  uint32_t lane(uint32_t stage) const { return Stages + stage; }

  std::span<const Edge> successors(uint32_t node) const {
    return {Edges.data() + First[node], Edges.data() + First[node + 1]};
  }
  std::span<const uint32_t> predecessors(uint32_t node) const {
    return {Preds.data() + PredFirst[node], Preds.data() + PredFirst[node + 1]};
  }
  const Edge &edge(uint32_t index) const { return Edges[index]; }
  uint32_t edgeCount() const { return static_cast<uint32_t>(Edges.size()); }
  uint32_t edgeIndex(const Edge &e) const {
    return static_cast<uint32_t>(&e - Edges.data());
  }

  /// Where escalations begin: the start stage; with skipping, the first
  /// lane node (straight to any stage); and stages other procedures route
  /// into.
  const std::vector<uint32_t> &entries() const { return Entries; }

  /// Nodes reachable from `from`, never passing through `blocked`.
  std::vector<bool> reachable(std::span<const uint32_t> from,
                              int64_t blocked = -1) const;
  /// Nodes from which some node in `to` can be reached.
  std::vector<bool> canReach(const std::vector<bool> &to) const;
  /// The edges of a shortest path from `from` to `to` avoiding `blocked`, as
  /// edge indices in order; empty if there is none.
  std::vector<uint32_t> pathTo(std::span<const uint32_t> from, uint32_t to,
                               int64_t blocked = -1) const;

  /// Strongly connected components: component id of every node, ids in
  /// reverse topological order (a component's successors have smaller ids).
  struct Components {
    std::vector<uint32_t> of;
    uint32_t count = 0;
    std::vector<bool> cyclic; ///< Per component: it contains a loop.
  };
  Components components() const;

private:
  const ProcedureModel *Model;
  uint32_t Stages;
  std::vector<Edge> Edges;     ///< Grouped by `from`.
  std::vector<uint32_t> First; ///< Edges of node n: [First[n], First[n+1]).
  std::vector<uint32_t> Preds; ///< Edge indices grouped by `to`.
  std::vector<uint32_t> PredFirst;
  std::vector<uint32_t> Entries;
};

} // namespace escalade::sema
