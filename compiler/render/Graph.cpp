// Graph.cpp — building the flowchart of one procedure.
#include "render/Graph.h"

#include "render/Document.h"
#include "render/Wording.h"

#include <algorithm>
#include <map>
#include <set>

namespace escalade::render {

namespace {

class GraphBuilder {
public:
  explicit GraphBuilder(const sema::ProcedureModel &model)
      : Model(model), Words(model, /*brief=*/true) {}

  Graph build();

private:
  /// The node for `key` ("outcome:done", "procedure:other.two"), added
  /// the first time. Its id is the key in [a-z0-9_] ("outcome_done",
  /// "procedure_other__two"), made unique with a number if two keys give
  /// the same id (`a.b__c` and `a__b.c`).
  size_t addNode(const std::string &key, GraphNode node) {
    auto found = Index.find(key);
    if (found != Index.end())
      return found->second;
    std::string base;
    for (char c : key)
      base += c == ':' ? "_" : c == '.' ? "__" : std::string(1, c);
    std::string id = base;
    for (int n = 2; UsedIds.count(id); ++n)
      id = base + "_" + std::to_string(n);
    node.id = id;
    UsedIds.insert(id);
    Index.emplace(key, G.nodes.size());
    G.nodes.push_back(std::move(node));
    return G.nodes.size() - 1;
  }
  void addStageDetails(GraphNode &node, const ast::StageBody &body,
                       const sema::StageInfo *info);
  size_t targetNode(const sema::Route &route);
  void addRoute(size_t from, const sema::Route &route);

  const sema::ProcedureModel &Model;
  Wording Words;
  Graph G;
  std::map<std::string, size_t> Index;
  std::set<std::string> UsedIds;
  std::vector<size_t> StageNodes;
};

void GraphBuilder::addStageDetails(GraphNode &node, const ast::StageBody &body,
                                   const sema::StageInfo *info) {
  for (const ast::Owner &o : body.owners)
    node.details.push_back({"Lead", Words.owner(o)});
  for (const ast::Requirement &r : body.requirements)
    node.details.push_back({"", Words.requirement(r)});
  if (info) {
    // The effective timescales, wherever they were written.
    if (info->begin)
      node.details.push_back({"Begin within", Words.begin(*info)});
    if (info->respond)
      node.details.push_back({"Within", Words.respond(*info)});
    else if (!info->final)
      node.details.push_back({"Within", "no timescale given"});
  } else if (body.respond) {
    node.details.push_back({"Within", Words.timescale(*body.respond) +
                                          " unless a stage says otherwise"});
  }
  for (const ast::Inform &i : body.informs)
    node.details.push_back({"Inform", Words.inform(i)});
  for (const ast::Copy &c : body.copies)
    node.details.push_back({"Copy to", Words.recipients(c.recipients)});
  for (const ast::Authority &a : body.authorities)
    node.details.push_back(
        {a.kind == ast::Authority::Kind::Decision ? "Decision" : "Override",
         Words.roles(a.roles)});
}

size_t GraphBuilder::targetNode(const sema::Route &route) {
  const ast::Target &t = route.transition->target;
  GraphNode node;
  node.heading = Words.target(route);
  std::string key;
  switch (route.kind) {
  case sema::TargetKind::Stage:
    return StageNodes[route.stage];
  case sema::TargetKind::Outcome:
    node.kind = GraphNode::Kind::Outcome;
    key = "outcome:" + t.name.text;
    break;
  case sema::TargetKind::Process:
    node.kind = GraphNode::Kind::Process;
    key = "process:" + t.name.text;
    node.details.push_back({"", "another process"});
    break;
  case sema::TargetKind::Procedure:
    node.kind = GraphNode::Kind::Procedure;
    key = "procedure:" + t.name.text;
    node.details.push_back({"", "another procedure"});
    break;
  case sema::TargetKind::OtherStage:
    node.kind = GraphNode::Kind::Procedure;
    key = "procedure:" + t.procedure->text + "." + t.name.text;
    node.details.push_back({"", "another procedure"});
    break;
  case sema::TargetKind::Unresolved:
    node.kind = GraphNode::Kind::Unknown;
    key = "unknown:" + t.name.text;
    node.heading = t.name.text + " (not declared)";
    break;
  }
  return addNode(key, std::move(node));
}

void GraphBuilder::addRoute(size_t from, const sema::Route &route) {
  size_t to = targetNode(route);
  G.edges.push_back(
      {from, to, route.trigger(), Words.routeLabel(*route.transition)});
}

Graph GraphBuilder::build() {
  const ast::Procedure &p = Model.procedure();
  G.name = p.name.text;
  G.title = p.title.value.empty() ? p.name.text : p.title.value;

  GraphNode start;
  start.kind = GraphNode::Kind::Start;
  start.heading = "Disagreement raised";
  if (p.overall)
    start.details.push_back(
        {"Whole process within", Words.timescale(*p.overall)});
  if (Model.skippable())
    start.details.push_back({"", "stages may be skipped"});
  size_t startNode = addNode("start", std::move(start));

  for (size_t i = 0; i < Model.size(); ++i) {
    const sema::StageInfo &info = Model[i];
    GraphNode node;
    node.kind = GraphNode::Kind::Stage;
    node.heading = Words.stageTitle(static_cast<int32_t>(i));
    node.final = info.final;
    addStageDetails(node, info.stage->body, &info);
    StageNodes.push_back(addNode("stage:" + info.name(), std::move(node)));
  }
  if (Model.start() >= 0)
    G.edges.push_back({startNode, StageNodes[Model.start()], std::nullopt, ""});

  // Other procedures of the file that hand cases in.
  for (const ast::Procedure &other : Model.file().procedures) {
    if (&other == &p)
      continue;
    sema::ProcedureModel otherModel(Model.file(), other);
    for (size_t i = 0; i < otherModel.size(); ++i)
      for (const sema::Route &r : otherModel[i].routes) {
        const ast::Target &t = r.transition->target;
        int32_t into = -1;
        if (r.kind == sema::TargetKind::OtherStage &&
            t.procedure->text == p.name.text) {
          if (std::optional<int32_t> s = Model.stageIndex(t.name.text))
            into = *s;
        } else if (r.kind == sema::TargetKind::Procedure &&
                   t.name.text == p.name.text) {
          into = Model.start();
        }
        if (into < 0)
          continue;
        GraphNode entry;
        entry.kind = GraphNode::Kind::Entry;
        entry.heading =
            other.title.value.empty() ? other.name.text : other.title.value;
        entry.details.push_back({"", "hands cases in"});
        size_t from = addNode("from:" + other.name.text, std::move(entry));
        bool seen = false;
        for (const GraphEdge &e : G.edges)
          seen |= e.from == from && e.to == StageNodes[into];
        if (!seen)
          G.edges.push_back({from, StageNodes[into], std::nullopt, ""});
      }
  }

  for (size_t i = 0; i < Model.size(); ++i)
    for (const sema::Route &r : Model[i].routes)
      if (!r.fromEveryStage)
        addRoute(StageNodes[i], r);

  // Clauses under `every stage` are drawn once, from their own node, rather
  // than once per stage: a thirty-stage procedure stays legible.
  if (p.everyStage) {
    GraphNode any;
    any.kind = GraphNode::Kind::AnyStage;
    any.heading = "At any " + stageWordOf(p);
    addStageDetails(any, p.everyStage->body, nullptr);
    size_t anyNode = addNode("any:stage", std::move(any));
    for (const sema::Route &r : Model.everyStageRoutes())
      addRoute(anyNode, r);
  }

  // A node reached by urgent routes alone is the urgent bypass.
  for (size_t n = 0; n < G.nodes.size(); ++n) {
    bool urgent = false, other = false;
    for (const GraphEdge &e : G.edges)
      if (e.to == n) {
        bool isUrgent = e.trigger == ast::Trigger::Urgent;
        urgent |= isUrgent;
        other |= !isUrgent;
      }
    G.nodes[n].urgentOnly = urgent && !other;
  }
  return G;
}

} // namespace

Graph buildGraph(const sema::ProcedureModel &model) {
  return GraphBuilder(model).build();
}

} // namespace escalade::render
