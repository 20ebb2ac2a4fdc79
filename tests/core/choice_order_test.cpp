// Choice order: shuffled so position gives nothing away, reproducible from a seed.
#include "fixtures.hpp"

#include "frontline/choice_order.hpp"
#include "frontline/runner.hpp"

#include <algorithm>
#include <set>

using namespace frontline;
using frontline::test::load_clean;
using frontline::test::scenario_header;

namespace {

const std::string five_answers = scenario_header + R"(start: a
nodes:
  a:
    customer: Which one?
    choices:
      - {say: One, next: b}
      - {say: Two, next: b}
      - {say: Three, next: b}
      - {say: Four, next: b}
      - {say: Five, next: b}
  b:
    customer: And in order?
    shuffle: false
    choices:
      - {say: First, next: done}
      - {say: Second, next: done}
      - {say: Third, next: done}
endings:
  done: {outcome: neutral, text: Done.}
)";

}  // namespace

SCENARIO("choices are shown in a shuffled order drawn from a seed", "[runner][order]") {
    LoadedScenario loaded = load_clean(five_answers);
    const Scenario& s = *loaded.scenario;
    const CallState start = initial_state(s);
    GIVEN("the author's order") {
        THEN("it is the file order") { CHECK(presented_choices(s, start, ChoiceOrder::authored()) == std::vector<int>{0, 1, 2, 3, 4}); }
    }
    GIVEN("a seed") {
        const auto order = presented_choices(s, start, ChoiceOrder::shuffled(42));
        THEN("the same seed gives the same order, and it is a permutation") {
            CHECK(presented_choices(s, start, ChoiceOrder::shuffled(42)) == order);
            std::vector<int> sorted = order;
            std::sort(sorted.begin(), sorted.end());
            CHECK(sorted == std::vector<int>{0, 1, 2, 3, 4});
        }
        THEN("over many seeds the right answer is first about a fifth of the time") {
            int first = 0;
            std::set<std::vector<int>> orders;
            for (uint64_t seed = 1; seed <= 1000; ++seed) {
                auto o = presented_choices(s, start, ChoiceOrder::shuffled(seed));
                first += o.front() == 0;
                orders.insert(o);
            }
            CHECK(first > 150);
            CHECK(first < 250);
            CHECK(orders.size() > 100);  // of 120 permutations
        }
    }
    GIVEN("a node that keeps its order") {
        CallState at_b = apply_choice(s, start, 0);
        THEN("no seed shuffles it") {
            for (uint64_t seed = 1; seed <= 50; ++seed)
                CHECK(presented_choices(s, at_b, ChoiceOrder::shuffled(seed)) == std::vector<int>{0, 1, 2});
        }
    }
    WHEN("a runner plays by screen position") {
        Runner run(s, ChoiceOrder::shuffled(7));
        const auto on_screen = run.presented();
        REQUIRE(run.choose_presented(1));
        THEN("the transcript keeps both positions: on screen and in the author's order") {
            const TranscriptEntry& e = run.transcript()[1];
            CHECK(e.choice == on_screen[0]);
            CHECK(e.presented == 1);
            CHECK(e.shown == on_screen[0] + 1);
            CHECK(run.order() == ChoiceOrder::shuffled(7));
        }
        THEN("a replay with the same seed shows the same order") {
            Runner again = replay(s, run.path(), nullptr, run.order());
            CHECK(again.transcript()[1].presented == 1);
        }
    }
    THEN("fresh seeds differ and fit in 53 bits") {
        const uint64_t a = fresh_shuffle_seed(), b = fresh_shuffle_seed();
        CHECK(a != b);
        CHECK(a < (uint64_t{1} << 53));
    }
}
