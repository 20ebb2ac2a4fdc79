#include "fixtures.hpp"

#include "frontline/analysis.hpp"

using namespace frontline;
using frontline::test::codes_of;
using frontline::test::load_clean;
using frontline::test::scenario_header;

namespace {
// Two paths: warm (personal) or quick (technical); a loop that can be taken once.
const std::string tradeoff = scenario_header + R"(vars:
  asked: false
start: a
nodes:
  a:
    customer: Hello.
    choices:
      - say: warm
        personal: 3
        next: b
      - say: quick
        technical: 3
        next: b
  b:
    customer: And?
    choices:
      - say: ask about their day
        if: not asked
        personal: 1
        set: {asked: true}
        next: b
      - say: fix it
        technical: 2
        next: fixed
      - say: sorry, no
        personal: 1
        next: declined
endings:
  fixed: {outcome: satisfied, text: Fixed.}
  declined: {outcome: neutral, text: Declined.}
)";
}  // namespace

TEST_CASE("best and worst totals come from exploring every path", "[analysis]") {
    auto loaded = load_clean(tradeoff);
    StateGraph g = explore_states(*loaded.scenario);
    CHECK(g.complete);
    NeedPlan technical = plan_need(g, Need::technical);
    NeedPlan personal = plan_need(g, Need::personal);
    CHECK(technical.range.best == 5);
    CHECK(technical.range.worst == 0);
    CHECK(personal.range.best == 5);   // warm + ask + sorry
    CHECK(personal.range.worst == 0);  // quick + fix
    CHECK(follow_plan(g, personal.best_edge) == std::vector<int>{0, 0, 2});
    CHECK(follow_plan(g, technical.best_edge) == std::vector<int>{1, 1});
    CHECK_FALSE(technical.range.best_unbounded);
    // The check pass stores the same bounds.
    CHECK(loaded.bounds->best_technical == 5);
    CHECK(loaded.bounds->best_personal == 5);
}

TEST_CASE("a loop that farms points is an error, a bounded loop is fine", "[analysis]") {
    std::string farming = tradeoff;
    farming.replace(farming.find("        if: not asked\n"), 22, "");
    auto loaded = load_scenario_from_bytes(farming, "farm.yaml");
    CHECK_FALSE(loaded.scenario.has_value());
    auto codes = codes_of(loaded);
    REQUIRE(std::count(codes.begin(), codes.end(), "FL045") == 1);
    for (const auto& d : loaded.diagnostics.items())
        if (d.code == "FL045") CHECK(d.pos.line == 22);  // the "ask about their day" item
}

TEST_CASE("stuck states, traps and unreachable parts are found", "[analysis]") {
    std::string stuck = tradeoff;
    // Make "fix it" and "sorry, no" conditional on something that can be false.
    stuck.replace(stuck.find("      - say: fix it\n"), 20, "      - say: fix it\n        if: asked\n");
    stuck.replace(stuck.find("      - say: sorry, no\n"), 23, "      - say: sorry, no\n        if: asked\n");
    stuck.replace(stuck.find("        if: not asked\n"), 22, "        if: not asked and false\n");
    auto loaded = load_scenario_from_bytes(stuck, "stuck.yaml");
    auto codes = codes_of(loaded);
    CHECK(std::find(codes.begin(), codes.end(), "FL042") != codes.end());
}

TEST_CASE("a state limit stops exploration with a clear error", "[analysis]") {
    std::string counter = scenario_header + R"(vars: {n: 0}
start: a
nodes:
  a:
    customer: Again?
    choices:
      - say: again
        set: {n: n + 1}
        next: a
      - say: stop
        next: end
endings:
  end: {outcome: neutral, text: Done.}
)";
    auto loaded = load_scenario_from_bytes(counter, "counter.yaml", CheckOptions{1000});
    auto codes = codes_of(loaded);
    CHECK(codes == std::vector<std::string>{"FL046"});
    CHECK_FALSE(loaded.scenario.has_value());
}

TEST_CASE("a long chain is explored without deep recursion", "[analysis]") {
    std::string yaml = scenario_header + "start: n0\nnodes:\n";
    const int length = 20000;
    for (int i = 0; i < length; ++i) {
        yaml += "  n" + std::to_string(i) + ":\n    customer: Hi.\n    choices:\n";
        std::string next = i + 1 < length ? "n" + std::to_string(i + 1) : "end";
        yaml += "      - {say: a, technical: 1, next: " + next + "}\n      - {say: b, personal: 1, next: " + next + "}\n";
    }
    yaml += "endings:\n  end: {outcome: neutral, text: Done.}\n";
    auto loaded = load_clean(yaml);
    CHECK(loaded.bounds->best_technical == length);
    CHECK(loaded.bounds->best_personal == length);
    CHECK(loaded.bounds->worst_technical == 0);
}
