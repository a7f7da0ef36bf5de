// TableFormatTest.cpp — the binary table format (`.esct`): a realistic
// table written and read back unchanged, byte for byte the same each time,
// at the offsets docs/table-format.md gives; and every kind of damage (cut
// short, bits flipped, foreign files, other versions, bad indexes, bad
// conditions, bad enums, overlapping or misplaced sections, bad UTF-8,
// unsorted holidays, random overwrites) refused with a clear message and
// never a crash. Damage behind the checksum is re-stamped with a CRC-32
// written here from the definition, so the checks behind it run too.
#include "table/TableFormat.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <random>
#include <string>
#include <vector>

namespace escalade::table {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// ---------------------------------------------------------------------------
// The documented layout, written out again here rather than shared with the
// library, so that a change to one without the other fails.

constexpr size_t HeaderSize = 40, EntrySize = 24, SectionCount = 19;
constexpr size_t MajorAt = 8, MinorAt = 10, HeaderSizeAt = 12, FileSizeAt = 16,
                 SectionCountAt = 24, FlagsAt = 28, ChecksumAt = 32;
const std::string Magic("\x89"
                        "ESC\r\n\x1a\n",
                        8);
const char *const SectionIds[SectionCount] = {
    "STRS", "CALN", "HDAY", "PROC", "STAG", "ROUT", "CODE",
    "FACT", "PRTY", "RCPT", "NOTE", "RECI", "FORI", "OWNR",
    "REQD", "RECD", "FORM", "OUTC", "PRCS"};

uint32_t crc32(std::string_view bytes) {
  static const std::array<uint32_t, 256> Table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k)
        c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes)
    c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

uint64_t get(const std::string &b, size_t at, int size) {
  uint64_t v = 0;
  for (int i = size - 1; i >= 0; --i)
    v = v << 8 | uint8_t(b.at(at + i));
  return v;
}
void put(std::string &b, size_t at, uint64_t v, int size) {
  for (int i = 0; i < size; ++i)
    b.at(at + i) = char(uint8_t(v >> (8 * i)));
}

/// Stamps the CRC-32 of the file, computed with the checksum field as zero.
void restamp(std::string &b) {
  put(b, ChecksumAt, 0, 4);
  put(b, ChecksumAt, crc32(b), 4);
}

/// Patches a little-endian field and re-stamps the CRC, so that the
/// damage gets past the checksum to the checks behind it.
void patch(std::string &b, size_t at, uint64_t v, int size) {
  put(b, at, v, size);
  restamp(b);
}

uint32_t fourcc(const char *s) {
  return uint32_t(uint8_t(s[0])) | uint32_t(uint8_t(s[1])) << 8 |
         uint32_t(uint8_t(s[2])) << 16 | uint32_t(uint8_t(s[3])) << 24;
}

struct Entry {
  uint32_t id, count;
  uint64_t offset, length;
  size_t at; ///< Where the entry is in the directory.
};

std::vector<Entry> directory(const std::string &b) {
  std::vector<Entry> out;
  size_t n = get(b, SectionCountAt, 4);
  for (size_t i = 0; i < n; ++i) {
    size_t at = HeaderSize + EntrySize * i;
    out.push_back({uint32_t(get(b, at, 4)), uint32_t(get(b, at + 4, 4)),
                   get(b, at + 8, 8), get(b, at + 16, 8), at});
  }
  return out;
}

Entry section(const std::string &b, const char *id) {
  for (const Entry &e : directory(b))
    if (e.id == fourcc(id))
      return e;
  ADD_FAILURE() << "no section " << id;
  return {};
}

/// A section to lay out again: its id, record count and bytes.
struct Part {
  uint32_t id, count;
  std::string bytes;
};

std::vector<Part> parts(const std::string &b) {
  std::vector<Part> out;
  for (const Entry &e : directory(b))
    out.push_back({e.id, e.count, b.substr(e.offset, e.length)});
  return out;
}

/// A file with these sections, laid out as the format describes: what a
/// third-party writer would do. A later minor version may have a longer
/// header (`headerSize`), its extra fields here filled with 0xEE.
std::string assemble(const std::vector<Part> &sections, uint16_t minor = 0,
                     size_t headerSize = HeaderSize) {
  std::string b(headerSize + EntrySize * sections.size(), '\0');
  std::fill(b.begin() + HeaderSize, b.begin() + headerSize, '\xEE');
  std::copy(Magic.begin(), Magic.end(), b.begin());
  put(b, MajorAt, 1, 2);
  put(b, MinorAt, minor, 2);
  put(b, HeaderSizeAt, headerSize, 4);
  put(b, SectionCountAt, sections.size(), 4);
  for (size_t i = 0; i < sections.size(); ++i) {
    b.resize((b.size() + 7) / 8 * 8, '\0');
    size_t at = headerSize + EntrySize * i;
    put(b, at, sections[i].id, 4);
    put(b, at + 4, sections[i].count, 4);
    put(b, at + 8, b.size(), 8);
    put(b, at + 16, sections[i].bytes.size(), 8);
    b += sections[i].bytes;
  }
  b.resize((b.size() + 7) / 8 * 8, '\0');
  put(b, FileSizeAt, b.size(), 8);
  restamp(b);
  return b;
}

// ---------------------------------------------------------------------------
// A realistic table: two procedures, every timescale unit, every route
// kind, guards, a nested condition, notifications with conditions, records,
// forms, owners, a requirement, a calendar with holidays, non-ASCII text.

int32_t day(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return int32_t(sys_days{year{y} / month{m} / d}.time_since_epoch().count());
}

struct Builder {
  Table t;
  uint32_t s(const std::string &text) {
    for (size_t i = 0; i < t.strings.size(); ++i)
      if (t.strings[i] == text)
        return uint32_t(i);
    t.strings.push_back(text);
    return uint32_t(t.strings.size() - 1);
  }
};

Table sample() {
  Builder b;
  Table &t = b.t;
  t.calendar = {b.s("England and Wales"),
                2024,
                2025,
                {day(2024, 1, 1), day(2024, 3, 29), day(2024, 4, 1),
                 day(2024, 5, 6), day(2024, 5, 27), day(2024, 8, 26),
                 day(2024, 12, 25), day(2024, 12, 26), day(2025, 1, 1),
                 day(2025, 4, 18), day(2025, 4, 21), day(2025, 12, 25)}};

  // Declarations: procedure 0 owns facts 0-1, parties 0-2, record 0,
  // form 0, outcome 0, process 0; procedure 1 fact 2, party 3, outcome 1.
  t.facts = {{b.s("cp_plan"), b.s("The child has a child protection plan")},
             {b.s("risk"), b.s("There is an immediate risk of harm")},
             {b.s("disputed"), b.s("The threshold decision is disputed")}};
  t.parties = {
      {PartyKind::Role, b.s("cp_chair"), b.s("Child Protection Chair")},
      {PartyKind::Contact, b.s("mscp"), b.s("MSCP business unit")},
      {PartyKind::Agency, b.s("police"), b.s("Kent Police")},
      {PartyKind::Role, b.s("manager"), b.s("Team manager — Kent")}};
  t.records = {{b.s("child_file"), b.s("The child's file")}};
  t.forms = {{b.s("escalation_form"), b.s("Escalation form")}};
  t.outcomes = {{b.s("resolved"), b.s("Resolved")},
                {b.s("agreed"), b.s("Agreed threshold")}};
  t.processes = {{b.s("complaints"), b.s("Complaints procedure")}};

  // Conditions. 0-5: (cp_plan or risk) and not risk; 6: cp_plan;
  // 7: risk; 8: disputed; 9-10: not disputed.
  t.code = {{CondOp::Fact, 0}, {CondOp::Fact, 1}, {CondOp::Or, 2},
            {CondOp::Fact, 1}, {CondOp::Not, 0},  {CondOp::And, 2},
            {CondOp::Fact, 0}, {CondOp::Fact, 1}, {CondOp::Fact, 2},
            {CondOp::Fact, 2}, {CondOp::Not, 0}};

  t.routes = {// stage 0
              {Trigger::Resolved, {0, 0}, TargetKind::Outcome, 0, None},
              {Trigger::Unresolved, {0, 6}, TargetKind::Stage, 1, None},
              {Trigger::Urgent, {0, 0}, TargetKind::OtherStage, 1, 4},
              // stage 1
              {Trigger::Unresolved, {0, 0}, TargetKind::Process, 0, None},
              {Trigger::Overdue, {0, 0}, TargetKind::Procedure, 1, None},
              // stage 3
              {Trigger::Unresolved, {8, 1}, TargetKind::Stage, 4, None},
              {Trigger::Resolved, {11, 0}, TargetKind::Outcome, 1, None}};
  t.recipients = {{0, false}, {None, false}, {1, true}, {1, false},
                  {2, false}, {None, true},  {3, false}};
  t.notifications = {
      {0, 1, Connective::Single, b.s("the outcome"), {6, 1}, false},
      {1, 2, Connective::AnyOf, b.s("a copy of the form"), {0, 0}, true},
      {6, 1, Connective::Single, None, {9, 2}, false}};
  t.recordItems = {{0, b.s("the decision and why")},
                   {None, b.s("notes of the meeting")}};
  t.formItems = {{0, false, 0, 0, Connective::Single, None},
                 {0, true, 3, 1, Connective::AllOf, b.s("within 24 hours")}};
  t.owners = {{4, 1, Connective::Single, {7, 1}},
              {5, 1, Connective::AnyOf, {0, 0}}};
  t.required = {0};

  auto ts = [](Unit u, uint32_t n) {
    Timescale x;
    x.unit = u;
    x.count = n;
    return x;
  };
  Stage s0;
  s0.name = b.s("stage_1");
  s0.title = b.s("Stage 1 – Escalate");
  s0.number = 1;
  s0.respond = ts(Unit::WorkingDays, 5);
  s0.respond.targetUnit = Unit::CalendarDays;
  s0.respond.targetCount = 2;
  s0.firstRoute = 0, s0.routeCount = 3;
  s0.firstNotification = 0, s0.notificationCount = 2;
  s0.firstRecord = 0, s0.recordCount = 2;
  s0.firstForm = 0, s0.formCount = 2;
  s0.firstOwner = 0, s0.ownerCount = 1;
  s0.firstRequired = 0, s0.requiredCount = 0;

  Stage s1;
  s1.name = b.s("stage_2");
  s1.title = b.s("Stage 2 – Manager’s review");
  s1.number = 2;
  s1.respond = ts(Unit::Hours, 24);
  s1.begin = ts(Unit::SameDay, 0);
  s1.begin.anchorStage = 0;
  s1.begin.anchorPoint = AnchorPoint::End;
  s1.firstRoute = 3, s1.routeCount = 2;
  s1.firstNotification = 2, s1.notificationCount = 0;
  s1.firstRecord = 2, s1.firstForm = 2;
  s1.firstOwner = 1, s1.ownerCount = 1;
  s1.firstRequired = 0, s1.requiredCount = 1;

  Stage s2;
  s2.name = b.s("stage_3");
  s2.title = b.s("Stage 3 — Chair’s decision");
  s2.number = 3;
  s2.final = true;
  s2.respond = ts(Unit::Words, 0);
  s2.respond.words = b.s("as soon as possible");
  s2.begin = ts(Unit::CalendarDays, 10);
  s2.begin.targetUnit = Unit::Words;
  s2.begin.targetWords = b.s("promptly");
  s2.firstRoute = 5, s2.firstNotification = 2, s2.firstRecord = 2;
  s2.firstForm = 2, s2.firstOwner = 2, s2.firstRequired = 1;

  Stage s3;
  s3.name = b.s("raise");
  s3.title = b.s("Raise the dispute");
  s3.respond = ts(Unit::WorkingDays, 3);
  s3.firstRoute = 5, s3.routeCount = 2;
  s3.firstNotification = 2, s3.firstRecord = 2, s3.firstForm = 2;
  s3.firstOwner = 2, s3.firstRequired = 1;

  Stage s4;
  s4.name = b.s("decide");
  s4.title = b.s("Décider — 決定 🙂");
  s4.final = true;
  s4.firstRoute = 7;
  s4.firstNotification = 2, s4.notificationCount = 1;
  s4.firstRecord = 2, s4.firstForm = 2, s4.firstOwner = 2;
  s4.firstRequired = 1;
  t.stages = {s0, s1, s2, s3, s4};

  Procedure p0;
  p0.name = b.s("escalation");
  p0.title = b.s("Resolving professional differences");
  p0.version = b.s("8 (Revised Edition)");
  p0.start = 0;
  p0.skippable = true;
  p0.overall = ts(Unit::WorkingDays, 20);
  p0.overall.anchorStage = 0;
  p0.firstStage = 0, p0.stageCount = 3;
  p0.firstFact = 0, p0.factCount = 2;
  p0.firstParty = 0, p0.partyCount = 3;
  p0.firstRecord = 0, p0.recordCount = 1;
  p0.firstForm = 0, p0.formCount = 1;
  p0.firstOutcome = 0, p0.outcomeCount = 1;
  p0.firstProcess = 0, p0.processCount = 1;

  Procedure p1;
  p1.name = b.s("dispute");
  p1.title = b.s("Disputes about thresholds");
  p1.start = 3;
  p1.firstStage = 3, p1.stageCount = 2;
  p1.firstFact = 2, p1.factCount = 1;
  p1.firstParty = 3, p1.partyCount = 1;
  p1.firstRecord = 1, p1.firstForm = 1;
  p1.firstOutcome = 1, p1.outcomeCount = 1;
  p1.firstProcess = 1;
  t.procedures = {p0, p1};
  return t;
}

/// What the interpreter relies on, checked independently of the reader:
/// every index in range, every range inside its vector, every condition
/// leaving one value.
::testing::AssertionResult safeToRun(const Table &t) {
#define REQUIRE(x)                                                             \
  do {                                                                         \
    if (!(x))                                                                  \
      return ::testing::AssertionFailure() << "broken: " #x;                   \
  } while (0)
  auto str = [&](uint32_t i, bool optional) {
    return (optional && i == None) || i < t.strings.size();
  };
  auto in = [](uint32_t i, size_t n, bool optional) {
    return (optional && i == None) || i < n;
  };
  auto range = [](uint32_t first, uint32_t count, size_t n) {
    return uint64_t(first) + count <= n;
  };
  auto cond = [&](Condition c) {
    if (!range(c.first, c.length, t.code.size()))
      return false;
    uint64_t depth = 0;
    for (uint64_t k = c.first; k < uint64_t(c.first) + c.length; ++k) {
      const CondInstr &op = t.code[k];
      if (op.op == CondOp::Fact) {
        if (op.arg >= t.facts.size())
          return false;
        ++depth;
      } else if (op.op == CondOp::Not) {
        if (depth < 1)
          return false;
      } else {
        if (op.arg < 2 || depth < op.arg)
          return false;
        depth -= op.arg - 1;
      }
    }
    return c.length == 0 || depth == 1;
  };
  auto timescale = [&](const Timescale &x) {
    return uint8_t(x.unit) <= 5 && uint8_t(x.targetUnit) <= 5 &&
           str(x.words, x.unit != Unit::Words) &&
           str(x.targetWords, x.targetUnit != Unit::Words) &&
           in(x.anchorStage, t.stages.size(), true);
  };
  REQUIRE(str(t.calendar.name, false));
  REQUIRE(t.calendar.firstYear <= t.calendar.lastYear);
  for (size_t i = 1; i < t.calendar.holidays.size(); ++i)
    REQUIRE(t.calendar.holidays[i - 1] < t.calendar.holidays[i]);
  for (const Procedure &p : t.procedures) {
    REQUIRE(str(p.name, false) && str(p.title, false) && str(p.version, true));
    REQUIRE(range(p.firstStage, p.stageCount, t.stages.size()));
    REQUIRE(range(p.firstFact, p.factCount, t.facts.size()));
    REQUIRE(range(p.firstParty, p.partyCount, t.parties.size()));
    REQUIRE(range(p.firstRecord, p.recordCount, t.records.size()));
    REQUIRE(range(p.firstForm, p.formCount, t.forms.size()));
    REQUIRE(range(p.firstOutcome, p.outcomeCount, t.outcomes.size()));
    REQUIRE(range(p.firstProcess, p.processCount, t.processes.size()));
    REQUIRE(p.stageCount == 0 ? p.start == None
                              : (p.start >= p.firstStage &&
                                 p.start - p.firstStage < p.stageCount));
    REQUIRE(timescale(p.overall));
  }
  for (const Stage &s : t.stages) {
    REQUIRE(str(s.name, false) && str(s.title, false));
    REQUIRE(timescale(s.respond) && timescale(s.begin));
    REQUIRE(range(s.firstRoute, s.routeCount, t.routes.size()));
    REQUIRE(range(s.firstNotification, s.notificationCount,
                  t.notifications.size()));
    REQUIRE(range(s.firstRecord, s.recordCount, t.recordItems.size()));
    REQUIRE(range(s.firstForm, s.formCount, t.formItems.size()));
    REQUIRE(range(s.firstOwner, s.ownerCount, t.owners.size()));
    REQUIRE(range(s.firstRequired, s.requiredCount, t.required.size()));
  }
  for (const Route &r : t.routes) {
    REQUIRE(cond(r.guard));
    switch (r.kind) {
    case TargetKind::Stage:
      REQUIRE(in(r.target, t.stages.size(), false));
      break;
    case TargetKind::Outcome:
      REQUIRE(in(r.target, t.outcomes.size(), false));
      break;
    case TargetKind::Process:
      REQUIRE(in(r.target, t.processes.size(), false));
      break;
    case TargetKind::Procedure:
      REQUIRE(in(r.target, t.procedures.size(), false));
      break;
    case TargetKind::OtherStage:
      REQUIRE(in(r.target, t.procedures.size(), false));
      REQUIRE(in(r.targetStage, t.stages.size(), false));
      break;
    default:
      REQUIRE(false && "route kind");
    }
  }
  for (const Recipient &r : t.recipients)
    REQUIRE(in(r.party, t.parties.size(), true));
  for (const Notification &n : t.notifications)
    REQUIRE(range(n.firstRecipient, n.recipientCount, t.recipients.size()) &&
            str(n.what, true) && cond(n.condition));
  for (const RecordItem &r : t.recordItems)
    REQUIRE(in(r.record, t.records.size(), true) && str(r.what, true));
  for (const FormItem &f : t.formItems)
    REQUIRE(in(f.form, t.forms.size(), false) &&
            range(f.firstRecipient, f.recipientCount, t.recipients.size()) &&
            str(f.note, true));
  for (const Owner &o : t.owners)
    REQUIRE(range(o.firstRecipient, o.recipientCount, t.recipients.size()) &&
            cond(o.condition));
  for (uint32_t s : t.required)
    REQUIRE(in(s, t.stages.size(), false));
  for (const Party &p : t.parties)
    REQUIRE(str(p.name, false) && str(p.title, false));
#undef REQUIRE
  return ::testing::AssertionSuccess();
}

/// The result of reading `bytes`: the table, or the error.
struct Read {
  std::optional<Table> table;
  ReadError error;
};
Read read(std::string_view bytes) {
  Read r;
  r.table = readTable(bytes, r.error);
  return r;
}

/// The error of reading a table that should be refused.
ReadError refused(std::string_view bytes) {
  Read r = read(bytes);
  EXPECT_FALSE(r.table.has_value()) << "accepted a table it should refuse";
  EXPECT_FALSE(r.error.message.empty());
  return r.error;
}
std::string refusedMessage(const Table &t) {
  return refused(writeTable(t)).message;
}

const std::string &sampleBytes() {
  static const std::string bytes = writeTable(sample());
  return bytes;
}

// ---------------------------------------------------------------------------

TEST(TableFormat, SampleIsSafe) { EXPECT_TRUE(safeToRun(sample())); }

TEST(TableFormat, RoundTrip) {
  Table t = sample();
  Read r = read(writeTable(t));
  ASSERT_TRUE(r.table) << r.error.message << " at byte " << r.error.offset;
  EXPECT_EQ(*r.table, t);
  EXPECT_EQ(r.table->str(r.table->stages[0].title), "Stage 1 – Escalate");
}

TEST(TableFormat, WritingIsDeterministic) {
  std::string a = writeTable(sample()), b = writeTable(sample());
  EXPECT_EQ(a, b);
  Read r = read(a);
  ASSERT_TRUE(r.table);
  EXPECT_EQ(writeTable(*r.table), a);
}

TEST(TableFormat, EmptyTablesRoundTrip) {
  Table t;
  t.strings = {"England and Wales"};
  Read r = read(writeTable(t));
  ASSERT_TRUE(r.table) << r.error.message;
  EXPECT_EQ(*r.table, t);
}

TEST(TableFormat, HeaderAndDirectoryAreAsDocumented) {
  const std::string &b = sampleBytes();
  Table t = sample();
  EXPECT_EQ(b.substr(0, 8), Magic);
  EXPECT_EQ(get(b, MajorAt, 2), 1u);
  EXPECT_EQ(get(b, MinorAt, 2), 0u);
  EXPECT_EQ(get(b, HeaderSizeAt, 4), HeaderSize);
  EXPECT_EQ(get(b, FileSizeAt, 8), b.size());
  EXPECT_EQ(b.size() % 8, 0u);
  EXPECT_EQ(get(b, SectionCountAt, 4), SectionCount);
  EXPECT_EQ(get(b, FlagsAt, 4), 0u);
  std::string zeroed = b;
  put(zeroed, ChecksumAt, 0, 4);
  EXPECT_EQ(get(b, ChecksumAt, 4), crc32(zeroed));

  std::vector<Entry> dir = directory(b);
  ASSERT_EQ(dir.size(), SectionCount);
  uint64_t end = HeaderSize + EntrySize * SectionCount;
  for (size_t i = 0; i < SectionCount; ++i) {
    EXPECT_EQ(dir[i].id, fourcc(SectionIds[i])) << i;
    EXPECT_EQ(dir[i].offset % 8, 0u) << SectionIds[i];
    EXPECT_EQ(dir[i].offset, (end + 7) / 8 * 8) << SectionIds[i];
    end = dir[i].offset + dir[i].length;
  }
  EXPECT_EQ(b.size(), (end + 7) / 8 * 8);

  // Record sizes, as in docs/table-format.md.
  auto expectRecords = [&](const char *id, size_t count, size_t size) {
    Entry e = section(b, id);
    EXPECT_EQ(e.count, count) << id;
    EXPECT_EQ(e.length, count * size) << id;
  };
  expectRecords("CALN", 1, 12);
  expectRecords("HDAY", t.calendar.holidays.size(), 4);
  expectRecords("PROC", t.procedures.size(), 100);
  expectRecords("STAG", t.stages.size(), 112);
  expectRecords("ROUT", t.routes.size(), 20);
  expectRecords("CODE", t.code.size(), 8);
  expectRecords("FACT", t.facts.size(), 8);
  expectRecords("PRTY", t.parties.size(), 12);
  expectRecords("RCPT", t.recipients.size(), 8);
  expectRecords("NOTE", t.notifications.size(), 24);
  expectRecords("RECI", t.recordItems.size(), 8);
  expectRecords("FORI", t.formItems.size(), 20);
  expectRecords("OWNR", t.owners.size(), 20);
  expectRecords("REQD", t.required.size(), 4);
  expectRecords("RECD", t.records.size(), 8);
  expectRecords("FORM", t.forms.size(), 8);
  expectRecords("OUTC", t.outcomes.size(), 8);
  expectRecords("PRCS", t.processes.size(), 8);

  // STRS: count, count + 1 offsets, then the text.
  Entry strs = section(b, "STRS");
  EXPECT_EQ(strs.count, t.strings.size());
  EXPECT_EQ(get(b, strs.offset, 4), t.strings.size());
  size_t text = strs.offset + 4 + 4 * (t.strings.size() + 1);
  for (size_t i = 0; i < t.strings.size(); ++i) {
    size_t from = get(b, strs.offset + 4 + 4 * i, 4);
    size_t to = get(b, strs.offset + 8 + 4 * i, 4);
    EXPECT_EQ(b.substr(text + from, to - from), t.strings[i]);
  }

  // A few fields by hand: route 2 goes to procedure 1, stage 4.
  Entry rout = section(b, "ROUT");
  EXPECT_EQ(get(b, rout.offset + 2 * 20 + 0, 1), uint8_t(Trigger::Urgent));
  EXPECT_EQ(get(b, rout.offset + 2 * 20 + 1, 1),
            uint8_t(TargetKind::OtherStage));
  EXPECT_EQ(get(b, rout.offset + 2 * 20 + 12, 4), 1u);
  EXPECT_EQ(get(b, rout.offset + 2 * 20 + 16, 4), 4u);
  // Stage 1 begins the same day as stage 0 ends.
  Entry stag = section(b, "STAG");
  size_t begin = stag.offset + 112 + 40;
  EXPECT_EQ(get(b, begin + 0, 1), uint8_t(Unit::SameDay));
  EXPECT_EQ(get(b, begin + 2, 1), uint8_t(AnchorPoint::End));
  EXPECT_EQ(get(b, begin + 20, 4), 0u);
  Entry caln = section(b, "CALN");
  EXPECT_EQ(get(b, caln.offset + 4, 4), 2024u);
  EXPECT_EQ(get(b, caln.offset + 8, 4), 2025u);
}

TEST(TableFormat, EmptyFile) {
  ReadError e = refused("");
  EXPECT_THAT(e.message, HasSubstr("the file is empty"));
  EXPECT_EQ(e.offset, 0u);
}

TEST(TableFormat, TruncatedAtEveryLength) {
  const std::string &b = sampleBytes();
  for (size_t n = 1; n < b.size(); ++n) {
    Read r = read(std::string_view(b).substr(0, n));
    ASSERT_FALSE(r.table) << n;
    ASSERT_THAT(r.error.message, StartsWith("the file is truncated")) << n;
  }
  EXPECT_EQ(refused(std::string_view(b).substr(0, b.size() - 1)).message,
            "the file is truncated: the header says " +
                std::to_string(b.size()) + " bytes, but it has " +
                std::to_string(b.size() - 1));
  EXPECT_THAT(refused(std::string_view(b).substr(0, 20)).message,
              HasSubstr("inside the 40-byte header"));
}

TEST(TableFormat, ExtraBytesAtTheEnd) {
  std::string b = sampleBytes() + "\n";
  EXPECT_THAT(refused(b).message, HasSubstr("added to the end"));
}

TEST(TableFormat, ForeignFiles) {
  const std::string notOurs = "this is not an Escalade table (it does not "
                              "start with the table signature)";
  const unsigned char pngBytes[] = {
      0x89, 'P',  'N', 'G', '\r', '\n', 0x1a, '\n', 0,    0,    0,
      13,   'I',  'H', 'D', 'R',  0,    0,    0,    0x10, 0,    0,
      0,    0x10, 8,   6,   0,    0,    0,    0x1f, 0xf3, 0xff, 0x61};
  std::string png(reinterpret_cast<const char *>(pngBytes), sizeof pngBytes);
  EXPECT_EQ(refused(png).message, notOurs);
  EXPECT_EQ(refused("procedure escalation \"Resolving differences\"\n"
                    "  stage stage_1 \"Stage 1\"\n")
                .message,
            notOurs);
  EXPECT_EQ(refused("{}").message, notOurs);
  EXPECT_EQ(refused(std::string(100, '\0')).message, notOurs);

  // Copied in text mode: CR LF became LF.
  std::string b = sampleBytes();
  b.erase(4, 1);
  EXPECT_THAT(refused(b).message, HasSubstr("copied as text"));
}

TEST(TableFormat, Checksum) {
  std::string b = sampleBytes();
  b[b.size() / 2] ^= 0x10;
  ReadError e = refused(b);
  EXPECT_EQ(e.message, "the checksum does not match: the file has been "
                       "damaged or changed since escc wrote it");
  EXPECT_EQ(e.offset, ChecksumAt);
}

TEST(TableFormat, NewerMajorVersion) {
  const std::string message =
      "this table was written by a newer Escalade (format 2.0); this escrun "
      "reads format 1.x: rebuild it with this escc or update escrun";
  std::string b = sampleBytes();
  put(b, MajorAt, 2, 2); // the version is checked before the checksum
  EXPECT_EQ(refused(b).message, message);
  restamp(b);
  EXPECT_EQ(refused(b).message, message);
  put(b, MinorAt, 3, 2);
  EXPECT_THAT(refused(b).message, HasSubstr("(format 2.3)"));
  put(b, MajorAt, 0, 2);
  EXPECT_THAT(refused(b).message, HasSubstr("format 0.3, which no Escalade"));
}

TEST(TableFormat, NewerMinorVersionWithUnknownSection) {
  std::vector<Part> sections = parts(sampleBytes());
  sections.insert(sections.begin() + 5,
                  {fourcc("XTRA"), 3, std::string("\x01\x02\x03\x04\x05", 5)});
  Read r = read(assemble(sections, 1));
  ASSERT_TRUE(r.table) << r.error.message;
  EXPECT_EQ(*r.table, sample());

  // In a 1.0 file the same section is an error.
  EXPECT_THAT(refused(assemble(sections, 0)).message,
              HasSubstr("section 'XTRA' is not a section of format 1.0"));

  // A newer minor with a longer header: the directory follows it.
  r = read(assemble(parts(sampleBytes()), 2, 56));
  ASSERT_TRUE(r.table) << r.error.message;
  EXPECT_EQ(*r.table, sample());
  EXPECT_THAT(refused(assemble(parts(sampleBytes()), 0, 56)).message,
              HasSubstr("the header size is 56 bytes, but a format 1.0 "
                        "header is 40"));
}

TEST(TableFormat, SectionsInAnyOrder) {
  std::vector<Part> sections = parts(sampleBytes());
  std::reverse(sections.begin(), sections.end());
  Read r = read(assemble(sections));
  ASSERT_TRUE(r.table) << r.error.message;
  EXPECT_EQ(*r.table, sample());
}

TEST(TableFormat, MissingAndDuplicateSections) {
  std::vector<Part> sections = parts(sampleBytes());
  std::vector<Part> missing = sections;
  missing.erase(missing.begin() + 5); // ROUT
  EXPECT_THAT(refused(assemble(missing)).message,
              HasSubstr("the section 'ROUT' (the route records) is missing"));
  std::vector<Part> twice = sections;
  twice.push_back(sections[7]); // FACT
  EXPECT_THAT(refused(assemble(twice)).message,
              HasSubstr("section 'FACT' appears twice"));
}

TEST(TableFormat, EveryHeaderBitFlipIsRefused) {
  const std::string &good = sampleBytes();
  const size_t end = HeaderSize + EntrySize * SectionCount;
  int accepted = 0;
  for (size_t byte = 0; byte < end; ++byte)
    for (int bit = 0; bit < 8; ++bit) {
      std::string b = good;
      b[byte] ^= char(1 << bit);
      // As damaged: the checksum (or signature, or version) catches it.
      ASSERT_FALSE(read(b).table) << "byte " << byte << " bit " << bit;
      // Re-stamped: the checks behind the checksum catch it, except for a
      // newer minor version, which is accepted, and the checksum itself.
      if (byte >= ChecksumAt && byte < ChecksumAt + 4)
        continue;
      restamp(b);
      Read r = read(b);
      if (byte == MinorAt || byte == MinorAt + 1) {
        ASSERT_TRUE(r.table) << "minor bit " << bit << ": " << r.error.message;
        EXPECT_EQ(*r.table, sample());
        ++accepted;
      } else {
        ASSERT_FALSE(r.table) << "byte " << byte << " bit " << bit;
        ASSERT_FALSE(r.error.message.empty());
      }
    }
  EXPECT_EQ(accepted, 16);
}

TEST(TableFormat, BodyBitFlipsNeverCrash) {
  const std::string &good = sampleBytes();
  Table original = sample();
  int refusedCount = 0, changed = 0;
  for (size_t byte = HeaderSize + EntrySize * SectionCount; byte < good.size();
       byte += 3)
    for (int bit = (byte % 8); bit < 8; bit += 3) {
      std::string b = good;
      b[byte] ^= char(1 << bit);
      ASSERT_FALSE(read(b).table) << "the checksum let a flip through";
      restamp(b);
      Read r = read(b);
      if (!r.table) {
        ++refusedCount;
        ASSERT_FALSE(r.error.message.empty());
        ASSERT_LE(r.error.offset, b.size());
      } else {
        ASSERT_TRUE(safeToRun(*r.table)) << "byte " << byte << " bit " << bit;
        changed += *r.table != original;
      }
    }
  EXPECT_GT(refusedCount, 100);
  EXPECT_GT(changed, 10); // a letter of a title, a count, a stage number
}

TEST(TableFormat, RandomOverwritesNeverCrash) {
  const std::string &good = sampleBytes();
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<size_t> where(0, good.size() - 1);
  std::uniform_int_distribution<int> howMany(1, 8), value(0, 255);
  int accepted = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string b = good;
    for (int k = howMany(rng); k > 0; --k)
      b[where(rng)] = char(value(rng));
    if (i % 2 == 0) // half of them: only the body, so the header survives
      for (size_t k = 0; k < HeaderSize; ++k)
        b[k] = good[k];
    restamp(b);
    Read r = read(b);
    if (r.table) {
      ++accepted;
      ASSERT_TRUE(safeToRun(*r.table)) << "mutation " << i;
    } else {
      ASSERT_FALSE(r.error.message.empty()) << "mutation " << i;
    }
  }
  EXPECT_LT(accepted, 2000);
}

// Indexes out of range, written by a (deliberately) careless writer.

TEST(TableFormat, StringIndexOutOfRange) {
  Table t = sample();
  t.procedures[1].title = uint32_t(t.strings.size());
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("procedure 1: its title is string " +
                        std::to_string(t.strings.size()) +
                        ", which is not one of the table's strings"));
  t = sample();
  t.notifications[0].what = 123456;
  EXPECT_THAT(refusedMessage(t), HasSubstr("notification 0: its text"));
}

TEST(TableFormat, StageIndexOutOfRange) {
  Table t = sample();
  t.routes[1].target = 3; // a stage, but procedure 1's
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("route 1: its target, stage 3, is not one of "
                        "procedure 0's stages (0 to 2)"));
  t = sample();
  t.stages[1].begin.anchorStage = 4;
  EXPECT_THAT(refusedMessage(t), HasSubstr("begin timescale's anchor"));
  t = sample();
  t.required[0] = 99;
  EXPECT_THAT(refusedMessage(t), HasSubstr("its required stage, stage 99"));
  t = sample();
  t.routes[2].targetStage = 1; // procedure 1 has stages 3 and 4
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("its target stage, stage 1, is not one of procedure "
                        "1's stages (3 to 4)"));
  t = sample();
  t.procedures[0].start = 4;
  EXPECT_THAT(refusedMessage(t), HasSubstr("its start, stage 4"));
  t = sample();
  t.procedures[0].start = None;
  EXPECT_THAT(refusedMessage(t), HasSubstr("its start is missing"));
}

TEST(TableFormat, FactAndPartyOutOfRange) {
  Table t = sample();
  t.code[0].arg = 2; // procedure 1's fact
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("instruction 0: its fact, fact 2, is not one of "
                        "procedure 0's facts (0 to 1)"));
  t = sample();
  t.recipients[0].party = 3;
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("recipient 0: its party, party 3, is not one of "
                        "procedure 0's parties (0 to 2)"));
  t = sample();
  t.formItems[0].form = 1;
  EXPECT_THAT(refusedMessage(t), HasSubstr("form item 0: its form, form 1"));
  t = sample();
  t.routes[6].target = 0; // procedure 0's outcome
  EXPECT_THAT(refusedMessage(t), HasSubstr("outcome 0, is not one of "
                                           "procedure 1's outcomes (1 to 1)"));
  t = sample();
  t.routes[4].target = 2;
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("procedure 2, is not one of the table's procedures"));
}

TEST(TableFormat, PatchedIndexIsReportedAtItsByte) {
  std::string b = sampleBytes();
  Entry rout = section(b, "ROUT");
  size_t field = rout.offset + 1 * 20 + 12; // route 1's target
  patch(b, field, 77, 4);
  ReadError e = refused(b);
  EXPECT_THAT(e.message, HasSubstr("route 1: its target, stage 77"));
  EXPECT_EQ(e.offset, field);
}

TEST(TableFormat, RangesPastTheEnd) {
  Table t = sample();
  t.stages[4].routeCount = 1; // firstRoute 7, one past the last route
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("stage 4: its routes (7 to 7) run past the end of "
                        "the table's 7 routes"));
  t = sample();
  t.procedures[1].factCount = 5;
  EXPECT_THAT(refusedMessage(t), HasSubstr("procedure 1: its facts"));
  t = sample();
  t.routes[0].guard = {40, 0};
  EXPECT_THAT(refusedMessage(t), HasSubstr("start at 40, past the end"));
}

TEST(TableFormat, NothingIsSharedBetweenProcedures) {
  Table t = sample();
  t.procedures[1].firstStage = 2, t.procedures[1].stageCount = 3;
  EXPECT_THAT(refusedMessage(t), HasSubstr("overlap those of procedure 0"));
  t = sample();
  t.stages[3].firstRoute = 4; // procedure 0's route 4, and its own 5
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("route 4: it is used by both procedure 0 and "
                        "procedure 1"));
}

TEST(TableFormat, BadConditions) {
  Table t = sample();
  t.code[5].arg = 3; // and of 3 with 2 values: stack underflow
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("instruction 5, an and of 3, needs 3 values but has "
                        "only 2 before it"));
  t = sample();
  t.routes[1].guard = {0, 2}; // cp_plan, risk: two values left
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("the condition of route 1 (instructions 0 to 1) is "
                        "not well formed: it leaves 2 values where it "
                        "should leave exactly one"));
  t = sample();
  t.code[5].arg = 1; // and of 1
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("an and combines at least 2 values, but this one "
                        "combines 1"));
  t = sample();
  t.routes[1].guard = {4, 1}; // a lone not
  EXPECT_THAT(refusedMessage(t), HasSubstr("has no value before it to negate"));
  t = sample();
  t.notifications[0].condition = {2, 5}; // or, fact, not, and, fact
  EXPECT_THAT(refusedMessage(t), HasSubstr("overlaps the condition of"));
  t = sample();
  t.owners[0].condition = {6, 1}; // the same as notification 0's: fine
  EXPECT_TRUE(read(writeTable(t)).table);
}

TEST(TableFormat, BadEnumsFlagsAndReservedBytes) {
  std::string b = sampleBytes();
  Entry rout = section(b, "ROUT");
  patch(b, rout.offset + 20 * 3, 9, 1);
  EXPECT_THAT(refused(b).message,
              HasSubstr("route 3: its trigger is 9, which is not a trigger "
                        "this format knows (0 to 3)"));

  Table t = sample();
  t.stages[2].respond.unit = static_cast<Unit>(6);
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("stage 2: its respond unit is 6, which is not a "
                        "respond unit this format knows (0 to 5)"));
  t = sample();
  t.code[4].op = static_cast<CondOp>(4);
  EXPECT_THAT(refusedMessage(t), HasSubstr("its operation is 4"));
  t = sample();
  t.parties[0].kind = static_cast<PartyKind>(3);
  EXPECT_THAT(refusedMessage(t), HasSubstr("party 0: its party kind is 3"));

  b = sampleBytes();
  Entry stag = section(b, "STAG");
  patch(b, stag.offset + 112 * 2 + 12, 2, 1); // stage 2's final flag
  EXPECT_THAT(refused(b).message,
              HasSubstr("stage 2: its final flag is 2, but a flag is 0 or 1"));

  b = sampleBytes();
  patch(b, stag.offset + 112 + 13, 1, 1); // reserved, after the flag
  ReadError e = refused(b);
  EXPECT_THAT(e.message, HasSubstr("stage 1: its byte 13 is 0x01, but it is "
                                   "reserved and must be 0"));
  EXPECT_EQ(e.offset, stag.offset + 112 + 13);

  b = sampleBytes();
  patch(b, FlagsAt, 1, 4);
  EXPECT_THAT(refused(b).message, HasSubstr("defines no flags"));
}

TEST(TableFormat, MisplacedSections) {
  const std::string &good = sampleBytes();
  Entry fact = section(good, "FACT"), code = section(good, "CODE");
  std::string b = good;
  patch(b, fact.at + 8, code.offset, 8);
  EXPECT_THAT(refused(b).message,
              HasSubstr("sections 'CODE' and 'FACT' overlap"));

  Entry prcs = section(good, "PRCS");
  b = good;
  patch(b, prcs.at + 8, good.size(), 8);
  EXPECT_THAT(refused(b).message,
              HasSubstr("section 'PRCS' runs past the end of the file"));

  b = good;
  patch(b, prcs.at + 16, uint64_t(1) << 62, 8); // huge length
  EXPECT_THAT(refused(b).message, HasSubstr("runs past the end of the file"));

  b = good;
  patch(b, fact.at + 8, fact.offset + 4, 8);
  EXPECT_THAT(refused(b).message, HasSubstr("which is not a multiple of 8"));

  b = good;
  patch(b, fact.at + 8, 48, 8);
  EXPECT_THAT(refused(b).message, HasSubstr("inside the header and directory"));

  b = good;
  patch(b, fact.at + 4, fact.count + 1, 4);
  EXPECT_THAT(refused(b).message,
              HasSubstr("section 'FACT' should hold 4 records of 8 bytes"));

  b = good;
  patch(b, SectionCountAt, 0xFFFFFFFFu, 4);
  EXPECT_THAT(refused(b).message, HasSubstr("lists 4294967295 sections"));

  // A calendar section with two records is refused even if sized to match.
  std::vector<Part> sections = parts(good);
  sections[1].count = 2;
  sections[1].bytes += sections[1].bytes;
  EXPECT_THAT(refused(assemble(sections)).message,
              HasSubstr("exactly one calendar"));
}

TEST(TableFormat, InvalidUtf8) {
  Table t = sample();
  t.strings[3] = "Stage \xff";
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("string 3 is not valid UTF-8: its byte 6 (0xFF)"));
  for (const char *bad : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                          "caf\xc3", "\xe2\x80", "\x80"}) {
    t = sample();
    t.strings[0] = bad;
    EXPECT_THAT(refusedMessage(t), HasSubstr("is not valid UTF-8")) << bad;
  }
  std::string b = sampleBytes();
  Entry strs = section(b, "STRS");
  size_t n = get(b, strs.offset, 4);
  patch(b, strs.offset + 4 + 4 * n, 1, 4); // the end before the start
  EXPECT_THAT(refused(b).message, HasSubstr("the strings end at byte 1"));
}

TEST(TableFormat, CalendarChecks) {
  Table t = sample();
  std::swap(t.calendar.holidays[2], t.calendar.holidays[3]);
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("holiday 3: day 19814 (2024-04-01) does not come "
                        "after the holiday before it, 2024-05-06: holidays "
                        "must be sorted"));
  t = sample();
  t.calendar.holidays.push_back(day(2026, 1, 1));
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("(2026-01-01) is outside the calendar's years, 2024 "
                        "to 2025"));
  t = sample();
  t.calendar.holidays.insert(t.calendar.holidays.begin(), day(2023, 12, 31));
  EXPECT_THAT(refusedMessage(t), HasSubstr("(2023-12-31) is outside"));
  t = sample();
  t.calendar.firstYear = 2026;
  EXPECT_THAT(refusedMessage(t),
              HasSubstr("its last year, 2025, is before its first, 2026"));
  t = sample();
  t.calendar.holidays.clear();
  t.calendar.firstYear = -2000000;
  EXPECT_THAT(refusedMessage(t), HasSubstr("beyond the years a date can have"));
}

} // namespace
} // namespace escalade::table
