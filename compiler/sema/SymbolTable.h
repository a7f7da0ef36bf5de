// SymbolTable.h — what each name in a procedure stands for. Stages and
// declarations share one namespace per procedure, so a name means one thing
// wherever it is used; procedures share one namespace per file.
#pragma once

#include "ast/AST.h"

#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace escalade::sema {

/// The kinds of named thing, as sets: a reference accepts some of them.
enum SymbolKind : unsigned {
  KindStage = 1u << 0,
  KindRole = 1u << 1,
  KindAgency = 1u << 2,
  KindFact = 1u << 3,
  KindForm = 1u << 4,
  KindRecord = 1u << 5,
  KindOutcome = 1u << 6,
  KindProcess = 1u << 7,
  KindContact = 1u << 8,
  KindProcedure = 1u << 9,
};

SymbolKind symbolKindOf(ast::DeclKind kind);
/// "a stage", "a role or a contact".
std::string describeKinds(unsigned kinds);

struct Symbol {
  SymbolKind kind;
  const ast::Name *name = nullptr;
  const ast::Stage *stage = nullptr;             ///< KindStage
  const ast::Declaration *declaration = nullptr; ///< declared kinds
  const ast::Procedure *procedure = nullptr;     ///< KindProcedure
};

/// Names defined in one procedure. Duplicates are not entered: the first
/// definition wins (the resolver reports the others).
class ProcedureSymbols {
public:
  explicit ProcedureSymbols(const ast::Procedure &procedure);

  const Symbol *lookup(llvm::StringRef name) const;
  const ast::Procedure &procedure() const { return *Procedure; }
  /// Every definition, in source order, duplicates included.
  const std::vector<Symbol> &definitions() const { return Definitions; }

private:
  const ast::Procedure *Procedure;
  std::vector<Symbol> Definitions;
  llvm::StringMap<size_t> Index;
};

} // namespace escalade::sema
