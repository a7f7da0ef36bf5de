// AST.cpp — names of AST enumerations as written in the language.
#include "ast/AST.h"

namespace escalade::ast {

const char *declKindName(DeclKind kind) {
  switch (kind) {
  case DeclKind::Role:
    return "role";
  case DeclKind::Agency:
    return "agency";
  case DeclKind::Fact:
    return "fact";
  case DeclKind::Form:
    return "form";
  case DeclKind::Record:
    return "record";
  case DeclKind::Outcome:
    return "outcome";
  case DeclKind::Process:
    return "process";
  case DeclKind::Contact:
    return "contact";
  }
  return "declaration";
}

const char *durationUnitName(DurationUnit unit, uint32_t count) {
  bool one = count == 1;
  switch (unit) {
  case DurationUnit::WorkingDays:
    return one ? "working day" : "working days";
  case DurationUnit::CalendarDays:
    return one ? "calendar day" : "calendar days";
  case DurationUnit::Hours:
    return one ? "hour" : "hours";
  case DurationUnit::SameDay:
    return "same day";
  case DurationUnit::Vague:
    return "vague";
  }
  return "";
}

const char *triggerName(Trigger trigger) {
  switch (trigger) {
  case Trigger::Resolved:
    return "resolved";
  case Trigger::Unresolved:
    return "unresolved";
  case Trigger::Urgent:
    return "urgent";
  case Trigger::Overdue:
    return "overdue";
  }
  return "";
}

} // namespace escalade::ast
