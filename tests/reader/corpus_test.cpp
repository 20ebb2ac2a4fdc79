// The bad-input corpus: every diagnostic code has a file that produces it at a
// known position (tests/corpus/expected.txt), and hostile files fail cleanly.
#include "frontline/reader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace frontline;

namespace {
struct Expectation {
    std::string file, code;
    SourcePos pos;
};

std::vector<Expectation> read_manifest() {
    std::ifstream in(std::string(FRONTLINE_CORPUS_DIR) + "/expected.txt");
    REQUIRE(in);
    std::vector<Expectation> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Expectation e;
        std::string where;
        fields >> e.file >> e.code >> where;
        auto colon = where.find(':');
        e.pos.line = static_cast<uint32_t>(std::stoul(where.substr(0, colon)));
        e.pos.column = static_cast<uint32_t>(std::stoul(where.substr(colon + 1)));
        out.push_back(e);
    }
    return out;
}
}  // namespace

TEST_CASE("every corpus file produces its code at its position", "[corpus]") {
    auto manifest = read_manifest();
    REQUIRE(manifest.size() >= 28);
    for (const auto& e : manifest) {
        INFO(e.file);
        LoadedScenario loaded = load_scenario(std::string(FRONTLINE_CORPUS_DIR) + "/" + e.file);
        CHECK_FALSE(loaded.io_error);
        bool found = false;
        for (const auto& d : loaded.diagnostics.items()) {
            INFO(format_diagnostic(d));
            if (d.code == e.code && d.pos == e.pos) found = true;
        }
        CHECK(found);
        // Only the warning codes leave a usable scenario.
        const DiagnosticCode* code = find_diagnostic_code(e.code);
        REQUIRE(code);
        bool warning_only = code->severity == Severity::warning;
        CHECK(loaded.scenario.has_value() == warning_only);
    }
}

TEST_CASE("every documented code has a corpus file", "[corpus]") {
    std::ifstream doc(std::string(FRONTLINE_CORPUS_DIR) + "/../../docs/scenario-format.md");
    REQUIRE(doc);
    std::stringstream text;
    text << doc.rdbuf();
    auto manifest = read_manifest();
    for (const auto& c : all_diagnostic_codes) {
        if (c.source != DiagnosticSource::scenario) continue;
        std::string code(c.id);
        INFO(code);
        CHECK(text.str().find(std::string("### ") + code) != std::string::npos);
        CHECK(std::any_of(manifest.begin(), manifest.end(), [&](const Expectation& e) { return e.code == code; }));
    }
}

TEST_CASE("a file over the size limit is refused before it is parsed", "[corpus][hostile]") {
    std::string huge = "id: huge\ntitle: Huge\n# " + std::string(max_scenario_bytes, 'x') + "\n";
    LoadedScenario loaded = load_scenario_from_bytes(huge, "huge.yaml");
    REQUIRE(loaded.diagnostics.items().size() == 1);
    CHECK(loaded.diagnostics.items()[0].code == codes::file_too_large.id);
}

TEST_CASE("a missing file is an I/O error, not an author error", "[corpus]") {
    LoadedScenario loaded = load_scenario("/nonexistent/nowhere.yaml");
    CHECK(loaded.io_error);
    CHECK(loaded.diagnostics.items().at(0).code == "FL000");
}
