// BankHolidays.cpp — reading the gov.uk bank-holidays format with
// simdjson. The DOM parser checks the whole text first. A text it accepts is
// then walked with the On-Demand API, which knows where in the text each
// value is, so that a wrong field can be named with its line and column. A
// text it refuses is searched for where the fault lies: by one plain pass
// for faults simdjson finds before it parses (bytes that are not UTF-8,
// strings never closed or holding control characters, brackets never
// closed, text after the end), and otherwise by an On-Demand walk over
// every value, which stops where the fault is.
#include "calendar/BankHolidays.h"

#include "calendar/DateFormat.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>

namespace escalade::runtime {

using namespace std::chrono;

namespace {

namespace od = simdjson::ondemand;

constexpr int FirstYearAllowed = 1900;
constexpr int LastYearAllowed = 2200;

std::string inQuotes(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
}

/// A simdjson error in words for partnership staff.
std::string describeError(simdjson::error_code e) {
  switch (e) {
  case simdjson::EMPTY:
    return "the file is empty";
  case simdjson::UNCLOSED_STRING:
    return "a string is opened with \" but never closed";
  case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
    return "the file ends before every { and [ is closed (is it cut short?)";
  case simdjson::UTF8_ERROR:
    return "the file is not UTF-8 text";
  case simdjson::STRING_ERROR:
    return "a string holds a bad escape (a \\ not followed by one of "
           "\" \\ / b f n r t u)";
  case simdjson::UNESCAPED_CHARS:
    return "a string holds a tab or other control character; write a tab "
           "as \\t";
  case simdjson::T_ATOM_ERROR:
  case simdjson::F_ATOM_ERROR:
  case simdjson::N_ATOM_ERROR:
    return "expected true, false or null";
  case simdjson::NUMBER_ERROR:
  case simdjson::NUMBER_OUT_OF_RANGE:
    return "a number is not written correctly";
  case simdjson::DEPTH_ERROR:
    return "the file is nested too deeply";
  case simdjson::CAPACITY:
    return "the file is too large";
  case simdjson::TAPE_ERROR:
  case simdjson::TRAILING_CONTENT:
  default:
    return "this is not well-formed JSON (look for a missing or extra comma, "
           "colon, quote, brace or bracket)";
  }
}

std::string describeType(od::json_type t) {
  switch (t) {
  case od::json_type::object:
    return "an object";
  case od::json_type::array:
    return "a list";
  case od::json_type::string:
    return "a string";
  case od::json_type::number:
    return "a number";
  case od::json_type::boolean:
    return "true or false";
  case od::json_type::null:
    return "null";
  }
  return "something else";
}

/// "line 3, column 14: " for a byte offset in `text`; columns count
/// characters, not bytes.
std::string where(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column) +
         ": ";
}

/// The offset of the first byte that is not part of well-formed UTF-8
/// (overlong forms, surrogates and code points past U+10FFFF included).
std::optional<size_t> badUtf8(std::string_view text) {
  size_t i = 0, n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp, least;
    if ((c & 0xE0) == 0xC0)
      len = 2, cp = c & 0x1F, least = 0x80;
    else if ((c & 0xF0) == 0xE0)
      len = 3, cp = c & 0x0F, least = 0x800;
    else if ((c & 0xF8) == 0xF0)
      len = 4, cp = c & 0x07, least = 0x10000;
    else
      return i;
    if (i + len > n)
      return i;
    for (size_t k = 1; k < len; ++k) {
      unsigned char b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80)
        return i;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::nullopt;
}

struct Fault {
  size_t offset;
  std::string message;
};

/// One pass for the faults simdjson finds before it parses, which it
/// reports without a place: bytes that are not UTF-8, control characters
/// and line breaks inside strings, strings or brackets never closed, and
/// text after the end of the top-level object or list.
std::optional<Fault> scanForFault(std::string_view text) {
  if (auto at = badUtf8(text))
    return Fault{*at, "the file is not UTF-8 text (it may have been saved "
                      "as Windows-1252 or Latin-1)"};
  bool inString = false, started = false;
  size_t stringStart = 0;
  int64_t depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
      else if (c == '\n' || c == '\r')
        return Fault{stringStart, "this string is not closed before the end "
                                  "of the line"};
      else if (c < 0x20)
        return Fault{i, describeError(simdjson::UNESCAPED_CHARS)};
      continue;
    }
    if (c == '"') {
      inString = true;
      stringStart = i;
    } else if (c == '{' || c == '[') {
      ++depth;
      started = true;
    } else if (c == '}' || c == ']') {
      if (--depth < 0)
        return Fault{i, std::string("this ") + char(c) +
                            " closes nothing that was opened"};
      if (depth == 0 && started) {
        size_t next = text.find_first_not_of(" \t\r\n", i + 1);
        if (next != std::string_view::npos)
          return Fault{next, "there is more text after the end of the JSON "
                             "object"};
        return std::nullopt;
      }
    }
  }
  if (inString)
    return Fault{stringStart, "this string is not closed before the end of "
                              "the file (is the file cut short?)"};
  if (depth > 0)
    return Fault{text.size(),
                 describeError(simdjson::INCOMPLETE_ARRAY_OR_OBJECT)};
  return std::nullopt;
}

/// Walks one document, stopping at the first problem.
class Reader {
public:
  Reader(std::string_view text, const char *base, std::string &error)
      : Text(text), Base(base), Error(error) {}

  /// Reads the divisions of a document simdjson has already accepted.
  bool read(od::document &doc, BankHolidayFile &out) {
    Doc = &doc;
    od::json_type type;
    if (auto e = doc.type().get(type))
      return syntax(e);
    if (type != od::json_type::object)
      return fail(firstToken(), "the file must hold one JSON object whose "
                                "fields are divisions (as gov.uk's "
                                "bank-holidays.json does), but it holds " +
                                    describeType(type));
    od::object top;
    if (auto e = doc.get_object().get(top))
      return syntax(e);
    for (auto result : top) {
      od::field field;
      if (auto e = std::move(result).get(field))
        return syntax(e);
      const char *keyAt = field.key().raw() - 1;
      std::string_view key;
      if (auto e = field.unescaped_key().get(key))
        return syntax(e);
      std::string name(key);
      for (const auto &d : out.divisions)
        if (d.name == name)
          return fail(keyAt, "the division " + inQuotes(name) +
                                 " appears twice in the file");
      BankHolidayFile::Division division{name, {}};
      if (!readDivision(field.value(), division))
        return false;
      out.divisions.push_back(std::move(division));
    }
    return true;
  }

  /// Reads every value of a document simdjson refused, to find where the
  /// fault is. False, with the error set, if the walk stops at it.
  bool locate(od::document &doc) {
    Doc = &doc;
    od::value root;
    if (auto e = doc.get_value().get(root))
      return syntax(e);
    return skip(root);
  }

  /// Reports a simdjson error at the place the walk reached.
  bool syntax(simdjson::error_code e) {
    const char *at = nullptr;
    if (Doc) {
      auto loc = Doc->current_location();
      if (!loc.error())
        at = loc.value_unsafe();
    }
    return fail(at, describeError(e));
  }

private:
  bool readDivision(od::value value, BankHolidayFile::Division &division) {
    const char *at = tokenOf(value);
    od::json_type type;
    if (auto e = value.type().get(type))
      return syntax(e);
    if (type != od::json_type::object)
      return fail(at, "division " + inQuotes(division.name) +
                          " must be an object holding \"events\", but it is " +
                          describeType(type));
    od::object object;
    if (auto e = value.get_object().get(object))
      return syntax(e);
    bool sawEvents = false;
    for (auto result : object) {
      od::field field;
      if (auto e = std::move(result).get(field))
        return syntax(e);
      const char *keyAt = field.key().raw() - 1;
      std::string_view key;
      if (auto e = field.unescaped_key().get(key))
        return syntax(e);
      if (key == "events") {
        if (sawEvents)
          return fail(keyAt, "division " + inQuotes(division.name) +
                                 " has \"events\" twice");
        sawEvents = true;
        if (!readEvents(field.value(), division))
          return false;
      } else if (key == "division") {
        if (!readString(field.value(), "division " + inQuotes(division.name) +
                                           ": \"division\""))
          return false;
      } else if (!skip(field.value())) {
        return false;
      }
    }
    if (!sawEvents)
      return fail(at, "division " + inQuotes(division.name) +
                          " has no \"events\" list");
    return true;
  }

  bool readEvents(od::value value, BankHolidayFile::Division &division) {
    const char *at = tokenOf(value);
    od::json_type type;
    if (auto e = value.type().get(type))
      return syntax(e);
    if (type != od::json_type::array)
      return fail(at, "\"events\" of " + inQuotes(division.name) +
                          " must be a list (a JSON array), but it is " +
                          describeType(type));
    od::array array;
    if (auto e = value.get_array().get(array))
      return syntax(e);
    size_t index = 0;
    for (auto result : array) {
      od::value event;
      if (auto e = std::move(result).get(event))
        return syntax(e);
      if (!readEvent(event, ++index, division))
        return false;
    }
    return true;
  }

  bool readEvent(od::value value, size_t index,
                 BankHolidayFile::Division &division) {
    std::string what =
        "event " + std::to_string(index) + " of " + inQuotes(division.name);
    const char *at = tokenOf(value);
    od::json_type type;
    if (auto e = value.type().get(type))
      return syntax(e);
    if (type != od::json_type::object)
      return fail(at, what + " must be an object with a \"date\", but it is " +
                          describeType(type));
    od::object object;
    if (auto e = value.get_object().get(object))
      return syntax(e);
    std::optional<Day> date;
    for (auto result : object) {
      od::field field;
      if (auto e = std::move(result).get(field))
        return syntax(e);
      const char *keyAt = field.key().raw() - 1;
      std::string_view key;
      if (auto e = field.unescaped_key().get(key))
        return syntax(e);
      if (key == "date") {
        if (date)
          return fail(keyAt, what + " has \"date\" twice");
        const char *dateAt = tokenOf(field.value());
        std::string_view text;
        if (!readString(field.value(), what + ": \"date\"", &text))
          return false;
        date = parseIsoDate(text);
        if (!date)
          return fail(dateAt, what + ": \"date\" is " + inQuotes(text) +
                                  ", which is not a date (dates are written "
                                  "YYYY-MM-DD)");
        int y = int(year_month_day{*date}.year());
        if (y < FirstYearAllowed || y > LastYearAllowed)
          return fail(dateAt, what + ": \"date\" is " + inQuotes(text) +
                                  ", outside the years " +
                                  std::to_string(FirstYearAllowed) + " to " +
                                  std::to_string(LastYearAllowed));
      } else if (key == "title" || key == "notes") {
        if (!readString(field.value(), what + ": " + inQuotes(key)))
          return false;
      } else if (key == "bunting") {
        const char *buntingAt = tokenOf(field.value());
        od::json_type t;
        if (auto e = field.value().type().get(t))
          return syntax(e);
        if (t != od::json_type::boolean)
          return fail(buntingAt, what +
                                     ": \"bunting\" must be true or false, "
                                     "but it is " +
                                     describeType(t));
        bool ignored;
        if (auto e = field.value().get_bool().get(ignored))
          return syntax(e);
      } else if (!skip(field.value())) {
        return false;
      }
    }
    if (!date)
      return fail(at, what + " has no \"date\"");
    division.days.push_back(*date);
    return true;
  }

  /// A value that must be a string; `what` names it in an error.
  bool readString(od::value value, const std::string &what,
                  std::string_view *out = nullptr) {
    const char *at = tokenOf(value);
    od::json_type type;
    if (auto e = value.type().get(type))
      return syntax(e);
    if (type != od::json_type::string)
      return fail(at,
                  what + " must be a string, but it is " + describeType(type));
    std::string_view s;
    if (auto e = value.get_string().get(s))
      return syntax(e);
    if (out)
      *out = s;
    return true;
  }

  /// Reads a value the format has no use for, all the way through, so that
  /// any error in it is found where it is.
  bool skip(od::value value) {
    od::json_type type;
    if (auto e = value.type().get(type))
      return syntax(e);
    switch (type) {
    case od::json_type::object: {
      od::object object;
      if (auto e = value.get_object().get(object))
        return syntax(e);
      for (auto result : object) {
        od::field field;
        if (auto e = std::move(result).get(field))
          return syntax(e);
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
          return syntax(e);
        if (!skip(field.value()))
          return false;
      }
      return true;
    }
    case od::json_type::array: {
      od::array array;
      if (auto e = value.get_array().get(array))
        return syntax(e);
      for (auto result : array) {
        od::value element;
        if (auto e = std::move(result).get(element))
          return syntax(e);
        if (!skip(element))
          return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      if (auto e = value.get_string().get(s))
        return syntax(e);
      return true;
    }
    case od::json_type::number: {
      double d;
      if (auto e = value.get_double().get(d))
        return syntax(e);
      return true;
    }
    case od::json_type::boolean: {
      bool b;
      if (auto e = value.get_bool().get(b))
        return syntax(e);
      return true;
    }
    case od::json_type::null: {
      bool isNull = false;
      if (auto e = value.is_null().get(isNull))
        return syntax(e);
      if (!isNull)
        return fail(tokenOf(value), describeError(simdjson::N_ATOM_ERROR));
      return true;
    }
    }
    return true;
  }

  const char *tokenOf(od::value &value) {
    return value.raw_json_token().data();
  }

  const char *firstToken() {
    size_t i = Text.find_first_not_of(" \t\r\n");
    return i == std::string_view::npos ? nullptr : Base + i;
  }

  bool fail(const char *at, const std::string &message) {
    Error = at ? where(Text, size_t(at - Base)) + message : message;
    return false;
  }

  std::string_view Text;
  const char *Base;
  std::string &Error;
  od::document *Doc = nullptr;
};

} // namespace

std::optional<BankHolidayFile> parseBankHolidays(std::string_view json,
                                                 std::string &error) {
  error.clear();
  // A byte-order mark, as some Windows editors write, is blanked rather
  // than cut so that columns still count from the start of the file.
  std::string text(json);
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
    text.replace(0, 3, "   ");
  simdjson::padded_string padded(text);
  Reader reader(text, padded.data(), error);
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    error = describeError(simdjson::EMPTY);
    return std::nullopt;
  }

  simdjson::dom::parser dom;
  simdjson::dom::element root;
  od::parser parser;
  od::document doc;
  if (auto refused = dom.parse(padded).get(root)) {
    if (std::optional<Fault> fault = scanForFault(text))
      error = where(text, fault->offset) + fault->message;
    else if (text[first] != '{' && text[first] != '[')
      error = where(text, first) + "this is not JSON: a bank-holidays file "
                                   "starts with {";
    else if (auto e = parser.iterate(padded).get(doc))
      error = describeError(e);
    else if (reader.locate(doc))
      error = describeError(refused); // the walk found nothing
    return std::nullopt;
  }

  BankHolidayFile file;
  if (auto e = parser.iterate(padded).get(doc)) {
    error = describeError(e);
    return std::nullopt;
  }
  if (!reader.read(doc, file))
    return std::nullopt;
  return file;
}

std::optional<WorkingDayCalendar> calendarFor(const BankHolidayFile &file,
                                              std::string_view division,
                                              std::string &error) {
  error.clear();
  auto it = std::find_if(
      file.divisions.begin(), file.divisions.end(),
      [&](const BankHolidayFile::Division &d) { return d.name == division; });
  if (it == file.divisions.end()) {
    std::string names;
    for (size_t i = 0; i < file.divisions.size(); ++i) {
      if (i > 0)
        names += i + 1 == file.divisions.size() ? " and " : ", ";
      names += inQuotes(file.divisions[i].name);
    }
    error = "there is no division " + inQuotes(division) + " in the file";
    error += names.empty() ? ", which has none" : "; it has " + names;
    return std::nullopt;
  }
  if (it->days.empty()) {
    error = "the division " + inQuotes(division) + " has no days in it";
    return std::nullopt;
  }
  auto [first, last] = std::minmax_element(it->days.begin(), it->days.end());
  return WorkingDayCalendar(it->name, int(year_month_day{*first}.year()),
                            int(year_month_day{*last}.year()), it->days);
}

std::optional<WorkingDayCalendar> calendarFromJson(std::string_view json,
                                                   std::string_view division,
                                                   std::string &error) {
  std::optional<BankHolidayFile> file = parseBankHolidays(json, error);
  if (!file)
    return std::nullopt;
  return calendarFor(*file, division, error);
}

} // namespace escalade::runtime
