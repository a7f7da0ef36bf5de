// TableBuilder.h — lowers a checked file to the runtime table: every
// procedure of the file, with the clauses each stage has in effect (its
// own, those under `every stage`, and timescales borrowed with `timescale
// same as`), names resolved to indexes, conditions compiled to postfix code.
// Run only on a file without errors: it assumes every name resolves.
#pragma once

#include "ast/AST.h"
#include "calendar/WorkingDayCalendar.h"
#include "table/Table.h"

namespace escalade::emit {

table::Table buildTable(const ast::File &file,
                        const runtime::WorkingDayCalendar &calendar);

} // namespace escalade::emit
