// Suggest.h — "did you mean …?": the closest known name to a misspelt one.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace escalade::sema {

/// The candidate nearest to `typo` by edit distance, if it is near enough to
/// be a plausible misspelling (about one edit in three characters).
std::optional<std::string>
closestName(llvm::StringRef typo,
            const std::vector<llvm::StringRef> &candidates);

} // namespace escalade::sema
