// Prose.h — the structure of a block of text written in a procedure
// (`purpose """..."""`, sections): paragraphs separated by blank lines, and
// lists whose items start with "- " (or "1. ", "1) " for numbered ones).
// Writers lay the blocks out in their own format.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace escalade::render {

struct ProseBlock {
  enum class Kind { Paragraph, List, NumberedList };
  Kind kind = Kind::Paragraph;
  /// A paragraph's text (one item), or a list's items; each on one line.
  std::vector<std::string> items;
};

std::vector<ProseBlock> parseProse(std::string_view text);

} // namespace escalade::render
