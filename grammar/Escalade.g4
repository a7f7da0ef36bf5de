// Escalade.g4 — the grammar of the Escalade procedure language.
//
// A procedure file is a sequence of lines. Each line starts with a keyword
// and ends at the end of the line (triple-quoted text may span lines). The
// parser only recognises lines; which stage a clause belongs to is decided by
// the AST builder (compiler/parse/ASTBuilder.cpp): a clause belongs to the
// nearest `stage` or `every stage` line above it, exactly as a reader of the
// published document would take it. docs/language.md is the reference.
//
// The grammar is kept LL(1) at the start of every line so that a mistake on
// one line never swallows the next: error recovery resynchronises at the end
// of the line (see compiler/parse/SyntaxErrorStrategy.cpp).

grammar Escalade;

// ---------------------------------------------------------------- parser --

file : line* EOF ;

line : item NL ;

item
  // Structure.
  : PROCEDURE name text                                       # procedureHeader
  | stageWord name text                                       # stageHeader
  | EVERY stageWord                                           # everyStageHeader
  // Procedure metadata.
  | PARTNERSHIP text                                          # partnershipLine
  | VERSION text                                              # versionLine
  | RATIFIED DATE                                             # ratifiedLine
  | REVIEWED DATE                                             # reviewedLine
  | REVIEW DUE DATE                                           # reviewDueLine
  | HISTORY text DATE (BY text)? (CHANGES text)?              # historyLine
  | COVERS audience                                           # coversLine
  | PURPOSE text                                              # purposeLine
  | PRINCIPLE text                                            # principleLine
  | SECTION text text                                         # sectionLine
  | OVERALL WITHIN duration (COMMA PREFERABLY duration)?      # overallLine
  | START name                                                # startLine
  | STAGES MAY BE SKIPPED                                     # skippableLine
  // Declarations.
  | ROLE name text (IN name)?                                 # roleDecl
  | AGENCY name text                                          # agencyDecl
  | FACT name text                                            # factDecl
  | FORM name text                                            # formDecl
  | RECORD name text                                          # recordDecl
  | OUTCOME name text                                         # outcomeDecl
  | PROCESS name text                                         # processDecl
  | CONTACT name text contactDetail*                          # contactDecl
  // Suppression of a check, on a procedure or a stage.
  | ALLOW checkName text?                                     # allowLine
  // Stage clauses.
  | NUMBER INT                                                # numberClause
  | OWNER roleList (IN name)? condition?                      # ownerClause
  | INVOLVES roleList                                         # involvesClause
  | GUIDANCE text                                             # guidanceClause
  | ACTION text (WITHIN duration)?                            # actionClause
  | RESPOND WITHIN duration anchor? (COMMA PREFERABLY duration)?  # respondClause
  | BEGIN WITHIN duration anchor? (COMMA PREFERABLY duration)?    # beginClause
  | TIMESCALE SAME AS name                                    # sameTimescaleClause
  | INFORM recipientList text? condition?                     # informClause
  | COPY TO recipientList text?                               # copyClause
  | KEEP RECORD (IN name)? text?                              # keepRecordClause
  | COMPLETE name text?                                       # completeFormClause
  | SEND name TO recipientList text?                          # sendFormClause
  | DECISION BY roleList text?                                # decisionClause
  | OVERRIDE BY roleList text?                                # overrideClause
  | FINAL                                                     # finalClause
  | REQUIRES name (AND name)*                                 # requiresClause
  | WHEN trigger guard? ARROW target                          # transitionClause
  ;

stageWord : STAGE | STEP ;

audience : CHILDREN (AND ADULTS)? | ADULTS (AND CHILDREN)? ;

contactDetail : (EMAIL | PHONE | WEB) text ;

duration
  : INT durationUnit                                          # countedDuration
  | SAME DAY                                                  # sameDayDuration
  | STRING                                                    # vagueDuration
  ;

durationUnit
  : WORKING (DAY | DAYS)
  | CALENDAR (DAY | DAYS)
  | DAY | DAYS
  | HOUR | HOURS
  ;

anchor : FROM (START | END) OF name ;

roleList : roleRef ((COMMA | AND | OR) roleRef)* ;

roleRef : EQUIVALENT? name ;

recipientList : recipient ((COMMA | AND | OR) recipient)* ;

recipient : ALL PARTIES | EQUIVALENT? name ;

condition : (WHEN | UNLESS) expr ;

guard : (AND | UNLESS) expr ;

trigger : RESOLVED | UNRESOLVED | URGENT | OVERDUE ;

target : name (DOT name)? ;

// Conditions over declared facts: `not` binds tighter than `and`, which binds
// tighter than `or`. `not` is written as a loop, not recursion, so a long run
// of `not not not ...` cannot exhaust the stack.
expr : andExpr (OR andExpr)* ;

andExpr : unaryExpr (AND unaryExpr)* ;

unaryExpr : NOT* primaryExpr ;

primaryExpr : name | LPAREN expr RPAREN ;

checkName : CHECK_NAME | name ;

// A name is an identifier, or any keyword that cannot be mistaken for part
// of the line around it: a stage may be called `review` and an outcome
// `resolved`. The words that join names and conditions (`and`, `or`, `not`,
// `in`, `when`, `unless`, `all`, `equivalent`) stay reserved.
name : IDENT | softKeyword ;

softKeyword
  : PROCEDURE | STAGE | STEP | EVERY | PARTNERSHIP | VERSION | RATIFIED
  | REVIEWED | REVIEW | DUE | HISTORY | BY | CHANGES | COVERS | CHILDREN
  | ADULTS | PURPOSE | PRINCIPLE | SECTION | OVERALL | START | STAGES | MAY
  | BE | SKIPPED | ROLE | AGENCY | FACT | FORM | RECORD | OUTCOME | PROCESS
  | CONTACT | EMAIL | PHONE | WEB | ALLOW | NUMBER | OWNER | INVOLVES
  | GUIDANCE | ACTION | RESPOND | BEGIN | WITHIN | PREFERABLY | FROM | END
  | OF | TIMESCALE | SAME | AS | INFORM | PARTIES | COPY | TO | KEEP
  | COMPLETE | SEND | DECISION | OVERRIDE | FINAL | REQUIRES | RESOLVED
  | UNRESOLVED | URGENT | OVERDUE | WORKING | CALENDAR | DAY | DAYS | HOUR
  | HOURS
  ;

text : STRING | TEXT_BLOCK ;

// ----------------------------------------------------------------- lexer --

PROCEDURE   : 'procedure' ;
STAGE       : 'stage' ;
STEP        : 'step' ;
EVERY       : 'every' ;
PARTNERSHIP : 'partnership' ;
VERSION     : 'version' ;
RATIFIED    : 'ratified' ;
REVIEWED    : 'reviewed' ;
REVIEW      : 'review' ;
DUE         : 'due' ;
HISTORY     : 'history' ;
BY          : 'by' ;
CHANGES     : 'changes' ;
COVERS      : 'covers' ;
CHILDREN    : 'children' ;
ADULTS      : 'adults' ;
PURPOSE     : 'purpose' ;
PRINCIPLE   : 'principle' ;
SECTION     : 'section' ;
OVERALL     : 'overall' ;
START       : 'start' ;
STAGES      : 'stages' ;
MAY         : 'may' ;
BE          : 'be' ;
SKIPPED     : 'skipped' ;
ROLE        : 'role' ;
AGENCY      : 'agency' ;
FACT        : 'fact' ;
FORM        : 'form' ;
RECORD      : 'record' ;
OUTCOME     : 'outcome' ;
PROCESS     : 'process' ;
CONTACT     : 'contact' ;
EMAIL       : 'email' ;
PHONE       : 'phone' ;
WEB         : 'web' ;
ALLOW       : 'allow' ;
NUMBER      : 'number' ;
OWNER       : 'owner' ;
INVOLVES    : 'involves' ;
EQUIVALENT  : 'equivalent' ;
GUIDANCE    : 'guidance' ;
ACTION      : 'action' ;
RESPOND     : 'respond' ;
BEGIN       : 'begin' ;
WITHIN      : 'within' ;
PREFERABLY  : 'preferably' ;
FROM        : 'from' ;
END         : 'end' ;
OF          : 'of' ;
TIMESCALE   : 'timescale' ;
SAME        : 'same' ;
AS          : 'as' ;
INFORM      : 'inform' ;
ALL         : 'all' ;
PARTIES     : 'parties' ;
COPY        : 'copy' ;
TO          : 'to' ;
KEEP        : 'keep' ;
COMPLETE    : 'complete' ;
SEND        : 'send' ;
DECISION    : 'decision' ;
OVERRIDE    : 'override' ;
FINAL       : 'final' ;
REQUIRES    : 'requires' ;
WHEN        : 'when' ;
UNLESS      : 'unless' ;
AND         : 'and' ;
OR          : 'or' ;
NOT         : 'not' ;
IN          : 'in' ;
RESOLVED    : 'resolved' ;
UNRESOLVED  : 'unresolved' ;
URGENT      : 'urgent' ;
OVERDUE     : 'overdue' ;
WORKING     : 'working' ;
CALENDAR    : 'calendar' ;
DAY         : 'day' ;
DAYS        : 'days' ;
HOUR        : 'hour' ;
HOURS       : 'hours' ;

ARROW  : '->' ;
COMMA  : ',' ;
DOT    : '.' ;
LPAREN : '(' ;
RPAREN : ')' ;

// A date is a year and month (`2016-05`) or a full date (`2016-05-12`).
DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT ('-' DIGIT DIGIT)? ;
INT  : DIGIT+ ;

// Names of checks in `allow` lines are kebab-case (`missing-timescale`).
CHECK_NAME : [a-z] [a-z0-9]* ('-' [a-z0-9]+)+ ;
IDENT      : [A-Za-z_] [A-Za-z0-9_]* ;

// Triple-quoted text spans lines. A block with no closing `"""` runs to the
// end of the file; the token filter reports it (the token then does not end
// with `"""`).
TEXT_BLOCK : '"""' .*? ('"""' | EOF) ;

// A quoted string stays on one line. The closing quote is optional here so
// that a missing one becomes a precise diagnostic rather than a cascade of
// unexpected characters (reported by the token filter).
STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'? ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\f]+ -> skip ;
NL      : '\r'? '\n' ;

// Anything else is a single unexpected character; the token filter reports it
// in plain English, so no ANTLR lexer message can reach the user.
UNEXPECTED_CHAR : . ;

fragment DIGIT : [0-9] ;
