// GraphCommand.cpp — choose the procedures, build each Graph, write it in
// the format asked for.
#include "driver/GraphCommand.h"

#include "driver/OutputFiles.h"
#include "driver/RenderInputs.h"
#include "render/DotWriter.h"
#include "render/Graph.h"
#include "render/Graphviz.h"
#include "render/MermaidWriter.h"
#include "sema/ProcedureModel.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"

#include <fmt/format.h>

namespace escalade::driver {

const char *graphExtension(GraphFormat format) {
  switch (format) {
  case GraphFormat::Dot:
    return "dot";
  case GraphFormat::Mermaid:
    return "mmd";
  case GraphFormat::Svg:
    return "svg";
  }
  return "";
}

int runGraph(const GraphOptions &options, llvm::raw_ostream &out,
             llvm::raw_ostream &err) {
  auto fail = [&](const std::string &message) {
    llvm::WithColor::error(err, "escc", !options.colors) << message << "\n";
    return 2;
  };
  if (options.paths.empty())
    return fail("nothing to draw; give a procedure file, as in 'escc graph "
                "policies/medway.esc --format=svg -o medway.svg'");
  if (!options.output.empty() && !options.outDir.empty())
    return fail("give -o or --out-dir, not both");

  std::string missing;
  if (options.format == GraphFormat::Svg && !render::findDot(missing))
    return fail(missing);
  RenderInputs in;
  int status = 0;
  loadForRendering(in, options.paths, options.colors, "drawn", err);
  status = in.status;

  std::vector<ProcedureChoice> chosen;
  if (!options.procedure.empty()) {
    std::optional<ProcedureChoice> c =
        findProcedure(in, options.procedure, options.colors, err, status);
    if (!c)
      return status;
    chosen.push_back(*c);
  } else {
    for (const ast::File *f : in.files)
      for (const ast::Procedure &p : f->procedures)
        chosen.push_back({f, &p});
  }
  if (chosen.empty())
    return in.status ? in.status : fail("there is no procedure to draw");
  if (options.outDir.empty() && chosen.size() > 1)
    return fail(fmt::format(
        "there are {} procedures ({}), and one drawing holds one; choose one "
        "with --procedure NAME, or draw each into a folder with --out-dir DIR",
        chosen.size(), procedureNames(in)));

  if (!options.outDir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(options.outDir))
      return fail("cannot make the folder '" + options.outDir +
                  "': " + ec.message());
  OutputPlan outputs(in.fe);
  for (const ProcedureChoice &c : chosen) {
    sema::ProcedureModel model(*c.file, *c.procedure);
    render::Graph graph = render::buildGraph(model);
    std::string text;
    std::string error;
    switch (options.format) {
    case GraphFormat::Dot:
      text = render::writeDot(graph);
      break;
    case GraphFormat::Mermaid:
      text = render::writeMermaid(graph);
      break;
    case GraphFormat::Svg: {
      std::optional<std::string> svg =
          render::renderSvg(render::writeDot(graph), error);
      if (!svg)
        return fail(error);
      text = std::move(*svg);
      break;
    }
    }
    std::string target =
        !options.outDir.empty()
            ? pathIn(options.outDir, c.procedure->name.text + "." +
                                         graphExtension(options.format))
            : (options.output.empty() ? "-" : options.output);
    if (!outputs.write(target, text, "drawing", error)) {
      status = std::max(status, fail(error));
      continue;
    }
    if (target != "-")
      out << fmt::format("drew {}: procedure `{}`, {} stage{}\n", target,
                         c.procedure->name.text, model.size(),
                         model.size() == 1 ? "" : "s");
  }
  return status;
}

} // namespace escalade::driver
