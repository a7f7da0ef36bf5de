// ExplainCommand.cpp — printing the check catalogue from CheckDocs.def.
#include "driver/ExplainCommand.h"

#include "diagnostics/Diagnostic.h"
#include "sema/Suggest.h"

#include "llvm/Support/WithColor.h"

#include <fmt/format.h>

namespace escalade::driver {

namespace {

/// Wraps a paragraph at `width` columns, prefixing each line.
std::string wrap(std::string_view text, size_t width,
                 const std::string &prefix = "") {
  std::string out, line;
  size_t i = 0;
  auto flush = [&] {
    if (!line.empty())
      out += prefix + line + "\n";
    line.clear();
  };
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos)
      j = text.size();
    std::string_view word = text.substr(i, j - i);
    // Count characters, not bytes, so "–" is one column.
    size_t shown = 0;
    for (char c : line)
      shown += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (!line.empty() && shown + 1 + word.size() > width)
      flush();
    if (!line.empty())
      line += ' ';
    line += word;
    i = j + 1;
  }
  flush();
  return out;
}

std::string indent(std::string_view text, const std::string &prefix) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos)
      j = text.size();
    out += prefix + std::string(text.substr(i, j - i)) + "\n";
    i = j + 1;
  }
  return out;
}

void explainText(const diag::KindInfo &k, llvm::raw_ostream &out) {
  const diag::CheckDoc &doc = diag::checkDoc(k.kind);
  out << k.name << " (" << diag::severityName(k.defaultSeverity)
      << "): " << k.summary << "\n\n";
  out << wrap(doc.explanation, 78) << "\n";
  out << "Example:\n" << indent(doc.example, "    ") << "\n";
  out << "Fix:\n" << wrap(doc.fix, 76, "  ");
}

void explainMarkdown(const diag::KindInfo &k, llvm::raw_ostream &out) {
  const diag::CheckDoc &doc = diag::checkDoc(k.kind);
  out << "### `" << k.name << "`\n\n";
  out << "*" << k.summary << ".* Default severity: **"
      << diag::severityName(k.defaultSeverity) << "**.\n\n";
  out << doc.explanation << "\n\n";
  out << "Example:\n\n```\n" << doc.example << "```\n\n";
  out << "Fix: " << doc.fix << "\n\n";
}

} // namespace

int runExplain(const std::vector<std::string> &names, ExplainFormat format,
               llvm::raw_ostream &out, llvm::raw_ostream &err) {
  std::vector<const diag::KindInfo *> chosen;
  std::vector<llvm::StringRef> all;
  for (const diag::KindInfo &k : diag::allKinds())
    all.push_back(llvm::StringRef(k.name.data(), k.name.size()));
  for (const std::string &name : names) {
    std::optional<diag::DiagKind> kind = diag::kindByName(name);
    if (!kind) {
      std::optional<std::string> near = sema::closestName(name, all);
      llvm::WithColor::error(err, "escc")
          << "there is no check called '" << name << "'"
          << (near ? "; did you mean '" + *near + "'?" : "") << "\n";
      err << "Run 'escc explain' to list every check.\n";
      return 2;
    }
    chosen.push_back(&diag::kindInfo(*kind));
  }

  if (format == ExplainFormat::Markdown) {
    if (chosen.empty())
      for (const diag::KindInfo &k : diag::allKinds())
        chosen.push_back(&k);
    for (const diag::KindInfo *k : chosen)
      explainMarkdown(*k, out);
    return 0;
  }
  if (chosen.empty()) {
    size_t width = 0;
    for (const diag::KindInfo &k : diag::allKinds())
      width = std::max(width, k.name.size());
    out << "escc finds these kinds of problem; 'escc explain NAME' tells "
           "more about one.\n\n";
    for (const diag::KindInfo &k : diag::allKinds())
      out << fmt::format("  {:<{}}  {:<7}  {}\n", k.name, width,
                         diag::severityName(k.defaultSeverity), k.summary);
    return 0;
  }
  for (size_t i = 0; i < chosen.size(); ++i) {
    if (i > 0)
      out << "\n";
    explainText(*chosen[i], out);
  }
  return 0;
}

} // namespace escalade::driver
