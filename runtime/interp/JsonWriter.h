// JsonWriter.h — a small streaming JSON writer for escrun's reports: keys,
// strings (escaped), numbers, booleans, nested objects and arrays, with
// commas placed for the caller. The runtime links no JSON library for
// writing, and needs only this much.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace escalade::interp {

class JsonWriter {
public:
  explicit JsonWriter(std::ostream &out) : Out(out) {}

  JsonWriter &beginObject() { return open('{'); }
  JsonWriter &endObject() { return close('}'); }
  JsonWriter &beginArray() { return open('['); }
  JsonWriter &endArray() { return close(']'); }
  JsonWriter &key(std::string_view k);
  JsonWriter &value(std::string_view s);
  JsonWriter &value(const char *s) { return value(std::string_view(s)); }
  JsonWriter &value(int64_t n);
  JsonWriter &value(bool b);
  JsonWriter &null();

  /// Writes `s` as a JSON string literal, escaped.
  static void escape(std::ostream &out, std::string_view s);

private:
  JsonWriter &open(char c);
  JsonWriter &close(char c);
  void comma();

  std::ostream &Out;
  std::vector<bool> First{true}; ///< Per open container: nothing yet.
  bool AfterKey = false;
};

} // namespace escalade::interp
