// Graphviz.cpp — running `dot` through temporary files, and trimming its
// SVG for inline use.
#include "render/Graphviz.h"

#include "render/Escape.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace escalade::render {

namespace {

/// A temporary file removed when this goes out of scope.
struct TempFile {
  llvm::SmallString<128> path;
  bool make(const char *suffix, std::string &error) {
    if (std::error_code ec =
            llvm::sys::fs::createTemporaryFile("escc-graph", suffix, path)) {
      error = "cannot make a temporary file: " + ec.message();
      return false;
    }
    return true;
  }
  ~TempFile() {
    if (!path.empty())
      llvm::sys::fs::remove(path);
  }
};

std::string readAll(const llvm::SmallString<128> &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  return buffer ? (*buffer)->getBuffer().str() : std::string();
}

} // namespace

bool findDot(std::string &error) {
  if (llvm::sys::findProgramByName("dot"))
    return true;
  error = "Graphviz's `dot` program was not found on PATH, and it is what "
          "draws the flowchart as SVG; install it (on Debian: apt-get "
          "install graphviz), or ask for --format=dot or --format=mermaid";
  return false;
}

std::optional<std::string> renderSvg(const std::string &dot,
                                     std::string &error) {
  llvm::ErrorOr<std::string> program = llvm::sys::findProgramByName("dot");
  if (!program) {
    findDot(error);
    return std::nullopt;
  }
  TempFile in, out, err;
  if (!in.make("dot", error) || !out.make("svg", error) ||
      !err.make("txt", error))
    return std::nullopt;
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(in.path, ec);
    if (ec) {
      error = "cannot write a temporary file: " + ec.message();
      return std::nullopt;
    }
    os << dot;
  }
  llvm::Optional<llvm::StringRef> redirects[] = {llvm::StringRef(in.path),
                                                 llvm::StringRef(out.path),
                                                 llvm::StringRef(err.path)};
  std::string message;
  // Large procedures take dot a few seconds; two minutes means it is stuck.
  int rc = llvm::sys::ExecuteAndWait(*program, {"dot", "-Tsvg"},
                                     /*Env=*/llvm::None, redirects,
                                     /*SecondsToWait=*/120, /*MemoryLimit=*/0,
                                     &message);
  if (rc != 0) {
    std::string detail = collapseSpaces(readAll(err.path));
    if (detail.empty())
      detail = message.empty() ? fmt::format("exit code {}", rc) : message;
    error = fmt::format("Graphviz's `dot` could not draw the flowchart: {}",
                        detail);
    return std::nullopt;
  }
  std::string svg = readAll(out.path);
  if (svg.find("<svg") == std::string::npos) {
    error = "Graphviz's `dot` wrote no SVG";
    return std::nullopt;
  }
  return svg;
}

std::string svgForHtml(const std::string &svg, const std::string &idPrefix,
                       const std::string &title, const std::string &desc) {
  size_t start = svg.find("<svg");
  std::string body = start == std::string::npos ? svg : svg.substr(start);
  std::string out;
  out.reserve(body.size() + 256);
  // Copy, leaving out comments and prefixing ids; dot writes every id as
  // ` id="..."` and refers to none of them.
  for (size_t i = 0; i < body.size();) {
    if (body.compare(i, 4, "<!--") == 0) {
      size_t end = body.find("-->", i + 4);
      i = end == std::string::npos ? body.size() : end + 3;
      continue;
    }
    if (body.compare(i, 5, " id=\"") == 0) {
      out += " id=\"" + idPrefix + "-";
      i += 5;
      continue;
    }
    out += body[i++];
  }
  // Name the drawing: role, and a title and description of our own as the
  // first children.
  size_t tagEnd = out.find('>');
  if (tagEnd == std::string::npos)
    return out;
  std::string naming = fmt::format(
      " role=\"img\" aria-labelledby=\"{0}-title {0}-desc\"", idPrefix);
  std::string children = fmt::format(
      "\n<title id=\"{}-title\">{}</title>\n<desc id=\"{}-desc\">{}</desc>",
      idPrefix, escapeHtml(title), idPrefix, escapeHtml(desc));
  out.insert(tagEnd + 1, children);
  out.insert(tagEnd, naming);
  return out;
}

} // namespace escalade::render
