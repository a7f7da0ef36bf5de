// Suggest.cpp — nearest-name search. The distance counts a swap of two
// neighbouring letters as one edit (optimal string alignment), because
// "tow" for "two" is the commonest typing slip and plain Levenshtein, as in
// llvm::StringRef::edit_distance, counts it as two.
#include "sema/Suggest.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace escalade::sema {

static unsigned editDistance(llvm::StringRef a, llvm::StringRef b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<unsigned>> d(n + 1, std::vector<unsigned>(m + 1));
  for (size_t i = 0; i <= n; ++i)
    d[i][0] = i;
  for (size_t j = 0; j <= m; ++j)
    d[0][j] = j;
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      unsigned cost = same(a[i - 1], b[j - 1]) ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) &&
          same(a[i - 2], b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
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
    unsigned d = editDistance(typo, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c.str();
    }
  }
  return best;
}

} // namespace escalade::sema
