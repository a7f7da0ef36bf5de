// Suggest.cpp — nearest-name search. The distance counts a swap of two
// neighbouring letters as one edit (optimal string alignment), because
// "tow" for "two" is the commonest typing slip and plain Levenshtein, as in
// llvm::StringRef::edit_distance, counts it as two.
#include "sema/Suggest.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace escalade::sema {

/// The distance between a and b, ignoring case, or limit + 1 once it is
/// certain to exceed `limit`. Three rows of the usual table are enough.
static unsigned editDistance(llvm::StringRef a, llvm::StringRef b,
                             unsigned limit) {
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  const size_t m = b.size();
  std::vector<unsigned> before(m + 1), previous(m + 1), current(m + 1);
  for (size_t j = 0; j <= m; ++j)
    previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    unsigned rowMin = current[0];
    for (size_t j = 1; j <= m; ++j) {
      unsigned cost = same(a[i - 1], b[j - 1]) ? 0 : 1;
      current[j] = std::min(
          {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) &&
          same(a[i - 2], b[j - 1]))
        current[j] = std::min(current[j], before[j - 2] + 1);
      rowMin = std::min(rowMin, current[j]);
    }
    if (rowMin > limit)
      return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::optional<std::string>
closestName(llvm::StringRef typo,
            const std::vector<llvm::StringRef> &candidates) {
  // About one edit in three characters, as clang allows.
  unsigned limit = std::max<unsigned>(1, (typo.size() + 2) / 3);
  std::optional<std::string> best;
  unsigned bestDistance = limit + 1;
  for (llvm::StringRef c : candidates) {
    if (c == typo)
      continue;
    // Names far apart in length cannot be within the limit.
    size_t gap = c.size() > typo.size() ? c.size() - typo.size()
                                        : typo.size() - c.size();
    if (gap > limit)
      continue;
    unsigned d = editDistance(typo, c, limit);
    if (d < bestDistance) {
      bestDistance = d;
      best = c.str();
    }
  }
  return best;
}

} // namespace escalade::sema
