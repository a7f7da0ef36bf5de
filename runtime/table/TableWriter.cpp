// TableWriter.cpp — a Table to the bytes of a `.esct` file: each field
// stored little-endian, byte by byte, at the offset TableLayout.h gives it;
// sections laid out in a fixed order on 8-byte boundaries; the CRC stamped
// last. Writes what it is given without judging it: checking is the
// reader's job, which lets tests write broken tables on purpose.
#include "table/TableFormat.h"
#include "table/TableLayout.h"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

namespace escalade::table {

using namespace layout;

namespace {

uint32_t count32(size_t n, const char *what) {
  if (n > std::numeric_limits<uint32_t>::max())
    throw std::length_error(std::string("too many ") + what +
                            " for a table: the format counts in 32 bits");
  return uint32_t(n);
}

/// One section's bytes and how many records it holds.
struct SectionBytes {
  std::string bytes;
  uint32_t count = 0;
};

/// One zero-filled record appended to a section, written field by field.
class Record {
public:
  Record(SectionBytes &section, uint32_t size)
      : S(section), At(section.bytes.size()) {
    S.bytes.append(size, '\0');
    ++S.count;
  }
  void u8(uint32_t field, uint8_t v) { S.bytes[At + field] = char(v); }
  void u32(uint32_t field, uint32_t v) { storeU32(at(field), v); }
  void i32(uint32_t field, int32_t v) { u32(field, uint32_t(v)); }
  void boolean(uint32_t field, bool v) { u8(field, v ? 1 : 0); }
  void timescale(uint32_t field, const Timescale &t) {
    u8(field + timescale::Unit, uint8_t(t.unit));
    u8(field + timescale::TargetUnit, uint8_t(t.targetUnit));
    u8(field + timescale::AnchorPoint, uint8_t(t.anchorPoint));
    u32(field + timescale::Count, t.count);
    u32(field + timescale::Words, t.words);
    u32(field + timescale::TargetCount, t.targetCount);
    u32(field + timescale::TargetWords, t.targetWords);
    u32(field + timescale::AnchorStage, t.anchorStage);
  }

private:
  unsigned char *at(uint32_t field) {
    return reinterpret_cast<unsigned char *>(S.bytes.data()) + At + field;
  }
  SectionBytes &S;
  size_t At;
};

SectionBytes strings(const std::vector<std::string> &strings) {
  uint32_t n = count32(strings.size(), "strings");
  std::string text;
  SectionBytes out;
  out.count = n;
  out.bytes.resize(strings::OffsetsAt + 4 * (size_t(n) + 1));
  auto *p = reinterpret_cast<unsigned char *>(out.bytes.data());
  storeU32(p + strings::CountAt, n);
  for (uint32_t i = 0; i < n; ++i) {
    storeU32(p + strings::OffsetsAt + 4 * size_t(i),
             count32(text.size(), "bytes of text"));
    text += strings[i];
  }
  storeU32(p + strings::OffsetsAt + 4 * size_t(n),
           count32(text.size(), "bytes of text"));
  out.bytes += text;
  return out;
}

void named(SectionBytes &out, const std::vector<Named> &items) {
  for (const Named &n : items) {
    Record r(out, named::Size);
    r.u32(named::Name, n.name);
    r.u32(named::Title, n.title);
  }
}

std::array<SectionBytes, SectionCount> sections(const Table &t) {
  std::array<SectionBytes, SectionCount> s;
  auto at = [&](Section which) -> SectionBytes & {
    return s[static_cast<size_t>(which)];
  };

  at(Section::Strings) = strings(t.strings);

  {
    Record r(at(Section::Calendar), calendar::Size);
    r.u32(calendar::Name, t.calendar.name);
    r.i32(calendar::FirstYear, t.calendar.firstYear);
    r.i32(calendar::LastYear, t.calendar.lastYear);
  }
  for (int32_t day : t.calendar.holidays)
    Record(at(Section::Holidays), holiday::Size).i32(holiday::Day, day);

  for (const Procedure &p : t.procedures) {
    Record r(at(Section::Procedures), procedure::Size);
    r.u32(procedure::Name, p.name);
    r.u32(procedure::Title, p.title);
    r.u32(procedure::Version, p.version);
    r.u32(procedure::Start, p.start);
    r.boolean(procedure::Skippable, p.skippable);
    r.timescale(procedure::Overall, p.overall);
    r.u32(procedure::FirstStage, p.firstStage);
    r.u32(procedure::StageCount, p.stageCount);
    r.u32(procedure::FirstFact, p.firstFact);
    r.u32(procedure::FactCount, p.factCount);
    r.u32(procedure::FirstParty, p.firstParty);
    r.u32(procedure::PartyCount, p.partyCount);
    r.u32(procedure::FirstRecord, p.firstRecord);
    r.u32(procedure::RecordCount, p.recordCount);
    r.u32(procedure::FirstForm, p.firstForm);
    r.u32(procedure::FormCount, p.formCount);
    r.u32(procedure::FirstOutcome, p.firstOutcome);
    r.u32(procedure::OutcomeCount, p.outcomeCount);
    r.u32(procedure::FirstProcess, p.firstProcess);
    r.u32(procedure::ProcessCount, p.processCount);
  }

  for (const Stage &st : t.stages) {
    Record r(at(Section::Stages), stage::Size);
    r.u32(stage::Name, st.name);
    r.u32(stage::Title, st.title);
    r.u32(stage::Number, st.number);
    r.boolean(stage::Final, st.final);
    r.timescale(stage::Respond, st.respond);
    r.timescale(stage::Begin, st.begin);
    r.u32(stage::FirstRoute, st.firstRoute);
    r.u32(stage::RouteCount, st.routeCount);
    r.u32(stage::FirstNotification, st.firstNotification);
    r.u32(stage::NotificationCount, st.notificationCount);
    r.u32(stage::FirstRecord, st.firstRecord);
    r.u32(stage::RecordCount, st.recordCount);
    r.u32(stage::FirstForm, st.firstForm);
    r.u32(stage::FormCount, st.formCount);
    r.u32(stage::FirstOwner, st.firstOwner);
    r.u32(stage::OwnerCount, st.ownerCount);
    r.u32(stage::FirstRequired, st.firstRequired);
    r.u32(stage::RequiredCount, st.requiredCount);
  }

  for (const Route &rt : t.routes) {
    Record r(at(Section::Routes), route::Size);
    r.u8(route::Trigger, uint8_t(rt.trigger));
    r.u8(route::Kind, uint8_t(rt.kind));
    r.u32(route::GuardFirst, rt.guard.first);
    r.u32(route::GuardLength, rt.guard.length);
    r.u32(route::Target, rt.target);
    r.u32(route::TargetStage, rt.targetStage);
  }

  for (const CondInstr &c : t.code) {
    Record r(at(Section::Code), instr::Size);
    r.u8(instr::Op, uint8_t(c.op));
    r.u32(instr::Arg, c.arg);
  }

  named(at(Section::Facts), t.facts);

  for (const Party &p : t.parties) {
    Record r(at(Section::Parties), party::Size);
    r.u8(party::Kind, uint8_t(p.kind));
    r.u32(party::Name, p.name);
    r.u32(party::Title, p.title);
  }

  for (const Recipient &rc : t.recipients) {
    Record r(at(Section::Recipients), recipient::Size);
    r.u32(recipient::Party, rc.party);
    r.boolean(recipient::Equivalent, rc.equivalent);
  }

  for (const Notification &n : t.notifications) {
    Record r(at(Section::Notifications), notification::Size);
    r.u32(notification::FirstRecipient, n.firstRecipient);
    r.u32(notification::RecipientCount, n.recipientCount);
    r.u32(notification::What, n.what);
    r.u32(notification::ConditionFirst, n.condition.first);
    r.u32(notification::ConditionLength, n.condition.length);
    r.u8(notification::Connective, uint8_t(n.connective));
    r.boolean(notification::Copy, n.copy);
  }

  for (const RecordItem &ri : t.recordItems) {
    Record r(at(Section::RecordItems), recordItem::Size);
    r.u32(recordItem::Record, ri.record);
    r.u32(recordItem::What, ri.what);
  }

  for (const FormItem &f : t.formItems) {
    Record r(at(Section::FormItems), formItem::Size);
    r.u32(formItem::Form, f.form);
    r.u32(formItem::FirstRecipient, f.firstRecipient);
    r.u32(formItem::RecipientCount, f.recipientCount);
    r.u32(formItem::Note, f.note);
    r.u8(formItem::Connective, uint8_t(f.connective));
    r.boolean(formItem::Send, f.send);
  }

  for (const Owner &o : t.owners) {
    Record r(at(Section::Owners), owner::Size);
    r.u32(owner::FirstRecipient, o.firstRecipient);
    r.u32(owner::RecipientCount, o.recipientCount);
    r.u32(owner::ConditionFirst, o.condition.first);
    r.u32(owner::ConditionLength, o.condition.length);
    r.u8(owner::Connective, uint8_t(o.connective));
  }

  for (uint32_t st : t.required)
    Record(at(Section::Required), required::Size).u32(required::Stage, st);

  named(at(Section::Records), t.records);
  named(at(Section::Forms), t.forms);
  named(at(Section::Outcomes), t.outcomes);
  named(at(Section::Processes), t.processes);
  return s;
}

uint64_t aligned(uint64_t n) {
  return (n + Alignment - 1) / Alignment * Alignment;
}

} // namespace

std::string writeTable(const Table &table) {
  std::array<SectionBytes, SectionCount> body = sections(table);

  // Where each section goes: after the header and directory, in order,
  // each on an 8-byte boundary.
  std::array<uint64_t, SectionCount> offsets{};
  uint64_t end = header::Size + uint64_t(entry::Size) * SectionCount;
  for (size_t i = 0; i < SectionCount; ++i) {
    offsets[i] = aligned(end);
    end = offsets[i] + body[i].bytes.size();
  }
  uint64_t fileSize = aligned(end);

  std::string file(fileSize, '\0');
  auto *p = reinterpret_cast<unsigned char *>(file.data());
  for (size_t i = 0; i < sizeof Magic; ++i)
    p[header::MagicAt + i] = Magic[i];
  storeU16(p + header::MajorAt, FormatMajor);
  storeU16(p + header::MinorAt, FormatMinor);
  storeU32(p + header::HeaderSizeAt, header::Size);
  storeU64(p + header::FileSizeAt, fileSize);
  storeU32(p + header::SectionCountAt, SectionCount);
  storeU32(p + header::FlagsAt, 0);
  storeU32(p + header::ReservedAt, 0);
  for (size_t i = 0; i < SectionCount; ++i) {
    unsigned char *e = p + header::Size + entry::Size * i;
    storeU32(e + entry::IdAt, Sections[i].id);
    storeU32(e + entry::CountAt, body[i].count);
    storeU64(e + entry::OffsetAt, offsets[i]);
    storeU64(e + entry::LengthAt, body[i].bytes.size());
    std::copy(body[i].bytes.begin(), body[i].bytes.end(),
              file.begin() + std::ptrdiff_t(offsets[i]));
  }
  storeU32(p + header::ChecksumAt, fileChecksum(p, file.size()));
  return file;
}

} // namespace escalade::table
