// Suppressions.cpp — matching findings to the `allow` lines whose scope
// holds them.
#include "sema/Suppressions.h"

#include "sema/Suggest.h"

#include <fmt/format.h>

#include <limits>

namespace escalade::sema {

using diag::DiagKind;

source::SourceRange procedureExtent(const ast::File &file, size_t index) {
  const ast::Procedure &p = file.procedures[index];
  uint32_t end = index + 1 < file.procedures.size()
                     ? file.procedures[index + 1].range.begin
                     : std::numeric_limits<uint32_t>::max();
  return {file.fileId, p.range.begin, end};
}

namespace {

struct Scope {
  const ast::Suppression *allow;
  source::SourceRange extent;
  size_t procedure;
  unsigned used = 0;
};

bool within(source::SourceRange inner, source::SourceRange outer) {
  return inner.isValid() && inner.file == outer.file &&
         inner.begin >= outer.begin && inner.begin < outer.end;
}

} // namespace

void applySuppressions(const ast::File &file, const std::vector<bool> &analysed,
                       diag::DiagnosticEngine &diags, size_t mark) {
  std::vector<Scope> scopes;
  for (size_t i = 0; i < file.procedures.size(); ++i) {
    const ast::Procedure &p = file.procedures[i];
    source::SourceRange whole = procedureExtent(file, i);
    for (const ast::Suppression &s : p.suppressions)
      scopes.push_back({&s, whole, i});
    if (p.everyStage)
      for (const ast::Suppression &s : p.everyStage->body.suppressions)
        scopes.push_back({&s, whole, i});
    for (size_t k = 0; k < p.stages.size(); ++k) {
      uint32_t end =
          k + 1 < p.stages.size() ? p.stages[k + 1].range.begin : whole.end;
      for (const ast::Suppression &s : p.stages[k].body.suppressions)
        scopes.push_back({&s, {file.fileId, p.stages[k].range.begin, end}, i});
    }
  }
  if (scopes.empty())
    return;

  // Check each `allow` line before using it.
  std::vector<std::optional<DiagKind>> kinds;
  std::vector<llvm::StringRef> names;
  for (const diag::KindInfo &k : diag::allKinds())
    names.push_back(llvm::StringRef(k.name.data(), k.name.size()));
  std::vector<diag::Diagnostic> problems;
  for (Scope &scope : scopes) {
    const ast::Suppression &s = *scope.allow;
    std::optional<DiagKind> kind = diag::kindByName(s.check.text);
    if (!kind) {
      std::optional<std::string> near = closestName(s.check.text, names);
      auto b = diags.report(
          DiagKind::UnknownCheck, s.check.range,
          fmt::format("there is no check called `{}`{}", s.check.text,
                      near ? fmt::format("; did you mean `{}`?", *near) : ""));
      if (near)
        b.fix(s.check.range, *near);
      else
        b.note("`escc explain` lists every check by name");
      kinds.push_back(std::nullopt);
      continue;
    }
    if (diag::kindInfo(*kind).defaultSeverity == diag::Severity::Error) {
      diags.report(DiagKind::UnknownCheck, s.check.range,
                   fmt::format("`{}` cannot be set aside: a procedure with "
                               "this error cannot be run as written",
                               s.check.text));
      kinds.push_back(std::nullopt);
      continue;
    }
    // Findings about `allow` lines themselves are not set aside by more
    // `allow` lines: that way an unknown name would hide its own mistake.
    if (*kind == DiagKind::UnknownCheck ||
        *kind == DiagKind::UnusedSuppression ||
        *kind == DiagKind::SuppressionWithoutReason) {
      diags
          .report(DiagKind::UnknownCheck, s.check.range,
                  fmt::format("`{}` cannot be set aside: it is a finding about "
                              "`allow` lines themselves",
                              s.check.text))
          .note("correct or remove the `allow` line the finding is about");
      kinds.push_back(std::nullopt);
      continue;
    }
    if (!s.reason ||
        s.reason->value.find_first_not_of(" \t") == std::string::npos) {
      diags.report(DiagKind::SuppressionWithoutReason, s.range,
                   fmt::format("this `allow {}` gives no reason; say in "
                               "quotes why the finding does not apply here",
                               s.check.text));
      kinds.push_back(std::nullopt);
      continue;
    }
    kinds.push_back(kind);
  }

  // Set aside what the valid ones cover.
  diags.eraseSince(mark, [&](const diag::Diagnostic &d) {
    bool drop = false;
    for (size_t i = 0; i < scopes.size(); ++i)
      if (kinds[i] && *kinds[i] == d.kind &&
          within(d.range, scopes[i].extent)) {
        ++scopes[i].used;
        drop = true;
      }
    return drop;
  });

  for (size_t i = 0; i < scopes.size(); ++i) {
    const Scope &scope = scopes[i];
    if (!kinds[i] || scope.used > 0 || !analysed[scope.procedure] ||
        diags.effectiveSeverity(*kinds[i]) == diag::Severity::Ignored)
      continue;
    diags
        .report(DiagKind::UnusedSuppression, scope.allow->range,
                fmt::format("this `allow {}` sets nothing aside: no `{}` "
                            "finding is made here",
                            scope.allow->check.text, scope.allow->check.text))
        .note("remove it, or move it to the stage the finding is about");
  }
}

} // namespace escalade::sema
