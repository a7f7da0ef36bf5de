// Describe.h — parts of a table in words, for escrun's messages and
// reports: names, conditions, routes, and what a stage asks for.
#pragma once

#include "table/Table.h"

#include <string>
#include <string_view>
#include <vector>

namespace escalade::interp {

/// "`medway` and `medway_ppa`".
std::string procedureList(const table::Table &t);
/// "procedure `medway` declares no fact `cp_plans`; did you mean `cp_plan`?
/// Its facts are `cp_plan`, `in_care` and `concerns_mash`."
std::string unknownName(const char *kind, std::string_view name,
                        const table::Table &t, uint32_t first, uint32_t count,
                        const std::vector<table::Named> &in,
                        const std::string &procedure);
/// "procedure `medway` names no role or contact `chair`; did you mean
/// `cp_chair`?"
std::string unknownParty(const table::Table &t, const table::Procedure &p,
                         std::string_view name);
/// The name a route's target goes by: `two`, `issue_resolved`,
/// `suffolk.five`.
std::string routeTargetName(const table::Table &t, const table::Route &r);
/// "when `cp_plan` and not `in_care`"; "always" for an empty condition.
std::string conditionText(const table::Table &t, const table::Condition &c);
/// "`two`, or `three` (when `serious`)": where routes of one trigger go.
std::string routeList(const table::Table &t, const table::Stage &s,
                      table::Trigger trigger);
/// "Child Protection Conference Chair (`cp_chair`)"; "all parties".
std::string recipientsText(const table::Table &t, uint32_t first,
                           uint32_t count, table::Connective connective);
/// Item `item` of a stage (its notifications, then records, then forms),
/// as an instruction: "inform Child Protection Conference Chair
/// (`cp_chair`)", "keep a record in The child's file: ...".
std::string itemText(const table::Table &t, const table::Stage &s,
                     uint32_t item);
/// The condition under which an item applies, or empty if it always does.
std::string itemCondition(const table::Table &t, const table::Stage &s,
                          uint32_t item);
/// "5 working days", "the same day", "\"as soon as possible\"".
std::string timescaleText(const table::Table &t, const table::Timescale &ts);

} // namespace escalade::interp
