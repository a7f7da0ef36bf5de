// SymbolTable.cpp — building a procedure's namespace.
#include "sema/SymbolTable.h"

#include <algorithm>

namespace escalade::sema {

SymbolKind symbolKindOf(ast::DeclKind kind) {
  switch (kind) {
  case ast::DeclKind::Role:
    return KindRole;
  case ast::DeclKind::Agency:
    return KindAgency;
  case ast::DeclKind::Fact:
    return KindFact;
  case ast::DeclKind::Form:
    return KindForm;
  case ast::DeclKind::Record:
    return KindRecord;
  case ast::DeclKind::Outcome:
    return KindOutcome;
  case ast::DeclKind::Process:
    return KindProcess;
  case ast::DeclKind::Contact:
    return KindContact;
  }
  return KindRole;
}

std::string describeKinds(unsigned kinds) {
  static const std::pair<SymbolKind, const char *> names[] = {
      {KindStage, "a stage"},      {KindRole, "a role"},
      {KindAgency, "an agency"},   {KindFact, "a fact"},
      {KindForm, "a form"},        {KindRecord, "a record"},
      {KindOutcome, "an outcome"}, {KindProcess, "a process"},
      {KindContact, "a contact"},  {KindProcedure, "a procedure"},
  };
  std::vector<const char *> parts;
  for (auto [kind, name] : names)
    if (kinds & kind)
      parts.push_back(name);
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0)
      out += i + 1 == parts.size() ? " or " : ", ";
    out += parts[i];
  }
  return out;
}

ProcedureSymbols::ProcedureSymbols(const ast::Procedure &procedure)
    : Procedure(&procedure) {
  // A stage whose header failed to parse may have no name; it defines none.
  for (const ast::Declaration &d : procedure.declarations)
    if (!d.name.text.empty())
      Definitions.push_back(
          {symbolKindOf(d.kind), &d.name, nullptr, &d, nullptr});
  for (const ast::Stage &s : procedure.stages)
    if (!s.name.text.empty())
      Definitions.push_back({KindStage, &s.name, &s, nullptr, nullptr});
  std::stable_sort(Definitions.begin(), Definitions.end(),
                   [](const Symbol &a, const Symbol &b) {
                     return a.name->range.begin < b.name->range.begin;
                   });
  for (size_t i = 0; i < Definitions.size(); ++i)
    Index.try_emplace(Definitions[i].name->text, i);
}

const Symbol *ProcedureSymbols::lookup(llvm::StringRef name) const {
  auto it = Index.find(name);
  return it == Index.end() ? nullptr : &Definitions[it->second];
}

} // namespace escalade::sema
