#include "fixtures.hpp"

#include "frontline/scoring.hpp"

using namespace frontline;
using frontline::test::load_clean;
using frontline::test::scenario_header;

namespace {
// The core lesson in miniature: a warm "no" beats a cold "yes".
const std::string say_no = scenario_header + R"(scoring: {pass: {technical: 60, personal: 70}}
start: ask
nodes:
  ask:
    customer: Can I return this after 90 days?
    choices:
      - say: "I can't take it back, and I know that's frustrating. Here is what I can do: a repair, free."
        technical: 1
        personal: 4
        skills: [say-no, human-touch]
        next: kept
      - say: "Fine, whatever, I'll refund it."
        technical: 3
        personal: 0
        next: refunded
      - say: "Yes! Absolutely, no problem."
        technical: 3
        personal: 4
        skills: [delight]
        next: refunded
      - say: "Policy says no."
        technical: 0
        personal: -2
        next: lost
endings:
  kept: {outcome: satisfied, text: Kept.}
  refunded: {outcome: neutral, text: Refunded.}
  lost: {outcome: complaint, text: Lost.}
)";

AttemptScore play(int choice) {
    static auto loaded = load_clean(say_no);
    Runner run(*loaded.scenario);
    REQUIRE(run.choose(choice));
    return score_attempt(*loaded.scenario, *loaded.bounds, run);
}
}  // namespace

TEST_CASE("percentages are of the best achievable, clamped", "[scoring]") {
    CHECK(percent_of_best(3, 4) == Approx(75));
    CHECK(percent_of_best(-2, 4) == 0);
    CHECK(percent_of_best(9, 4) == 100);
    CHECK(percent_of_best(0, 0) == 100);  // nothing to earn: met
}

TEST_CASE("each quadrant follows from the pass marks", "[scoring]") {
    AttemptScore warm_no = play(0);
    CHECK(warm_no.technical_percent == Approx(100.0 / 3));
    CHECK(warm_no.personal_percent == 100);
    CHECK(warm_no.quadrant == Quadrant::kept_the_customer);
    CHECK(warm_no.outcome == Outcome::satisfied);
    CHECK(warm_no.skills == std::vector<std::string>{"say-no", "human-touch"});

    CHECK(play(1).quadrant == Quadrant::fixed_it_lost_them);
    CHECK(play(2).quadrant == Quadrant::best_in_class);
    AttemptScore cold = play(3);
    CHECK(cold.quadrant == Quadrant::mere_mortal);
    CHECK(cold.personal_percent == 0);
    CHECK(cold.finished);
}

TEST_CASE("quadrants have stable ids and a lesson", "[scoring]") {
    CHECK(quadrant_id(Quadrant::best_in_class) == "best-in-class");
    CHECK(quadrant_id(Quadrant::kept_the_customer) == "kept-the-customer");
    CHECK_FALSE(quadrant_lesson(Quadrant::fixed_it_lost_them).empty());
}

TEST_CASE("best results rank the personal need above the technical one", "[scoring]") {
    CHECK(parse_quadrant("kept-the-customer") == Quadrant::kept_the_customer);
    CHECK_FALSE(parse_quadrant("best").has_value());
    CHECK(better_result(Quadrant::kept_the_customer, 30, 90, Quadrant::fixed_it_lost_them, 100, 40));
    CHECK(better_result(Quadrant::best_in_class, 60, 70, Quadrant::kept_the_customer, 50, 100));
    CHECK(better_result(Quadrant::mere_mortal, 50, 50, Quadrant::mere_mortal, 40, 50));
    CHECK_FALSE(better_result(Quadrant::mere_mortal, 40, 50, Quadrant::mere_mortal, 40, 50));
}
