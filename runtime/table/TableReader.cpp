// TableReader.cpp — the bytes of a `.esct` file to a Table, trusting none
// of them. First the header (signature, version, size, checksum), then the
// directory (every section inside the file, aligned, not overlapping, the
// size its records say, each known one exactly once), then every record
// field by field (enums, flags, reserved bytes, UTF-8). TableCheck.cpp then
// checks what the records point at. Nothing is read before the bounds of
// what holds it have been checked.
#include "table/TableCheck.h"
#include "table/TableFormat.h"
#include "table/TableLayout.h"

#include <algorithm>
#include <bitset>
#include <cstring>
#include <vector>

namespace escalade::table {

using namespace layout;

namespace {

std::string hex(uint64_t v) {
  static const char Digits[] = "0123456789ABCDEF";
  std::string out;
  do {
    out.insert(out.begin(), Digits[v & 15]);
    v >>= 4;
  } while (v);
  if (out.size() % 2)
    out.insert(out.begin(), '0');
  return "0x" + out;
}

/// 'ROUT' for a printable FourCC, else its value in hex.
std::string sectionName(uint32_t id) {
  std::string text;
  for (int i = 0; i < 4; ++i) {
    unsigned char c = uint8_t(id >> (8 * i));
    if (c < 0x20 || c > 0x7e)
      return hex(id);
    text += char(c);
  }
  return "'" + text + "'";
}

/// The offset of the first byte of `s` that does not start a valid UTF-8
/// sequence (RFC 3629: no overlong forms, no surrogates, nothing past
/// U+10FFFF), or npos if it is all valid.
size_t invalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = uint8_t(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (s.size() - i < length)
      return i;
    for (size_t k = 1; k < length; ++k) {
      unsigned char d = uint8_t(s[i + k]);
      if ((d & 0xC0) != 0x80)
        return i;
      cp = cp << 6 | (d & 0x3F);
    }
    if ((length == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return i;
    i += length;
  }
  return std::string_view::npos;
}

static_assert(stage::Size <= 128 && procedure::Size <= 128,
              "Reader::Rec tracks the bytes of a record in a bitset<128>");

class Reader {
public:
  Reader(std::string_view bytes, ReadError &error)
      : P(reinterpret_cast<const unsigned char *>(bytes.data())),
        Size(bytes.size()), Error(error) {}

  std::optional<Table> read() {
    Table t;
    if (!header() || !directory() || !strings(t) || !calendar(t) ||
        !records(t) || !checkTable(t, Offsets, Error))
      return std::nullopt;
    return t;
  }

private:
  /// Where a known section is, once the directory has placed it.
  struct Placed {
    bool present = false;
    uint32_t count = 0;
    uint64_t offset = 0, length = 0;
    uint64_t entryAt = 0; ///< Its directory entry.
  };

  const unsigned char *P;
  uint64_t Size;
  ReadError &Error;
  uint16_t Major = 0, Minor = 0;
  uint32_t HeaderSize = 0;
  uint32_t Entries = 0;
  uint64_t DirectoryEnd = 0;
  std::array<Placed, SectionCount> Found;
  SectionOffsets Offsets{};

  bool fail(uint64_t offset, std::string message) {
    Error.offset = offset;
    Error.message = std::move(message);
    return false;
  }
  std::string version() const {
    return std::to_string(Major) + "." + std::to_string(Minor);
  }
  const Placed &placed(Section s) const { return Found[size_t(s)]; }

  bool header() {
    if (Size == 0)
      return fail(0, "the file is empty: an Escalade table starts with a " +
                         std::to_string(header::Size) + "-byte header");
    size_t n = std::min<uint64_t>(Size, sizeof Magic);
    if (std::memcmp(P, Magic, n) != 0) {
      if (n == sizeof Magic && std::memcmp(P, Magic, 4) == 0)
        return fail(4, "the table signature is damaged after \"ESC\": the "
                       "file was probably copied as text, which changes "
                       "line endings; copy it as a binary file");
      return fail(0, "this is not an Escalade table (it does not start with "
                     "the table signature)");
    }
    auto truncatedHeader = [&] {
      return fail(Size, "the file is truncated: it ends after " +
                            std::to_string(Size) + " bytes, inside the " +
                            std::to_string(header::Size) + "-byte header");
    };
    if (Size < header::MinorAt + 2)
      return truncatedHeader();
    Major = loadU16(P + header::MajorAt);
    Minor = loadU16(P + header::MinorAt);
    std::string ours = std::to_string(FormatMajor) + ".x";
    if (Major > FormatMajor)
      return fail(header::MajorAt,
                  "this table was written by a newer Escalade (format " +
                      version() + "); this escrun reads format " + ours +
                      ": rebuild it with this escc or update escrun");
    if (Major < FormatMajor)
      return fail(header::MajorAt,
                  "this table says it is format " + version() +
                      ", which no Escalade writes; this escrun reads format " +
                      ours + ": rebuild it with this escc");
    if (Size < header::FileSizeAt + 8)
      return truncatedHeader();
    uint64_t fileSize = loadU64(P + header::FileSizeAt);
    if (fileSize > Size)
      return fail(header::FileSizeAt,
                  "the file is truncated: the header says " +
                      std::to_string(fileSize) + " bytes, but it has " +
                      std::to_string(Size));
    if (fileSize < Size)
      return fail(header::FileSizeAt,
                  "the file has " + std::to_string(Size) +
                      " bytes, but the header says " +
                      std::to_string(fileSize) +
                      ": something has been added to the end of it");
    if (Size < header::Size)
      return fail(header::FileSizeAt,
                  "the header says the file is " + std::to_string(fileSize) +
                      " bytes, too small to hold the " +
                      std::to_string(header::Size) + "-byte header");
    if (loadU32(P + header::ChecksumAt) != fileChecksum(P, Size))
      return fail(header::ChecksumAt,
                  "the checksum does not match: the file has been damaged or "
                  "changed since escc wrote it");

    HeaderSize = loadU32(P + header::HeaderSizeAt);
    if (Minor <= FormatMinor && HeaderSize != header::Size)
      return fail(header::HeaderSizeAt,
                  "the header size is " + std::to_string(HeaderSize) +
                      " bytes, but a format " + version() + " header is " +
                      std::to_string(header::Size));
    if (HeaderSize < header::Size || HeaderSize % Alignment != 0 ||
        HeaderSize > Size)
      return fail(header::HeaderSizeAt,
                  "the header size is " + std::to_string(HeaderSize) +
                      " bytes, but a format " + ours + " header is at least " +
                      std::to_string(header::Size) +
                      " bytes, a multiple of 8, and inside the file");
    if (uint32_t flags = loadU32(P + header::FlagsAt))
      return fail(header::FlagsAt, "the flags field is " + hex(flags) +
                                       ", but format " + ours +
                                       " defines no flags: it must be 0");
    if (loadU32(P + header::ReservedAt) != 0)
      return fail(header::ReservedAt,
                  "the reserved header field is not 0: format " + ours +
                      " writes 0 there");
    Entries = loadU32(P + header::SectionCountAt);
    DirectoryEnd = HeaderSize + uint64_t(entry::Size) * Entries;
    if (DirectoryEnd > Size)
      return fail(header::SectionCountAt,
                  "the header lists " + std::to_string(Entries) +
                      " sections, but a directory of that many would run "
                      "past the end of the file (" +
                      std::to_string(Size) + " bytes)");
    return true;
  }

  bool directory() {
    struct Span {
      uint32_t id;
      uint64_t offset, length, entryAt;
    };
    std::vector<Span> spans;
    for (uint32_t i = 0; i < Entries; ++i) {
      uint64_t at = HeaderSize + uint64_t(entry::Size) * i;
      uint32_t id = loadU32(P + at + entry::IdAt);
      uint32_t count = loadU32(P + at + entry::CountAt);
      uint64_t offset = loadU64(P + at + entry::OffsetAt);
      uint64_t length = loadU64(P + at + entry::LengthAt);
      std::string name = "section " + sectionName(id);
      if (offset % Alignment != 0)
        return fail(at + entry::OffsetAt, name + " starts at byte " +
                                              std::to_string(offset) +
                                              ", which is not a multiple of 8");
      if (offset < DirectoryEnd)
        return fail(at + entry::OffsetAt,
                    name + " starts at byte " + std::to_string(offset) +
                        ", inside the header and directory, which end at "
                        "byte " +
                        std::to_string(DirectoryEnd));
      if (offset > Size || length > Size - offset)
        return fail(at + entry::LengthAt,
                    name + " runs past the end of the file: it has " +
                        std::to_string(length) + " bytes from byte " +
                        std::to_string(offset) + ", but the file has only " +
                        std::to_string(Size));
      const SectionInfo *known = nullptr;
      for (const SectionInfo &s : Sections)
        if (s.id == id)
          known = &s;
      if (known) {
        Placed &p = Found[size_t(known - Sections)];
        if (p.present)
          return fail(at + entry::IdAt,
                      name + " appears twice in the directory");
        if (known->recordSize != 0 &&
            uint64_t(count) * known->recordSize != length)
          return fail(
              at + entry::CountAt,
              name + " should hold " + std::to_string(count) + " records of " +
                  std::to_string(known->recordSize) + " bytes, which is " +
                  std::to_string(uint64_t(count) * known->recordSize) +
                  " bytes, but its length is " + std::to_string(length));
        p = {true, count, offset, length, at};
      } else if (Minor <= FormatMinor) {
        return fail(at + entry::IdAt,
                    name + " is not a section of format " + version() +
                        ": the file is damaged or was written by a faulty "
                        "tool");
      } // else: added by a later minor version; skipped.
      if (length > 0)
        spans.push_back({id, offset, length, at});
    }

    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) {
      return a.offset != b.offset ? a.offset < b.offset : a.entryAt < b.entryAt;
    });
    for (size_t k = 1; k < spans.size(); ++k) {
      const Span &a = spans[k - 1], &b = spans[k];
      if (a.offset + a.length > b.offset)
        return fail(b.entryAt + entry::OffsetAt,
                    "sections " + sectionName(a.id) + " and " +
                        sectionName(b.id) + " overlap: " + sectionName(a.id) +
                        " covers bytes " + std::to_string(a.offset) + " to " +
                        std::to_string(a.offset + a.length - 1) + " and " +
                        sectionName(b.id) + " starts at byte " +
                        std::to_string(b.offset));
    }

    for (size_t k = 0; k < SectionCount; ++k) {
      if (!Found[k].present && Sections[k].sinceMinor <= Minor)
        return fail(HeaderSize, "the section " + sectionName(Sections[k].id) +
                                    " (the " + Sections[k].what +
                                    " records) is missing from the "
                                    "directory");
      Offsets[k] = Found[k].offset;
    }
    return true;
  }

  bool strings(Table &t) {
    const Placed &s = placed(Section::Strings);
    if (!s.present)
      return true;
    const uint64_t o = s.offset;
    if (s.length < strings::OffsetsAt)
      return fail(o, "section 'STRS' is " + std::to_string(s.length) +
                         " bytes, too short to hold its count of strings");
    uint32_t n = loadU32(P + o + strings::CountAt);
    if (n != s.count)
      return fail(o, "section 'STRS' says it holds " + std::to_string(n) +
                         " strings, but the directory says " +
                         std::to_string(s.count));
    const uint64_t textAt = strings::OffsetsAt + 4 * (uint64_t(n) + 1);
    if (textAt > s.length)
      return fail(o, "section 'STRS' is " + std::to_string(s.length) +
                         " bytes, too short for the offsets of its " +
                         std::to_string(n) + " strings");
    const uint64_t textLength = s.length - textAt;
    auto offsetAt = [&](uint64_t i) { return o + strings::OffsetsAt + 4 * i; };
    auto offset = [&](uint64_t i) { return loadU32(P + offsetAt(i)); };
    if (offset(0) != 0)
      return fail(offsetAt(0), "string 0 starts at byte " +
                                   std::to_string(offset(0)) +
                                   " of the text, but the first string "
                                   "starts at byte 0");
    if (offset(n) != textLength)
      return fail(offsetAt(n), "the strings end at byte " +
                                   std::to_string(offset(n)) +
                                   " of the text, but the text is " +
                                   std::to_string(textLength) + " bytes");
    for (uint64_t i = 0; i < n; ++i)
      if (offset(i + 1) < offset(i))
        return fail(offsetAt(i + 1),
                    "string " + std::to_string(i) + " ends (at byte " +
                        std::to_string(offset(i + 1)) +
                        " of the text) before it starts (at byte " +
                        std::to_string(offset(i)) + ")");
    const char *text = reinterpret_cast<const char *>(P + o + textAt);
    t.strings.reserve(n);
    for (uint64_t i = 0; i < n; ++i) {
      std::string_view str(text + offset(i), offset(i + 1) - offset(i));
      size_t bad = invalidUtf8(str);
      if (bad != std::string_view::npos)
        return fail(o + textAt + offset(i) + bad,
                    "string " + std::to_string(i) +
                        " is not valid UTF-8: its byte " + std::to_string(bad) +
                        " (" + hex(uint8_t(str[bad])) +
                        ") does not begin a well-formed character");
      t.strings.emplace_back(str);
    }
    return true;
  }

  /// One fixed-size record, read field by field. The first bad field
  /// (an enum out of range, a flag not 0 or 1, a reserved byte not 0) is
  /// reported; later reads still return values, ignored by the caller.
  class Rec {
  public:
    Rec(Reader &r, Section s, uint64_t index)
        : R(r), S(s), Index(index),
          Base(r.placed(s).offset + index * info(s).recordSize) {}

    uint32_t u32(uint32_t field) {
      use(field, 4);
      return loadU32(R.P + Base + field);
    }
    int32_t i32(uint32_t field) { return int32_t(u32(field)); }
    bool flag(uint32_t field, const char *role) {
      uint8_t v = u8(field);
      if (v > 1)
        bad(field, std::string("its ") + role + " flag is " +
                       std::to_string(v) + ", but a flag is 0 or 1");
      return v == 1;
    }
    template <typename E>
    E enumeration(uint32_t field, E last, const char *role) {
      uint8_t v = u8(field);
      if (v > uint8_t(last)) {
        bad(field, std::string("its ") + role + " is " + std::to_string(v) +
                       ", which is not a " + role +
                       " this format knows (0 to " +
                       std::to_string(uint8_t(last)) + ")");
        return E{};
      }
      return E(v);
    }
    Timescale timescale(uint32_t field, const char *which) {
      std::string w = which;
      Timescale t;
      t.unit = enumeration(field + timescale::Unit, Unit::Words,
                           (w + " unit").c_str());
      t.targetUnit = enumeration(field + timescale::TargetUnit, Unit::Words,
                                 (w + " target unit").c_str());
      t.anchorPoint =
          enumeration(field + timescale::AnchorPoint, AnchorPoint::End,
                      (w + " anchor point").c_str());
      t.count = u32(field + timescale::Count);
      t.words = u32(field + timescale::Words);
      t.targetCount = u32(field + timescale::TargetCount);
      t.targetWords = u32(field + timescale::TargetWords);
      t.anchorStage = u32(field + timescale::AnchorStage);
      return t;
    }
    /// True if every field was good and every byte no field used is 0.
    bool done() {
      if (Failed)
        return false;
      for (uint32_t b = 0; b < info(S).recordSize; ++b)
        if (!Used[b] && R.P[Base + b] != 0) {
          bad(b, "its byte " + std::to_string(b) + " is " + hex(R.P[Base + b]) +
                     ", but it is reserved and must be 0");
          return false;
        }
      return true;
    }

  private:
    uint8_t u8(uint32_t field) {
      use(field, 1);
      return R.P[Base + field];
    }
    void use(uint32_t field, uint32_t size) {
      for (uint32_t b = field; b < field + size; ++b)
        Used.set(b);
    }
    void bad(uint32_t field, const std::string &message) {
      if (!Failed)
        R.fail(Base + field, std::string(info(S).what) + " " +
                                 std::to_string(Index) + ": " + message);
      Failed = true;
    }
    Reader &R;
    Section S;
    uint64_t Index;
    uint64_t Base;
    std::bitset<128> Used;
    bool Failed = false;
  };

  bool calendar(Table &t) {
    const Placed &c = placed(Section::Calendar);
    if (c.count != 1)
      return fail(c.entryAt + entry::CountAt,
                  "section 'CALN' should hold exactly one calendar, but "
                  "holds " +
                      std::to_string(c.count));
    Rec r(*this, Section::Calendar, 0);
    t.calendar.name = r.u32(calendar::Name);
    t.calendar.firstYear = r.i32(calendar::FirstYear);
    t.calendar.lastYear = r.i32(calendar::LastYear);
    if (!r.done())
      return false;
    uint32_t n = placed(Section::Holidays).count;
    t.calendar.holidays.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      Rec h(*this, Section::Holidays, i);
      t.calendar.holidays.push_back(h.i32(holiday::Day));
      if (!h.done())
        return false;
    }
    return true;
  }

  /// Reads every record of section `s` into `out` with `one`.
  template <typename T, typename F>
  bool each(Section s, std::vector<T> &out, F one) {
    uint32_t n = placed(s).count;
    out.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      Rec r(*this, s, i);
      out.push_back(one(r));
      if (!r.done())
        return false;
    }
    return true;
  }

  static Named named(Rec &r) {
    return {r.u32(named::Name), r.u32(named::Title)};
  }

  bool records(Table &t) {
    return each(Section::Procedures, t.procedures,
                [](Rec &r) {
                  Procedure p;
                  p.name = r.u32(procedure::Name);
                  p.title = r.u32(procedure::Title);
                  p.version = r.u32(procedure::Version);
                  p.start = r.u32(procedure::Start);
                  p.skippable = r.flag(procedure::Skippable, "skippable");
                  p.overall = r.timescale(procedure::Overall, "overall");
                  p.firstStage = r.u32(procedure::FirstStage);
                  p.stageCount = r.u32(procedure::StageCount);
                  p.firstFact = r.u32(procedure::FirstFact);
                  p.factCount = r.u32(procedure::FactCount);
                  p.firstParty = r.u32(procedure::FirstParty);
                  p.partyCount = r.u32(procedure::PartyCount);
                  p.firstRecord = r.u32(procedure::FirstRecord);
                  p.recordCount = r.u32(procedure::RecordCount);
                  p.firstForm = r.u32(procedure::FirstForm);
                  p.formCount = r.u32(procedure::FormCount);
                  p.firstOutcome = r.u32(procedure::FirstOutcome);
                  p.outcomeCount = r.u32(procedure::OutcomeCount);
                  p.firstProcess = r.u32(procedure::FirstProcess);
                  p.processCount = r.u32(procedure::ProcessCount);
                  return p;
                }) &&
           each(Section::Stages, t.stages,
                [](Rec &r) {
                  Stage s;
                  s.name = r.u32(stage::Name);
                  s.title = r.u32(stage::Title);
                  s.number = r.u32(stage::Number);
                  s.final = r.flag(stage::Final, "final");
                  s.respond = r.timescale(stage::Respond, "respond");
                  s.begin = r.timescale(stage::Begin, "begin");
                  s.firstRoute = r.u32(stage::FirstRoute);
                  s.routeCount = r.u32(stage::RouteCount);
                  s.firstNotification = r.u32(stage::FirstNotification);
                  s.notificationCount = r.u32(stage::NotificationCount);
                  s.firstRecord = r.u32(stage::FirstRecord);
                  s.recordCount = r.u32(stage::RecordCount);
                  s.firstForm = r.u32(stage::FirstForm);
                  s.formCount = r.u32(stage::FormCount);
                  s.firstOwner = r.u32(stage::FirstOwner);
                  s.ownerCount = r.u32(stage::OwnerCount);
                  s.firstRequired = r.u32(stage::FirstRequired);
                  s.requiredCount = r.u32(stage::RequiredCount);
                  return s;
                }) &&
           each(Section::Routes, t.routes,
                [](Rec &r) {
                  Route rt;
                  rt.trigger = r.enumeration(route::Trigger, Trigger::Overdue,
                                             "trigger");
                  rt.kind = r.enumeration(route::Kind, TargetKind::OtherStage,
                                          "target kind");
                  rt.guard.first = r.u32(route::GuardFirst);
                  rt.guard.length = r.u32(route::GuardLength);
                  rt.target = r.u32(route::Target);
                  rt.targetStage = r.u32(route::TargetStage);
                  return rt;
                }) &&
           each(Section::Code, t.code,
                [](Rec &r) {
                  CondInstr c;
                  c.op = r.enumeration(instr::Op, CondOp::Or, "operation");
                  c.arg = r.u32(instr::Arg);
                  return c;
                }) &&
           each(Section::Facts, t.facts, named) &&
           each(Section::Parties, t.parties,
                [](Rec &r) {
                  Party p;
                  p.kind = r.enumeration(party::Kind, PartyKind::Agency,
                                         "party kind");
                  p.name = r.u32(party::Name);
                  p.title = r.u32(party::Title);
                  return p;
                }) &&
           each(Section::Recipients, t.recipients,
                [](Rec &r) {
                  Recipient rc;
                  rc.party = r.u32(recipient::Party);
                  rc.equivalent = r.flag(recipient::Equivalent, "equivalent");
                  return rc;
                }) &&
           each(Section::Notifications, t.notifications,
                [](Rec &r) {
                  Notification n;
                  n.firstRecipient = r.u32(notification::FirstRecipient);
                  n.recipientCount = r.u32(notification::RecipientCount);
                  n.what = r.u32(notification::What);
                  n.condition.first = r.u32(notification::ConditionFirst);
                  n.condition.length = r.u32(notification::ConditionLength);
                  n.connective = r.enumeration(notification::Connective,
                                               Connective::AllOf, "connective");
                  n.copy = r.flag(notification::Copy, "copy");
                  return n;
                }) &&
           each(Section::RecordItems, t.recordItems,
                [](Rec &r) {
                  RecordItem ri;
                  ri.record = r.u32(recordItem::Record);
                  ri.what = r.u32(recordItem::What);
                  return ri;
                }) &&
           each(Section::FormItems, t.formItems,
                [](Rec &r) {
                  FormItem f;
                  f.form = r.u32(formItem::Form);
                  f.firstRecipient = r.u32(formItem::FirstRecipient);
                  f.recipientCount = r.u32(formItem::RecipientCount);
                  f.note = r.u32(formItem::Note);
                  f.connective = r.enumeration(formItem::Connective,
                                               Connective::AllOf, "connective");
                  f.send = r.flag(formItem::Send, "send");
                  return f;
                }) &&
           each(Section::Owners, t.owners,
                [](Rec &r) {
                  Owner o;
                  o.firstRecipient = r.u32(owner::FirstRecipient);
                  o.recipientCount = r.u32(owner::RecipientCount);
                  o.condition.first = r.u32(owner::ConditionFirst);
                  o.condition.length = r.u32(owner::ConditionLength);
                  o.connective = r.enumeration(owner::Connective,
                                               Connective::AllOf, "connective");
                  return o;
                }) &&
           each(Section::Required, t.required,
                [](Rec &r) { return r.u32(required::Stage); }) &&
           each(Section::Records, t.records, named) &&
           each(Section::Forms, t.forms, named) &&
           each(Section::Outcomes, t.outcomes, named) &&
           each(Section::Processes, t.processes, named);
  }
};

} // namespace

std::optional<Table> readTable(std::string_view bytes, ReadError &error) {
  return Reader(bytes, error).read();
}

} // namespace escalade::table
