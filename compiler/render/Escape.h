// Escape.h — turning text from a procedure into text of each output format
// that shows exactly those characters and can do nothing else: no markup,
// no script, no change to the surrounding syntax. Every writer sends every
// piece of source text through one of these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace escalade::render {

/// For HTML text and attribute values (double- or single-quoted).
std::string escapeHtml(std::string_view text);

/// For Markdown inline text, in a paragraph, list item or table cell:
/// punctuation that could start markup is backslash-escaped, `<` and `&`
/// cannot open HTML or an entity, `|` cannot end a table cell, and a line
/// cannot start a heading, list or quote.
std::string escapeMarkdown(std::string_view text);

/// For the text of a Graphviz HTML-like label (`label=<...>`).
std::string escapeDotHtml(std::string_view text);

/// For a Graphviz double-quoted string (an ID or attribute).
std::string escapeDotString(std::string_view text);

/// For text inside a double-quoted Mermaid label (`id["..."]`): every
/// character that means something to Mermaid, HTML or Markdown is written
/// as a Mermaid entity code (`#35;`), which Mermaid shows as that character.
std::string escapeMermaid(std::string_view text);

/// Control characters (tabs, line breaks) become spaces and runs of spaces
/// one space: text that is to sit on one line of a label or cell.
std::string collapseSpaces(std::string_view text);

/// Breaks text into lines of at most `width` characters (code points) at
/// spaces; a word longer than the width gets a line of its own.
std::vector<std::string> wrapText(std::string_view text, size_t width);

/// The lines of wrapText, each escaped with `escape`, joined by `<br/>`
/// (a line break in both DOT's HTML-like labels and Mermaid's).
std::string wrapEscaped(std::string_view text, size_t width,
                        std::string (*escape)(std::string_view));

} // namespace escalade::render
