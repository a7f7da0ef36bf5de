// LineForms.cpp — the table of line forms used in syntax-error notes.
#include "parse/LineForms.h"

#include "EscaladeLexer.h"

namespace escalade::parse {

using L = generated::EscaladeLexer;

const std::vector<LineForm> &lineForms() {
  static const std::vector<LineForm> forms = {
      {L::PROCEDURE, "procedure",
       "procedure medway \"Medway Safeguarding Children Partnership – "
       "Escalation Policy\"",
       "starts a procedure"},
      {L::STAGE, "stage", "stage one \"Stage 1 – Escalate to Service Manager\"",
       "starts a stage"},
      {L::STEP, "step",
       "step one \"Step 1 – Professionals resolving "
       "disagreements\"",
       "starts a step (a stage, where the procedure says \"step\")"},
      {L::EVERY, "every", "every stage",
       "starts the clauses that apply at every stage"},
      {L::PARTNERSHIP, "partnership",
       "partnership \"Medway Safeguarding Children Partnership\"",
       "names the partnership"},
      {L::VERSION, "version", "version \"8\"", "gives the version"},
      {L::RATIFIED, "ratified", "ratified 2016-05",
       "gives the date of ratification"},
      {L::REVIEWED, "reviewed", "reviewed 2018-05",
       "gives the date of the last review"},
      {L::REVIEW, "review", "review due 2020-05",
       "gives the date the next review is due"},
      {L::HISTORY, "history",
       "history \"4\" 2019-12 by \"Independent Chair, SSP\" changes "
       "\"Document Review and Re-write.\"",
       "records one version in the version history"},
      {L::COVERS, "covers", "covers children and adults",
       "says whom the procedure protects"},
      {L::PURPOSE, "purpose",
       "purpose \"Sets out clear routes to escalate "
       "professional concerns.\"",
       "states the purpose"},
      {L::PRINCIPLE, "principle",
       "principle \"The safety and wellbeing of the child is paramount.\"",
       "states a principle"},
      {L::SECTION, "section",
       "section \"When to use this policy\" \"Where a professional "
       "disagrees ...\"",
       "adds a titled passage of prose to the document"},
      {L::OVERALL, "overall", "overall within 20 working days",
       "bounds the whole escalation"},
      {L::START, "start", "start pre_stage",
       "names the stage every escalation starts at"},
      {L::STAGES, "stages", "stages may be skipped",
       "lets an escalation skip stages"},
      {L::ROLE, "role", "role cp_chair \"Child Protection Conference Chair\"",
       "declares a role"},
      {L::AGENCY, "agency", "agency kent_police \"Kent Police\"",
       "declares an agency"},
      {L::FACT, "fact",
       "fact cp_plan \"The child is subject to a Child Protection Plan\"",
       "declares a fact about a case that conditions can test"},
      {L::FORM, "form", "form stage3_form \"Stage 3 Escalation Form\"",
       "declares a form"},
      {L::RECORD, "record", "record child_file \"The child's file\"",
       "declares a place where records are kept"},
      {L::OUTCOME, "outcome", "outcome agreed \"Issue resolved\"",
       "declares an outcome"},
      {L::PROCESS, "process",
       "process whistleblowing \"Agency whistleblowing policy\"",
       "declares another process an escalation can be handed to"},
      {L::CONTACT, "contact",
       "contact mscp \"Medway Safeguarding Children Partnership\" email "
       "\"mscp@medway.gov.uk\"",
       "declares a contact point or mailbox"},
      {L::ALLOW, "allow",
       "allow missing-timescale \"The published procedure gives none\"",
       "suppresses a check, with the reason"},
      {L::NUMBER, "number", "number 3", "gives a stage its number"},
      {L::OWNER, "owner", "owner service_manager or named_safeguarding_lead",
       "says who leads the stage"},
      {L::INVOLVES, "involves", "involves equivalent service_manager",
       "says who else takes part"},
      {L::GUIDANCE, "guidance",
       "guidance \"Speak to the equivalent manager in the other agency.\"",
       "adds guidance for practitioners"},
      {L::ACTION, "action",
       "action \"Raise the issue with the other agency\" within 1 working "
       "day",
       "lists something to do at the stage"},
      {L::RESPOND, "respond", "respond within 5 working days",
       "gives the stage's timescale"},
      {L::BEGIN, "begin",
       "begin within 1 working day from end of one, preferably same day",
       "says how soon the stage must begin"},
      {L::TIMESCALE, "timescale", "timescale same as two",
       "gives the stage the same timescale as another"},
      {L::INFORM, "inform", "inform cp_chair when cp_plan",
       "says who must be informed"},
      {L::COPY, "copy",
       "copy to mscp \"A copy of the escalation and any response\"",
       "says who receives a copy"},
      {L::KEEP, "keep",
       "keep record in child_file \"Conversations, calls and emails\"",
       "says what must be recorded"},
      {L::COMPLETE, "complete", "complete stage3_form",
       "says which form must be completed"},
      {L::SEND, "send", "send stage3_form to mscp",
       "says which form is sent to whom"},
      {L::DECISION, "decision", "decision by mscp_executive",
       "names who decides at the final stage"},
      {L::OVERRIDE, "override", "override by conference_chair",
       "names who can override all views"},
      {L::FINAL, "final", "final", "marks the last stage"},
      {L::REQUIRES, "requires", "requires one and two",
       "names stages that must have been used first"},
      {L::WHEN, "when", "when unresolved -> two",
       "says where the escalation goes next"},
  };
  return forms;
}

const LineForm *lineFormFor(size_t tokenType) {
  for (const LineForm &f : lineForms())
    if (f.tokenType == tokenType)
      return &f;
  return nullptr;
}

} // namespace escalade::parse
