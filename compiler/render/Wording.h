// Wording.h — a procedure's clauses in plain English, as a practitioner
// reads them: role and fact titles instead of names, timescales spelled out,
// conditions as "if ..." and "unless ...". Shared by the flowchart and the
// document so that both say the same thing the same way. Plain text only:
// each writer escapes it for its format.
#pragma once

#include "ast/AST.h"
#include "sema/ProcedureModel.h"

#include <string>

namespace escalade::render {

class Wording {
public:
  /// With `brief`, titles leave out long asides in brackets ("Service
  /// Manager (for example a senior health visitor, ...)" → "Service
  /// Manager"): for the flowchart, whose boxes must stay small; the
  /// document gives titles whole.
  explicit Wording(const sema::ProcedureModel &model, bool brief = false)
      : Model(model), Brief(brief) {}

  /// The declared title of a role, contact, fact, form, record, outcome,
  /// process or agency; the name itself if it has none.
  std::string titleOf(const std::string &name) const;
  /// A stage's title ("Stage 1 – Escalate to Service Manager").
  std::string stageTitle(int32_t stage) const;

  /// "Service Manager or Head of Service", "the equivalent Service Manager
  /// in the other agency".
  std::string roles(const ast::RoleList &roles) const;
  /// The roles, their agency and condition: "Detective Inspector (Kent
  /// Police), if the escalation concerns the MASH".
  std::string owner(const ast::Owner &owner) const;
  std::string recipients(const ast::RecipientList &list) const;

  /// "if the child is subject to a Child Protection Plan", "unless ...".
  std::string condition(const ast::Condition &condition) const;
  /// The facts of an expression by title, joined by "and" / "or".
  std::string expression(const ast::Expr &expr) const;

  /// "5 working days", "24 hours", "the same day", or the vague text in
  /// quotation marks.
  static std::string duration(const ast::Duration &d);
  /// "5 working days (preferably the same day), from the start of Stage 1".
  std::string timescale(const ast::Timescale &t) const;
  /// A stage's effective `begin within` and `respond within`, as the
  /// checks read them: borrowed through `timescale same as` (said so), an
  /// anchor on the stage before read as this stage's own predecessor.
  std::string begin(const sema::StageInfo &info) const;
  std::string respond(const sema::StageInfo &info) const;

  /// "Child Protection Conference Chair, if ...", with what to tell them.
  std::string inform(const ast::Inform &inform) const;
  std::string copy(const ast::Copy &copy) const;
  std::string record(const ast::KeepRecord &record) const;
  std::string form(const ast::FormUse &form) const;
  std::string authority(const ast::Authority &authority) const;
  /// "Stages 1 and 2 first".
  std::string requirement(const ast::Requirement &requirement) const;

  /// Where a route goes, by title: a stage, "Outcome: ...", another process
  /// or procedure.
  std::string target(const sema::Route &route) const;
  /// "unresolved", "urgent, if ...": the label of a route.
  std::string routeLabel(const ast::Transition &transition) const;

private:
  std::string procedureTitle(const std::string &name) const;

  const sema::ProcedureModel &Model;
  bool Brief;
};

/// `text` without bracketed asides of more than three words.
std::string withoutLongAsides(const std::string &text);

/// The first letter in lower case when the text reads as a clause that
/// starts a sentence ("The child is ..." → "the child is ..."), but not an
/// acronym ("MASH ...").
std::string lowerFirst(const std::string &text);
/// The first letter in capitals: "stage" → "Stage".
std::string sentenceCase(std::string text);
/// "a", "a and b", "a, b and c" (or `last` = " or ").
std::string joinWords(const std::vector<std::string> &parts,
                      const char *last = " and ");

} // namespace escalade::render
