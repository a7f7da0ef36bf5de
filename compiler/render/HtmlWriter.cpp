// HtmlWriter.cpp — HTML5 with every piece of procedure text through
// escapeHtml; the only markup is ours.
#include "render/HtmlWriter.h"

#include "render/Escape.h"
#include "render/Graphviz.h"
#include "render/Wording.h"

#include <fmt/format.h>

namespace escalade::render {

namespace {

constexpr const char *StyleSheet = R"css(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; line-height: 1.45;
  color: #1a1a1a; background: #ffffff; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 0.75rem; color: #1f3a5f; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; color: #1f3a5f;
  border-bottom: 2px solid #d7dfea; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; color: #1f3a5f; }
h4 { font-size: 1rem; margin: 1rem 0 0.4rem; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
nav ul { padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
th, td { border: 1px solid #b8c4d4; padding: 0.4rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: #e8eef7; }
tbody th { background: #f6f8fb; min-width: 9rem; }
td ul { margin: 0; padding-left: 1rem; }
td ul.single { list-style: none; padding-left: 0; }
td ul.single li + li { margin-top: 0.4rem; }
.none { color: #666666; font-style: italic; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; color: #444444; }
footer { max-width: 72rem; margin: 2rem auto 0; padding: 0.5rem 1.5rem;
  font-size: 0.85rem; color: #555555; border-top: 1px solid #d7dfea; }
@media print {
  @page { size: A4; margin: 14mm; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  table { font-size: 8.5pt; }
  tr, figure, li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

class HtmlBuilder {
public:
  HtmlBuilder(const Document &doc, const std::vector<std::string> &svgs)
      : Doc(doc), Svgs(svgs) {}
  std::string build();

private:
  void heading(int level, const std::string &text, const std::string &id) {
    Out += fmt::format("<h{0} id=\"{1}\">{2}</h{0}>\n", level, escapeHtml(id),
                       escapeHtml(text));
  }
  void blocks(const std::vector<ProseBlock> &blocks);
  void list(const std::vector<std::string> &items, const char *cls = nullptr);
  std::string cell(const std::vector<std::string> &items,
                   const char *tag = "td", const char *attrs = "") const;
  void procedure(const DocProcedure &p, size_t index, int level);
  std::string idFor(const DocProcedure &p, const std::string &part) const {
    return Doc.procedures.size() > 1 ? p.name + "-" + part : part;
  }

  const Document &Doc;
  const std::vector<std::string> &Svgs;
  std::string Out;
};

void HtmlBuilder::list(const std::vector<std::string> &items, const char *cls) {
  Out += cls ? fmt::format("<ul class=\"{}\">\n", cls) : "<ul>\n";
  for (const std::string &item : items)
    Out += "<li>" + escapeHtml(item) + "</li>\n";
  Out += "</ul>\n";
}

void HtmlBuilder::blocks(const std::vector<ProseBlock> &blocks) {
  for (const ProseBlock &b : blocks) {
    if (b.kind == ProseBlock::Kind::List) {
      list(b.items);
    } else if (b.kind == ProseBlock::Kind::NumberedList) {
      Out += "<ol>\n";
      for (const std::string &item : b.items)
        Out += "<li>" + escapeHtml(item) + "</li>\n";
      Out += "</ol>\n";
    } else
      for (const std::string &item : b.items)
        Out += "<p>" + escapeHtml(item) + "</p>\n";
  }
}

std::string HtmlBuilder::cell(const std::vector<std::string> &items,
                              const char *tag, const char *attrs) const {
  std::string out = fmt::format("<{}{}>", tag, attrs);
  if (items.empty())
    out += "<span class=\"none\">—</span>";
  else if (items.size() == 1)
    out += escapeHtml(items[0]);
  else {
    out += "<ul class=\"single\">";
    for (const std::string &item : items)
      out += "<li>" + escapeHtml(item) + "</li>";
    out += "</ul>";
  }
  return out + fmt::format("</{}>", tag);
}

void HtmlBuilder::procedure(const DocProcedure &p, size_t index, int level) {
  if (level > 1)
    heading(level, p.title, idFor(p, "top"));
  if (!p.facts.empty()) {
    Out += "<dl class=\"facts\">\n";
    for (const auto &[label, value] : p.facts)
      Out += "<dt>" + escapeHtml(label) + "</dt><dd>" + escapeHtml(value) +
             "</dd>\n";
    Out += "</dl>\n";
  }
  int sub = level + 1;
  if (!p.purpose.empty()) {
    heading(sub, "Purpose", idFor(p, "purpose"));
    blocks(p.purpose);
  }
  if (!p.principles.empty()) {
    heading(sub, "Principles", idFor(p, "principles"));
    list(p.principles);
  }
  for (size_t i = 0; i < p.sections.size(); ++i) {
    heading(sub, p.sections[i].heading,
            idFor(p, "section-" + std::to_string(i + 1)));
    blocks(p.sections[i].blocks);
  }

  heading(sub, sentenceCase(p.stageWord) + "s", idFor(p, "stages"));
  for (const std::string &line : p.overview)
    Out += "<p>" + escapeHtml(line) + "</p>\n";
  if (p.stages.empty()) {
    Out += "<p>The procedure has no " + p.stageWord + "s.</p>\n";
  } else {
    Out += "<table class=\"stages\">\n<caption>The " + p.stageWord + "s of " +
           escapeHtml(p.title) + "</caption>\n<thead><tr><th scope=\"col\">" +
           sentenceCase(p.stageWord) +
           "</th><th "
           "scope=\"col\">Who</th><th scope=\"col\">What to do</th><th "
           "scope=\"col\">Within</th><th scope=\"col\">Inform</th><th "
           "scope=\"col\">Records and forms</th><th "
           "scope=\"col\">Next</th></tr></thead>\n<tbody>\n";
    for (const DocStage &s : p.stages)
      Out += "<tr id=\"" + escapeHtml(idFor(p, s.anchor)) +
             "\"><th scope=\"row\">" + escapeHtml(s.title) + "</th>" +
             cell(s.who) + cell(s.what) + cell(s.within) + cell(s.inform) +
             cell(s.records) + cell(s.next) + "</tr>\n";
    Out += "</tbody>\n</table>\n";
  }

  if (!p.routesOut.empty()) {
    heading(sub, "Routes out", idFor(p, "routes"));
    for (const DocRouteGroup &g : p.routesOut) {
      Out += fmt::format("<h{}>{}</h{}>\n", sub + 1, escapeHtml(g.heading),
                         sub + 1);
      list(g.items);
    }
  }

  heading(sub, "Flowchart", idFor(p, "flowchart"));
  std::string prefix = "flowchart-" + std::to_string(index + 1);
  std::string title = "Flowchart of " + p.title;
  std::string desc = "The " + p.stageWord +
                     "s, and the routes between them, that the table of " +
                     p.stageWord +
                     "s and the list of routes out set out in words.";
  Out += "<figure>\n";
  if (index < Svgs.size() && !Svgs[index].empty())
    Out += svgForHtml(Svgs[index], prefix, title, desc) + "\n";
  else
    Out += "<p class=\"none\">The flowchart could not be drawn.</p>\n";
  Out += "<figcaption>" + escapeHtml(title) +
         ". Red routes are the urgent bypass; green routes end the "
         "escalation; a dashed box holds what applies at any stage."
         "</figcaption>\n</figure>\n";

  if (!p.contacts.empty()) {
    heading(sub, "Contacts", idFor(p, "contacts"));
    Out += "<ul>\n";
    for (const DocContact &c : p.contacts) {
      Out += "<li><strong>" + escapeHtml(c.title) + "</strong>";
      for (size_t i = 0; i < c.details.size(); ++i)
        Out += (i ? "; " : ": ") + escapeHtml(c.details[i].first) + " " +
               escapeHtml(c.details[i].second);
      Out += "</li>\n";
    }
    Out += "</ul>\n";
  }
  if (!p.history.empty()) {
    heading(sub, "Version history", idFor(p, "history"));
    Out += "<table>\n<caption>Versions of " + escapeHtml(p.title) +
           "</caption>\n<thead><tr><th scope=\"col\">Version</th><th "
           "scope=\"col\">Date</th><th scope=\"col\">By</th><th "
           "scope=\"col\">Changes</th></tr></thead>\n<tbody>\n";
    for (const DocHistory &h : p.history)
      Out +=
          "<tr>" + cell({h.version}, "th", " scope=\"row\"") + cell({h.date}) +
          cell(h.by.empty() ? std::vector<std::string>() : std::vector{h.by}) +
          cell(h.changes.empty() ? std::vector<std::string>()
                                 : std::vector{h.changes}) +
          "</tr>\n";
    Out += "</tbody>\n</table>\n";
  }
}

std::string HtmlBuilder::build() {
  std::string title =
      Doc.procedures.empty() ? Doc.sourceName : Doc.procedures.front().title;
  Out += "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta "
         "charset=\"utf-8\">\n";
  // Nothing to run and nothing to fetch: the browser is told so as well.
  Out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
         "'none'; style-src 'unsafe-inline'; img-src data:\">\n";
  Out += "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n";
  Out += "<meta name=\"generator\" content=\"escc (Escalade)\">\n";
  Out += "<title>" + escapeHtml(title) + "</title>\n<style>" + StyleSheet +
         "</style>\n</head>\n<body>\n<main>\n";
  Out += "<h1 id=\"top\">" + escapeHtml(title) + "</h1>\n";
  if (Doc.procedures.size() == 1) {
    procedure(Doc.procedures.front(), 0, 1);
  } else {
    Out += "<nav aria-label=\"Procedures in this document\">\n<p>This "
           "document sets out " +
           std::to_string(Doc.procedures.size()) + " procedures:</p>\n<ul>\n";
    for (const DocProcedure &p : Doc.procedures)
      Out += "<li><a href=\"#" + escapeHtml(idFor(p, "top")) + "\">" +
             escapeHtml(p.title) + "</a></li>\n";
    Out += "</ul>\n</nav>\n";
    for (size_t i = 0; i < Doc.procedures.size(); ++i) {
      Out += "<section aria-labelledby=\"" +
             escapeHtml(idFor(Doc.procedures[i], "top")) + "\">\n";
      procedure(Doc.procedures[i], i, 2);
      Out += "</section>\n";
    }
  }
  Out += "</main>\n<footer><p>Generated by escc from " +
         escapeHtml(Doc.sourceName) +
         ". Edit the procedure source, not this document.</p></footer>\n"
         "</body>\n</html>\n";
  return Out;
}

} // namespace

std::string writeHtml(const Document &doc,
                      const std::vector<std::string> &svgs) {
  return HtmlBuilder(doc, svgs).build();
}

} // namespace escalade::render
