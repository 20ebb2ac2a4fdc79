// Sidecar walkthrough files: `cold-meal.test.yaml` next to `cold-meal.yaml`, a
// mapping with one key, `tests:`, in the same form as a scenario's `tests:`.
#pragma once

#include "frontline/diagnostic.hpp"
#include "frontline/scenario.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

/// Reads a sidecar's walkthroughs from its bytes; problems go to `diags`.
/// Returns nothing when the file could not be read as a walkthrough list at all.
std::optional<std::vector<Walkthrough>> read_walkthroughs(std::string_view bytes, DiagnosticList& diags);

/// Reads the sidecar file; a missing or unreadable file is an FL000 error.
std::optional<std::vector<Walkthrough>> load_walkthroughs(const std::filesystem::path& path, DiagnosticList& diags);

/// `x.test.yaml` for `x.yaml` (and `x.test.yml` for `x.yml`), whether or not it exists.
std::filesystem::path sidecar_path(const std::filesystem::path& scenario);

}  // namespace frontline
