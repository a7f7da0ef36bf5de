// escc.cpp — the Escalade compiler driver: parses the command line and runs
// one command from the driver library.
//
//   escc check PATH...   check procedures (files, or folders of *.esc)
//
// Exit codes: 0 clean (warnings allowed), 1 findings at error level,
// 2 usage or input/output problems.
#include "driver/CheckCommand.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace escalade::driver;

static cl::OptionCategory EscCategory("escc options");

static cl::SubCommand CheckCmd("check",
                               "Check procedures for mistakes and gaps");
static cl::list<std::string> CheckPaths(cl::Positional, cl::ZeroOrMore,
                                        cl::desc("<file or folder>..."),
                                        cl::sub(CheckCmd),
                                        cl::cat(EscCategory));
static cl::opt<OutputFormat> CheckFormat(
    "format", cl::desc("How to print findings"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "Messages with the source line and a caret"),
               clEnumValN(OutputFormat::Json, "json",
                          "One JSON document (docs/diagnostics-json.md)")),
    cl::init(OutputFormat::Text), cl::sub(CheckCmd), cl::cat(EscCategory));
static cl::opt<bool> DumpAST("dump-ast",
                             cl::desc("Print each file's syntax tree first"),
                             cl::sub(CheckCmd), cl::cat(EscCategory));

enum class ColorChoice { Auto, Always, Never };
static cl::opt<ColorChoice> Color(
    "color", cl::desc("When to colour text output"),
    cl::values(clEnumValN(ColorChoice::Auto, "auto", "On a terminal (default)"),
               clEnumValN(ColorChoice::Always, "always", "Always"),
               clEnumValN(ColorChoice::Never, "never", "Never")),
    cl::init(ColorChoice::Auto), cl::sub(CheckCmd), cl::cat(EscCategory));

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

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(EscCategory, *cl::TopLevelSubCommand);
  cl::HideUnrelatedOptions(EscCategory, CheckCmd);
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
  if (CheckCmd) {
    if (CheckPaths.empty()) {
      WithColor::error(errs(), "escc", Color == ColorChoice::Never)
          << "nothing to check; give files or folders, as in 'escc check "
             "policies/'\n";
      return 2;
    }
    CheckOptions options;
    options.paths.assign(CheckPaths.begin(), CheckPaths.end());
    options.format = CheckFormat;
    options.colors = useColors(outs());
    options.dumpAST = DumpAST;
    return runCheck(options, outs(), errs());
  }
  WithColor::error(errs(), "escc",
                   /*DisableColors=*/Color == ColorChoice::Never)
      << "no command given; try 'escc check policies/'\n";
  errs() << "Run 'escc --help' to see the commands.\n";
  return 2;
}
