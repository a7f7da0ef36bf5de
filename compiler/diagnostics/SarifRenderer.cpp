// SarifRenderer.cpp — building the SARIF log with llvm::json. Columns are
// Unicode code points (`columnKind`), as in escc's other outputs; paths are
// relative to SRCROOT where they can be.
#include "diagnostics/SarifRenderer.h"

#include <fmt/format.h>

#include <cctype>
#include <cstring>

namespace escalade::diag {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

/// Percent-encodes what a URI reference may not hold as it is.
std::string uriEscape(llvm::StringRef path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::strchr("-._~/", c))
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

Object artifactLocation(llvm::StringRef path) {
  if (path.startswith("/"))
    return Object{{"uri", "file://" + uriEscape(path)}};
  return Object{{"uri", uriEscape(path)}, {"uriBaseId", "SRCROOT"}};
}

Object region(const source::SourceManager &sources, SourceRange r) {
  source::LineColumn b = sources.start(r), e = sources.end(r);
  return Object{{"startLine", b.line},
                {"startColumn", b.column},
                {"endLine", e.line},
                {"endColumn", e.column}};
}

Object physical(const source::SourceManager &sources, uint32_t file,
                SourceRange r) {
  if (r.isValid())
    file = r.file;
  Object loc{{"artifactLocation", artifactLocation(sources.path(file))}};
  if (r.isValid())
    loc["region"] = region(sources, r);
  return loc;
}

const char *level(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  default:
    return "note";
  }
}

/// "missing-timescale" → "MissingTimescale".
std::string pascalCase(std::string_view name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper
               ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
               : c;
    upper = false;
  }
  return out;
}

Array rules() {
  Array out;
  for (const KindInfo &k : allKinds()) {
    const CheckDoc &doc = checkDoc(k.kind);
    std::string help = fmt::format("{}\n\nExample:\n{}", doc.fix, doc.example);
    std::string markdown =
        fmt::format("{}\n\n**Example**\n\n```\n{}```\n", doc.fix, doc.example);
    out.push_back(Object{
        {"id", llvm::StringRef(k.name.data(), k.name.size())},
        {"name", pascalCase(k.name)},
        {"shortDescription",
         Object{{"text", llvm::StringRef(k.summary.data(), k.summary.size())}}},
        {"fullDescription",
         Object{{"text", llvm::StringRef(doc.explanation.data(),
                                         doc.explanation.size())}}},
        {"help", Object{{"text", help}, {"markdown", markdown}}},
        {"defaultConfiguration", Object{{"level", level(k.defaultSeverity)}}}});
  }
  return out;
}

} // namespace

Value sarifLog(const source::SourceManager &sources,
               const DiagnosticEngine &engine, const SarifRun &run) {
  Array results;
  for (const Diagnostic &d : engine.diagnostics()) {
    Object result{{"ruleId", llvm::StringRef(d.name().data(), d.name().size())},
                  {"ruleIndex", static_cast<int64_t>(d.kind)},
                  {"level", level(d.severity)},
                  {"message", Object{{"text", d.message}}}};
    if (d.fileId())
      result["locations"] = Array{
          Object{{"physicalLocation", physical(sources, d.fileId(), d.range)}}};
    Array related;
    int64_t id = 1;
    for (const Note &n : d.notes) {
      Object loc{{"id", id++}, {"message", Object{{"text", n.message}}}};
      if (n.range.isValid())
        loc["physicalLocation"] = physical(sources, 0, n.range);
      related.push_back(std::move(loc));
    }
    if (!related.empty())
      result["relatedLocations"] = std::move(related);
    if (!d.fixes.empty()) {
      Array changes;
      for (const FixIt &f : d.fixes)
        changes.push_back(Object{
            {"artifactLocation", artifactLocation(sources.path(f.range.file))},
            {"replacements",
             Array{Object{
                 {"deletedRegion", region(sources, f.range)},
                 {"insertedContent", Object{{"text", f.replacement}}}}}}});
      result["fixes"] =
          Array{Object{{"description", Object{{"text", "Suggested fix"}}},
                       {"artifactChanges", std::move(changes)}}};
    }
    results.push_back(std::move(result));
  }

  Array notifications;
  for (const std::string &problem : run.inputProblems)
    notifications.push_back(
        Object{{"level", "error"}, {"message", Object{{"text", problem}}}});
  std::string root = run.sourceRoot;
  if (root.empty() || root.back() != '/')
    root += '/';

  Object driver{{"name", "escc"},
                {"fullName", "Escalade compiler"},
                {"version", run.toolVersion},
                {"semanticVersion", run.toolVersion},
                {"rules", rules()}};
  Object sarifRun{
      {"tool", Object{{"driver", std::move(driver)}}},
      {"columnKind", "unicodeCodePoints"},
      {"originalUriBaseIds",
       Object{{"SRCROOT", Object{{"uri", "file://" + uriEscape(root)}}}}},
      {"results", std::move(results)},
      {"invocations",
       Array{
           Object{{"executionSuccessful", run.inputProblems.empty()},
                  {"toolExecutionNotifications", std::move(notifications)}}}}};
  return Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Array{std::move(sarifRun)}}};
}

} // namespace escalade::diag
