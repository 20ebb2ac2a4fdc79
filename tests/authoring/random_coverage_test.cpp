// Random testing: seeded random calls count what they reach, the same for a seed,
// and what they never reach becomes a warning at its line.
#include "frontline/random_coverage.hpp"

#include "fixtures.hpp"

#include <numeric>

using namespace frontline;
using namespace frontline::test;

namespace {

// Two choices at the start, one of them hidden behind a condition that never holds;
// a loop that random play leaves half the time; a node nothing leads to.
const std::string branching = scenario_header + R"(vars:
  never: false
start: a
nodes:
  a:
    customer: Hello?
    choices:
      - say: Left.
        feedback: Left.
        next: left
      - say: Right.
        feedback: Right.
        next: right
      - say: Hidden.
        if: never
        feedback: Hidden.
        next: left
  left:
    customer: Again?
    choices:
      - say: Again.
        feedback: Round we go.
        next: left
      - say: Done.
        feedback: Out.
        next: happy
  right:
    customer: Bye.
    choices:
      - say: Bye.
        feedback: Bye.
        next: meh
  orphan:
    customer: Nobody comes here.
    choices:
      - say: Hello?
        feedback: None.
        next: lost
endings:
  happy: {outcome: satisfied, text: Happy.}
  meh: {outcome: neutral, text: Meh.}
  lost: {outcome: lost, text: Lost.}
)";

}  // namespace

SCENARIO("random calls count the nodes, choices and endings they reach") {
    GIVEN("a scenario with a branch, a loop, a hidden choice and an orphan node") {
        LoadedScenario loaded = load_clean(branching);
        const Scenario& s = *loaded.scenario;
        RandomCoverageOptions options;
        options.calls = 2000;
        options.seed = 42;
        const RandomCoverage c = random_coverage(s, options);
        THEN("every call ends, and the counts add up") {
            CHECK(c.calls == 2000);
            CHECK(c.ended == 2000);
            CHECK(c.stuck == 0);
            CHECK(c.cut_off == 0);
            CHECK(std::accumulate(c.ending_calls.begin(), c.ending_calls.end(), size_t{0}) == 2000);
            CHECK(c.node_calls[0] == 2000);  // every call starts at a
            CHECK(c.choice_calls[0][0] + c.choice_calls[0][1] == 2000);
        }
        THEN("the two branches are taken about evenly, and a loop counts once a call") {
            CHECK(c.choice_calls[0][0] > 800);
            CHECK(c.choice_calls[0][1] > 800);
            CHECK(c.node_calls[1] == c.choice_calls[0][0]);
            CHECK(c.ending_calls[0] == c.node_calls[1]);
            CHECK(c.turns > 2 * 2000);  // the loop adds turns beyond the two a call needs
        }
        THEN("the hidden choice, the orphan node and its ending are never reached") {
            CHECK(c.choice_calls[0][2] == 0);
            CHECK(c.node_calls[3] == 0);
            CHECK(c.ending_calls[2] == 0);
        }
        THEN("the same seed gives the same figures, another seed others") {
            const RandomCoverage again = random_coverage(s, options);
            CHECK(again.choice_calls == c.choice_calls);
            CHECK(again.node_calls == c.node_calls);
            CHECK(again.turns == c.turns);
            options.seed = 43;
            CHECK(random_coverage(s, options).turns != c.turns);
        }
        WHEN("the unreached are reported") {
            DiagnosticList diags("inline.yaml");
            report_unreached(s, c, diags);
            THEN("one warning each at its line: the hidden choice, the orphan (not its choice again), the ending") {
                REQUIRE(diags.items().size() == 3);
                for (const auto& d : diags.items()) {
                    CHECK(d.code == "FL085");
                    CHECK(d.severity == Severity::warning);
                }
                CHECK(diags.items()[0].pos == s.nodes[0].choices[2].pos);
                CHECK(diags.items()[0].message.find(
                          "choice \"Hidden.\" at node 'a' was never taken in 2000 random calls (seed 42)") !=
                      std::string::npos);
                CHECK(diags.items()[1].pos == s.nodes[3].pos);
                CHECK(diags.items()[2].pos == s.endings[2].pos);
            }
        }
        WHEN("calls are cut off by a turn limit") {
            options.turn_limit = 1;
            const RandomCoverage cut = random_coverage(s, options);
            DiagnosticList diags("inline.yaml");
            report_unreached(s, cut, diags);
            THEN("none ends, and the warning says so once") {
                CHECK(cut.ended == 0);
                CHECK(cut.cut_off == 2000);
                CHECK(diags.items().back().code == "FL086");
                CHECK(diags.items().back().message.find("2000 of 2000 random calls were still going") !=
                      std::string::npos);
            }
        }
    }
}
