// DateFormat.h — days written for people ("Friday 23 December 2022") and
// for machines ("2022-12-23"), and ISO dates read back.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace escalade::runtime {

/// "Friday 23 December 2022".
std::string longDate(std::chrono::sys_days day);
/// "2022-12-23".
std::string isoDate(std::chrono::sys_days day);
/// Reads "YYYY-MM-DD"; nullopt unless it is exactly that and a real day.
std::optional<std::chrono::sys_days> parseIsoDate(std::string_view text);

} // namespace escalade::runtime
