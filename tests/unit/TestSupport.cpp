// TestSupport.cpp — parsing strings for unit tests.
#include "unit/TestSupport.h"

#include "parse/Parser.h"
#include "sema/NameResolver.h"

namespace escalade::testing {

std::vector<std::string> Parsed::findings() const {
  std::vector<std::string> out;
  for (const diag::Diagnostic &d : diags.diagnostics()) {
    std::string where = "-";
    if (d.range.isValid()) {
      source::LineColumn lc = sources.start(d.range);
      where = std::to_string(lc.line) + ":" + std::to_string(lc.column);
    }
    out.push_back(where + " " + std::string(d.name()));
  }
  return out;
}

std::vector<std::string> Parsed::messages() const {
  std::vector<std::string> out;
  for (const diag::Diagnostic &d : diags.diagnostics())
    out.push_back(d.message);
  return out;
}

std::unique_ptr<Parsed> parse(std::string_view text) {
  auto p = std::make_unique<Parsed>();
  p->fileId = p->sources.addBuffer("test.esc",
                                   llvm::StringRef(text.data(), text.size()));
  p->file = llvm::cantFail(parse::parseFile(p->sources, p->fileId, p->diags));
  return p;
}

std::unique_ptr<Parsed> parseAndResolve(std::string_view text) {
  auto p = parse(text);
  sema::resolveNames(p->file, p->diags);
  return p;
}

} // namespace escalade::testing
