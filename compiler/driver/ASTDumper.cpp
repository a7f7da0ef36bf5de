// ASTDumper.cpp — the outline printer behind `escc check --dump-ast`. Each
// node prints on its own line, indented under its parent, followed by
// `<line:col>` of its first character.
#include "driver/ASTDumper.h"

#include <string>

namespace escalade::driver {

using namespace ast;

namespace {

class Dumper {
public:
  Dumper(const source::SourceManager &sources, llvm::raw_ostream &out)
      : Sources(sources), Out(out) {}

  void file(const File &f);

private:
  void line(unsigned depth, const std::string &text, SourceRange range) {
    Out.indent(depth * 2) << text;
    if (range.isValid()) {
      source::LineColumn lc = Sources.start(range);
      Out << " <" << lc.line << ":" << lc.column << ">";
    }
    Out << "\n";
  }

  static std::string quoted(const Text &t) {
    std::string out = t.block ? "\"\"\"" : "\"";
    for (char c : t.value) {
      if (c == '\n')
        out += "\\n";
      else if (c == '"' && !t.block)
        out += "\\\"";
      else
        out += c;
    }
    out += t.block ? "\"\"\"" : "\"";
    return out;
  }

  static std::string duration(const Duration &d) {
    switch (d.unit) {
    case DurationUnit::SameDay:
      return "same day";
    case DurationUnit::Vague:
      return "vague " + quoted(Text{d.vagueText, {}, false});
    default:
      return std::to_string(d.count) + " " + durationUnitName(d.unit, d.count);
    }
  }

  static std::string timescale(const Timescale &t) {
    std::string s = "within " + duration(t.limit);
    if (t.anchor)
      s += std::string(" from ") +
           (t.anchor->point == AnchorPoint::Start ? "start" : "end") + " of " +
           t.anchor->stage.text;
    if (t.target)
      s += ", preferably " + duration(*t.target);
    return s;
  }

  static std::string expr(const Expr &e) {
    switch (e.kind) {
    case Expr::Kind::Fact:
      return e.fact.text;
    case Expr::Kind::Not:
      return "(not " + expr(e.operands[0]) + ")";
    case Expr::Kind::And:
    case Expr::Kind::Or: {
      std::string s = "(";
      for (size_t i = 0; i < e.operands.size(); ++i) {
        if (i > 0)
          s += e.kind == Expr::Kind::And ? " and " : " or ";
        s += expr(e.operands[i]);
      }
      return s + ")";
    }
    }
    return "";
  }

  static std::string condition(const Condition &c) {
    return (c.negated ? "unless " : "when ") + expr(c.expr);
  }

  static std::string roles(const RoleList &l) {
    std::string s;
    const char *sep = l.connective == Connective::AnyOf ? " or " : " and ";
    for (size_t i = 0; i < l.roles.size(); ++i) {
      if (i > 0)
        s += sep;
      if (l.roles[i].equivalent)
        s += "equivalent ";
      s += l.roles[i].role.text;
    }
    return s;
  }

  static std::string recipients(const RecipientList &list) {
    std::string s;
    const std::vector<Recipient> &rs = list.recipients;
    const char *sep = list.connective == Connective::AnyOf ? " or " : " and ";
    for (size_t i = 0; i < rs.size(); ++i) {
      if (i > 0)
        s += sep;
      if (rs[i].kind == Recipient::Kind::AllParties)
        s += "all parties";
      else
        s += (rs[i].equivalent ? "equivalent " : "") + rs[i].name.text;
    }
    return s;
  }

  static std::string date(const Date &d) {
    char buf[32];
    if (d.day)
      snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    else
      snprintf(buf, sizeof buf, "%04d-%02u", d.year, d.month);
    return buf;
  }

  void body(const StageBody &b, unsigned depth);

  const source::SourceManager &Sources;
  llvm::raw_ostream &Out;
};

void Dumper::body(const StageBody &b, unsigned d) {
  for (const Owner &o : b.owners) {
    std::string s = "owner " + roles(o.roles);
    if (o.agency)
      s += " in " + o.agency->text;
    if (o.condition)
      s += " " + condition(*o.condition);
    line(d, s, o.range);
  }
  for (const Involves &i : b.involves)
    line(d, "involves " + roles(i.roles), i.range);
  for (const TextLine &g : b.guidance)
    line(d, "guidance " + quoted(g.text), g.range);
  for (const Action &a : b.actions)
    line(d,
         "action " + quoted(a.text) +
             (a.within ? " within " + duration(*a.within) : ""),
         a.range);
  if (b.respond)
    line(d, "respond " + timescale(*b.respond), b.respond->range);
  if (b.begin)
    line(d, "begin " + timescale(*b.begin), b.begin->range);
  if (b.sameTimescaleAs)
    line(d, "timescale same as " + b.sameTimescaleAs->stage.text,
         b.sameTimescaleAs->range);
  for (const Inform &i : b.informs)
    line(d,
         "inform " + recipients(i.recipients) +
             (i.what ? " " + quoted(*i.what) : "") +
             (i.condition ? " " + condition(*i.condition) : ""),
         i.range);
  for (const Copy &c : b.copies)
    line(d,
         "copy to " + recipients(c.recipients) +
             (c.what ? " " + quoted(*c.what) : ""),
         c.range);
  for (const KeepRecord &k : b.records)
    line(d,
         "keep record" + (k.record ? " in " + k.record->text : "") +
             (k.what ? " " + quoted(*k.what) : ""),
         k.range);
  for (const FormUse &f : b.forms)
    line(d,
         (f.kind == FormUse::Kind::Complete ? "complete " : "send ") +
             f.form.text +
             (f.recipients.recipients.empty()
                  ? ""
                  : " to " + recipients(f.recipients)) +
             (f.note ? " " + quoted(*f.note) : ""),
         f.range);
  for (const Authority &a : b.authorities)
    line(d,
         (a.kind == Authority::Kind::Decision ? "decision by "
                                              : "override by ") +
             roles(a.roles) + (a.note ? " " + quoted(*a.note) : ""),
         a.range);
  if (b.final)
    line(d, "final", *b.final);
  for (const Requirement &r : b.requirements) {
    std::string s = "requires";
    for (size_t i = 0; i < r.stages.size(); ++i)
      s += (i ? " and " : " ") + r.stages[i].text;
    line(d, s, r.range);
  }
  for (const Transition &t : b.transitions) {
    std::string s = std::string("when ") + triggerName(t.trigger);
    if (t.guard)
      s += (t.guard->negated ? " unless " : " and ") + expr(t.guard->expr);
    s += " -> ";
    if (t.target.procedure)
      s += t.target.procedure->text + ".";
    s += t.target.name.text;
    line(d, s, t.range);
  }
  for (const Suppression &s : b.suppressions)
    line(d, "allow " + s.check.text + (s.reason ? " " + quoted(*s.reason) : ""),
         s.range);
}

void Dumper::file(const File &f) {
  line(0, "file", {});
  for (const Procedure &p : f.procedures) {
    line(1,
         "procedure " + p.name.text + " " + quoted(p.title) +
             (p.hasSyntaxErrors ? " (has syntax errors)" : ""),
         p.range);
    if (p.partnership)
      line(2, "partnership " + quoted(p.partnership->text),
           p.partnership->range);
    if (p.version)
      line(2, "version " + quoted(p.version->text), p.version->range);
    if (p.ratified)
      line(2, "ratified " + date(p.ratified->date), p.ratified->range);
    if (p.reviewed)
      line(2, "reviewed " + date(p.reviewed->date), p.reviewed->range);
    if (p.reviewDue)
      line(2, "review due " + date(p.reviewDue->date), p.reviewDue->range);
    for (const HistoryEntry &h : p.history)
      line(2,
           "history " + quoted(h.version) + " " + date(h.date) +
               (h.author ? " by " + quoted(*h.author) : "") +
               (h.changes ? " changes " + quoted(*h.changes) : ""),
           h.range);
    if (p.covers) {
      const char *who = p.covers->audience == Audience::Children ? "children"
                        : p.covers->audience == Audience::Adults
                            ? "adults"
                            : "children and adults";
      line(2, std::string("covers ") + who, p.covers->range);
    }
    for (const TextLine &t : p.purposes)
      line(2, "purpose " + quoted(t.text), t.range);
    for (const TextLine &t : p.principles)
      line(2, "principle " + quoted(t.text), t.range);
    for (const Section &s : p.sections)
      line(2, "section " + quoted(s.heading) + " " + quoted(s.body), s.range);
    if (p.overall)
      line(2, "overall " + timescale(*p.overall), p.overall->range);
    if (p.start)
      line(2, "start " + p.start->name.text, p.start->range);
    if (p.skippable)
      line(2, "stages may be skipped", *p.skippable);
    for (const Suppression &s : p.suppressions)
      line(2,
           "allow " + s.check.text + (s.reason ? " " + quoted(*s.reason) : ""),
           s.range);
    for (const Declaration &dcl : p.declarations) {
      std::string s = std::string(declKindName(dcl.kind)) + " " +
                      dcl.name.text + " " + quoted(dcl.title);
      if (dcl.agency)
        s += " in " + dcl.agency->text;
      for (const ContactDetail &c : dcl.details)
        s += std::string(c.kind == ContactDetail::Kind::Email   ? " email "
                         : c.kind == ContactDetail::Kind::Phone ? " phone "
                                                                : " web ") +
             quoted(c.value);
      line(2, s, dcl.range);
    }
    if (p.everyStage) {
      line(2, "every stage", p.everyStage->range);
      body(p.everyStage->body, 3);
    }
    for (const Stage &s : p.stages) {
      line(2,
           std::string(s.isStep ? "step " : "stage ") + s.name.text + " " +
               quoted(s.title),
           s.range);
      if (s.number)
        line(3, "number " + std::to_string(s.number->value), s.number->range);
      body(s.body, 3);
    }
  }
  for (const Comment &c : f.comments)
    line(1, "comment " + c.text, c.range);
}

} // namespace

void dumpAST(const ast::File &file, const source::SourceManager &sources,
             llvm::raw_ostream &out) {
  Dumper(sources, out).file(file);
}

} // namespace escalade::driver
