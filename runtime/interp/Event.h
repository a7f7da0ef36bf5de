// Event.h — one line of a case's history, as escrun reads it from JSON
// Lines (docs/escrun.md): which case, when, what happened, and the names
// it happened to. Strings point into the input buffer.
#pragma once

#include "calendar/LocalTime.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace escalade::interp {

enum class EventKind : uint8_t {
  Raised,      ///< The concern is raised: the case starts.
  Escalated,   ///< Unresolved: the case moves on to the next stage.
  Resolved,    ///< The disagreement is resolved.
  Urgent,      ///< The child or adult is at immediate risk.
  FactSet,     ///< A fact about the case becomes true.
  FactCleared, ///< ... or stops being true.
  Informed,    ///< Someone the procedure names has been told.
  Recorded,    ///< A record the procedure asks for has been kept.
  FormSent,    ///< A form has been completed and sent.
};

const char *eventKindName(EventKind kind);

struct Event {
  std::string_view caseRef;
  runtime::Instant at;
  EventKind kind = EventKind::Raised;
  /// Arguments, empty when not given: `procedure` (raised), `stage`
  /// (raised: where it starts; escalated: where it goes), `outcome`
  /// (resolved), `fact`, `recipient`, `record`, `form`, `to` (form_sent).
  std::string_view procedure, stage, outcome, fact, recipient, record, form, to;
  /// raised: facts true from the start.
  std::vector<std::string_view> facts;
  uint64_t line = 0; ///< 1-based line in the input.
};

} // namespace escalade::interp
