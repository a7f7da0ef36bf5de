// TextRenderer.cpp — clang-style text: a bold `file:line:col:`, a coloured
// severity, the message, then the source line with a caret and `~` under the
// range, and any fix under that.
//
// llvm::SourceMgr finds the lines; the snippet is drawn here rather than by
// llvm::SMDiagnostic::print, which (in LLVM 14) prints no caret at all for a
// line containing a non-ASCII character, and procedure titles are full of
// "–" and "’". Columns are display columns: tabs expand to the next multiple
// of eight, and each character is as wide as a terminal shows it.
#include "diagnostics/TextRenderer.h"

#include "source/Utf8.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Unicode.h"
#include "llvm/Support/WithColor.h"

#include <fmt/format.h>

#include <algorithm>

namespace escalade::diag {

namespace {

/// A source line prepared for display: the text with tabs expanded, and the
/// display column at which each byte of the original line starts.
struct DisplayLine {
  std::string text;
  std::vector<unsigned> columnOfByte; ///< Size: line bytes + 1.

  explicit DisplayLine(llvm::StringRef line) {
    columnOfByte.assign(line.size() + 1, 0);
    unsigned column = 0;
    for (size_t i = 0; i < line.size();) {
      unsigned length = llvm::getNumBytesForUTF8(line[i]);
      length = std::max(1u, std::min<unsigned>(length, line.size() - i));
      // A byte that does not begin a well-formed character (the line of an
      // `invalid-encoding` finding) is shown by its value, so the output
      // stays UTF-8.
      const auto *bytes = reinterpret_cast<const llvm::UTF8 *>(line.data() + i);
      if (!llvm::isLegalUTF8Sequence(bytes, bytes + length)) {
        std::string shown =
            fmt::format("<0x{:02X}>", static_cast<unsigned char>(line[i]));
        columnOfByte[i] = column;
        text += shown;
        column += shown.size();
        ++i;
        continue;
      }
      for (unsigned k = 0; k < length; ++k)
        columnOfByte[i + k] = column;
      llvm::StringRef ch = line.substr(i, length);
      uint32_t cp =
          source::decodeCodePoint(std::string_view(ch.data(), ch.size()));
      if (cp == '\t') {
        unsigned next = (column / 8 + 1) * 8;
        text.append(next - column, ' ');
        column = next;
      } else if (source::isInvisible(cp)) {
        // Drawn by number: an escape character must not reach the terminal,
        // and a no-break space must not pass for a space.
        std::string shown = fmt::format("<U+{:04X}>", cp);
        text += shown;
        column += shown.size();
      } else {
        int width = llvm::sys::unicode::columnWidthUTF8(ch);
        text += ch.str();
        column += width < 0 ? 1 : static_cast<unsigned>(width);
      }
      i += length;
    }
    columnOfByte[line.size()] = column;
  }

  unsigned column(size_t byte) const {
    return columnOfByte[std::min(byte, columnOfByte.size() - 1)];
  }
};

llvm::raw_ostream &label(llvm::raw_ostream &out, Severity s, bool colors) {
  switch (s) {
  case Severity::Error:
    return llvm::WithColor::error(out, "", !colors);
  case Severity::Warning:
    return llvm::WithColor::warning(out, "", !colors);
  case Severity::Note:
  case Severity::Ignored:
    break;
  }
  return llvm::WithColor::note(out, "", !colors);
}

} // namespace

void TextRenderer::print(uint32_t file, SourceRange range, Severity severity,
                         const std::string &message,
                         const std::vector<FixIt> &fixes) {
  if (range.isValid())
    file = range.file;
  {
    llvm::WithColor header(Out, llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true,
                           /*BG=*/false,
                           Colors ? llvm::ColorMode::Enable
                                  : llvm::ColorMode::Disable);
    if (file != 0) {
      Out << Sources.path(file);
      if (range.isValid()) {
        source::LineColumn lc = Sources.lineColumn(range.file, range.begin);
        Out << ':' << lc.line << ':' << lc.column;
      }
      Out << ": ";
    }
  }
  label(Out, severity, Colors);
  {
    llvm::WithColor text(Out, llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true,
                         /*BG=*/false,
                         Colors ? llvm::ColorMode::Enable
                                : llvm::ColorMode::Disable);
    Out << message;
  }
  Out << '\n';
  if (!range.isValid())
    return;

  llvm::StringRef text = Sources.text(range.file);
  llvm::StringRef fullLine = Sources.lineText(range.file, range.begin);
  size_t fullStart = fullLine.data() - text.data();

  // Show at most MaxShown characters of a long line, around the caret.
  constexpr unsigned ContextBefore = 60, MaxShown = 160;
  auto isLead = source::isUtf8Lead;
  size_t at = range.begin - fullStart;
  size_t winBegin = at, winEnd = at;
  for (unsigned n = 0; winBegin > 0 && n < ContextBefore;) {
    --winBegin;
    if (isLead(fullLine[winBegin]))
      ++n;
  }
  for (unsigned n = 0;
       winEnd < fullLine.size() && n < MaxShown - ContextBefore;) {
    ++winEnd;
    while (winEnd < fullLine.size() && !isLead(fullLine[winEnd]))
      ++winEnd;
    ++n;
  }
  const std::string leftMark = winBegin > 0 ? "..." : "";
  const std::string rightMark = winEnd < fullLine.size() ? "..." : "";
  llvm::StringRef line = fullLine.slice(winBegin, winEnd);
  size_t lineStart = fullStart + winBegin;
  DisplayLine display(line);
  unsigned shift = leftMark.size();

  // The caret line: `^` at the start, `~` under the rest of the range on
  // this line (a range running onto later lines is shown to the line's end).
  size_t from = range.begin - lineStart;
  size_t to = std::min<size_t>(range.end, lineStart + line.size()) - lineStart;
  to = std::max(to, from);
  unsigned caretColumn = shift + display.column(from);
  unsigned endColumn = std::max(shift + display.column(to), caretColumn + 1);
  std::string caret(endColumn, ' ');
  for (unsigned c = caretColumn; c < endColumn; ++c)
    caret[c] = '~';
  caret[caretColumn] = '^';

  Out << leftMark << display.text << rightMark << '\n';
  {
    llvm::WithColor green(Out, llvm::raw_ostream::GREEN, /*Bold=*/true,
                          /*BG=*/false,
                          Colors ? llvm::ColorMode::Enable
                                 : llvm::ColorMode::Disable);
    Out << caret;
  }
  Out << '\n';

  // Fixes on the shown part of the line: the new text under the old.
  std::string fixLine;
  for (const FixIt &f : fixes) {
    // A fix that is only spaces, or spans lines, cannot be seen here; it is
    // still in the JSON and SARIF output.
    if (f.range.file != range.file || f.range.begin < lineStart ||
        f.range.begin > lineStart + line.size() ||
        f.replacement.find('\n') != std::string::npos ||
        f.replacement.find_first_not_of(' ') == std::string::npos)
      continue;
    unsigned column = shift + display.column(f.range.begin - lineStart);
    if (fixLine.size() > column)
      continue; // Overlaps an earlier fix; show only the first.
    fixLine.append(column - fixLine.size(), ' ');
    fixLine += f.replacement;
  }
  if (!fixLine.empty()) {
    {
      llvm::WithColor green(Out, llvm::raw_ostream::GREEN, /*Bold=*/false,
                            /*BG=*/false,
                            Colors ? llvm::ColorMode::Enable
                                   : llvm::ColorMode::Disable);
      Out << fixLine;
    }
    Out << '\n';
  }
}

void TextRenderer::render(const Diagnostic &d) {
  std::string message = d.message + " [" + std::string(d.name()) + "]";
  print(d.fileId(), d.range, d.severity, message, d.fixes);
  for (const Note &n : d.notes)
    print(0, n.range, Severity::Note, n.message, {});
}

} // namespace escalade::diag
