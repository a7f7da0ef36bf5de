// escc.cpp — the Escalade compiler driver: parses the command line and runs
// one command from the driver library.
//
//   escc check PATH...     check procedures (files, or folders of *.esc)
//   escc build FILE -o T   compile a procedure file to a runtime table
//   escc explain [NAME...] what a check means, with an example and the fix
//   escc graph FILE        draw a procedure's flowchart (DOT, Mermaid, SVG)
//   escc doc FILE          write the practitioner document (Markdown, HTML)
//
// Exit codes: 0 no errors (warnings allowed, unless --werror), 1 findings at
// error level, 2 usage or input/output problems.
#include "calendar/DateFormat.h"
#include "driver/BuildCommand.h"
#include "driver/CheckCommand.h"
#include "driver/DocCommand.h"
#include "driver/ExplainCommand.h"
#include "driver/GraphCommand.h"
#include "sema/Suggest.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <ctime>

using namespace llvm;
using namespace escalade;
using namespace escalade::driver;

static cl::OptionCategory EscCategory("escc options");

// ----------------------------------------------------------------- check --

static cl::SubCommand CheckCmd("check",
                               "Check procedures for mistakes and gaps");
static cl::list<std::string> CheckPaths(cl::Positional, cl::ZeroOrMore,
                                        cl::desc("<file or folder>..."),
                                        cl::sub(CheckCmd),
                                        cl::cat(EscCategory));
static cl::opt<OutputFormat> CheckFormat(
    "format", cl::desc("How to print findings"),
    cl::values(
        clEnumValN(OutputFormat::Text, "text",
                   "Messages with the source line and a caret"),
        clEnumValN(OutputFormat::Json, "json",
                   "One JSON document (docs/diagnostics-json.md)"),
        clEnumValN(OutputFormat::Sarif, "sarif",
                   "A SARIF 2.1.0 log, for code-scanning services"),
        clEnumValN(OutputFormat::Github, "github",
                   "GitHub Actions annotations (::error file=...::...)")),
    cl::init(OutputFormat::Text), cl::sub(CheckCmd), cl::cat(EscCategory));
static cl::opt<bool> DumpAST("dump-ast",
                             cl::desc("Print each file's syntax tree first"),
                             cl::sub(CheckCmd), cl::cat(EscCategory));
static cl::opt<bool>
    ParseOnly("parse-only",
              cl::desc("Check syntax and names only, none of the gap "
                       "analyses (quick feedback while editing)"),
              cl::sub(CheckCmd), cl::cat(EscCategory));
static cl::opt<bool> Werror("werror", cl::desc("Treat warnings as errors"),
                            cl::sub(CheckCmd), cl::cat(EscCategory));
static cl::list<std::string>
    ErrorChecks("error", cl::desc("Report this check as an error"),
                cl::value_desc("check"), cl::sub(CheckCmd),
                cl::cat(EscCategory));
static cl::list<std::string>
    WarningChecks("warning",
                  cl::desc("Report this check as a warning (even with "
                           "--werror)"),
                  cl::value_desc("check"), cl::sub(CheckCmd),
                  cl::cat(EscCategory));
static cl::list<std::string> IgnoreChecks("ignore",
                                          cl::desc("Do not report this check"),
                                          cl::value_desc("check"),
                                          cl::sub(CheckCmd),
                                          cl::cat(EscCategory));
static cl::opt<std::string> Today(
    "today", cl::desc("The date to judge review dates by (default: today)"),
    cl::value_desc("YYYY-MM-DD"), cl::sub(CheckCmd), cl::cat(EscCategory));

enum class ColorChoice { Auto, Always, Never };
static cl::opt<ColorChoice> Color(
    "color", cl::desc("When to colour text output"),
    cl::values(clEnumValN(ColorChoice::Auto, "auto", "On a terminal (default)"),
               clEnumValN(ColorChoice::Always, "always", "Always"),
               clEnumValN(ColorChoice::Never, "never", "Never")),
    cl::init(ColorChoice::Auto), cl::sub(CheckCmd), cl::cat(EscCategory));

// ----------------------------------------------------------------- build --

static cl::SubCommand BuildCmd("build",
                               "Compile procedure files to runtime tables "
                               "for escrun");
static cl::list<std::string> BuildPaths(cl::Positional, cl::ZeroOrMore,
                                        cl::desc("<file or folder>..."),
                                        cl::sub(BuildCmd),
                                        cl::cat(EscCategory));
static cl::opt<std::string>
    BuildOutput("o", cl::desc("Write the table here ('-' for standard output)"),
                cl::value_desc("path"), cl::sub(BuildCmd),
                cl::cat(EscCategory));
static cl::opt<std::string> BuildOutDir(
    "out-dir", cl::desc("Write one table per file into this folder"),
    cl::value_desc("folder"), cl::sub(BuildCmd), cl::cat(EscCategory));
static cl::opt<EmitKind> BuildEmit(
    "emit", cl::desc("What to write"),
    cl::values(clEnumValN(EmitKind::Table, "table",
                          "The binary table escrun reads (default)"),
               clEnumValN(EmitKind::Json, "json",
                          "The same table as JSON (docs/table-format.md)")),
    cl::init(EmitKind::Table), cl::sub(BuildCmd), cl::cat(EscCategory));
static cl::opt<std::string> BuildCalendar(
    "calendar",
    cl::desc("Count working days with this bank-holidays file (the gov.uk "
             "format) instead of the built-in England and Wales calendar"),
    cl::value_desc("file"), cl::sub(BuildCmd), cl::cat(EscCategory));
static cl::opt<std::string>
    BuildDivision("division",
                  cl::desc("Which calendar of the --calendar file to use, "
                           "such as scotland"),
                  cl::value_desc("name"), cl::sub(BuildCmd),
                  cl::cat(EscCategory));

// --------------------------------------------------------------- explain --

static cl::SubCommand ExplainCmd("explain",
                                 "Explain a check: what it finds, an example "
                                 "and the fix");
static cl::list<std::string> ExplainNames(cl::Positional, cl::ZeroOrMore,
                                          cl::desc("[check]..."),
                                          cl::sub(ExplainCmd),
                                          cl::cat(EscCategory));
static cl::opt<ExplainFormat>
    ExplainFmt("format", cl::desc("How to print"),
               cl::values(clEnumValN(ExplainFormat::Text, "text", "Plain text"),
                          clEnumValN(ExplainFormat::Markdown, "markdown",
                                     "Markdown, as in docs/checks.md")),
               cl::init(ExplainFormat::Text), cl::sub(ExplainCmd),
               cl::cat(EscCategory));

// ----------------------------------------------------------------- graph --

static cl::SubCommand GraphCmd("graph",
                               "Draw a procedure's flowchart: every stage, "
                               "route and outcome");
static cl::list<std::string> GraphPaths(cl::Positional, cl::ZeroOrMore,
                                        cl::desc("<file or folder>..."),
                                        cl::sub(GraphCmd),
                                        cl::cat(EscCategory));
static cl::opt<GraphFormat> GraphFmt(
    "format",
    cl::desc("What to draw (default: from the -o file's extension, else dot)"),
    cl::values(
        clEnumValN(GraphFormat::Dot, "dot", "Graphviz DOT"),
        clEnumValN(GraphFormat::Mermaid, "mermaid",
                   "A Mermaid flowchart, as code hosts draw in Markdown"),
        clEnumValN(GraphFormat::Svg, "svg",
                   "An SVG picture, drawn by Graphviz's dot program")),
    cl::init(GraphFormat::Dot), cl::sub(GraphCmd), cl::cat(EscCategory));
static cl::opt<std::string> GraphProcedure(
    "procedure",
    cl::desc("Draw this procedure (needed when a file has several)"),
    cl::value_desc("name"), cl::sub(GraphCmd), cl::cat(EscCategory));
static cl::opt<std::string>
    GraphOutput("o",
                cl::desc("Write the drawing here (default: standard "
                         "output)"),
                cl::value_desc("path"), cl::sub(GraphCmd),
                cl::cat(EscCategory));
static cl::opt<std::string> GraphOutDir(
    "out-dir", cl::desc("Draw every procedure into this folder, one file each"),
    cl::value_desc("folder"), cl::sub(GraphCmd), cl::cat(EscCategory));

// ------------------------------------------------------------------- doc --

static cl::SubCommand DocCmd("doc",
                             "Write the procedure as a practitioner reads "
                             "it, with its flowchart");
static cl::list<std::string> DocPaths(cl::Positional, cl::ZeroOrMore,
                                      cl::desc("<file or folder>..."),
                                      cl::sub(DocCmd), cl::cat(EscCategory));
static cl::opt<DocFormat> DocFmt(
    "format",
    cl::desc("What to write (default: from the -o file's extension, else md)"),
    cl::values(clEnumValN(DocFormat::Markdown, "md",
                          "Markdown, the flowchart as a Mermaid block"),
               clEnumValN(DocFormat::Html, "html",
                          "One self-contained HTML file, the flowchart as "
                          "SVG (needs Graphviz's dot)")),
    cl::init(DocFormat::Markdown), cl::sub(DocCmd), cl::cat(EscCategory));
static cl::opt<std::string>
    DocProcedure("procedure",
                 cl::desc("Write up this procedure alone (default: every "
                          "procedure of the file)"),
                 cl::value_desc("name"), cl::sub(DocCmd), cl::cat(EscCategory));
static cl::opt<std::string>
    DocOutput("o",
              cl::desc("Write the document here (default: standard "
                       "output)"),
              cl::value_desc("path"), cl::sub(DocCmd), cl::cat(EscCategory));
static cl::opt<std::string>
    DocOutDir("out-dir",
              cl::desc("Write one document per procedure file into this "
                       "folder"),
              cl::value_desc("folder"), cl::sub(DocCmd), cl::cat(EscCategory));

// ----------------------------------------------------------------- helpers --

static bool useColors(raw_ostream &out) {
  switch (Color) {
  case ColorChoice::Always:
    return true;
  case ColorChoice::Never:
    return false;
  case ColorChoice::Auto:
    break;
  }
  return out.has_colors();
}

static int usageError(const Twine &message) {
  WithColor::error(errs(), "escc", Color == ColorChoice::Never)
      << message << "\n";
  return 2;
}

/// Resolves --error/--warning/--ignore NAME; false (after saying why) for a
/// name that is no check, or an error that would be hidden.
static bool addSeverities(const cl::list<std::string> &names,
                          diag::Severity severity, const char *option,
                          CheckOptions &options) {
  for (const std::string &name : names) {
    std::optional<diag::DiagKind> kind = diag::kindByName(name);
    if (!kind) {
      std::vector<StringRef> all;
      for (const diag::KindInfo &k : diag::allKinds())
        all.push_back(StringRef(k.name.data(), k.name.size()));
      std::optional<std::string> near = sema::closestName(name, all);
      usageError("--" + Twine(option) + " " + name +
                 ": there is no such check" +
                 (near ? "; did you mean '" + *near + "'?" : ""));
      return false;
    }
    if (diag::kindInfo(*kind).defaultSeverity == diag::Severity::Error &&
        severity != diag::Severity::Error) {
      usageError("--" + Twine(option) + " " + name +
                 ": an error cannot be lowered, because a procedure with it "
                 "cannot be run as written");
      return false;
    }
    options.severities.push_back({*kind, severity});
  }
  return true;
}

/// Today's date where the user is (local time).
static std::chrono::sys_days localToday() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  using namespace std::chrono;
  return sys_days{year{local.tm_year + 1900} / (local.tm_mon + 1) /
                  local.tm_mday};
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(EscCategory, *cl::TopLevelSubCommand);
  cl::HideUnrelatedOptions(EscCategory, CheckCmd);
  cl::HideUnrelatedOptions(EscCategory, ExplainCmd);
  cl::HideUnrelatedOptions(EscCategory, BuildCmd);
  cl::HideUnrelatedOptions(EscCategory, GraphCmd);
  cl::HideUnrelatedOptions(EscCategory, DocCmd);
  cl::SetVersionPrinter(
      [](raw_ostream &os) { os << "escc (Escalade) 0.1.0\n"; });
  std::string errors;
  raw_string_ostream errorStream(errors);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "Escalade compiler: checks and compiles escalation procedures\n",
          &errorStream, /*EnvVar=*/nullptr,
          /*LongOptionsUseDoubleDash=*/true)) {
    errs() << errorStream.str();
    errs() << "Run 'escc --help' to see the commands.\n";
    return 2;
  }

  if (ExplainCmd)
    return runExplain({ExplainNames.begin(), ExplainNames.end()}, ExplainFmt,
                      outs(), errs());

  if (BuildCmd) {
    if (BuildPaths.empty())
      return usageError("nothing to build; give a procedure file, as in "
                        "'escc build policies/medway.esc -o medway.esct'");
    if (!BuildOutput.empty() && !BuildOutDir.empty())
      return usageError("give -o or --out-dir, not both");
    BuildOptions options;
    options.paths.assign(BuildPaths.begin(), BuildPaths.end());
    options.output = BuildOutput;
    options.outDir = BuildOutDir;
    options.emit = BuildEmit;
    options.calendarFile = BuildCalendar;
    options.division = BuildDivision;
    options.colors = useColors(errs());
    return runBuild(options, outs(), errs());
  }

  if (GraphCmd) {
    GraphOptions options;
    options.paths.assign(GraphPaths.begin(), GraphPaths.end());
    options.procedure = GraphProcedure;
    options.format = GraphFmt;
    if (GraphFmt.getNumOccurrences() == 0 && !GraphOutput.empty() &&
        GraphOutput != "-") {
      std::string ext = sys::path::extension(GraphOutput.getValue()).lower();
      if (ext == ".svg")
        options.format = GraphFormat::Svg;
      else if (ext == ".mmd" || ext == ".mermaid")
        options.format = GraphFormat::Mermaid;
      else if (ext == ".dot" || ext == ".gv")
        options.format = GraphFormat::Dot;
      else
        return usageError("cannot tell what to draw from the name '" +
                          GraphOutput +
                          "'; name it .svg, .mmd or .dot, or "
                          "give --format=svg, mermaid or dot");
    }
    options.output = GraphOutput;
    options.outDir = GraphOutDir;
    options.colors = useColors(errs());
    return runGraph(options, outs(), errs());
  }

  if (DocCmd) {
    DocOptions options;
    options.paths.assign(DocPaths.begin(), DocPaths.end());
    options.procedure = DocProcedure;
    options.format = DocFmt;
    if (DocFmt.getNumOccurrences() == 0 && !DocOutput.empty() &&
        DocOutput != "-") {
      std::string ext = sys::path::extension(DocOutput.getValue()).lower();
      if (ext == ".html" || ext == ".htm")
        options.format = DocFormat::Html;
      else if (ext == ".md" || ext == ".markdown")
        options.format = DocFormat::Markdown;
      else
        return usageError("cannot tell what to write from the name '" +
                          DocOutput +
                          "'; name it .html or .md, or give "
                          "--format=html or md");
    }
    options.output = DocOutput;
    options.outDir = DocOutDir;
    options.colors = useColors(errs());
    return runDoc(options, outs(), errs());
  }

  if (CheckCmd) {
    if (CheckPaths.empty())
      return usageError("nothing to check; give files or folders, as in "
                        "'escc check policies/'");
    CheckOptions options;
    options.paths.assign(CheckPaths.begin(), CheckPaths.end());
    options.format = CheckFormat;
    options.colors = useColors(outs());
    options.dumpAST = DumpAST;
    options.parseOnly = ParseOnly;
    options.warningsAsErrors = Werror;
    if (!addSeverities(ErrorChecks, diag::Severity::Error, "error", options) ||
        !addSeverities(WarningChecks, diag::Severity::Warning, "warning",
                       options) ||
        !addSeverities(IgnoreChecks, diag::Severity::Ignored, "ignore",
                       options))
      return 2;
    options.today = localToday();
    std::optional<std::chrono::sys_days> today =
        Today.empty() ? std::optional(options.today)
                      : runtime::parseIsoDate(Today);
    if (today)
      options.today = *today;
    else
      return usageError("--today " + Today +
                        ": give a date as YYYY-MM-DD, such as 2026-11-24");
    return runCheck(options, outs(), errs());
  }
  usageError("no command given; try 'escc check policies/'");
  errs() << "Run 'escc --help' to see the commands.\n";
  return 2;
}
