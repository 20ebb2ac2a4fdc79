// docs/scenario.schema.json must accept exactly the keys the loader accepts,
// section by section, so editor completion never drifts from `frontline check`.
#include "frontline/scenario_keys.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace {

nlohmann::json read_schema() {
    std::ifstream in(FRONTLINE_SCHEMA_FILE);
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

std::vector<std::string> property_names(const nlohmann::json& object_schema) {
    std::vector<std::string> names;
    for (const auto& [name, value] : object_schema.at("properties").items()) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

SCENARIO("the JSON Schema and the loader agree about the keys") {
    const nlohmann::json schema = read_schema();
    const auto sections = frontline::scenario_keys();
    GIVEN("every section the loader reads") {
        for (const auto& [section, keys] : sections) {
            const nlohmann::json& object_schema = section == "scenario" ? schema : schema.at("definitions").at(section);
            std::vector<std::string> loader = keys;
            std::sort(loader.begin(), loader.end());
            INFO("section: " << section);
            THEN("the schema lists the same keys and refuses others") {
                CHECK(property_names(object_schema) == loader);
                CHECK(object_schema.at("additionalProperties") == false);
            }
        }
    }
    GIVEN("every object in the schema that lists keys") {
        THEN("the loader has a section for it") {
            for (const auto& [name, definition] : schema.at("definitions").items()) {
                if (!definition.contains("properties")) continue;
                INFO("definition: " << name);
                CHECK(sections.count(name) == 1);
            }
        }
    }
}
