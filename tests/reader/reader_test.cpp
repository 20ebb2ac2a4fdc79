#include "fixtures.hpp"

#include <fstream>
#include <sstream>

using namespace frontline;
using frontline::test::codes_of;
using frontline::test::load_clean;
using frontline::test::scenario_header;

namespace {
const std::string minimal = scenario_header + R"(start: a
nodes:
  a:
    customer: "Hi."
    choices:
      - say: "Hello."
        if: "mood > 10"
        next: done
endings:
  done: {outcome: neutral, text: Bye.}
)";
}  // namespace

TEST_CASE("a clean scenario reads into plain data with 1-based positions", "[reader]") {
    auto loaded = load_clean(minimal);
    const Scenario& s = *loaded.scenario;
    CHECK(s.id == "test");
    CHECK(s.customer.name == "Pat");
    REQUIRE(s.nodes.size() == 1);
    CHECK(s.nodes[0].pos == SourcePos{8, 3});
    CHECK(s.nodes[0].choices[0].pos == SourcePos{11, 9});
    // Quoted expressions: the column is that of the text, after the quote.
    CHECK(s.nodes[0].choices[0].condition_pos == SourcePos{12, 14});
    CHECK(s.endings[0].outcome == Outcome::neutral);
    CHECK(s.pass.technical == 60);
    CHECK(s.content_hash.size() == 16);
}

TEST_CASE("every problem in a file is reported, not just the first", "[reader]") {
    std::string broken = minimal;
    broken.replace(broken.find("id: test"), 8, "id: Test Scenario");
    broken.replace(broken.find("mood: 50"), 8, "mood: lots");
    broken.replace(broken.find("next: done"), 10, "next: dne");
    broken += "colour: blue\n";
    auto loaded = load_scenario_from_bytes(broken, "broken.yaml");
    CHECK_FALSE(loaded.scenario);
    auto codes = codes_of(loaded);
    CHECK(codes == std::vector<std::string>{"FL015", "FL010", "FL012"});  // sorted by line; FL020 needs a clean read
}

TEST_CASE("names that point nowhere suggest the closest id", "[reader]") {
    std::string broken = minimal;
    broken.replace(broken.find("next: done"), 10, "next: dne");
    auto loaded = load_scenario_from_bytes(broken, "broken.yaml");
    REQUIRE(codes_of(loaded) == std::vector<std::string>{"FL020"});
    CHECK_THAT(loaded.diagnostics.items()[0].message, Catch::Contains("did you mean 'done'"));
    CHECK(format_diagnostic(loaded.diagnostics.items()[0]).rfind("broken.yaml:13:15: error: ", 0) == 0);
}

TEST_CASE("customer lines can vary with conditions", "[reader]") {
    std::string varied = minimal;
    varied.replace(varied.find("    customer: \"Hi.\""), 19, "    customer:\n      - if: mood < 20\n        text: Grr.\n      - text: Hi.");
    auto loaded = load_clean(varied);
    REQUIRE(loaded.scenario->nodes[0].customer.size() == 2);
    CHECK_FALSE(loaded.scenario->nodes[0].customer[0].condition.empty());
}

TEST_CASE("walkthroughs are read with their positions", "[reader]") {
    std::string with_tests = minimal + R"(tests:
  - name: polite
    choices: [1]
    expect: {ending: done, outcome: neutral, technical: [0, 100], mood: 50, lines: [Bye]}
  - name: by text
    choices: ["Hello"]
    expect: {ending: nowhere}
)";
    auto loaded = load_scenario_from_bytes(with_tests, "t.yaml");
    auto codes = codes_of(loaded);
    CHECK(codes == std::vector<std::string>{"FL020"});  // 'nowhere' is not an ending
    std::string fixed = with_tests;
    fixed.replace(fixed.find("ending: nowhere"), 15, "ending: done");
    auto ok = load_clean(fixed);
    const auto& t = ok.scenario->tests;
    REQUIRE(t.size() == 2);
    CHECK(t[0].steps[0].index == 1);
    CHECK(t[0].mood->min == 50);
    CHECK(t[1].steps[0].prefix == "Hello");
}

TEST_CASE("a non-mapping document and a set of the wrong type are clear errors", "[reader]") {
    CHECK(codes_of(load_scenario_from_bytes("- a\n- b\n", "list.yaml")) == std::vector<std::string>{"FL010"});
    std::string bad_set = scenario_header + "vars: {flag: false}\n" + minimal.substr(scenario_header.size());
    bad_set.replace(bad_set.find("        next: done"), 18, "        set: {flag: 3}\n        next: done");
    CHECK(codes_of(load_scenario_from_bytes(bad_set, "set.yaml")) == std::vector<std::string>{"FL032"});
}

TEST_CASE("the bundled scenarios load without errors or warnings", "[reader][scenarios]") {
    std::vector<std::string> missing;
    auto files = find_scenario_files({FRONTLINE_SCENARIOS_DIR}, missing);
    REQUIRE(files.size() >= 6);
    for (const auto& f : files) {
        LoadedScenario loaded = load_scenario(f);
        INFO(f.string());
        for (const auto& d : loaded.diagnostics.items()) UNSCOPED_INFO(format_diagnostic(d));
        CHECK(loaded.diagnostics.items().empty());
        REQUIRE(loaded.scenario);
        CHECK(loaded.scenario->nodes.size() >= 10);
        CHECK(loaded.scenario->endings.size() >= 3);
    }
}

TEST_CASE("the example in docs/scenario-format.md is a clean scenario", "[reader][docs]") {
    std::ifstream in(std::string(FRONTLINE_CORPUS_DIR) + "/../../docs/scenario-format.md");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = text.str();
    const auto begin = doc.find("```yaml\n");
    REQUIRE(begin != std::string::npos);
    const auto end = doc.find("```", begin + 8);
    auto loaded = load_scenario_from_bytes(doc.substr(begin + 8, end - begin - 8), "scenario-format.md");
    for (const auto& d : loaded.diagnostics.items()) UNSCOPED_INFO(format_diagnostic(d));
    CHECK(loaded.diagnostics.items().empty());
}

TEST_CASE("a customer's voice is read strictly", "[reader]") {
    const std::string body = R"(start: a
nodes:
  a:
    customer: "Hi."
    choices:
      - {say: "Hello.", next: done}
endings:
  done: {outcome: neutral, text: Bye.}
)";
    auto with_voice = [&](const std::string& voice) {
        return R"(id: test
title: Test
summary: A test call.
customer:
  name: Pat
  voice: )" + voice +
               "\nneeds: {technical: A thing, personal: Respect}\n" + body;
    };
    SECTION("every key") {
        auto loaded = load_clean(with_voice("{language: en-gb, variant: f3, pitch: 70, rate: 200}"));
        REQUIRE(loaded.scenario->customer.voice);
        const Voice& v = *loaded.scenario->customer.voice;
        CHECK(v.language == "en-gb");
        CHECK(v.variant == "f3");
        CHECK(v.pitch == 70);
        CHECK(v.rate == 200);
        CHECK(v.pos == SourcePos{6, 10});
    }
    SECTION("defaults for what is left out; no voice at all is no voice") {
        auto loaded = load_clean(with_voice("{variant: m2}"));
        CHECK(loaded.scenario->customer.voice->language == "en");
        CHECK(loaded.scenario->customer.voice->pitch == 50);
        CHECK(loaded.scenario->customer.voice->rate == 165);
        CHECK_FALSE(load_clean(minimal).scenario->customer.voice);
    }
    SECTION("out of range, wrong type, odd names and unknown keys are diagnostics") {
        CHECK(codes_of(load_scenario_from_bytes(with_voice("{pitch: 100}"), "v.yaml")) ==
              std::vector<std::string>{"FL014"});
        CHECK(codes_of(load_scenario_from_bytes(with_voice("{rate: 20}"), "v.yaml")) ==
              std::vector<std::string>{"FL014"});
        CHECK(codes_of(load_scenario_from_bytes(with_voice("{pitch: high}"), "v.yaml")) ==
              std::vector<std::string>{"FL010"});
        CHECK(codes_of(load_scenario_from_bytes(with_voice("{language: \"en gb; rm\"}"), "v.yaml")) ==
              std::vector<std::string>{"FL015"});
        CHECK(codes_of(load_scenario_from_bytes(with_voice("{pich: 40}"), "v.yaml")) ==
              std::vector<std::string>{"FL012"});
        CHECK(codes_of(load_scenario_from_bytes(with_voice("loud"), "v.yaml")) == std::vector<std::string>{"FL010"});
    }
}
