// NameResolver.cpp — one walk over each procedure, checking every reference
// against the procedure's symbol table (and the file's procedures, for
// routes into another procedure).
#include "sema/NameResolver.h"

#include "sema/Suggest.h"
#include "sema/SymbolTable.h"

#include <fmt/format.h>

namespace escalade::sema {

namespace {

using diag::DiagKind;

/// How a reference is used: which kinds it accepts and how to say so.
struct Use {
  unsigned kinds;
  DiagKind missing;   ///< What to report when nothing has the name.
  const char *noun;   ///< "role", "role or contact".
  const char *needed; ///< "a role", "a role or a contact".
};

const Use RoleUse{KindRole, DiagKind::UndefinedName, "role", "a role"};
const Use AgencyUse{KindAgency, DiagKind::UndefinedName, "agency", "an agency"};
const Use StageUse{KindStage, DiagKind::UndefinedStageReference, "stage",
                   "a stage"};
const Use RecipientUse{KindRole | KindContact, DiagKind::UndeclaredRecipient,
                       "role or contact", "a role or a contact"};
const Use FactUse{KindFact, DiagKind::UndeclaredFact, "fact", "a fact"};
const Use FormUse{KindForm, DiagKind::UndefinedName, "form", "a form"};
const Use RecordUse{KindRecord, DiagKind::UndefinedName, "record", "a record"};
const Use TargetUse{KindStage | KindOutcome | KindProcess | KindProcedure,
                    DiagKind::UndefinedStageReference,
                    "stage, outcome or process",
                    "a stage, an outcome, a process or a procedure"};

/// The line that declares a missing name, as a hint.
std::string declarationHint(unsigned kinds, llvm::StringRef name) {
  if (kinds & KindRole)
    return fmt::format("declare it with a line such as `role {} \"Job title\"`",
                       name.str());
  if (kinds & KindFact)
    return fmt::format("declare it with a line such as `fact {} \"What is "
                       "true of the case\"`",
                       name.str());
  if (kinds & KindAgency)
    return fmt::format("declare it with a line such as `agency {} \"Agency "
                       "name\"`",
                       name.str());
  if (kinds & KindForm)
    return fmt::format("declare it with a line such as `form {} \"Form "
                       "title\"`",
                       name.str());
  if (kinds & KindRecord)
    return fmt::format("declare it with a line such as `record {} \"Where "
                       "the record is kept\"`",
                       name.str());
  if (kinds & KindStage)
    return "add the stage, or correct the name to one of the procedure's "
           "stages";
  return "";
}

class Resolver {
public:
  Resolver(const ast::File &file, diag::DiagnosticEngine &diags)
      : File(file), Diags(diags) {}

  void run();

private:
  void checkDuplicates(const ProcedureSymbols &symbols);
  void procedure(const ast::Procedure &p);
  void body(const ast::StageBody &b);
  void ref(const ast::Name &name, const Use &use);
  void roles(const ast::RoleList &list) {
    for (const ast::RoleRef &r : list.roles)
      ref(r.role, RoleUse);
  }
  void recipients(const ast::RecipientList &list) {
    for (const ast::Recipient &r : list.recipients)
      if (r.kind == ast::Recipient::Kind::Named)
        ref(r.name, RecipientUse);
  }
  void expr(const ast::Expr &e) {
    if (e.kind == ast::Expr::Kind::Fact)
      ref(e.fact, FactUse);
    for (const ast::Expr &o : e.operands)
      expr(o);
  }
  void timescale(const std::optional<ast::Timescale> &t) {
    if (t && t->anchor)
      ref(t->anchor->stage, StageUse);
  }
  void target(const ast::Target &t);
  const ast::Procedure *findProcedure(llvm::StringRef name) const;
  bool onBrokenLine(llvm::StringRef name) const;

  /// True if one more name finding may be reported. A file full of
  /// misspellings gets the first MaxFindings, and a count of the rest; the
  /// rest cost nothing, not even a search for a suggestion.
  bool roomForAnother() {
    if (Reported < MaxFindings) {
      ++Reported;
      return true;
    }
    ++NotReported;
    return false;
  }

  static constexpr unsigned MaxFindings = 100;
  const ast::File &File;
  diag::DiagnosticEngine &Diags;
  const ProcedureSymbols *Symbols = nullptr;
  unsigned Reported = 0;
  unsigned NotReported = 0;
};

void Resolver::run() {
  // Procedure names are unique within a file.
  llvm::StringMap<const ast::Procedure *> seen;
  for (const ast::Procedure &p : File.procedures) {
    if (p.name.text.empty())
      continue;
    auto [it, inserted] = seen.try_emplace(p.name.text, &p);
    if (!inserted && roomForAnother())
      Diags
          .report(DiagKind::DuplicateDefinition, p.name.range,
                  fmt::format("a procedure called `{}` is already defined in "
                              "this file",
                              p.name.text))
          .note(it->second->name.range, "the first definition is here")
          .note("give each procedure in a file its own name");
  }
  for (const ast::Procedure &p : File.procedures)
    if (!p.name.text.empty())
      procedure(p);
  if (NotReported > 0)
    Diags.reportFile(
        DiagKind::UndefinedName, File.fileId,
        fmt::format("{} more names in this file refer to nothing declared; "
                    "only the first {} are listed",
                    NotReported, MaxFindings));
}

void Resolver::checkDuplicates(const ProcedureSymbols &symbols) {
  for (const Symbol &s : symbols.definitions()) {
    const Symbol *first = symbols.lookup(s.name->text);
    if (first == &s || !roomForAnother())
      continue;
    Diags
        .report(DiagKind::DuplicateDefinition, s.name->range,
                fmt::format("`{}` is already defined in procedure `{}`, as {}",
                            s.name->text, symbols.procedure().name.text,
                            describeKinds(first->kind)))
        .note(first->name->range, "the first definition is here")
        .note("each stage and declaration in a procedure needs its own name; "
              "rename one of them");
  }
}

void Resolver::procedure(const ast::Procedure &p) {
  ProcedureSymbols symbols(p);
  Symbols = &symbols;
  checkDuplicates(symbols);
  for (const ast::Declaration &d : p.declarations)
    if (d.agency)
      ref(*d.agency, AgencyUse);
  timescale(p.overall);
  if (p.start)
    ref(p.start->name, StageUse);
  if (p.everyStage)
    body(p.everyStage->body);
  for (const ast::Stage &s : p.stages)
    body(s.body);
  Symbols = nullptr;
}

void Resolver::body(const ast::StageBody &b) {
  for (const ast::Owner &o : b.owners) {
    roles(o.roles);
    if (o.agency)
      ref(*o.agency, AgencyUse);
    if (o.condition)
      expr(o.condition->expr);
  }
  for (const ast::Involves &i : b.involves)
    roles(i.roles);
  timescale(b.respond);
  timescale(b.begin);
  if (b.sameTimescaleAs)
    ref(b.sameTimescaleAs->stage, StageUse);
  for (const ast::Inform &i : b.informs) {
    recipients(i.recipients);
    if (i.condition)
      expr(i.condition->expr);
  }
  for (const ast::Copy &c : b.copies)
    recipients(c.recipients);
  for (const ast::KeepRecord &k : b.records)
    if (k.record)
      ref(*k.record, RecordUse);
  for (const ast::FormUse &f : b.forms) {
    ref(f.form, FormUse);
    recipients(f.recipients);
  }
  for (const ast::Authority &a : b.authorities)
    roles(a.roles);
  for (const ast::Requirement &r : b.requirements)
    for (const ast::Name &n : r.stages)
      ref(n, StageUse);
  for (const ast::Transition &t : b.transitions) {
    if (t.guard)
      expr(t.guard->expr);
    target(t.target);
  }
}

const ast::Procedure *Resolver::findProcedure(llvm::StringRef name) const {
  for (const ast::Procedure &p : File.procedures)
    if (p.name.text == name)
      return &p;
  return nullptr;
}

void Resolver::target(const ast::Target &t) {
  if (!t.procedure) {
    // A local stage, outcome or process; or another procedure's start.
    if (!Symbols->lookup(t.name.text) && findProcedure(t.name.text))
      return;
    ref(t.name, TargetUse);
    return;
  }
  const ast::Procedure *other = findProcedure(t.procedure->text);
  if (!other && (onBrokenLine(t.procedure->text) || !roomForAnother()))
    return;
  if (!other) {
    std::vector<llvm::StringRef> names;
    for (const ast::Procedure &p : File.procedures)
      names.push_back(p.name.text);
    std::optional<std::string> near = closestName(t.procedure->text, names);
    std::string message =
        fmt::format("this route goes to procedure `{}`, but this file has no "
                    "procedure of that name",
                    t.procedure->text);
    if (near)
      message += fmt::format("; did you mean `{}`?", *near);
    auto b = Diags.report(DiagKind::UndefinedStageReference, t.procedure->range,
                          message);
    if (near)
      b.fix(t.procedure->range, *near);
    return;
  }
  for (const ast::Stage &s : other->stages)
    if (s.name.text == t.name.text)
      return;
  if (onBrokenLine(t.name.text) || !roomForAnother())
    return;
  std::vector<llvm::StringRef> names;
  for (const ast::Stage &s : other->stages)
    names.push_back(s.name.text);
  std::optional<std::string> near = closestName(t.name.text, names);
  std::string message = fmt::format("procedure `{}` has no stage called `{}`",
                                    other->name.text, t.name.text);
  if (near)
    message += fmt::format("; did you mean `{}`?", *near);
  auto b =
      Diags.report(DiagKind::UndefinedStageReference, t.name.range, message);
  if (near)
    b.fix(t.name.range, *near);
  else
    b.note(other->range,
           fmt::format("procedure `{}` is defined here", other->name.text));
}

bool Resolver::onBrokenLine(llvm::StringRef name) const {
  return std::binary_search(File.wordsOnBrokenLines.begin(),
                            File.wordsOnBrokenLines.end(), name.str());
}

void Resolver::ref(const ast::Name &name, const Use &use) {
  const Symbol *s = Symbols->lookup(name.text);
  if (s && (s->kind & use.kinds))
    return;
  // Declared, perhaps, on a line that did not parse: already reported.
  if (onBrokenLine(name.text))
    return;
  if (s)
    // A duplicate of the right kind is reported as a duplicate, not here.
    for (const Symbol &d : Symbols->definitions())
      if (d.name->text == name.text && (d.kind & use.kinds))
        return;
  if (!roomForAnother())
    return;
  const ast::Procedure &p = Symbols->procedure();
  if (s) {
    Diags
        .report(DiagKind::WrongKindOfName, name.range,
                fmt::format("`{}` is {}, but {} is needed here", name.text,
                            describeKinds(s->kind), use.needed))
        .note(s->name->range, fmt::format("`{}` is defined here", name.text));
    return;
  }
  std::vector<llvm::StringRef> candidates;
  for (const Symbol &d : Symbols->definitions())
    if (d.kind & use.kinds)
      candidates.push_back(d.name->text);
  if (use.kinds & KindProcedure)
    for (const ast::Procedure &other : File.procedures)
      candidates.push_back(other.name.text);
  std::optional<std::string> near = closestName(name.text, candidates);

  std::string message;
  if (&use == &TargetUse)
    message = fmt::format("this route goes to `{}`, but procedure `{}` has no "
                          "stage, outcome or process called `{}`",
                          name.text, p.name.text, name.text);
  else if (&use == &StageUse)
    message = fmt::format("procedure `{}` has no stage called `{}`",
                          p.name.text, name.text);
  else
    message = fmt::format("no {} called `{}` is declared in procedure `{}`",
                          use.noun, name.text, p.name.text);
  if (near)
    message += fmt::format("; did you mean `{}`?", *near);
  auto b = Diags.report(use.missing, name.range, message);
  if (near)
    b.fix(name.range, *near);
  else if (std::string hint = declarationHint(use.kinds, name.text);
           !hint.empty())
    b.note(hint);
}

} // namespace

void resolveNames(const ast::File &file, diag::DiagnosticEngine &diags) {
  Resolver(file, diags).run();
}

} // namespace escalade::sema
