// The DOT graph: endings drawn by outcome, moves labelled, best path in blue.
#include "fixtures.hpp"

#include "frontline/scenario_graph.hpp"

using namespace frontline;
using frontline::test::load_clean;
using frontline::test::scenario_header;

SCENARIO("a scenario becomes a Graphviz graph") {
    GIVEN("a two-node scenario with a delighted and a complaint ending") {
        LoadedScenario loaded = load_clean(scenario_header + R"(start: a
nodes:
  a:
    customer: "She says \"hi\"."
    choices:
      - say: Warm answer
        technical: 1
        personal: 2
        next: b
      - say: Cold answer
        personal: -2
        next: angry
  b:
    customer: Thanks.
    choices:
      - say: Bye
        next: happy
  orphan:
    customer: Nobody gets here.
    choices:
      - say: Bye
        next: happy
endings:
  happy: {outcome: delighted, text: Happy.}
  angry: {outcome: complaint, text: Angry.}
)");
        DiagnosticList diags("inline.yaml");
        LintReport report = lint_scenario(*loaded.scenario, diags);
        std::string dot = scenario_dot(*loaded.scenario, report);
        THEN("nodes, endings and moves are all there, quoted safely") {
            CHECK_THAT(dot, Catch::StartsWith("digraph \"test\" {"));
            CHECK_THAT(dot, Catch::Contains("She says \\\"hi\\\"."));
            CHECK_THAT(dot, Catch::Contains("\"e:happy\" [shape=doublecircle"));
            CHECK_THAT(dot, Catch::Contains("\"e:angry\" [shape=octagon"));
            CHECK_THAT(dot, Catch::Contains("Cold answer\\nT0 P-2 mood 0"));
        }
        THEN("the best path is blue and the unreachable node dashed") {
            CHECK_THAT(dot, Catch::Contains("\"n:a\" -> \"n:b\" [label=\"Warm answer\\nT+1 P+2 mood 0\", color=\"#1565c0\""));
            CHECK_THAT(dot, Catch::Contains("orphan (unreachable)"));
        }
        THEN("highlighting can be turned off") {
            GraphOptions plain;
            plain.highlight_best = false;
            CHECK_THAT(scenario_dot(*loaded.scenario, report, plain), !Catch::Contains("#1565c0"));
        }
    }
}
