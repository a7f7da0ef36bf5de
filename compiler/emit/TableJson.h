// TableJson.h — the runtime table as JSON (`escc build --emit=json`): the
// same fields as the binary form, with enums as words. The JSON Schema is
// docs/table.schema.json.
#pragma once

#include "table/Table.h"

#include "llvm/Support/JSON.h"

namespace escalade::emit {

llvm::json::Value tableToJson(const table::Table &table);

} // namespace escalade::emit
