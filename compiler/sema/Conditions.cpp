// Conditions.cpp — truth tables over the facts of a few conditions.
#include "sema/Conditions.h"

#include <algorithm>

namespace escalade::sema {

static void collect(const ast::Expr &e, std::vector<std::string> &out) {
  if (e.kind == ast::Expr::Kind::Fact) {
    if (std::find(out.begin(), out.end(), e.fact.text) == out.end())
      out.push_back(e.fact.text);
    return;
  }
  for (const ast::Expr &o : e.operands)
    collect(o, out);
}

FactSpace::FactSpace(const std::vector<const ast::Condition *> &conditions) {
  for (const ast::Condition *c : conditions)
    if (c)
      collect(c->expr, Facts);
}

size_t FactSpace::index(const std::string &fact) const {
  return std::find(Facts.begin(), Facts.end(), fact) - Facts.begin();
}

bool FactSpace::holds(const ast::Condition *c, uint32_t assignment) const {
  return !c || holds(c->expr, assignment) != c->negated;
}

bool FactSpace::holds(const ast::Expr &e, uint32_t assignment) const {
  switch (e.kind) {
  case ast::Expr::Kind::Fact:
    return (assignment >> index(e.fact.text)) & 1;
  case ast::Expr::Kind::Not:
    return !holds(e.operands[0], assignment);
  case ast::Expr::Kind::And:
    for (const ast::Expr &o : e.operands)
      if (!holds(o, assignment))
        return false;
    return true;
  case ast::Expr::Kind::Or:
    for (const ast::Expr &o : e.operands)
      if (holds(o, assignment))
        return true;
    return false;
  }
  return false;
}

std::string FactSpace::describe(uint32_t assignment) const {
  std::string out;
  for (size_t i = 0; i < Facts.size(); ++i) {
    if (i > 0)
      out += i + 1 == Facts.size() ? " and " : ", ";
    out +=
        "`" + Facts[i] + "` is " + (((assignment >> i) & 1) ? "true" : "false");
  }
  return out;
}

std::optional<uint32_t> satisfying(const FactSpace &space,
                                   const ast::Condition *condition) {
  return holdsAlone(space, condition, {});
}

std::optional<uint32_t>
holdsAlone(const FactSpace &space, const ast::Condition *condition,
           const std::vector<const ast::Condition *> &others) {
  for (uint32_t a = 0; a < space.assignments(); ++a) {
    if (!space.holds(condition, a))
      continue;
    bool other = false;
    for (const ast::Condition *c : others)
      if (space.holds(c, a)) {
        other = true;
        break;
      }
    if (!other)
      return a;
  }
  return std::nullopt;
}

} // namespace escalade::sema
