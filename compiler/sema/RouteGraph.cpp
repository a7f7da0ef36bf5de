// RouteGraph.cpp — building the graph in compressed rows, and the searches
// over it: breadth-first reachability and Tarjan's components, both with
// explicit stacks.
#include "sema/RouteGraph.h"

#include <algorithm>
#include <deque>

namespace escalade::sema {

RouteGraph::RouteGraph(const ProcedureModel &model)
    : Model(&model), Stages(static_cast<uint32_t>(model.size())) {
  uint32_t nodes = model.skippable() ? 2 * Stages : Stages;
  std::vector<Edge> edges;
  for (uint32_t s = 0; s < Stages; ++s)
    for (const Route &r : model[s].routes)
      if (r.kind == TargetKind::Stage)
        edges.push_back(
            {s, static_cast<uint32_t>(r.stage), EdgeKind::Route, &r});
  if (model.skippable()) {
    for (uint32_t s = 0; s < Stages; ++s) {
      edges.push_back({lane(s), s, EdgeKind::SkipInto});
      if (s + 1 < Stages) {
        edges.push_back({s, lane(s + 1), EdgeKind::SkipFrom});
        edges.push_back({lane(s), lane(s + 1), EdgeKind::SkipAlong});
      }
    }
  }
  std::stable_sort(
      edges.begin(), edges.end(),
      [](const Edge &a, const Edge &b) { return a.from < b.from; });
  Edges = std::move(edges);
  First.assign(nodes + 1, 0);
  for (const Edge &e : Edges)
    ++First[e.from + 1];
  for (uint32_t n = 0; n < nodes; ++n)
    First[n + 1] += First[n];
  PredFirst.assign(nodes + 1, 0);
  for (const Edge &e : Edges)
    ++PredFirst[e.to + 1];
  for (uint32_t n = 0; n < nodes; ++n)
    PredFirst[n + 1] += PredFirst[n];
  Preds.resize(Edges.size());
  std::vector<uint32_t> fill(PredFirst.begin(), PredFirst.end() - 1);
  for (uint32_t i = 0; i < Edges.size(); ++i)
    Preds[fill[Edges[i].to]++] = i;

  if (model.start() >= 0)
    Entries.push_back(static_cast<uint32_t>(model.start()));
  if (model.skippable() && Stages > 0)
    Entries.push_back(lane(0));
  for (int32_t s : model.enteredFromOutside())
    Entries.push_back(static_cast<uint32_t>(s));
  // Each entry once: a stage several procedures route into is still one
  // way in.
  std::sort(Entries.begin(), Entries.end());
  Entries.erase(std::unique(Entries.begin(), Entries.end()), Entries.end());
}

std::vector<bool> RouteGraph::reachable(std::span<const uint32_t> from,
                                        int64_t blocked) const {
  std::vector<bool> seen(nodeCount(), false);
  std::deque<uint32_t> queue;
  for (uint32_t n : from)
    if (static_cast<int64_t>(n) != blocked && !seen[n]) {
      seen[n] = true;
      queue.push_back(n);
    }
  while (!queue.empty()) {
    uint32_t n = queue.front();
    queue.pop_front();
    for (const Edge &e : successors(n))
      if (!seen[e.to] && static_cast<int64_t>(e.to) != blocked) {
        seen[e.to] = true;
        queue.push_back(e.to);
      }
  }
  return seen;
}

std::vector<bool> RouteGraph::canReach(const std::vector<bool> &to) const {
  std::vector<bool> seen(to);
  std::deque<uint32_t> queue;
  for (uint32_t n = 0; n < nodeCount(); ++n)
    if (seen[n])
      queue.push_back(n);
  while (!queue.empty()) {
    uint32_t n = queue.front();
    queue.pop_front();
    for (uint32_t i : predecessors(n)) {
      uint32_t p = Edges[i].from;
      if (!seen[p]) {
        seen[p] = true;
        queue.push_back(p);
      }
    }
  }
  return seen;
}

std::vector<uint32_t> RouteGraph::pathTo(std::span<const uint32_t> from,
                                         uint32_t to, int64_t blocked) const {
  constexpr uint32_t None = UINT32_MAX;
  std::vector<uint32_t> via(nodeCount(), None); // edge index that reached it
  std::vector<bool> seen(nodeCount(), false);
  std::deque<uint32_t> queue;
  for (uint32_t n : from)
    if (static_cast<int64_t>(n) != blocked && !seen[n]) {
      seen[n] = true;
      queue.push_back(n);
    }
  while (!queue.empty() && !seen[to]) {
    uint32_t n = queue.front();
    queue.pop_front();
    for (const Edge &e : successors(n))
      if (!seen[e.to] && static_cast<int64_t>(e.to) != blocked) {
        seen[e.to] = true;
        via[e.to] = edgeIndex(e);
        queue.push_back(e.to);
      }
  }
  std::vector<uint32_t> path;
  if (!seen[to])
    return path;
  for (uint32_t n = to; via[n] != None; n = Edges[via[n]].from)
    path.push_back(via[n]);
  std::reverse(path.begin(), path.end());
  return path;
}

RouteGraph::Components RouteGraph::components() const {
  // Tarjan's algorithm with an explicit call stack.
  const uint32_t n = nodeCount();
  constexpr uint32_t Unvisited = UINT32_MAX;
  Components out;
  out.of.assign(n, Unvisited);
  std::vector<uint32_t> index(n, Unvisited), low(n, 0);
  std::vector<bool> onStack(n, false);
  std::vector<uint32_t> stack;
  struct Frame {
    uint32_t node;
    uint32_t next; ///< Next successor edge to look at.
  };
  std::vector<Frame> calls;
  uint32_t counter = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (index[root] != Unvisited)
      continue;
    calls.push_back({root, First[root]});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    onStack[root] = true;
    while (!calls.empty()) {
      Frame &f = calls.back();
      if (f.next < First[f.node + 1]) {
        uint32_t w = Edges[f.next++].to;
        if (index[w] == Unvisited) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          onStack[w] = true;
          calls.push_back({w, First[w]});
        } else if (onStack[w]) {
          low[f.node] = std::min(low[f.node], index[w]);
        }
        continue;
      }
      uint32_t v = f.node;
      calls.pop_back();
      if (!calls.empty())
        low[calls.back().node] = std::min(low[calls.back().node], low[v]);
      if (low[v] != index[v])
        continue;
      uint32_t id = out.count++;
      uint32_t size = 0;
      uint32_t w;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[w] = false;
        out.of[w] = id;
        ++size;
      } while (w != v);
      bool selfLoop = false;
      for (const Edge &e : successors(v))
        selfLoop |= e.to == v;
      out.cyclic.push_back(size > 1 || selfLoop);
    }
  }
  return out;
}

} // namespace escalade::sema
