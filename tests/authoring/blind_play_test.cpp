// The lint's probes on small scenarios made to fail them: a call the longest answer
// wins, an ending whose outcome contradicts its quadrant, a path over full marks.
#include "linted.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

const BlindProbe& probe(const LintReport& r, BlindRule rule) {
    return *std::find_if(r.blind.begin(), r.blind.end(), [&](const BlindProbe& b) { return b.rule == rule; });
}

// Three turns; the right answer is always listed last and is always the longest line.
const std::string longest_wins = scenario_header + R"(start: a
nodes:
  a:
    customer: Hello?
    choices:
      - say: Yes?
        technical: 1
        personal: -1
        feedback: Curt.
        next: b
      - say: "Hello, I'm here and I'm listening: tell me what happened."
        technical: 1
        personal: 2
        feedback: Warm and open.
        next: b
  b:
    customer: It broke.
    choices:
      - say: Send it back.
        technical: 1
        personal: -1
        feedback: Cold.
        next: c
      - say: "I'm sorry it broke; I'll send a new one today and a label for the old."
        technical: 2
        personal: 2
        feedback: Both needs.
        next: c
  c:
    customer: Fine.
    choices:
      - say: Bye.
        personal: -1
        feedback: Abrupt.
        next: meh
      - say: "Thank you for telling us; it helps us get it right for the next person."
        personal: 2
        feedback: Feedback welcomed.
        next: happy
endings:
  happy: {outcome: satisfied, text: Happy.}
  meh: {outcome: satisfied, text: Meh.}
)";

}  // namespace

SCENARIO("lint plays the scenario as a trainee who doesn't read", "[lint][probes]") {
    GIVEN("a scenario where the longest answer is always right") {
        Linted l = lint(longest_wins);
        THEN("'always the longest' and 'always the last' win, and are reported by name") {
            CHECK(probe(l.report, BlindRule::longest).quadrant == Quadrant::best_in_class);
            CHECK(probe(l.report, BlindRule::last_listed).quadrant == Quadrant::best_in_class);
            CHECK(probe(l.report, BlindRule::first_listed).quadrant != Quadrant::best_in_class);
            CHECK(probe(l.report, BlindRule::shortest).quadrant != Quadrant::best_in_class);
            CHECK(count_code(l.diags, "FL072") == 2);
            const auto& items = l.diags.items();
            CHECK(std::any_of(items.begin(), items.end(), [](const Diagnostic& d) {
                return d.code == "FL072" && d.message.find("always the longest answer") != std::string::npos;
            }));
        }
        THEN("the length bias is three of three choice points") {
            CHECK(l.report.length.choice_points == 3);
            CHECK(l.report.length.best_is_longest == 3);
            CHECK(l.report.length.cold_efficient == 2);
            CHECK(count_code(l.diags, "FL073") == 1);
        }
        THEN("random play wins one call in eight, and that is reported") {
            // Each of the 2^3 paths is equally likely; only one is best in class.
            CHECK(l.report.random.calls == 2000);
            CHECK(l.report.random.best_in_class_share() == Approx(0.125).margin(0.03));
            CHECK(count_code(l.diags, "FL076") == 1);
        }
    }
    GIVEN("the same scenario with the right answers moved and shortened") {
        std::string yaml = longest_wins;
        auto swap_lines = [&](const std::string& a, const std::string& b) {
            yaml.replace(yaml.find(a), a.size(), b);
        };
        swap_lines("Hello, I'm here and I'm listening: tell me what happened.", "I'm listening.");
        swap_lines("Yes?", "Yes? What is it now? I have a queue of people waiting here, you know.");
        Linted l = lint(yaml);
        THEN("'always the longest' loses") {
            CHECK(probe(l.report, BlindRule::longest).quadrant != Quadrant::best_in_class);
            CHECK(l.report.length.best_is_longest == 2);
        }
    }
}

SCENARIO("lint checks endings against the quadrants they are reached in", "[lint][probes]") {
    GIVEN("a 'lost' ending that a call can reach with both needs met") {
        std::string yaml = longest_wins;
        yaml.replace(yaml.find("happy: {outcome: satisfied"), 26, "happy: {outcome: lost");
        Linted l = lint(yaml);
        THEN("FL074 points at the ending") {
            REQUIRE(count_code(l.diags, "FL074") == 1);
            const auto& items = l.diags.items();
            auto it = std::find_if(items.begin(), items.end(), [](const Diagnostic& d) { return d.code == "FL074"; });
            CHECK(it->message.find("ending 'happy'") != std::string::npos);
            CHECK(it->message.find("Best in class") != std::string::npos);
            CHECK(it->pos.line == l.loaded.scenario->endings[0].pos.line);
        }
    }
    GIVEN("a 'delighted' ending reached with the personal need missed") {
        std::string yaml = longest_wins;
        yaml.replace(yaml.find("meh: {outcome: satisfied"), 24, "meh: {outcome: delighted");
        Linted l = lint(yaml);
        THEN("FL074 names it") { CHECK(count_code(l.diags, "FL074") == 1); }
    }
    GIVEN("outcomes that fit") {
        Linted l = lint(longest_wins);
        THEN("no FL074, and each ending knows its quadrants") {
            CHECK(count_code(l.diags, "FL074") == 0);
            REQUIRE(l.report.ending_quadrants.checked);
            // Every path earns at least 2 of 3 technical points (67%), so the technical
            // need is always met: 'happy' is reached best in class or fixed-it-lost-them.
            CHECK(l.report.ending_quadrants.reached[0] == (1u << static_cast<int>(Quadrant::best_in_class)) +
                                                            (1u << static_cast<int>(Quadrant::fixed_it_lost_them)));
        }
    }
}

SCENARIO("full marks: a need that cannot be fully met", "[lint][scoring]") {
    GIVEN("full marks above what any path earns") {
        std::string yaml = longest_wins;
        yaml.insert(yaml.find("start: a"), "scoring: {full_marks: {technical: 6}}\n");
        Linted l = lint(yaml);
        THEN("percentages are of the full marks, and the best play keeps the customer") {
            CHECK(l.report.best_technical == 3);
            CHECK(l.report.full_technical == 6);
            CHECK(l.report.best_path.technical_percent == Approx(50));
            CHECK(l.report.best_path.personal_percent == Approx(100));
            CHECK(count_code(l.diags, "FL075") == 0);
            const ScoreBounds& b = *l.loaded.bounds;
            CHECK(most_possible_percent(b, Need::technical) == Approx(50));
            CHECK(most_possible_percent(b, Need::personal) == Approx(100));
        }
    }
    GIVEN("full marks below what a path earns") {
        std::string yaml = longest_wins;
        yaml.insert(yaml.find("start: a"), "scoring:\n  full_marks: {technical: 2}\n");
        Linted l = lint(yaml);
        THEN("FL075 points at the full marks") {
            REQUIRE(count_code(l.diags, "FL075") == 1);
            const auto& items = l.diags.items();
            auto it = std::find_if(items.begin(), items.end(), [](const Diagnostic& d) { return d.code == "FL075"; });
            CHECK(it->pos.line == 7);  // the `technical:` under full_marks
        }
    }
}
