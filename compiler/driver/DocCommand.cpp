// DocCommand.cpp — one document per procedure file (or for the procedure
// asked for), in the format asked for.
#include "driver/DocCommand.h"

#include "driver/OutputFiles.h"
#include "driver/RenderInputs.h"
#include "render/Document.h"
#include "render/DotWriter.h"
#include "render/Graphviz.h"
#include "render/HtmlWriter.h"
#include "render/MarkdownWriter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

#include <fmt/format.h>

namespace escalade::driver {

const char *docExtension(DocFormat format) {
  return format == DocFormat::Html ? "html" : "md";
}

int runDoc(const DocOptions &options, llvm::raw_ostream &out,
           llvm::raw_ostream &err) {
  auto fail = [&](const std::string &message) {
    llvm::WithColor::error(err, "escc", !options.colors) << message << "\n";
    return 2;
  };
  if (options.paths.empty())
    return fail("nothing to write; give a procedure file, as in 'escc doc "
                "policies/medway.esc --format=html -o medway.html'");
  if (!options.output.empty() && !options.outDir.empty())
    return fail("give -o or --out-dir, not both");

  std::string missing;
  if (options.format == DocFormat::Html && !render::findDot(missing))
    return fail(missing);
  RenderInputs in;
  int status = 0;
  loadForRendering(in, options.paths, options.colors, "written", err);
  status = in.status;

  struct Job {
    const ast::File *file;
    std::vector<const ast::Procedure *> procedures; ///< Empty: all.
    std::string stem;
  };
  std::vector<Job> jobs;
  if (!options.procedure.empty()) {
    std::optional<ProcedureChoice> c =
        findProcedure(in, options.procedure, options.colors, err, status);
    if (!c)
      return status;
    jobs.push_back({c->file, {c->procedure}, c->procedure->name.text});
  } else {
    for (const ast::File *f : in.files)
      jobs.push_back(
          {f,
           {},
           llvm::sys::path::stem(in.fe.sources().path(f->fileId)).str()});
  }
  if (jobs.empty())
    return in.status ? in.status : fail("there is no procedure to write up");
  if (options.outDir.empty() && jobs.size() > 1)
    return fail(fmt::format("there are {} procedure files, and -o names one "
                            "document; write one for each into a folder "
                            "with --out-dir DIR",
                            jobs.size()));

  if (!options.outDir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(options.outDir))
      return fail("cannot make the folder '" + options.outDir +
                  "': " + ec.message());
  OutputPlan outputs(in.fe);
  for (const Job &job : jobs) {
    llvm::StringRef sourcePath = in.fe.sources().path(job.file->fileId);
    render::Document doc = render::buildDocument(
        *job.file, llvm::sys::path::filename(sourcePath).str(), job.procedures);
    std::string text, error;
    if (options.format == DocFormat::Markdown) {
      text = render::writeMarkdown(doc);
    } else {
      std::vector<std::string> svgs;
      for (const render::DocProcedure &p : doc.procedures) {
        std::optional<std::string> svg =
            render::renderSvg(render::writeDot(p.graph), error);
        if (!svg)
          return fail(error);
        svgs.push_back(std::move(*svg));
      }
      text = render::writeHtml(doc, svgs);
    }
    std::string target =
        !options.outDir.empty()
            ? pathIn(options.outDir,
                     job.stem + "." + docExtension(options.format))
            : (options.output.empty() ? "-" : options.output);
    if (!outputs.write(target, text, "document", error)) {
      status = std::max(status, fail(error));
      continue;
    }
    if (target != "-") {
      size_t stages = 0;
      for (const render::DocProcedure &p : doc.procedures)
        stages += p.stages.size();
      out << fmt::format("wrote {}: {} procedure{}, {} stage{}\n", target,
                         doc.procedures.size(),
                         doc.procedures.size() == 1 ? "" : "s", stages,
                         stages == 1 ? "" : "s");
    }
  }
  return status;
}

} // namespace escalade::driver
