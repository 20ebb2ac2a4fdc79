// The YAML reader: the one place that knows yaml-cpp. It turns bytes into a plain
// Scenario and collects every problem it finds as a Diagnostic (never throws for
// author mistakes). Hostile input is bounded: size, nesting, alias expansion,
// invalid UTF-8 and binary data each get a diagnostic, in linear time.
#pragma once

#include "frontline/check.hpp"
#include "frontline/diagnostic.hpp"
#include "frontline/scenario.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

inline constexpr size_t max_scenario_bytes = 4 * 1024 * 1024;
inline constexpr int max_yaml_depth = 64;
/// Values the reader may visit, after alias expansion: a real file needs at most
/// one per two bytes, so a small file that expands hugely through aliases is cut off.
inline constexpr size_t yaml_value_budget(size_t bytes) { return bytes / 2 + 1000; }
/// Values (scalars, lists, mappings, aliases) a file may hold before yaml-cpp builds its
/// tree, which costs about 500 bytes a value: a 4 MiB list of numbers would take 1 GB.
/// The largest bundled scenario holds about 2,000; a generated 20,000-node chain about 410,000.
inline constexpr size_t max_yaml_values = 450'000;

/// Reads one scenario from its bytes. Returns nothing if the YAML could not be
/// turned into a scenario at all; otherwise a scenario whose problems are in `diags`.
std::optional<Scenario> read_scenario(std::string_view bytes, const std::string& file, DiagnosticList& diags);

/// What a front-end wants: a scenario read and checked, with all its diagnostics.
struct LoadedScenario {
    std::optional<Scenario> scenario;  ///< present only when there are no errors
    std::optional<ScoreBounds> bounds;
    DiagnosticList diagnostics;
    bool io_error = false;  ///< the file could not be read at all
};

/// Reads the file, then read_scenario and check_scenario. Never throws.
LoadedScenario load_scenario(const std::filesystem::path& path, const CheckOptions& options = {});

/// Same, for bytes already in memory (tests, hot reload, the benchmark).
LoadedScenario load_scenario_from_bytes(std::string_view bytes, const std::string& file,
                                        const CheckOptions& options = {});

/// Expands files and folders into scenario files (*.yaml, *.yml; folders
/// recursively, sorted; `*.test.yaml` sidecars excluded). Missing paths go to `missing`.
std::vector<std::filesystem::path> find_scenario_files(const std::vector<std::filesystem::path>& paths,
                                                       std::vector<std::string>& missing);

}  // namespace frontline
