// JsonWriter.cpp — escaping per RFC 8259; UTF-8 passes through.
#include "interp/JsonWriter.h"

namespace escalade::interp {

void JsonWriter::escape(std::ostream &out, std::string_view s) {
  static const char Hex[] = "0123456789abcdef";
  out.put('"');
  // Runs of characters that need no escape are written in one go.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\')
      continue;
    out.write(s.data() + run, std::streamsize(i - run));
    run = i + 1;
    switch (c) {
    case '"':
      out.write("\\\"", 2);
      break;
    case '\\':
      out.write("\\\\", 2);
      break;
    case '\n':
      out.write("\\n", 2);
      break;
    case '\r':
      out.write("\\r", 2);
      break;
    case '\t':
      out.write("\\t", 2);
      break;
    default: {
      char u[6] = {'\\', 'u', '0', '0', Hex[c >> 4], Hex[c & 15]};
      out.write(u, 6);
    }
    }
  }
  out.write(s.data() + run, std::streamsize(s.size() - run));
  out.put('"');
}

void JsonWriter::comma() {
  if (AfterKey) {
    AfterKey = false;
    return;
  }
  if (!First.back())
    Out << ',';
  First.back() = false;
}

JsonWriter &JsonWriter::open(char c) {
  comma();
  Out << c;
  First.push_back(true);
  return *this;
}

JsonWriter &JsonWriter::close(char c) {
  First.pop_back();
  Out << c;
  return *this;
}

JsonWriter &JsonWriter::key(std::string_view k) {
  comma();
  escape(Out, k);
  Out << ':';
  AfterKey = true;
  return *this;
}

JsonWriter &JsonWriter::value(std::string_view s) {
  comma();
  escape(Out, s);
  return *this;
}

JsonWriter &JsonWriter::value(int64_t n) {
  comma();
  Out << n;
  return *this;
}

JsonWriter &JsonWriter::value(bool b) {
  comma();
  Out << (b ? "true" : "false");
  return *this;
}

JsonWriter &JsonWriter::null() {
  comma();
  Out << "null";
  return *this;
}

} // namespace escalade::interp
