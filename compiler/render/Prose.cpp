// Prose.cpp — paragraphs and "- " lists in procedure text.
#include "render/Prose.h"

#include "render/Escape.h"

namespace escalade::render {

static std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/// Whether `line` starts a list item, which kind, and the item's text.
static bool startsItem(std::string_view line, std::string_view &rest,
                       ProseBlock::Kind &kind) {
  for (std::string_view bullet : {"- ", "* ", "\u2022 "})
    if (line.substr(0, bullet.size()) == bullet) {
      rest = line.substr(bullet.size());
      kind = ProseBlock::Kind::List;
      return true;
    }
  size_t digits = 0;
  while (digits < line.size() && digits < 3 && line[digits] >= '0' &&
         line[digits] <= '9')
    ++digits;
  if (digits > 0 && line.size() > digits + 1 &&
      (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ') {
    rest = line.substr(digits + 2);
    kind = ProseBlock::Kind::NumberedList;
    return true;
  }
  return false;
}

std::vector<ProseBlock> parseProse(std::string_view text) {
  std::vector<ProseBlock> blocks;
  bool open = false; // the last block takes more lines
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view raw = text.substr(0, end);
    std::string_view line = trimmed(raw);
    bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    text = end == std::string_view::npos ? std::string_view()
                                         : text.substr(end + 1);
    if (line.empty()) {
      open = false;
      continue;
    }
    std::string_view item;
    ProseBlock::Kind kind;
    if (startsItem(line, item, kind)) {
      if (!open || blocks.back().kind != kind)
        blocks.push_back({kind, {}});
      blocks.back().items.emplace_back(item);
      open = true;
      continue;
    }
    // An item goes on over indented lines; a line back at the margin after
    // a list starts a paragraph.
    if (open && blocks.back().kind != ProseBlock::Kind::Paragraph && !indented)
      open = false;
    if (open) {
      std::string &last = blocks.back().items.back();
      last += ' ';
      last += line;
      continue;
    }
    blocks.push_back({ProseBlock::Kind::Paragraph, {std::string(line)}});
    open = true;
  }
  for (ProseBlock &b : blocks)
    for (std::string &item : b.items)
      item = collapseSpaces(item);
  return blocks;
}

} // namespace escalade::render
