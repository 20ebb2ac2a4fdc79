#pragma once

#include <optional>
#include <string>

namespace frontline::results {

/// A random (version 4) UUID from /dev/urandom, lower-case 8-4-4-4-12 hex.
/// Empty only if /dev/urandom cannot be read.
std::optional<std::string> random_uuid();

/// True for the 8-4-4-4-12 hex form.
bool is_uuid(const std::string& text);

}  // namespace frontline::results
