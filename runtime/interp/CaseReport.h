// CaseReport.h — what a safeguarding lead asks of a case, as of a moment:
// where it is and since when, what is due and by when, who must still be
// told, what is still to be recorded or sent, what was missed, which
// deadlines were broken and by how many working days, and how it ended.
#pragma once

#include "interp/Interpreter.h"

#include <string>
#include <vector>

namespace escalade::interp {

enum class DeadlineKind : uint8_t {
  Respond, ///< The stage is to be finished by then.
  Begin,   ///< The move into the stage was due by then.
  Next,    ///< If unresolved, the move to a next stage is due by then.
  Overall, ///< The whole escalation is to be over by then.
};

struct Deadline {
  DeadlineKind kind = DeadlineKind::Respond;
  uint32_t stage = 0; ///< The stage it belongs to (Overall: the current).
  const table::Timescale *timescale = nullptr;
  runtime::Instant due{};
  /// When it was met (the stage left, the move made, the case closed);
  /// Never while it is still open.
  runtime::Instant met = Never;
  bool breached = false;
  int64_t workingDaysLate = 0; ///< As of the report, if still open.
};

struct Outstanding {
  uint32_t stage = 0;
  uint32_t item = 0;
  std::string text;
  std::string condition; ///< Why it applies ("when `cp_plan`"), or empty.
};

struct CaseReport {
  const Case *c = nullptr;
  runtime::Instant asOf{};
  std::vector<Deadline> due;            ///< Still open, not yet passed.
  std::vector<Deadline> breaches;       ///< Passed: met late, or not met yet.
  std::vector<Outstanding> outstanding; ///< At the current stage.
  std::vector<Outstanding> missed;      ///< Left undone at earlier stages.
};

CaseReport reportCase(const Interpreter &in, const Case &c,
                      runtime::Instant asOf);

} // namespace escalade::interp
