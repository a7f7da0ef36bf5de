// TableLayout.h — private to runtime/table: where every byte of a `.esct`
// file goes. The header, the directory, the sections and the offset of each
// field inside each fixed-size record, shared by TableWriter.cpp (which
// writes them), TableReader.cpp (which reads them) and TableCheck.cpp (which
// names the byte a bad index is at). docs/table-format.md is the same
// layout in prose; change both together.
#pragma once

#include <cstddef>
#include <cstdint>

#include <zlib.h>

namespace escalade::table::layout {

/// PNG-style signature: a byte with the top bit set (catches 7-bit
/// transfers), "ESC", CR LF (catches line-ending conversion), ^Z (stops
/// `type` on DOS), LF.
inline constexpr unsigned char Magic[8] = {0x89, 'E',  'S',  'C',
                                           '\r', '\n', 0x1a, '\n'};

/// The fixed header, at the start of the file.
namespace header {
inline constexpr uint32_t MagicAt = 0;         // 8 bytes
inline constexpr uint32_t MajorAt = 8;         // u16
inline constexpr uint32_t MinorAt = 10;        // u16
inline constexpr uint32_t HeaderSizeAt = 12;   // u32: where the directory is
inline constexpr uint32_t FileSizeAt = 16;     // u64
inline constexpr uint32_t SectionCountAt = 24; // u32
inline constexpr uint32_t FlagsAt = 28;        // u32, 0
inline constexpr uint32_t ChecksumAt = 32;     // u32 CRC-32
inline constexpr uint32_t ReservedAt = 36;     // u32, 0
inline constexpr uint32_t Size = 40;
} // namespace header

/// One directory entry per section, right after the header.
namespace entry {
inline constexpr uint32_t IdAt = 0;      // u32 FourCC
inline constexpr uint32_t CountAt = 4;   // u32 records
inline constexpr uint32_t OffsetAt = 8;  // u64 from the start of the file
inline constexpr uint32_t LengthAt = 16; // u64 bytes, padding excluded
inline constexpr uint32_t Size = 24;
} // namespace entry

/// Every section starts at a multiple of this; the gap before it is zeros.
inline constexpr uint32_t Alignment = 8;

/// A FourCC as a little-endian u32: the file shows the letters in order.
constexpr uint32_t fourcc(const char (&s)[5]) {
  return uint32_t(uint8_t(s[0])) | uint32_t(uint8_t(s[1])) << 8 |
         uint32_t(uint8_t(s[2])) << 16 | uint32_t(uint8_t(s[3])) << 24;
}

/// The sections of format 1.0, in the order the writer lays them out.
enum class Section : uint8_t {
  Strings,
  Calendar,
  Holidays,
  Procedures,
  Stages,
  Routes,
  Code,
  Facts,
  Parties,
  Recipients,
  Notifications,
  RecordItems,
  FormItems,
  Owners,
  Required,
  Records,
  Forms,
  Outcomes,
  Processes,
};
inline constexpr size_t SectionCount = 19;

struct SectionInfo {
  uint32_t id;
  const char *fourcc;  ///< The id as text, for messages.
  uint32_t recordSize; ///< 0 for STRS, which is not an array of records.
  const char *what;    ///< One record, for messages: "route".
  uint16_t sinceMinor; ///< The first minor version that has the section.
};

/// Record layouts: each namespace gives the offset of every field inside
/// one record and the record's size. Bytes not named are reserved: zero.
namespace timescale {                       // embedded in PROC and STAG records
inline constexpr uint32_t Unit = 0;         // u8 Unit
inline constexpr uint32_t TargetUnit = 1;   // u8 Unit
inline constexpr uint32_t AnchorPoint = 2;  // u8 AnchorPoint
inline constexpr uint32_t Count = 4;        // u32
inline constexpr uint32_t Words = 8;        // u32 string or None
inline constexpr uint32_t TargetCount = 12; // u32
inline constexpr uint32_t TargetWords = 16; // u32 string or None
inline constexpr uint32_t AnchorStage = 20; // u32 stage or None
inline constexpr uint32_t Size = 24;
} // namespace timescale

namespace calendar {                     // CALN, exactly one record
inline constexpr uint32_t Name = 0;      // u32 string
inline constexpr uint32_t FirstYear = 4; // i32
inline constexpr uint32_t LastYear = 8;  // i32
inline constexpr uint32_t Size = 12;
} // namespace calendar

namespace holiday {                // HDAY
inline constexpr uint32_t Day = 0; // i32 days since 1970-01-01
inline constexpr uint32_t Size = 4;
} // namespace holiday

namespace procedure { // PROC
inline constexpr uint32_t Name = 0;
inline constexpr uint32_t Title = 4;
inline constexpr uint32_t Version = 8;
inline constexpr uint32_t Start = 12;
inline constexpr uint32_t Skippable = 16; // u8 bool
inline constexpr uint32_t Overall = 20;   // timescale
inline constexpr uint32_t FirstStage = 44;
inline constexpr uint32_t StageCount = 48;
inline constexpr uint32_t FirstFact = 52;
inline constexpr uint32_t FactCount = 56;
inline constexpr uint32_t FirstParty = 60;
inline constexpr uint32_t PartyCount = 64;
inline constexpr uint32_t FirstRecord = 68;
inline constexpr uint32_t RecordCount = 72;
inline constexpr uint32_t FirstForm = 76;
inline constexpr uint32_t FormCount = 80;
inline constexpr uint32_t FirstOutcome = 84;
inline constexpr uint32_t OutcomeCount = 88;
inline constexpr uint32_t FirstProcess = 92;
inline constexpr uint32_t ProcessCount = 96;
inline constexpr uint32_t Size = 100;
} // namespace procedure

namespace stage { // STAG
inline constexpr uint32_t Name = 0;
inline constexpr uint32_t Title = 4;
inline constexpr uint32_t Number = 8;
inline constexpr uint32_t Final = 12;   // u8 bool
inline constexpr uint32_t Respond = 16; // timescale
inline constexpr uint32_t Begin = 40;   // timescale
inline constexpr uint32_t FirstRoute = 64;
inline constexpr uint32_t RouteCount = 68;
inline constexpr uint32_t FirstNotification = 72;
inline constexpr uint32_t NotificationCount = 76;
inline constexpr uint32_t FirstRecord = 80;
inline constexpr uint32_t RecordCount = 84;
inline constexpr uint32_t FirstForm = 88;
inline constexpr uint32_t FormCount = 92;
inline constexpr uint32_t FirstOwner = 96;
inline constexpr uint32_t OwnerCount = 100;
inline constexpr uint32_t FirstRequired = 104;
inline constexpr uint32_t RequiredCount = 108;
inline constexpr uint32_t Size = 112;
} // namespace stage

namespace route {                      // ROUT
inline constexpr uint32_t Trigger = 0; // u8 Trigger
inline constexpr uint32_t Kind = 1;    // u8 TargetKind
inline constexpr uint32_t GuardFirst = 4;
inline constexpr uint32_t GuardLength = 8;
inline constexpr uint32_t Target = 12;
inline constexpr uint32_t TargetStage = 16;
inline constexpr uint32_t Size = 20;
} // namespace route

namespace instr {                 // CODE
inline constexpr uint32_t Op = 0; // u8 CondOp
inline constexpr uint32_t Arg = 4;
inline constexpr uint32_t Size = 8;
} // namespace instr

namespace named { // FACT, RECD, FORM, OUTC, PRCS
inline constexpr uint32_t Name = 0;
inline constexpr uint32_t Title = 4;
inline constexpr uint32_t Size = 8;
} // namespace named

namespace party {                   // PRTY
inline constexpr uint32_t Kind = 0; // u8 PartyKind
inline constexpr uint32_t Name = 4;
inline constexpr uint32_t Title = 8;
inline constexpr uint32_t Size = 12;
} // namespace party

namespace recipient {                     // RCPT
inline constexpr uint32_t Party = 0;      // u32 party or None
inline constexpr uint32_t Equivalent = 4; // u8 bool
inline constexpr uint32_t Size = 8;
} // namespace recipient

namespace notification { // NOTE
inline constexpr uint32_t FirstRecipient = 0;
inline constexpr uint32_t RecipientCount = 4;
inline constexpr uint32_t What = 8;
inline constexpr uint32_t ConditionFirst = 12;
inline constexpr uint32_t ConditionLength = 16;
inline constexpr uint32_t Connective = 20; // u8 Connective
inline constexpr uint32_t Copy = 21;       // u8 bool
inline constexpr uint32_t Size = 24;
} // namespace notification

namespace recordItem {                // RECI
inline constexpr uint32_t Record = 0; // u32 record or None
inline constexpr uint32_t What = 4;   // u32 string or None
inline constexpr uint32_t Size = 8;
} // namespace recordItem

namespace formItem { // FORI
inline constexpr uint32_t Form = 0;
inline constexpr uint32_t FirstRecipient = 4;
inline constexpr uint32_t RecipientCount = 8;
inline constexpr uint32_t Note = 12;       // u32 string or None
inline constexpr uint32_t Connective = 16; // u8 Connective
inline constexpr uint32_t Send = 17;       // u8 bool
inline constexpr uint32_t Size = 20;
} // namespace formItem

namespace owner { // OWNR
inline constexpr uint32_t FirstRecipient = 0;
inline constexpr uint32_t RecipientCount = 4;
inline constexpr uint32_t ConditionFirst = 8;
inline constexpr uint32_t ConditionLength = 12;
inline constexpr uint32_t Connective = 16; // u8 Connective
inline constexpr uint32_t Size = 20;
} // namespace owner

namespace required { // REQD
inline constexpr uint32_t Stage = 0;
inline constexpr uint32_t Size = 4;
} // namespace required

inline constexpr SectionInfo Sections[SectionCount] = {
    {fourcc("STRS"), "STRS", 0, "string", 0},
    {fourcc("CALN"), "CALN", calendar::Size, "calendar", 0},
    {fourcc("HDAY"), "HDAY", holiday::Size, "holiday", 0},
    {fourcc("PROC"), "PROC", procedure::Size, "procedure", 0},
    {fourcc("STAG"), "STAG", stage::Size, "stage", 0},
    {fourcc("ROUT"), "ROUT", route::Size, "route", 0},
    {fourcc("CODE"), "CODE", instr::Size, "instruction", 0},
    {fourcc("FACT"), "FACT", named::Size, "fact", 0},
    {fourcc("PRTY"), "PRTY", party::Size, "party", 0},
    {fourcc("RCPT"), "RCPT", recipient::Size, "recipient", 0},
    {fourcc("NOTE"), "NOTE", notification::Size, "notification", 0},
    {fourcc("RECI"), "RECI", recordItem::Size, "record item", 0},
    {fourcc("FORI"), "FORI", formItem::Size, "form item", 0},
    {fourcc("OWNR"), "OWNR", owner::Size, "owner", 0},
    {fourcc("REQD"), "REQD", required::Size, "requirement", 0},
    {fourcc("RECD"), "RECD", named::Size, "record", 0},
    {fourcc("FORM"), "FORM", named::Size, "form", 0},
    {fourcc("OUTC"), "OUTC", named::Size, "outcome", 0},
    {fourcc("PRCS"), "PRCS", named::Size, "process", 0},
};

constexpr const SectionInfo &info(Section s) {
  return Sections[static_cast<size_t>(s)];
}

/// STRS: u32 count, then count + 1 u32 offsets into the text that follows
/// (the first 0, the last the text's length), then the UTF-8 text.
namespace strings {
inline constexpr uint32_t CountAt = 0;
inline constexpr uint32_t OffsetsAt = 4;
} // namespace strings

/// Little-endian loads from a buffer the caller has bounds-checked.
inline uint16_t loadU16(const unsigned char *p) {
  return uint16_t(p[0] | p[1] << 8);
}
inline uint32_t loadU32(const unsigned char *p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 |
         uint32_t(p[3]) << 24;
}
inline uint64_t loadU64(const unsigned char *p) {
  return uint64_t(loadU32(p)) | uint64_t(loadU32(p + 4)) << 32;
}
inline void storeU16(unsigned char *p, uint16_t v) {
  p[0] = uint8_t(v);
  p[1] = uint8_t(v >> 8);
}
inline void storeU32(unsigned char *p, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    p[i] = uint8_t(v >> (8 * i));
}
inline void storeU64(unsigned char *p, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    p[i] = uint8_t(v >> (8 * i));
}

/// CRC-32 (zlib's, the one PNG and gzip use) of the whole file with the
/// checksum field read as zero. `size` is at least header::Size.
inline uint32_t fileChecksum(const unsigned char *data, size_t size) {
  auto update = [](uLong crc, const unsigned char *p, size_t n) {
    while (n > 0) { // zlib takes a uInt length: feed it in chunks
      uInt chunk = n > 0x40000000u ? 0x40000000u : uInt(n);
      crc = crc32(crc, p, chunk);
      p += chunk;
      n -= chunk;
    }
    return crc;
  };
  static constexpr unsigned char Zero[4] = {0, 0, 0, 0};
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = update(crc, data, header::ChecksumAt);
  crc = update(crc, Zero, 4);
  crc =
      update(crc, data + header::ChecksumAt + 4, size - header::ChecksumAt - 4);
  return uint32_t(crc);
}

} // namespace escalade::table::layout
