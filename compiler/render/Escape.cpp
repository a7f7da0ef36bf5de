// Escape.cpp — escaping source text for HTML, Markdown, DOT and Mermaid.
#include "render/Escape.h"

#include "source/Utf8.h"

#include <fmt/format.h>

namespace escalade::render {

namespace {

bool isControl(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

/// U+FFFE and U+FFFF, which XML (so SVG, and Graphviz's labels) refuses.
bool isNoncharacterAt(std::string_view text, size_t i) {
  return text.substr(i, 2) == "\xEF\xBF" && i + 2 < text.size() &&
         (text[i + 2] == '\xBE' || text[i + 2] == '\xBF');
}

constexpr const char *ReplacementCharacter = "\xEF\xBF\xBD";

} // namespace

std::string escapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (isControl(c)) {
      out += ' ';
      continue;
    }
    if (isNoncharacterAt(text, i)) {
      out += ReplacementCharacter;
      i += 2;
      continue;
    }
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  bool lineStart = true;  // nothing but spaces yet on this line
  bool digitsOnly = true; // nothing but spaces and digits yet
  size_t lineDigits = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // Inline text has no line breaks of its own (CommonMark ends lines at
    // \r too): every control character is a space.
    if (isControl(c))
      c = ' ';
    if (isNoncharacterAt(text, i)) {
      out += ReplacementCharacter;
      i += 2;
      lineStart = digitsOnly = false;
      continue;
    }
    if (c >= '0' && c <= '9' && digitsOnly) {
      out += c;
      ++lineDigits;
      lineStart = false;
      continue;
    }
    if (lineStart && c == ' ') {
      out += c;
      continue;
    }
    switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '|':
    case '~':
    case '#':
    case '!':
    case '$':
      out += '\\';
      out += c;
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '-':
    case '+':
    case '=':
      // A list item, thematic break or heading underline only at the start.
      if (lineStart)
        out += '\\';
      out += c;
      break;
    case '.':
    case ')':
      // `1.` or `1)` at the start of a line would begin an ordered list.
      if (digitsOnly && lineDigits > 0)
        out += '\\';
      out += c;
      break;
    default:
      out += c;
    }
    lineStart = digitsOnly = false;
  }
  return out;
}

std::string escapeDotHtml(std::string_view text) {
  // Graphviz's HTML-like labels take the same XML entities as HTML, and
  // line breaks there are markup (<br/>), so raw ones are spaces, as in
  // escapeHtml.
  return escapeHtml(text);
}

std::string escapeDotString(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (isNoncharacterAt(text, i)) {
      out += ReplacementCharacter;
      i += 2;
      continue;
    }
    if (c == '"' || c == '\\')
      out += '\\';
    out += isControl(c) ? ' ' : c;
  }
  return out;
}

std::string escapeMermaid(std::string_view text) {
  // Letters, digits, spaces and non-ASCII text stay as they are; ASCII
  // punctuation that is harmless everywhere in a label stays readable; the
  // rest becomes a decimal entity code that Mermaid turns back into the
  // character as text. Also written as a code: a `:` not followed by a
  // space, since Mermaid rewrites any line matching /style.*:\S*#.*;/
  // (and the same with classDef).
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (isNoncharacterAt(text, i)) {
      out += ReplacementCharacter;
      i += 2;
      continue;
    }
    bool plain = u >= 0x80 || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
                 c == ',' || c == '.' || c == '-' || c == '(' || c == ')' ||
                 c == '/' || c == '\'' || c == '?' || c == '+' || c == '@' ||
                 (c == ':' && i + 1 < text.size() && text[i + 1] == ' ');
    if (plain)
      out += c;
    else if (isControl(c))
      out += ' ';
    else
      out += fmt::format("#{};", static_cast<unsigned>(u));
  }
  return out;
}

std::string collapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' || u < 0x20 || u == 0x7f) {
      space = true;
      continue;
    }
    if (space && !out.empty())
      out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string wrapEscaped(std::string_view text, size_t width,
                        std::string (*escape)(std::string_view)) {
  std::string out;
  std::vector<std::string> lines = wrapText(text, width);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i)
      out += "<br/>";
    out += escape(lines[i]);
  }
  return out;
}

std::vector<std::string> wrapText(std::string_view text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t lineWidth = 0;
  std::string oneLine = collapseSpaces(text);
  std::string_view rest = oneLine;
  while (!rest.empty()) {
    size_t end = rest.find(' ');
    std::string_view word = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view()
                                         : rest.substr(end + 1);
    size_t w = source::countCodePoints(word);
    if (lineWidth > 0 && lineWidth + 1 + w > width) {
      lines.push_back(std::move(line));
      line.clear();
      lineWidth = 0;
    }
    if (lineWidth > 0) {
      line += ' ';
      ++lineWidth;
    }
    line += word;
    lineWidth += w;
  }
  if (!line.empty() || lines.empty())
    lines.push_back(std::move(line));
  return lines;
}

} // namespace escalade::render
