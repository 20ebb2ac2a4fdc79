// The authoring lint as an author meets it: small scenarios with one flaw each.
#include "linted.hpp"

#include "generated_scenario.hpp"

#include <algorithm>

using namespace frontline;
using namespace frontline::test;

namespace {

// Warm or quick at the start, then a fix; the quick answer gains technically what it costs personally.
const std::string trade_off = scenario_header + R"(vars:
  apologised: false
start: a
nodes:
  a:
    customer: My order is late.
    choices:
      - say: I'm sorry, let me look.
        personal: 3
        set: {apologised: true}
        feedback: Warm first.
        next: b
      - say: Order number?
        technical: 3
        feedback: Quick, but cold.
        next: b
  b:
    customer:
      - if: apologised
        text: Thanks for saying sorry.
      - text: Well?
    choices:
      - say: It ships today.
        technical: 2
        feedback: A fact she can plan with.
        next: done
      - say: Bye.
        personal: -2
        feedback: Rude.
        next: rude
endings:
  done: {outcome: satisfied, text: Sorted.}
  rude: {outcome: complaint, text: She complains.}
)";

}  // namespace

SCENARIO("lint reports ranges and paths for each ending") {
    GIVEN("a scenario with a trade-off at the first turn") {
        Linted l = lint(trade_off);
        THEN("each ending's arrival range is known") {
            const EndingReport& done = l.report.endings[0];
            REQUIRE(done.reachable);
            CHECK(done.technical.min == 2);
            CHECK(done.technical.max == 5);
            CHECK(done.personal.min == 0);
            CHECK(done.personal.max == 3);
            CHECK(done.mood.min == 50);
            const EndingReport& rude = l.report.endings[1];
            CHECK(rude.personal.min == -2);
            CHECK(rude.personal.max == 1);
        }
        THEN("the best and worst paths are given as choice text, turn by turn") {
            CHECK(l.report.best_technical_path.says == std::vector<std::string>{"Order number?", "It ships today."});
            CHECK(l.report.best_personal_path.says == std::vector<std::string>{"I'm sorry, let me look.", "It ships today."});
            CHECK(l.report.worst_personal_path.says == std::vector<std::string>{"Order number?", "Bye."});
            CHECK(l.report.best_path.found);
            CHECK(l.report.best_path.ending == 0);
        }
        THEN("the trade-off is found and nothing is flagged as missing one") {
            REQUIRE(l.report.trade_offs.size() == 1);
            CHECK(l.report.trade_offs[0].best_moves_differ);
            CHECK(find_code(l.diags, "FL067") == nullptr);
        }
        THEN("the readable report names the endings and the paths") {
            std::string text = format_lint_report(*l.loaded.scenario, l.report);
            CHECK_THAT(text, Catch::Contains("done (satisfied): technical 2..5 pts"));
            CHECK_THAT(text, Catch::Contains("1. \"Order number?\""));
        }
    }
}

SCENARIO("lint flags dead conditions, unused variables and missing feedback") {
    GIVEN("a choice whose 'if' can never hold and one that always does") {
        Linted l = lint(scenario_header + R"(vars:
  never_set: false
  set_only: 0
start: a
nodes:
  a:
    customer: Hi.
    choices:
      - say: Secret option
        if: never_set
        next: done
      - say: Always there
        if: not never_set
        set: {set_only: 1}
        technical: 1
        next: done
endings:
  done: {outcome: satisfied, text: Done.}
)");
        THEN("each gets its own warning at the 'if'") {
            const Diagnostic* dead = find_code(l.diags, "FL061");
            REQUIRE(dead);
            CHECK(dead->pos.line == 15);
            CHECK(find_code(l.diags, "FL062"));
        }
        THEN("a variable read but never set and one set but never read are reported") {
            REQUIRE(find_code(l.diags, "FL064"));
            CHECK(find_code(l.diags, "FL064")->message.find("never_set") != std::string::npos);
            REQUIRE(find_code(l.diags, "FL063"));
            CHECK(find_code(l.diags, "FL063")->message.find("set_only") != std::string::npos);
        }
        THEN("the scored choice without feedback is reported") {
            const Diagnostic* d = find_code(l.diags, "FL066");
            REQUIRE(d);
            CHECK(d->pos.line == 17);
        }
        THEN("a scenario with one move everywhere has no trade-off to teach") {
            CHECK(find_code(l.diags, "FL067"));
        }
    }
    GIVEN("a declared variable nobody uses and a customer line that never shows") {
        Linted l = lint(scenario_header + R"(vars:
  unused: 3
start: a
nodes:
  a:
    customer:
      - if: mood >= 0
        text: Always this.
      - text: Never this.
    choices:
      - say: Ok
        next: done
endings:
  done: {outcome: satisfied, text: Done.}
)");
        THEN("both are warned about") {
            CHECK(find_code(l.diags, "FL065"));
            const Diagnostic* hidden = find_code(l.diags, "FL070");
            REQUIRE(hidden);
            CHECK(hidden->pos.line == 14);
        }
    }
}

SCENARIO("lint flags a distractor that loses on both needs to another imperfect answer") {
    GIVEN("a best answer, a tempting one and a pointless one") {
        Linted l = lint(scenario_header + R"(start: a
nodes:
  a:
    customer: Hi.
    choices:
      - say: Best
        technical: 3
        personal: 3
        feedback: Both.
        next: done
      - say: Tempting
        technical: 2
        personal: 1
        feedback: Close.
        next: done
      - say: Pointless
        technical: 1
        feedback: Worse than tempting on both.
        next: done
endings:
  done: {outcome: satisfied, text: Done.}
)");
        THEN("only the pointless one is flagged, against the tempting one") {
            REQUIRE(l.report.dominated.size() == 1);
            CHECK(l.report.dominated[0].choice == 2);
            CHECK(l.report.dominated[0].by == 1);
            const Diagnostic* d = find_code(l.diags, "FL069");
            REQUIRE(d);
            CHECK(d->pos.line == 21);
        }
    }
}

SCENARIO("the say-no check asks whether a no said well can keep the customer") {
    // YES_PERSONAL and NO_PERSONAL are filled in per case.
    const std::string say_no = R"(id: test
title: Test
summary: A test call.
skills: [say-no]
customer: {name: Pat, mood: 50}
needs: {technical: A thing, personal: Respect}
start: a
nodes:
  a:
    customer: Can I have it?
    choices:
      - say: Yes, here is the alternative that works.
        technical: 4
        personal: YES_PERSONAL
        feedback: Solved.
        next: done
      - say: No, but here is why.
        technical: 1
        personal: NO_PERSONAL
        feedback: A clear no.
        next: done
endings:
  done: {outcome: satisfied, text: Done.}
)";
    auto with = [&](const char* yes, const char* no) {
        std::string yaml = say_no;
        yaml.replace(yaml.find("YES_PERSONAL"), 12, yes);
        yaml.replace(yaml.find("NO_PERSONAL"), 11, no);
        return yaml;
    };
    GIVEN("a clear no that reaches the top personal score without the technical need") {
        Linted l = lint(with("3", "5"));
        THEN("it is checked, shown, and not warned about") {
            CHECK(l.report.say_no.applies);
            CHECK(l.report.say_no.checked);
            CHECK(l.report.say_no.best_personal_percent == Approx(100));
            CHECK(l.report.say_no.path.says == std::vector<std::string>{"No, but here is why."});
            CHECK(find_code(l.diags, "FL068") == nullptr);
        }
    }
    GIVEN("a scenario where missing the technical need caps the personal score under its pass mark") {
        Linted l = lint(with("4", "2"));
        THEN("the say-no warning gives the cap") {
            CHECK(l.report.say_no.best_personal_percent == Approx(50));
            const Diagnostic* d = find_code(l.diags, "FL068");
            REQUIRE(d);
            CHECK_THAT(d->message, Catch::Contains("at most 50%"));
        }
    }
}

SCENARIO("lint stops with a clear error past its state bound") {
    GIVEN("a state limit smaller than the scenario") {
        LintOptions options;
        options.state_limit = 1;
        Linted l = lint(trade_off, options);
        THEN("FL060 says so instead of analysing a partial graph") {
            REQUIRE(find_code(l.diags, "FL060"));
            CHECK(l.report.trade_offs.empty());
        }
    }
}

SCENARIO("lint handles a generated 10,000-node scenario") {
    GIVEN("a chain where an apology opens a shortcut") {
        const Scenario s = frontline::test::generated_scenario(10'000);
        DiagnosticList diags(s.file);
        LintReport report = lint_scenario(s, diags);
        THEN("every situation is analysed and the best path runs to the end") {
            CHECK(report.states == 19'999);  // each node with and without the apology, but the start
            CHECK(report.best_path.found);
            CHECK(report.trade_offs.size() == 10'000);
        }
        THEN("the say-no search, too large here, is skipped with a warning rather than run for minutes") {
            CHECK_FALSE(report.say_no.checked);
            CHECK(find_code(diags, "FL071"));
        }
    }
}
