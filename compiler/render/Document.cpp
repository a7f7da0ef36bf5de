// Document.cpp — gathering what a practitioner reads from the procedure.
#include "render/Document.h"

#include "render/Escape.h"
#include "render/Wording.h"
#include "sema/ProcedureModel.h"

#include <fmt/format.h>

#include <algorithm>

namespace escalade::render {

std::string dateText(const ast::Date &d) {
  static const char *const months[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const char *month = d.month >= 1 && d.month <= 12 ? months[d.month - 1] : "?";
  if (d.day == 0)
    return fmt::format("{} {}", month, d.year);
  return fmt::format("{} {} {}", d.day, month, d.year);
}

std::string stageWordOf(const ast::Procedure &p) {
  bool steps = !p.stages.empty();
  for (const ast::Stage &s : p.stages)
    steps &= s.isStep;
  return steps ? "step" : "stage";
}

namespace {

const char *audienceText(ast::Audience a) {
  switch (a) {
  case ast::Audience::Children:
    return "Children";
  case ast::Audience::Adults:
    return "Adults at risk";
  case ast::Audience::ChildrenAndAdults:
    return "Children and adults at risk";
  }
  return "";
}

const char *detailKind(ast::ContactDetail::Kind k) {
  switch (k) {
  case ast::ContactDetail::Kind::Email:
    return "Email";
  case ast::ContactDetail::Kind::Phone:
    return "Phone";
  case ast::ContactDetail::Kind::Web:
    return "Web";
  }
  return "";
}

/// Our own sentence ("Keep a record") continued mid-sentence.
std::string continued(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z')
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

/// "If unresolved: Stage 2", "If unresolved and ...: Stage 3".
std::string routeText(const Wording &words, const sema::Route &r) {
  const ast::Transition &t = *r.transition;
  std::string out = std::string("If ") + ast::triggerName(t.trigger);
  if (t.guard)
    out += (t.guard->negated ? " unless " : " and ") +
           words.expression(t.guard->expr);
  return out + ": " + words.target(r);
}

DocStage buildStage(const sema::ProcedureModel &model, const Wording &words,
                    size_t index, const std::string &stageWord) {
  const sema::StageInfo &info = model[index];
  const ast::StageBody &body = info.stage->body;
  DocStage s;
  s.anchor = "stage-" + info.name();
  s.title = words.stageTitle(static_cast<int32_t>(index));
  for (const ast::Owner &o : body.owners)
    s.who.push_back(sentenceCase(words.owner(o)));
  for (const ast::Involves &i : body.involves)
    s.who.push_back("With " + words.roles(i.roles));
  for (const ast::Authority &a : body.authorities)
    s.who.push_back(words.authority(a));
  for (const ast::Requirement &r : body.requirements)
    s.what.push_back(words.requirement(r) + ".");
  for (const ast::Action &a : body.actions)
    s.what.push_back(
        collapseSpaces(a.text.value) +
        (a.within ? " (within " + Wording::duration(*a.within) + ")" : ""));
  for (const ast::TextLine &g : body.guidance)
    s.what.push_back(collapseSpaces(g.text.value));
  if (info.begin)
    s.within.push_back("Begin within " + words.begin(info));
  if (info.respond)
    s.within.push_back(info.begin ? "Finish within " + words.respond(info)
                                  : sentenceCase(words.respond(info)));
  else
    s.within.push_back(info.begin ? "No time given for finishing"
                                  : "No timescale given");
  for (const ast::Inform &i : body.informs)
    s.inform.push_back(sentenceCase(words.inform(i)));
  for (const ast::Copy &c : body.copies)
    s.inform.push_back(sentenceCase(words.copy(c)));
  for (const ast::KeepRecord &r : body.records)
    s.records.push_back(words.record(r));
  for (const ast::FormUse &f : body.forms)
    s.records.push_back(words.form(f));
  for (const sema::Route &r : info.routes)
    if (!r.fromEveryStage)
      s.next.push_back(routeText(words, r));
  if (info.final)
    s.next.push_back("Final " + stageWord);
  return s;
}

std::vector<DocRouteGroup> buildRoutesOut(const sema::ProcedureModel &model,
                                          const Wording &words,
                                          const std::string &stageWord) {
  DocRouteGroup resolved{"When the disagreement is resolved", {}};
  DocRouteGroup urgent{"When a child or adult is at immediate risk", {}};
  DocRouteGroup handed{"Handed to another process or procedure", {}};
  DocRouteGroup ended{"Other endings", {}};
  std::vector<const ast::Transition *> seen;
  for (size_t i = 0; i < model.size(); ++i)
    for (const sema::Route &r : model[i].routes) {
      if (std::find(seen.begin(), seen.end(), r.transition) != seen.end())
        continue;
      bool exits = r.exits();
      if (!exits && r.trigger() != ast::Trigger::Urgent)
        continue;
      seen.push_back(r.transition);
      std::string from =
          r.fromEveryStage
              ? "At any " + stageWord
              : "From " + words.stageTitle(static_cast<int32_t>(i));
      std::string item = from + ", " + words.routeLabel(*r.transition) + ": " +
                         words.target(r);
      if (r.trigger() == ast::Trigger::Urgent)
        urgent.items.push_back(item);
      else if (r.trigger() == ast::Trigger::Resolved)
        resolved.items.push_back(item);
      else if (r.kind == sema::TargetKind::Outcome)
        ended.items.push_back(item);
      else
        handed.items.push_back(item);
    }
  if (urgent.items.empty())
    urgent.items.push_back("The procedure names no urgent route.");
  std::vector<DocRouteGroup> groups;
  for (DocRouteGroup *g : {&resolved, &urgent, &handed, &ended})
    if (!g->items.empty())
      groups.push_back(std::move(*g));
  return groups;
}

DocProcedure buildProcedure(const ast::File &file, const ast::Procedure &p) {
  sema::ProcedureModel model(file, p);
  Wording words(model);
  DocProcedure d;
  d.name = p.name.text;
  d.stageWord = stageWordOf(p);
  const std::string &W = d.stageWord;
  d.title = p.title.value.empty() ? p.name.text : p.title.value;
  if (p.partnership)
    d.facts.push_back({"Partnership", p.partnership->text.value});
  if (p.covers)
    d.facts.push_back({"Covers", audienceText(p.covers->audience)});
  if (p.version)
    d.facts.push_back({"Version", p.version->text.value});
  if (p.ratified)
    d.facts.push_back({"Ratified", dateText(p.ratified->date)});
  if (p.reviewed)
    d.facts.push_back({"Last reviewed", dateText(p.reviewed->date)});
  if (p.reviewDue)
    d.facts.push_back({"Review due", dateText(p.reviewDue->date)});

  for (const ast::TextLine &t : p.purposes)
    for (ProseBlock &b : parseProse(t.text.value))
      d.purpose.push_back(std::move(b));
  for (const ast::TextLine &t : p.principles)
    d.principles.push_back(collapseSpaces(t.text.value));
  for (const ast::Section &s : p.sections)
    d.sections.push_back(
        {collapseSpaces(s.heading.value), parseProse(s.body.value)});

  if (model.start() >= 0)
    d.overview.push_back("An escalation starts at " +
                         words.stageTitle(model.start()) + ".");
  if (model.skippable())
    d.overview.push_back(sentenceCase(W) + "s may be skipped.");
  if (p.overall)
    d.overview.push_back("The whole process should take no longer than " +
                         words.timescale(*p.overall) + ".");
  if (p.everyStage) {
    const ast::StageBody &every = p.everyStage->body;
    std::string every_ = "At every " + W + ", ";
    if (every.respond)
      d.overview.push_back("Timescale of each " + W +
                           ", unless it gives its "
                           "own: " +
                           words.timescale(*every.respond) + ".");
    for (const ast::Owner &o : every.owners)
      d.overview.push_back(every_ + "the lead: " + words.owner(o) + ".");
    for (const ast::Action &a : every.actions)
      d.overview.push_back(
          every_ + collapseSpaces(a.text.value) +
          (a.within ? " (within " + Wording::duration(*a.within) + ")" : ""));
    for (const ast::Inform &i : every.informs)
      d.overview.push_back(every_ + "inform: " + words.inform(i) + ".");
    for (const ast::Copy &c : every.copies)
      d.overview.push_back(every_ + "send " + words.copy(c) + ".");
    for (const ast::KeepRecord &r : every.records)
      d.overview.push_back(every_ + continued(words.record(r)));
    for (const ast::FormUse &f : every.forms)
      d.overview.push_back(every_ + continued(words.form(f)));
    for (const ast::TextLine &g : every.guidance)
      d.overview.push_back(collapseSpaces(g.text.value));
    // Routes at any stage that neither end the escalation nor are urgent
    // (those are under "Routes out"): `when overdue -> three`.
    for (const sema::Route &r : model.everyStageRoutes())
      if (!r.exits() && r.trigger() != ast::Trigger::Urgent)
        d.overview.push_back("At any " + W + ", " +
                             continued(routeText(words, r)));
  }
  for (size_t i = 0; i < model.size(); ++i)
    d.stages.push_back(buildStage(model, words, i, W));
  d.routesOut = buildRoutesOut(model, words, W);
  d.graph = buildGraph(model);

  for (const ast::Declaration &decl : p.declarations) {
    if (decl.kind != ast::DeclKind::Contact)
      continue;
    DocContact c;
    c.title = decl.title.value.empty() ? decl.name.text : decl.title.value;
    for (const ast::ContactDetail &detail : decl.details)
      c.details.push_back({detailKind(detail.kind), detail.value.value});
    d.contacts.push_back(std::move(c));
  }
  for (const ast::HistoryEntry &h : p.history)
    d.history.push_back({h.version.value, dateText(h.date),
                         h.author ? h.author->value : "",
                         h.changes ? collapseSpaces(h.changes->value) : ""});
  return d;
}

} // namespace

Document buildDocument(const ast::File &file, const std::string &sourceName,
                       const std::vector<const ast::Procedure *> &procedures) {
  Document doc;
  doc.sourceName = sourceName;
  if (procedures.empty())
    for (const ast::Procedure &p : file.procedures)
      doc.procedures.push_back(buildProcedure(file, p));
  else
    for (const ast::Procedure *p : procedures)
      doc.procedures.push_back(buildProcedure(file, *p));
  return doc;
}

} // namespace escalade::render
