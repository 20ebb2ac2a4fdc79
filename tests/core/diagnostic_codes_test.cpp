// The diagnostic catalogue is the single source of codes: each is documented, each code a
// scenario file can trigger has a corpus file, and no code is spelt as text in engine/.
#include "frontline/diagnostic_codes.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace frontline;

namespace {
std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::set<std::string> codes_in(const std::string& text) {
    static const std::regex code(R"(FL[0-9]{3})");
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
        out.insert(it->str());
    return out;
}

/// The text of a source file without its comments (`//` to the end of the line), which may name codes.
std::string without_comments(const std::string& source) {
    std::istringstream lines(source);
    std::string out, line;
    while (std::getline(lines, line)) {
        auto comment = line.find("//");
        out += line.substr(0, comment) + "\n";
    }
    return out;
}

const std::filesystem::path source_dir = FRONTLINE_SOURCE_DIR;
}  // namespace

TEST_CASE("the catalogue lists each code once, in order, as FLnnn", "[diagnostics]") {
    std::set<std::string_view> seen;
    std::string_view previous;
    for (const auto& c : all_diagnostic_codes) {
        INFO(c.id);
        CHECK(std::regex_match(std::string(c.id), std::regex(R"(FL[0-9]{3})")));
        CHECK(seen.insert(c.id).second);
        CHECK(previous < c.id);
        CHECK_FALSE(c.title.empty());
        previous = c.id;
    }
    CHECK(find_diagnostic_code("FL012") == &all_diagnostic_codes[12]);
    CHECK(find_diagnostic_code("FL012")->id == codes::unknown_key.id);
    CHECK(find_diagnostic_code("FL999") == nullptr);
}

TEST_CASE("every code is documented once in the format reference, with its severity", "[diagnostics]") {
    std::string doc = read_text(source_dir / "docs/scenario-format.md");
    for (const auto& c : all_diagnostic_codes) {
        INFO(c.id);
        std::string heading = "\n### " + std::string(c.id);
        std::string row = "\n| " + std::string(c.id) + " | ";
        auto at_heading = doc.find(heading);
        auto at_row = doc.find(row);
        REQUIRE((at_heading != std::string::npos) != (at_row != std::string::npos));
        std::string severity = c.severity == Severity::warning ? "warning" : "error";
        if (at_heading != std::string::npos) {
            std::string line = doc.substr(at_heading + 1, doc.find('\n', at_heading + 1) - at_heading - 1);
            CHECK((line.find("(warning)") != std::string::npos) == (c.severity == Severity::warning));
        } else {
            CHECK(doc.compare(at_row + row.size(), severity.size(), severity) == 0);
        }
    }
    for (const auto& id : codes_in(doc)) {
        INFO(id);
        CHECK(find_diagnostic_code(id) != nullptr);
    }
}

TEST_CASE("every code a scenario file can trigger has a corpus file", "[diagnostics][corpus]") {
    std::string manifest = read_text(source_dir / "tests/corpus/expected.txt");
    std::set<std::string> listed;
    std::istringstream lines(manifest);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string file, code;
        fields >> file >> code;
        listed.insert(code);
        INFO(line);
        CHECK(std::filesystem::exists(source_dir / "tests/corpus" / file));
        REQUIRE(find_diagnostic_code(code) != nullptr);
        CHECK(find_diagnostic_code(code)->source == DiagnosticSource::scenario);
    }
    for (const auto& c : all_diagnostic_codes) {
        INFO(c.id);
        if (c.source == DiagnosticSource::scenario) CHECK(listed.count(std::string(c.id)) == 1);
    }
}

TEST_CASE("no code is spelt as text in engine/ outside the catalogue", "[diagnostics]") {
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir / "engine")) {
        auto ext = entry.path().extension();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
        if (entry.path().filename() == "diagnostic_codes.hpp") continue;
        ++files;
        INFO(entry.path().string());
        CHECK(codes_in(without_comments(read_text(entry.path()))).empty());
    }
    CHECK(files > 50);
}
