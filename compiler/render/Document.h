// Document.h — a procedure file as a practitioner reads it, before any
// markup: title and dates, purpose and principles, the sections of prose,
// a table of stages (who, what, within how long, whom to inform, records
// and forms, where next), the routes out, the flowchart, contacts and
// version history. Plain text throughout; the Markdown and HTML writers lay
// it out and escape it.
#pragma once

#include "ast/AST.h"
#include "render/Graph.h"
#include "render/Prose.h"

#include <string>
#include <vector>

namespace escalade::render {

struct DocStage {
  std::string anchor; ///< "stage-one": a link target.
  std::string title;
  std::vector<std::string> who;
  std::vector<std::string> what;
  std::vector<std::string> within;
  std::vector<std::string> inform;
  std::vector<std::string> records;
  std::vector<std::string> next;
};

struct DocSection {
  std::string heading;
  std::vector<ProseBlock> blocks;
};

/// One group of routes out: "When the disagreement is resolved", ...
struct DocRouteGroup {
  std::string heading;
  std::vector<std::string> items;
};

struct DocContact {
  std::string title;
  /// "Email", "Phone", "Web" and the value.
  std::vector<std::pair<std::string, std::string>> details;
};

struct DocHistory {
  std::string version, date, by, changes;
};

struct DocProcedure {
  std::string name;
  std::string title;
  /// "stage", or "step" when the procedure calls them all steps.
  std::string stageWord;
  /// "Partnership", "Version", "Ratified", ... and their values, in order.
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<ProseBlock> purpose;
  std::vector<std::string> principles;
  std::vector<DocSection> sections;
  /// How an escalation starts and what holds at every stage.
  std::vector<std::string> overview;
  std::vector<DocStage> stages;
  std::vector<DocRouteGroup> routesOut;
  Graph graph;
  std::vector<DocContact> contacts;
  std::vector<DocHistory> history;
};

struct Document {
  std::string sourceName; ///< The procedure file's name, for the footer.
  std::vector<DocProcedure> procedures;
};

/// The document of `procedures` of `file` (all of them when empty).
Document buildDocument(const ast::File &file, const std::string &sourceName,
                       const std::vector<const ast::Procedure *> &procedures);

/// "step" when every stage of `p` is written `step`, else "stage".
std::string stageWordOf(const ast::Procedure &p);

/// "May 2016", or "12 May 2016".
std::string dateText(const ast::Date &date);

} // namespace escalade::render
