// EventReader.h — reads case events from JSON Lines with simdjson, one line
// at a time, so a malformed line is reported and skipped while the others
// are read. The input is held once, padded as simdjson wants it; events
// point into it.
#pragma once

#include "interp/Event.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace escalade::interp {

/// A line that could not be read as an event.
struct LineError {
  uint64_t line = 0;
  std::string caseRef; ///< Empty if the line names no case.
  std::string message;
};

class EventReader {
public:
  /// Takes a copy of `input`, with the padding simdjson needs.
  explicit EventReader(std::string_view input);
  ~EventReader();

  /// Reads every line in order: blank lines are skipped; each event goes to
  /// `onEvent`, each unreadable line to `onError`.
  void read(const std::function<void(const Event &)> &onEvent,
            const std::function<void(const LineError &)> &onError);

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace escalade::interp
