// Private to the reader: the walkthrough list (`tests:`), shared by the scenario
// reader and the sidecar *.test.yaml reader so it is parsed in one place.
#pragma once

#include "yaml_fields.hpp"

#include <optional>
#include <string>
#include <vector>

namespace frontline::yaml_detail {

/// Keys of one walkthrough and of its `expect:` mapping.
const std::vector<std::string>& walkthrough_keys();
const std::vector<std::string>& expect_keys();

/// Reads a `tests:` list into `out`, reporting problems through `r`.
void read_walkthrough_list(FieldReader& r, const YAML::Node& n, std::vector<Walkthrough>& out);

/// YAML::Load with every yaml-cpp exception turned into a diagnostic.
std::optional<YAML::Node> parse_yaml_root(std::string_view bytes, DiagnosticList& diags);

}  // namespace frontline::yaml_detail
