// Walkthroughs: pinned paths and the line each failure points at.
#include "fixtures.hpp"

#include "frontline/walkthrough.hpp"
#include "frontline/walkthrough_reader.hpp"

using namespace frontline;
using frontline::test::load_clean;
using frontline::test::scenario_header;

namespace {

const std::string call = scenario_header + R"(start: a
nodes:
  a:
    customer: My order is late.
    choices:
      - say: I'm sorry, let me look.
        personal: 3
        mood: 10
        next: b
      - say: I'm checking.
        technical: 1
        next: b
      - say: Order number?
        technical: 3
        next: b
  b:
    customer: Well?
    choices:
      - say: It ships today.
        technical: 2
        next: done
endings:
  done: {outcome: satisfied, text: "Sorted, she says thanks."}
)";

/// Walkthroughs read from sidecar text, so their lines are easy to predict.
std::vector<Walkthrough> walkthroughs(const std::string& yaml) {
    DiagnosticList diags("call.test.yaml");
    auto tests = read_walkthroughs(yaml, diags);
    for (const auto& d : diags.items()) UNSCOPED_INFO(format_diagnostic(d));
    REQUIRE(tests);
    REQUIRE_FALSE(diags.has_errors());
    return *tests;
}

struct Ran {
    WalkthroughResult result;
    DiagnosticList diags{"call.test.yaml"};
};

Ran run(const std::string& sidecar) {
    static const LoadedScenario loaded = load_clean(call);
    Ran out;
    std::vector<Walkthrough> tests = walkthroughs(sidecar);
    REQUIRE(tests.size() == 1);
    out.result = run_walkthrough(*loaded.scenario, *loaded.bounds, tests[0], out.diags);
    for (const auto& d : out.diags.items()) UNSCOPED_INFO(format_diagnostic(d));
    return out;
}

}  // namespace

SCENARIO("a walkthrough that matches the scenario passes") {
    GIVEN("steps by prefix and by number, and every kind of expectation") {
        Ran r = run(R"(tests:
  - name: warm then fixed
    choices: ["I'm sorry", 1]
    expect:
      ending: done
      outcome: satisfied
      technical: [30, 50]
      personal: 100
      mood: [55, 65]
      lines: ["thanks", "ships today"]
)");
        THEN("it passes with no diagnostics") {
            CHECK(r.result.passed);
            CHECK(r.diags.items().empty());
            CHECK(r.result.says == std::vector<std::string>{"I'm sorry, let me look.", "It ships today."});
        }
    }
}

SCENARIO("a failing walkthrough points at the line that failed") {
    GIVEN("an expectation that does not hold") {
        Ran r = run(R"(tests:
  - name: cold
    choices: [3, 1]
    expect:
      ending: done
      personal: [50, 100]
)");
        THEN("the failure is at the range's line, with the actual value") {
            CHECK_FALSE(r.result.passed);
            REQUIRE(r.diags.items().size() == 1);
            const Diagnostic& d = r.diags.items()[0];
            CHECK(d.code == "FL083");
            CHECK(d.pos.line == 6);
            CHECK_THAT(d.message, Catch::Contains("personal is 0%, expected 50..100%"));
        }
    }
    GIVEN("a prefix that starts two choices") {
        Ran r = run("tests:\n  - name: vague\n    choices: [\"I'm\"]\n");
        THEN("the step is reported as ambiguous, listing both") {
            REQUIRE(r.diags.items().size() == 1);
            CHECK(r.diags.items()[0].code == "FL080");
            CHECK(r.diags.items()[0].pos.line == 3);
            CHECK_THAT(r.diags.items()[0].message, Catch::Contains("starts 2 choices"));
        }
    }
    GIVEN("a choice number that is not shown") {
        Ran r = run("tests:\n  - name: too far\n    choices: [4]\n");
        THEN("the step says how many choices there are") {
            REQUIRE(r.diags.items().size() == 1);
            CHECK(r.diags.items()[0].code == "FL080");
            CHECK_THAT(r.diags.items()[0].message, Catch::Contains("3 choices are shown"));
        }
    }
    GIVEN("more steps than the call has turns") {
        Ran r = run("tests:\n  - name: long\n    choices: [1, 1, 1]\n");
        THEN("the extra step is reported") {
            REQUIRE(r.diags.items().size() == 1);
            CHECK(r.diags.items()[0].code == "FL081");
        }
    }
    GIVEN("an expected ending on a call that is still going") {
        Ran r = run("tests:\n  - name: short\n    choices: [1]\n    expect: {ending: done, lines: [nowhere]}\n");
        THEN("both the ending and the missing line are reported") {
            REQUIRE(r.diags.items().size() == 2);
            CHECK(r.diags.items()[0].code == "FL082");
            CHECK(r.diags.items()[1].code == "FL083");
            CHECK_THAT(r.diags.items()[1].message, Catch::Contains("\"nowhere\" does not appear"));
        }
    }
}

SCENARIO("sidecar walkthrough files are read with the scenario reader's rules") {
    GIVEN("a sidecar with an unknown key and a bad range") {
        DiagnosticList diags("x.test.yaml");
        auto tests = read_walkthroughs("tests:\n  - name: a\n    choices: [1]\n    expect: {mood: [80, 20]}\n    extra: 1\n", diags);
        THEN("the walkthrough is kept and both problems are reported") {
            REQUIRE(tests);
            CHECK(tests->size() == 1);
            std::vector<std::string> codes;
            for (const auto& d : diags.items()) codes.push_back(d.code);
            CHECK(codes == std::vector<std::string>{"FL012", "FL014"});
        }
    }
    GIVEN("a file that is not a mapping with 'tests:'") {
        DiagnosticList diags("x.test.yaml");
        THEN("it is refused with a message") {
            CHECK_FALSE(read_walkthroughs("- just a list\n", diags));
            CHECK(diags.items().at(0).code == "FL010");
        }
    }
    GIVEN("a scenario path") {
        THEN("its sidecar is next to it") {
            CHECK(sidecar_path("dir/cold-meal.yaml") == std::filesystem::path("dir/cold-meal.test.yaml"));
            CHECK(sidecar_path("x.yml") == std::filesystem::path("x.test.yml"));
        }
    }
}
