// GithubRenderer.cpp — one workflow command per finding, its notes on the
// following lines of the same annotation. Values are escaped as the runner
// expects: `%`, CR and LF everywhere, and `:` and `,` in properties.
#include "diagnostics/GithubRenderer.h"

#include <string>

namespace escalade::diag {

namespace {

std::string escapeData(llvm::StringRef s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escapeProperty(llvm::StringRef s) {
  std::string out;
  for (char c : escapeData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char *command(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  default:
    return "notice";
  }
}

} // namespace

void renderGithub(const source::SourceManager &sources,
                  const DiagnosticEngine &engine, llvm::raw_ostream &out) {
  for (const Diagnostic &d : engine.diagnostics()) {
    out << "::" << command(d.severity);
    std::string props;
    if (uint32_t file = d.fileId()) {
      props += "file=" + escapeProperty(sources.path(file));
      if (d.range.isValid()) {
        source::LineColumn b = sources.start(d.range), e = sources.end(d.range);
        props += ",line=" + std::to_string(b.line) +
                 ",col=" + std::to_string(b.column) +
                 ",endLine=" + std::to_string(e.line) +
                 ",endColumn=" + std::to_string(e.column);
      }
      props += ",";
    }
    props += "title=" + escapeProperty(std::string(d.name()));
    out << " " << props << "::";
    std::string message = d.message;
    for (const Note &n : d.notes) {
      message += "\n";
      if (n.range.isValid()) {
        source::LineColumn lc = sources.start(n.range);
        message += "line " + std::to_string(lc.line) + ": ";
      }
      message += n.message;
    }
    out << escapeData(message) << "\n";
  }
}

} // namespace escalade::diag
