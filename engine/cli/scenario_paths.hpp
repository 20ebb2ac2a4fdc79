#pragma once

#include <filesystem>

namespace frontline::cli {

/// The bundled scenarios: $FRONTLINE_SCENARIOS, then <prefix>/share/frontline/scenarios
/// next to an installed binary, then the source tree this binary was built from.
std::filesystem::path bundled_scenarios_dir();

}  // namespace frontline::cli
