// Test fixtures: scenarios written inline as YAML, loaded through the real reader.
#pragma once

#include "frontline/reader.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace frontline::test {

/// Loads YAML text and requires it to be free of errors (prints them if not).
inline LoadedScenario load_clean(const std::string& yaml) {
    LoadedScenario loaded = load_scenario_from_bytes(yaml, "inline.yaml");
    for (const auto& d : loaded.diagnostics.items()) UNSCOPED_INFO(format_diagnostic(d));
    REQUIRE(loaded.scenario.has_value());
    return loaded;
}

/// The codes of a load's diagnostics, in order, for compact assertions.
inline std::vector<std::string> codes_of(const LoadedScenario& loaded) {
    std::vector<std::string> out;
    for (const auto& d : loaded.diagnostics.items()) out.push_back(d.code);
    return out;
}

/// Header shared by small scenarios: everything but vars, start, nodes, endings.
inline const std::string scenario_header = R"(id: test
title: Test
summary: A test call.
customer: {name: Pat, mood: 50}
needs: {technical: A thing, personal: Respect}
)";

}  // namespace frontline::test
