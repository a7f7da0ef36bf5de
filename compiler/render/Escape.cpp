// Escape.cpp — escaping source text for HTML, Markdown, DOT and Mermaid.
#include "render/Escape.h"

#include "source/Utf8.h"

#include <fmt/format.h>

namespace escalade::render {

std::string escapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
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
  for (char c : text) {
    if (c == '\n') {
      out += c;
      lineStart = digitsOnly = true;
      lineDigits = 0;
      continue;
    }
    if (c >= '0' && c <= '9' && digitsOnly) {
      out += c;
      ++lineDigits;
      lineStart = false;
      continue;
    }
    if (lineStart && (c == ' ' || c == '\t')) {
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
  // Graphviz's HTML-like labels take the XML entities; line breaks are
  // markup (<br/>), so raw ones are spaces.
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
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
    case '\n':
    case '\r':
    case '\t':
      out += ' ';
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escapeDotString(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n' || c == '\r' || c == '\t')
      c = ' ';
    out += c;
  }
  return out;
}

std::string escapeMermaid(std::string_view text) {
  // Letters, digits, spaces and non-ASCII text stay as they are; ASCII
  // punctuation that is harmless everywhere in a label stays readable; the
  // rest becomes a decimal entity code that Mermaid turns back into the
  // character as text.
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    bool plain = u >= 0x80 || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
                 c == ',' || c == '.' || c == ':' || c == '-' || c == '(' ||
                 c == ')' || c == '/' || c == '\'' || c == '?' || c == '+' ||
                 c == '@';
    if (plain)
      out += c;
    else if (u < 0x20 || u == 0x7f)
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
