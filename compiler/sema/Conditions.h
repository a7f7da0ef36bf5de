// Conditions.h — reasoning about conditions over facts by truth table: can
// a condition ever hold, do the conditions of a stage's routes cover every
// case, does an earlier route always win. Facts in one question are few
// (a procedure declares a handful); questions over more than MaxFacts facts
// are not answered rather than answered slowly.
#pragma once

#include "ast/AST.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escalade::sema {

/// The facts that some conditions mention, and truth values for them.
class FactSpace {
public:
  static constexpr size_t MaxFacts = 16;

  /// Collects the facts of the given conditions (null means "always").
  explicit FactSpace(const std::vector<const ast::Condition *> &conditions);

  /// False when there are too many facts to enumerate.
  bool tractable() const { return Facts.size() <= MaxFacts; }
  uint32_t assignments() const { return 1u << Facts.size(); }
  /// The value of a condition when the facts take the bits of `assignment`
  /// (bit i is fact i): `when X` holds when X does, `unless X` when X does
  /// not. A null condition always holds.
  bool holds(const ast::Condition *condition, uint32_t assignment) const;
  bool holds(const ast::Expr &expr, uint32_t assignment) const;
  /// "`risk_factor` is false and `child` is true".
  std::string describe(uint32_t assignment) const;
  const std::vector<std::string> &facts() const { return Facts; }

private:
  size_t index(const std::string &fact) const;
  std::vector<std::string> Facts;
};

/// An assignment under which the condition holds, if any.
std::optional<uint32_t> satisfying(const FactSpace &space,
                                   const ast::Condition *condition);
/// An assignment under which `condition` holds and none of `others` does.
std::optional<uint32_t>
holdsAlone(const FactSpace &space, const ast::Condition *condition,
           const std::vector<const ast::Condition *> &others);

} // namespace escalade::sema
