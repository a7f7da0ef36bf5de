// Wording.cpp — plain-English descriptions of a procedure's clauses.
#include "render/Wording.h"

#include "render/Escape.h"

#include <fmt/format.h>

#include <algorithm>

namespace escalade::render {

std::string lowerFirst(const std::string &text) {
  // Only words that start a clause, never a name ("Kent Police ...").
  static const char *const openers[] = {
      "The ",   "A ",       "An ",     "This ",   "That ",
      "These ", "Those ",   "There ",  "It ",     "Any ",
      "No ",    "Someone ", "Anyone ", "Either ", "Both "};
  for (const char *w : openers)
    if (text.rfind(w, 0) == 0) {
      std::string out = text;
      out[0] = static_cast<char>(out[0] - 'A' + 'a');
      return out;
    }
  return text;
}

std::string sentenceCase(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string joinWords(const std::vector<std::string> &parts, const char *last) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i)
      out += i + 1 == parts.size() ? last : ", ";
    out += parts[i];
  }
  return out;
}

std::string withoutLongAsides(const std::string &text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find(" (", i);
    size_t close = open == std::string::npos ? open : text.find(')', open);
    if (close == std::string::npos) {
      out += text.substr(i);
      break;
    }
    std::string_view aside(text.data() + open + 2, close - open - 2);
    size_t words = 1 + std::count(aside.begin(), aside.end(), ' ');
    bool nested = aside.find('(') != std::string_view::npos;
    out += text.substr(i, open - i);
    if (words <= 3 || nested)
      out += text.substr(open, close + 1 - open);
    i = close + 1;
  }
  return out;
}

std::string Wording::titleOf(const std::string &name) const {
  if (const ast::Declaration *d = Model.declaration(name))
    if (!d->title.value.empty())
      return Brief ? withoutLongAsides(d->title.value) : d->title.value;
  return name;
}

std::string Wording::stageTitle(int32_t stage) const {
  if (stage < 0 || static_cast<size_t>(stage) >= Model.size())
    return "?";
  const ast::Stage &s = *Model[stage].stage;
  return s.title.value.empty() ? s.name.text : s.title.value;
}

std::string Wording::procedureTitle(const std::string &name) const {
  for (const ast::Procedure &p : Model.file().procedures)
    if (p.name.text == name)
      return p.title.value.empty() ? name : p.title.value;
  return name;
}

static const char *connectiveWord(ast::Connective c) {
  return c == ast::Connective::AnyOf ? " or " : " and ";
}

std::string Wording::roles(const ast::RoleList &list) const {
  // "in the other agency" once after the list when every role is the
  // other agency's, else after each one that is.
  bool allEquivalent = !list.roles.empty();
  for (const ast::RoleRef &r : list.roles)
    allEquivalent &= r.equivalent;
  std::vector<std::string> parts;
  for (const ast::RoleRef &r : list.roles) {
    std::string part = titleOf(r.role.text);
    if (r.equivalent)
      part = "the equivalent " + part +
             (allEquivalent ? "" : " in the other agency");
    parts.push_back(std::move(part));
  }
  std::string out = joinWords(parts, connectiveWord(list.connective));
  if (allEquivalent)
    out += " in the other agency";
  return out;
}

std::string Wording::owner(const ast::Owner &o) const {
  std::string out = roles(o.roles);
  if (o.agency)
    out += " (" + titleOf(o.agency->text) + ")";
  if (o.condition)
    out += ", " + condition(*o.condition);
  return out;
}

std::string Wording::recipients(const ast::RecipientList &list) const {
  std::vector<std::string> parts;
  for (const ast::Recipient &r : list.recipients) {
    if (r.kind == ast::Recipient::Kind::AllParties)
      parts.push_back("all parties");
    else
      parts.push_back((r.equivalent ? "the equivalent " : "") +
                      titleOf(r.name.text));
  }
  return joinWords(parts, connectiveWord(list.connective));
}

std::string Wording::expression(const ast::Expr &e) const {
  switch (e.kind) {
  case ast::Expr::Kind::Fact:
    return lowerFirst(titleOf(e.fact.text));
  case ast::Expr::Kind::Not:
    return e.operands.empty() ? "?" : "not (" + expression(e.operands[0]) + ")";
  case ast::Expr::Kind::And:
  case ast::Expr::Kind::Or: {
    std::vector<std::string> parts;
    for (const ast::Expr &op : e.operands) {
      bool inner =
          op.kind == ast::Expr::Kind::And || op.kind == ast::Expr::Kind::Or;
      parts.push_back(inner ? fmt::format("({})", expression(op))
                            : expression(op));
    }
    std::string sep = e.kind == ast::Expr::Kind::And ? " and " : " or ";
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i)
      out += (i ? sep : "") + parts[i];
    return out;
  }
  }
  return "?";
}

std::string Wording::condition(const ast::Condition &c) const {
  return (c.negated ? "unless " : "if ") + expression(c.expr);
}

std::string Wording::duration(const ast::Duration &d) {
  switch (d.unit) {
  case ast::DurationUnit::SameDay:
    return "the same day";
  case ast::DurationUnit::Vague:
    return "\u201C" + d.vagueText + "\u201D";
  default:
    return fmt::format("{} {}", d.count,
                       ast::durationUnitName(d.unit, d.count));
  }
}

std::string Wording::timescale(const ast::Timescale &t) const {
  std::string out = duration(t.limit);
  if (t.target)
    out += " (preferably " + duration(*t.target) + ")";
  if (t.anchor) {
    std::optional<int32_t> s = Model.stageIndex(t.anchor->stage.text);
    out += fmt::format(" from the {} of {}",
                       t.anchor->point == ast::AnchorPoint::Start ? "start"
                                                                  : "end",
                       s ? stageTitle(*s) : t.anchor->stage.text);
  }
  return out;
}

std::string Wording::begin(const sema::StageInfo &info) const {
  if (!info.begin)
    return "";
  const ast::Timescale &t = *info.begin;
  std::string out;
  if (info.beginFromPredecessor) {
    out = duration(t.limit);
    if (t.target)
      out += " (preferably " + duration(*t.target) + ")";
    out += " from the end of the stage before";
  } else {
    out = timescale(t);
  }
  if (info.beginFrom >= 0)
    out += ", as for " + stageTitle(info.beginFrom);
  return out;
}

std::string Wording::respond(const sema::StageInfo &info) const {
  if (!info.respond)
    return "";
  std::string out = timescale(*info.respond);
  if (info.respondFrom >= 0)
    out += ", as for " + stageTitle(info.respondFrom);
  return out;
}

std::string Wording::inform(const ast::Inform &i) const {
  std::string out = recipients(i.recipients);
  if (i.what)
    out += " — " + lowerFirst(collapseSpaces(i.what->value));
  if (i.condition)
    out += ", " + condition(*i.condition);
  return out;
}

std::string Wording::copy(const ast::Copy &c) const {
  std::string out = "a copy to " + recipients(c.recipients);
  if (c.what)
    out += ": " + collapseSpaces(c.what->value);
  return out;
}

std::string Wording::record(const ast::KeepRecord &r) const {
  std::string out = r.record
                        ? "Record in " + lowerFirst(titleOf(r.record->text))
                        : std::string("Keep a record");
  if (r.what)
    out += ": " + collapseSpaces(r.what->value);
  return out;
}

std::string Wording::form(const ast::FormUse &f) const {
  std::string out = f.kind == ast::FormUse::Kind::Complete
                        ? "Complete the " + titleOf(f.form.text)
                        : "Send the " + titleOf(f.form.text) + " to " +
                              recipients(f.recipients);
  if (f.note)
    out += ": " + collapseSpaces(f.note->value);
  return out;
}

std::string Wording::authority(const ast::Authority &a) const {
  std::string out = a.kind == ast::Authority::Kind::Decision
                        ? "Decision by " + roles(a.roles)
                        : roles(a.roles) + " may override the decision";
  if (a.note)
    out += ": " + collapseSpaces(a.note->value);
  return out;
}

std::string Wording::requirement(const ast::Requirement &r) const {
  std::vector<std::string> parts;
  for (const ast::Name &n : r.stages) {
    std::optional<int32_t> s = Model.stageIndex(n.text);
    parts.push_back(s ? stageTitle(*s) : n.text);
  }
  return "Only after " + joinWords(parts);
}

std::string Wording::target(const sema::Route &r) const {
  const ast::Target &t = r.transition->target;
  switch (r.kind) {
  case sema::TargetKind::Stage:
    return stageTitle(r.stage);
  case sema::TargetKind::Outcome:
    return titleOf(t.name.text);
  case sema::TargetKind::Process:
    return titleOf(t.name.text);
  case sema::TargetKind::Procedure:
    return procedureTitle(t.name.text);
  case sema::TargetKind::OtherStage: {
    std::string proc = procedureTitle(t.procedure->text);
    for (const ast::Procedure &p : Model.file().procedures)
      if (p.name.text == t.procedure->text)
        for (const ast::Stage &s : p.stages)
          if (s.name.text == t.name.text)
            return proc + ": " +
                   (s.title.value.empty() ? s.name.text : s.title.value);
    return proc + ": " + t.name.text;
  }
  case sema::TargetKind::Unresolved:
    break;
  }
  return t.name.text;
}

std::string Wording::routeLabel(const ast::Transition &t) const {
  std::string out = ast::triggerName(t.trigger);
  if (t.guard)
    out += ", " + condition(*t.guard);
  return out;
}

} // namespace escalade::render
