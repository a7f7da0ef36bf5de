// LineForms.h — what each kind of line looks like, keyed by the keyword
// that starts it. Syntax errors quote the form of the line they are in, and
// suggest a keyword when a line starts with a misspelt one.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace escalade::parse {

struct LineForm {
  size_t tokenType;         ///< The generated lexer's token type.
  std::string_view keyword; ///< As written: `owner`, `respond`.
  std::string_view example; ///< A complete line, taken from policies/.
  std::string_view meaning; ///< Half a sentence: "says who leads a stage".
};

/// Every keyword that can start a line, in the order docs/language.md
/// presents them.
const std::vector<LineForm> &lineForms();

/// The form of lines starting with this token type, or nullptr.
const LineForm *lineFormFor(size_t tokenType);

} // namespace escalade::parse
