// AST.h — Escalade's own syntax tree. Built by the parse layer from ANTLR's
// parse tree; everything after the parser (checks, emitters, the driver)
// sees only these types. Every node carries the source range it came from.
//
// Nodes are plain values. A clause that may occur once is a std::optional; a
// clause that may repeat is a std::vector in source order.
#pragma once

#include "source/SourceRange.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escalade::ast {

using source::SourceRange;

/// A name as written: `service_manager`, `one`.
struct Name {
  std::string text;
  SourceRange range;
};

/// Quoted text with escapes resolved, or a triple-quoted block with its
/// common indentation removed.
struct Text {
  std::string value;
  SourceRange range;
  bool block = false;
};

/// `2016-05` (day 0: month precision) or `2016-05-12`.
struct Date {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  SourceRange range;
};

/// A line that gives one piece of text (`version "8"`, `guidance "..."`):
/// the text, and the range of the whole line.
struct TextLine {
  Text text;
  SourceRange range;
};

/// A line that gives one date (`ratified 2016-05`).
struct DateLine {
  Date date;
  SourceRange range;
};

/// A line that gives one name (`start pre_stage`).
struct NameLine {
  Name name;
  SourceRange range;
};

enum class DurationUnit : uint8_t {
  WorkingDays,  ///< `5 working days`
  CalendarDays, ///< `2 calendar days`
  Hours,        ///< `24 hours`
  SameDay,      ///< `same day`
  Vague,        ///< `"as soon as possible"`: a timescale without a number
};

struct Duration {
  DurationUnit unit = DurationUnit::WorkingDays;
  uint32_t count = 0;
  std::string vagueText; ///< Only for DurationUnit::Vague.
  SourceRange range;
};

enum class AnchorPoint : uint8_t { Start, End };

/// `from start of one`, `from end of two`.
struct Anchor {
  AnchorPoint point = AnchorPoint::Start;
  Name stage;
  SourceRange range;
};

/// A deadline: a hard limit, maybe a preferred target, maybe measured from
/// another stage. `respond within 1 working day, preferably same day`.
struct Timescale {
  Duration limit;
  std::optional<Duration> target;
  std::optional<Anchor> anchor;
  SourceRange range;
};

/// A condition over declared facts.
struct Expr {
  enum class Kind : uint8_t { Fact, Not, And, Or };
  Kind kind = Kind::Fact;
  Name fact;                  ///< Kind::Fact only.
  std::vector<Expr> operands; ///< One for Not, two or more for And/Or.
  SourceRange range;
};

/// `when EXPR` or `unless EXPR` (negated).
struct Condition {
  bool negated = false;
  Expr expr;
  SourceRange range;
};

/// A role, or its holder in the other agency (`equivalent service_manager`).
struct RoleRef {
  Name role;
  bool equivalent = false;
  SourceRange range;
};

enum class Connective : uint8_t {
  Single, ///< One role.
  AnyOf,  ///< `a or b`: alternative holders.
  AllOf,  ///< `a and b`, `a, b`: all of them.
};

struct RoleList {
  std::vector<RoleRef> roles;
  Connective connective = Connective::Single;
  SourceRange range;
};

/// Someone to inform or copy to: a role, a contact, or `all parties`.
struct Recipient {
  enum class Kind : uint8_t { Named, AllParties };
  Kind kind = Kind::Named;
  Name name;
  bool equivalent = false;
  SourceRange range;
};

/// `cp_chair and iro`, `assistant_director or headteacher`.
struct RecipientList {
  std::vector<Recipient> recipients;
  Connective connective = Connective::Single;
  SourceRange range;
};

// ------------------------------------------------------------ clauses --

/// `owner service_manager or named_lead [in kent_police] [when fact]`.
struct Owner {
  RoleList roles;
  std::optional<Name> agency;
  std::optional<Condition> condition;
  SourceRange range;
};

/// `involves equivalent service_manager`: who takes part.
struct Involves {
  RoleList roles;
  SourceRange range;
};

/// `action "raise the issue with the other agency" [within 1 working day]`.
struct Action {
  Text text;
  std::optional<Duration> within;
  SourceRange range;
};

/// `timescale same as two`.
struct SameTimescale {
  Name stage;
  SourceRange range;
};

/// `inform cp_chair "of the escalation" when cp_plan`.
struct Inform {
  RecipientList recipients;
  std::optional<Text> what;
  std::optional<Condition> condition;
  SourceRange range;
};

/// `copy to mscp "a copy of the escalation and any response"`.
struct Copy {
  RecipientList recipients;
  std::optional<Text> what;
  SourceRange range;
};

/// `keep record [in child_file] ["what to record"]`.
struct KeepRecord {
  std::optional<Name> record;
  std::optional<Text> what;
  SourceRange range;
};

/// `complete escalation_form` or `send escalation_form to mscp`.
struct FormUse {
  enum class Kind : uint8_t { Complete, Send };
  Kind kind = Kind::Complete;
  Name form;
  RecipientList recipients; ///< Send only.
  std::optional<Text> note;
  SourceRange range;
};

/// `decision by cscp_executive` or `override by conference_chair`.
struct Authority {
  enum class Kind : uint8_t { Decision, Override };
  Kind kind = Kind::Decision;
  RoleList roles;
  std::optional<Text> note;
  SourceRange range;
};

/// `requires one and two`: stages that must have been used before this one.
struct Requirement {
  std::vector<Name> stages;
  SourceRange range;
};

enum class Trigger : uint8_t { Resolved, Unresolved, Urgent, Overdue };

/// Where a transition goes: a stage, outcome or process in this procedure,
/// another procedure, or a stage of another procedure (`other.stage`).
struct Target {
  std::optional<Name> procedure;
  Name name;
  SourceRange range;
};

/// `when unresolved [and EXPR | unless EXPR] -> two`.
struct Transition {
  Trigger trigger = Trigger::Unresolved;
  SourceRange triggerRange;
  std::optional<Condition> guard;
  Target target;
  SourceRange range;
};

/// `allow missing-timescale "the published text gives none"`.
struct Suppression {
  Name check;
  std::optional<Text> reason;
  SourceRange range;
};

/// `number 3`.
struct StageNumber {
  uint32_t value = 0;
  SourceRange range;
};

/// The clauses of a stage, or of the `every stage` block (where `respond`
/// is the timescale of every stage that gives none of its own).
struct StageBody {
  std::vector<Owner> owners;
  std::vector<Involves> involves;
  std::vector<TextLine> guidance;
  std::vector<Action> actions;
  std::optional<Timescale> respond;
  std::optional<Timescale> begin;
  std::optional<SameTimescale> sameTimescaleAs;
  std::vector<Inform> informs;
  std::vector<Copy> copies;
  std::vector<KeepRecord> records;
  std::vector<FormUse> forms;
  std::vector<Authority> authorities;
  std::optional<SourceRange> final;
  std::vector<Requirement> requirements;
  std::vector<Transition> transitions;
  std::vector<Suppression> suppressions;
};

struct Stage {
  Name name;
  Text title;
  bool isStep = false; ///< Written `step` rather than `stage`.
  std::optional<StageNumber> number;
  StageBody body;
  SourceRange range; ///< The header line.
};

/// The `every stage` block: clauses that apply at all stages.
struct EveryStage {
  StageBody body;
  SourceRange range; ///< The first `every stage` line.
};

// -------------------------------------------------------- declarations --

enum class DeclKind : uint8_t {
  Role,
  Agency,
  Fact,
  Form,
  Record,
  Outcome,
  Process,
  Contact,
};

struct ContactDetail {
  enum class Kind : uint8_t { Email, Phone, Web };
  Kind kind = Kind::Email;
  Text value;
  SourceRange range;
};

/// `role cp_chair "Child Protection Conference Chair"`, `fact`, `form`, ...
struct Declaration {
  DeclKind kind = DeclKind::Role;
  Name name;
  Text title;
  std::optional<Name> agency;         ///< Role only: `in kent_police`.
  std::vector<ContactDetail> details; ///< Contact only.
  SourceRange range;
};

// ----------------------------------------------------------- procedure --

enum class Audience : uint8_t { Children, Adults, ChildrenAndAdults };

struct Covers {
  Audience audience = Audience::Children;
  SourceRange range;
};

/// `history "7" 2022-12 by "SSP" changes "Staged process made clearer"`.
struct HistoryEntry {
  Text version;
  Date date;
  std::optional<Text> author;
  std::optional<Text> changes;
  SourceRange range;
};

/// `section "When to use this policy" """..."""`.
struct Section {
  Text heading;
  Text body;
  SourceRange range;
};

struct Procedure {
  Name name;
  Text title;
  SourceRange range; ///< The header line.

  std::optional<TextLine> partnership;
  std::optional<TextLine> version;
  std::optional<DateLine> ratified;
  std::optional<DateLine> reviewed;
  std::optional<DateLine> reviewDue;
  std::vector<HistoryEntry> history;
  std::optional<Covers> covers;
  std::vector<TextLine> purposes;
  std::vector<TextLine> principles;
  std::vector<Section> sections;

  std::vector<Declaration> declarations;
  std::optional<Timescale> overall;
  std::optional<NameLine> start;
  std::optional<SourceRange> skippable; ///< `stages may be skipped`.
  std::vector<Suppression> suppressions;

  std::vector<Stage> stages;
  std::optional<EveryStage> everyStage;
  /// Some line of this procedure failed to parse. Name checks still run
  /// (see File::wordsOnBrokenLines); analyses of the whole procedure, whose
  /// findings would only repeat the syntax error in other words, skip it.
  bool hasSyntaxErrors = false;
};

struct Comment {
  std::string text;
  SourceRange range;
};

struct File {
  uint32_t fileId = 0;
  std::vector<Procedure> procedures;
  std::vector<Comment> comments;
  bool hasSyntaxErrors = false;
  /// Every word written on a line that failed to parse. A name that is
  /// missing only because its declaring line is broken must not be reported
  /// again as undeclared, so name checks stay silent about these.
  std::vector<std::string> wordsOnBrokenLines;
};

// -------------------------------------------------------------- names --

const char *declKindName(DeclKind kind);
const char *durationUnitName(DurationUnit unit, uint32_t count);
const char *triggerName(Trigger trigger);

} // namespace escalade::ast
