// EventReader.cpp — JSON Lines to Events with simdjson's On-Demand API.
#include "interp/EventReader.h"

#include <simdjson.h>

#include <cstring>

namespace escalade::interp {

using namespace simdjson;

struct EventReader::Impl {
  padded_string input;
  dom::parser parser;
};

EventReader::EventReader(std::string_view input) : P(std::make_unique<Impl>()) {
  P->input = padded_string(input.data(), input.size());
}

EventReader::~EventReader() = default;

const char *eventKindName(EventKind kind) {
  switch (kind) {
  case EventKind::Raised:
    return "raised";
  case EventKind::Escalated:
    return "escalated";
  case EventKind::Resolved:
    return "resolved";
  case EventKind::Urgent:
    return "urgent";
  case EventKind::FactSet:
    return "fact_set";
  case EventKind::FactCleared:
    return "fact_cleared";
  case EventKind::Informed:
    return "informed";
  case EventKind::Recorded:
    return "recorded";
  case EventKind::FormSent:
    return "form_sent";
  }
  return "?";
}

namespace {

bool kindByName(std::string_view name, EventKind &kind) {
  static constexpr std::pair<std::string_view, EventKind> Kinds[] = {
      {"raised", EventKind::Raised},
      {"escalated", EventKind::Escalated},
      {"resolved", EventKind::Resolved},
      {"urgent", EventKind::Urgent},
      {"fact_set", EventKind::FactSet},
      {"fact_cleared", EventKind::FactCleared},
      {"informed", EventKind::Informed},
      {"recorded", EventKind::Recorded},
      {"form_sent", EventKind::FormSent},
  };
  for (auto [n, k] : Kinds)
    if (n == name) {
      kind = k;
      return true;
    }
  return false;
}

/// The arguments each kind of event takes, beyond case, at and event.
bool allowed(EventKind kind, std::string_view field) {
  switch (kind) {
  case EventKind::Raised:
    return field == "procedure" || field == "stage" || field == "facts";
  case EventKind::Escalated:
    return field == "stage";
  case EventKind::Resolved:
    return field == "outcome";
  case EventKind::Urgent:
    return false;
  case EventKind::FactSet:
  case EventKind::FactCleared:
    return field == "fact";
  case EventKind::Informed:
    return field == "recipient";
  case EventKind::Recorded:
    return field == "record";
  case EventKind::FormSent:
    return field == "form" || field == "to";
  }
  return false;
}

/// "an informed event", "a raised event".
std::string article(EventKind kind) {
  char c = eventKindName(kind)[0];
  return std::string(
      c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ? "an " : "a ");
}

/// The longest case reference accepted.
constexpr size_t MaxCaseRef = 200;

std::string printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 60))
    out += (static_cast<unsigned char>(c) < 0x20) ? '?' : c;
  if (s.size() > 60)
    out += "...";
  return out;
}

} // namespace

void EventReader::read(const std::function<void(const Event &)> &onEvent,
                       const std::function<void(const LineError &)> &onError) {
  const char *data = P->input.data();
  size_t size = P->input.size();
  size_t pos = 0;
  uint64_t lineNo = 0;
  Event ev;
  while (pos < size) {
    ++lineNo;
    const char *nl =
        static_cast<const char *>(std::memchr(data + pos, '\n', size - pos));
    size_t end = nl ? size_t(nl - data) : size;
    std::string_view line(data + pos, end - pos);
    size_t next = nl ? end + 1 : size;
    // simdjson reads up to SIMDJSON_PADDING bytes past the line without
    // copying it: the rest of the buffer, and the padded_string's own
    // padding, lie there.
    pos = next;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos)
      continue;

    LineError error;
    error.line = lineNo;
    auto fail = [&](std::string message) {
      error.message = std::move(message);
      onError(error);
    };

    dom::element doc;
    if (P->parser.parse(line.data(), line.size(), false).get(doc)) {
      fail("this line is not JSON");
      continue;
    }
    dom::object obj;
    if (doc.get_object().get(obj)) {
      fail("each line must be one JSON object, such as {\"case\": \"C-1\", "
           "\"at\": \"2026-11-20T09:30\", \"event\": \"raised\"}");
      continue;
    }
    ev = Event{};
    ev.line = lineNo;
    std::string_view at, kind;
    std::string problem;
    bool hasCase = false, hasAt = false, hasKind = false;
    // Fields in any order; arguments are checked once the kind is known.
    struct Field {
      std::string_view key;
      std::string_view text;
      bool isArray = false;
      std::vector<std::string_view> items;
    };
    std::vector<Field> fields;
    for (dom::key_value_pair field : obj) {
      std::string_view key = field.key;
      // A field given twice: which one was meant?
      bool repeated = key == "case"    ? hasCase
                      : key == "at"    ? hasAt
                      : key == "event" ? hasKind
                                       : false;
      for (const Field &f : fields)
        repeated |= f.key == key;
      if (repeated) {
        problem = "\"" + printable(key) + "\" is given twice";
        break;
      }
      dom::element value = field.value;
      Field f;
      f.key = key;
      if (value.is_array()) {
        f.isArray = true;
        for (dom::element item : dom::array(value)) {
          std::string_view text;
          if (item.get_string().get(text)) {
            problem = "\"" + printable(key) + "\" must list names in quotes";
            break;
          }
          f.items.push_back(text);
        }
        if (!problem.empty())
          break;
      } else if (value.get_string().get(f.text)) {
        problem = "\"" + printable(key) + "\" must be text in quotes";
        break;
      }
      if (key == "case") {
        // A reference is written into reports line by line: no control
        // characters, and a sane length.
        if (f.text.size() > MaxCaseRef) {
          problem = "the case reference is " + std::to_string(f.text.size()) +
                    " bytes long; the most escrun takes is " +
                    std::to_string(MaxCaseRef);
          break;
        }
        for (char ch : f.text)
          if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
            problem = "the case reference \"" + printable(f.text) +
                      "\" holds a control character (a line break or tab); "
                      "references are one line of text";
            break;
          }
        if (!problem.empty())
          break;
        ev.caseRef = f.text;
        hasCase = !f.isArray && !f.text.empty();
        error.caseRef = std::string(f.text);
        continue;
      }
      if (key == "at") {
        at = f.text;
        hasAt = true;
        continue;
      }
      if (key == "event") {
        kind = f.text;
        hasKind = true;
        continue;
      }
      fields.push_back(std::move(f));
    }
    if (!problem.empty()) {
      fail(problem);
      continue;
    }
    if (!hasCase) {
      fail("the event names no case: give \"case\": \"its reference\"");
      continue;
    }
    if (!hasKind) {
      fail("the event does not say what happened: give \"event\", such as "
           "\"escalated\"");
      continue;
    }
    if (!kindByName(kind, ev.kind)) {
      fail("\"" + printable(kind) +
           "\" is not an event escrun knows; the events are raised, "
           "escalated, resolved, urgent, fact_set, fact_cleared, informed, "
           "recorded and form_sent");
      continue;
    }
    if (!hasAt) {
      fail("the event has no time: give \"at\", such as "
           "\"2026-11-20T09:30\"");
      continue;
    }
    std::optional<runtime::Instant> when = runtime::parseTimestamp(at);
    if (when) {
      int year =
          int(std::chrono::year_month_day{runtime::localDay(*when)}.year());
      if (year < 1900 || year > 2200) {
        fail("\"at\" is \"" + printable(at) +
             "\": escrun takes dates from 1900 to 2200");
        continue;
      }
    }
    if (!when) {
      fail("\"at\" is \"" + printable(at) +
           "\", which is not a date and time; write it as "
           "2026-11-20T09:30 (London time), 2026-11-20T09:30:00Z or with an "
           "offset, +01:00");
      continue;
    }
    ev.at = *when;
    for (Field &f : fields) {
      if (!allowed(ev.kind, f.key)) {
        problem = article(ev.kind) + std::string(eventKindName(ev.kind)) +
                  " event takes no \"" + printable(f.key) + "\"";
        break;
      }
      if (f.key == "facts") {
        if (!f.isArray) {
          problem = "\"facts\" must be a list, such as [\"cp_plan\"]";
          break;
        }
        ev.facts = std::move(f.items);
        continue;
      }
      if (f.isArray) {
        problem = "\"" + printable(f.key) + "\" must be one name, not a list";
        break;
      }
      std::string_view *slot = f.key == "procedure"   ? &ev.procedure
                               : f.key == "stage"     ? &ev.stage
                               : f.key == "outcome"   ? &ev.outcome
                               : f.key == "fact"      ? &ev.fact
                               : f.key == "recipient" ? &ev.recipient
                               : f.key == "record"    ? &ev.record
                               : f.key == "form"      ? &ev.form
                                                      : &ev.to;
      *slot = f.text;
    }
    if (!problem.empty()) {
      fail(problem);
      continue;
    }
    auto needs = [&](std::string_view value, const char *name,
                     const char *example) {
      if (!value.empty())
        return true;
      fail(article(ev.kind) + std::string(eventKindName(ev.kind)) +
           " event must say " + name + ", such as " + example);
      return false;
    };
    bool ok = true;
    switch (ev.kind) {
    case EventKind::FactSet:
    case EventKind::FactCleared:
      ok = needs(ev.fact, "which fact", "\"fact\": \"cp_plan\"");
      break;
    case EventKind::Informed:
      ok = needs(ev.recipient, "who was told", "\"recipient\": \"cp_chair\"");
      break;
    case EventKind::FormSent:
      ok = needs(ev.form, "which form", "\"form\": \"escalation_form\"");
      break;
    default:
      break;
    }
    if (ok)
      onEvent(ev);
  }
}

} // namespace escalade::interp
