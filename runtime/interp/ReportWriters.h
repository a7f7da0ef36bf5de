// ReportWriters.h — case reports for people (text) and for programs (one
// JSON document; its fields are described in docs/escrun.md).
#pragma once

#include "interp/CaseReport.h"

#include <ostream>

namespace escalade::interp {

void writeTextReport(std::ostream &out, const Interpreter &in,
                     const CaseReport &r);

/// Writes one case as a JSON object (for the "cases" array).
void writeJsonReport(class JsonWriter &json, const Interpreter &in,
                     const CaseReport &r);

} // namespace escalade::interp
