// Timestamps as stored and exported: ISO 8601 UTC with milliseconds and a "Z".
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace frontline::results::detail {

/// "2025-03-01T09:30:00.120Z"
std::string iso8601_utc(std::chrono::system_clock::time_point t);

/// Parses what iso8601_utc writes (milliseconds optional); nothing on anything else.
std::optional<std::chrono::system_clock::time_point> parse_iso8601_utc(const std::string& text);

}  // namespace frontline::results::detail
