#include "fixtures.hpp"

#include "frontline/runner.hpp"

using namespace frontline;
using frontline::test::load_clean;
using frontline::test::scenario_header;

namespace {

const std::string shop = scenario_header + R"(patience: {grace: 10, drain: 2}
vars:
  apologies: 0
  offered: false
start: opening
nodes:
  opening:
    customer: "My parcel never came."
    choices:
      - say: "I'm sorry. Let me look right now."
        technical: 1
        personal: 2
        mood: 20
        set: {apologies: apologies + 1}
        feedback: Owned it.
        skills: [human-touch]
        next: looking
      - say: "Did you check with your neighbours?"
        personal: -2
        mood: -45
        feedback: Puts the work on her.
        next: looking
  looking:
    customer:
      - if: mood < 30
        text: "Well?"
      - text: "Thank you. What can you see?"
    choices:
      - say: "A voucher while you wait?"
        if: not offered and apologies > 0
        personal: 1
        set: {offered: true}
        feedback: Goodwill.
        skills: [delight]
        next: looking
      - say: "It is at the depot; it will come tomorrow."
        technical: 2
        feedback: A concrete answer.
        next: done
endings:
  done:
    outcome: satisfied
    text: She has an answer.
  gone:
    outcome: lost
    text: She hangs up.
)";

const std::string with_walkout = [] {
    std::string s = shop;
    s.replace(s.find("customer: {name: Pat, mood: 50}"), 31, "customer: {name: Pat, mood: 50, walkout: {below: 10, ending: gone}}");
    return s;
}();

}  // namespace

SCENARIO("a call runs deterministically from start to ending", "[runner]") {
    GIVEN("the parcel scenario") {
        auto loaded = load_clean(shop);
        const Scenario& s = *loaded.scenario;
        Runner run(s);
        THEN("the call opens with the customer's first line and two choices") {
            REQUIRE(run.transcript().size() == 1);
            CHECK(run.transcript()[0].text == "My parcel never came.");
            CHECK(run.choices() == std::vector<int>{0, 1});
        }
        WHEN("the trainee apologises") {
            REQUIRE(run.choose(0, 4.5));
            THEN("both needs and mood move, the var is set, and the reply matches the mood") {
                CHECK(run.state().technical == 1);
                CHECK(run.state().personal == 2);
                CHECK(run.state().mood == 70);
                CHECK(run.state().vars[0] == 1);
                CHECK(run.transcript().back().text == "Thank you. What can you see?");
                const TranscriptEntry& choice = run.transcript()[1];
                CHECK(choice.kind == TranscriptEntry::Kind::choice);
                CHECK(choice.seconds == 4.5);
                CHECK(choice.shown == 1);
                CHECK(choice.feedback == "Owned it.");
            }
            AND_WHEN("the conditional voucher is taken once") {
                REQUIRE(run.choices() == std::vector<int>{0, 1});
                REQUIRE(run.choose(0));
                THEN("it is no longer offered") { CHECK(run.choices() == std::vector<int>{1}); }
                AND_WHEN("the call is finished") {
                    REQUIRE(run.choose_visible(1));
                    THEN("the ending is recorded and no more choices are accepted") {
                        CHECK(run.finished());
                        CHECK(run.ending()->id == "done");
                        CHECK(run.transcript().back().kind == TranscriptEntry::Kind::ending);
                        CHECK_FALSE(run.choose(0));
                        CHECK(run.path() == std::vector<int>{0, 0, 1});
                    }
                }
            }
        }
        WHEN("the trainee deflects") {
            run.choose(1);
            THEN("mood is clamped and the cold variant of the next line is shown") {
                CHECK(run.state().mood == 5);
                CHECK(run.transcript().back().text == "Well?");
                CHECK(run.choices() == std::vector<int>{1});  // no apology, no voucher
            }
        }
        WHEN("a choice that is not visible is attempted") {
            run.choose(1);
            THEN("it is refused and nothing changes") {
                CallState before = run.state();
                CHECK_FALSE(run.choose(0));
                CHECK_FALSE(run.choose(7));
                CHECK_FALSE(run.choose_visible(0));
                CHECK(run.state() == before);
            }
        }
    }
}

SCENARIO("a playtest starts a call at any node with chosen values", "[runner]") {
    GIVEN("the parcel scenario and a state at 'looking' with one apology and low mood") {
        auto loaded = load_clean(shop);
        const Scenario& s = *loaded.scenario;
        CallState start = initial_state(s);
        start.node = 1;  // looking
        start.vars = {1, 0};
        start.mood = 20;
        Runner run(s, start);
        THEN("the call opens there, with the line and choices those values give") {
            CHECK(run.state() == start);
            REQUIRE(run.transcript().size() == 1);
            CHECK(run.transcript()[0].node == 1);
            CHECK(run.transcript()[0].text == "Well?");  // mood < 30
            CHECK(run.choices() == std::vector<int>{0, 1});  // apologies > 0: the voucher shows
        }
        WHEN("it is played to an ending") {
            REQUIRE(run.choose(1));
            THEN("it ends like any call") {
                CHECK(run.finished());
                CHECK(run.ending()->id == "done");
                CHECK(run.state().technical == 2);
                CHECK(run.path() == std::vector<int>{1});
            }
        }
    }
}

SCENARIO("the same choices always give the same transcript", "[runner]") {
    auto loaded = load_clean(shop);
    const std::vector<int> path = {0, 0, 1};
    Runner a = replay(*loaded.scenario, path);
    Runner b = replay(*loaded.scenario, path);
    REQUIRE(a.transcript().size() == b.transcript().size());
    for (size_t i = 0; i < a.transcript().size(); ++i) {
        CHECK(a.transcript()[i].text == b.transcript()[i].text);
        CHECK(a.transcript()[i].mood_after == b.transcript()[i].mood_after);
    }
    CHECK(a.state() == b.state());
    size_t applied = 0;
    const std::vector<int> bad = {1, 0, 1};  // the voucher is not available after deflecting
    Runner c = replay(*loaded.scenario, bad, &applied);
    CHECK(applied == 1);
}

SCENARIO("the customer walks out when mood drops below the line", "[runner]") {
    GIVEN("a scenario with a walkout at 10") {
        auto loaded = load_clean(with_walkout);
        Runner run(*loaded.scenario);
        WHEN("the trainee deflects") {
            run.choose(1);
            THEN("the call ends at the walkout ending") {
                CHECK(run.finished());
                CHECK(run.state().walked_out);
                CHECK(run.ending()->id == "gone");
                auto n = run.transcript().size();
                CHECK(run.transcript()[n - 2].kind == TranscriptEntry::Kind::walkout);
            }
        }
    }
}

SCENARIO("dead air drains mood after the grace period", "[runner][patience]") {
    GIVEN("patience of 10 s grace and 2 mood per second") {
        auto loaded = load_clean(with_walkout);
        Runner run(*loaded.scenario);
        WHEN("the trainee is silent for 8 s") {
            run.wait(8);
            THEN("nothing happens yet") { CHECK(run.state().mood == 50); }
        }
        WHEN("the trainee is silent for 15 s in small steps") {
            for (int i = 0; i < 60; ++i) run.wait(0.25);
            THEN("mood drops by whole points, as for one long wait, in one transcript entry") {
                CHECK(run.state().mood == 40);
                CHECK(run.transcript().back().kind == TranscriptEntry::Kind::dead_air);
                CHECK(run.transcript().back().mood == -10);
                CHECK(run.transcript().size() == 2);
            }
        }
        WHEN("the silence goes on long enough") {
            run.wait(40);
            THEN("the customer walks out") {
                CHECK(run.finished());
                CHECK(run.ending()->id == "gone");
            }
        }
        WHEN("a choice is made") {
            run.wait(12);
            run.choose(0);
            THEN("the silence resets") { CHECK(run.silence() == 0); }
        }
    }
}
