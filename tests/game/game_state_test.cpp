// The game's rules without a window: intents in, state out.
#include "game_state.hpp"

#include <catch2/catch.hpp>

using namespace frontline;
using namespace frontline::game;

namespace {

const std::filesystem::path data = FRONTLINE_GAME_TEST_DATA;

GameState kettle_game(bool shuffle = false) {
    GameOptions o;
    o.scenario_paths = {data / "kettle.yaml"};
    o.no_shuffle = !shuffle;  // most stories below name answers by their place in the file
    GameState g = make_game_state(o);
    REQUIRE(g.library.size() == 1);
    REQUIRE(g.library[0].ok());
    return g;
}

}  // namespace

SCENARIO("a call is played by applying intents") {
    GIVEN("the kettle scenario open in coach mode") {
        GameState g = kettle_game();
        apply(g, intent::OpenScenario{0});
        REQUIRE(g.screen == Screen::briefing);
        apply(g, intent::StartCall{Mode::coach});
        REQUIRE(g.screen == Screen::call);
        REQUIRE(g.call);

        WHEN("the trainee picks an impossible choice") {
            apply(g, intent::Choose{7});
            THEN("nothing changes") {
                CHECK(g.call->runner.path().empty());
                CHECK(g.screen == Screen::call);
            }
        }
        WHEN("the trainee thinks for 4 seconds, then apologises and tests the kettle") {
            advance_time(g, 4.0);
            apply(g, intent::Choose{1});
            apply(g, intent::Choose{1});
            THEN("the call ends delighted, best in class, and the debrief has both turns") {
                REQUIRE(g.screen == Screen::debrief);
                REQUIRE(g.call->score);
                CHECK(g.call->score->outcome == Outcome::delighted);
                CHECK(g.call->score->quadrant == Quadrant::best_in_class);
                REQUIRE(g.call->debrief);
                REQUIRE(g.call->debrief->turns.size() == 2);
                CHECK(g.call->debrief->turns[0].seconds == Approx(4.0));
                CHECK(g.call->debrief->turns[0].customer == "This kettle leaks. I bought it here last week.");
                CHECK(g.call->debrief->turns[0].not_taken.size() == 1);
                CHECK(g.call->debrief->turns[0].not_taken[0].say == "Did you overfill it?");
                CHECK(g.call->debrief->turns[0].not_taken[0].mood == -25);
                CHECK(g.call->debrief->path.size() == 3);
                CHECK(g.call->debrief->path.back().technical_percent == Approx(100));
                CHECK(g.call->debrief->mood_curve == std::vector<int>{40, 60, 75});
                CHECK(g.call->debrief->ending_id == "delighted");
            }
            AND_THEN("the library remembers this session's best result") {
                auto best = best_result_for(g, 0);
                REQUIRE(best);
                CHECK(best->quadrant == Quadrant::best_in_class);
                CHECK(best->attempts == 1);
            }
            AND_WHEN("the trainee retries from turn 1") {
                apply(g, intent::RetryFromTurn{1});
                THEN("the first choice is replayed and the call is at the second node") {
                    CHECK(g.screen == Screen::call);
                    CHECK(g.call->runner.path() == std::vector<int>{0});
                    CHECK(g.call->runner.node()->id == "swap");
                    CHECK(g.call->runner.state_before(0).node == g.library[0].scenario().start);
                    CHECK_FALSE((g.call && g.call->debrief));
                }
            }
        }
    }
}

SCENARIO("the answers are shown shuffled, and a number means the answer on screen") {
    GIVEN("the kettle scenario with shuffling on (the game's default)") {
        GameState g = kettle_game(true);
        apply(g, intent::OpenScenario{0});
        apply(g, intent::StartCall{Mode::coach});
        REQUIRE(g.call->runner.order().shuffle);
        const std::vector<int> on_screen = g.call->runner.presented();
        REQUIRE(on_screen.size() == 2);
        WHEN("the trainee picks answer 1 as shown") {
            apply(g, intent::Choose{1});
            THEN("the answer made is the one shown first, wherever the author listed it") {
                REQUIRE(g.call->runner.path().size() == 1);
                CHECK(g.call->runner.path()[0] == on_screen[0]);
                CHECK(g.call->runner.transcript()[1].presented == 1);
            }
        }
        WHEN("the trainee retries") {
            const uint64_t first_seed = g.call->runner.order().seed;
            apply(g, intent::Retry{});
            THEN("the retry is shuffled anew, so positions can't be remembered") {
                REQUIRE(g.call->runner.order().shuffle);
                CHECK(g.call->runner.order().seed != first_seed);
            }
        }
    }
    GIVEN("a fixed seed (`play --gui --seed N`)") {
        GameOptions o;
        o.scenario_paths = {data / "kettle.yaml"};
        o.choice_seed = 99;
        GameState g = make_game_state(o);
        apply(g, intent::OpenScenario{0});
        apply(g, intent::StartCall{Mode::coach});
        THEN("every call shows that order") {
            CHECK(g.call->runner.order() == ChoiceOrder::shuffled(99));
            apply(g, intent::Retry{});
            CHECK(g.call->runner.order() == ChoiceOrder::shuffled(99));
        }
    }
}

SCENARIO("time pressure: dead air costs mood and can lose the customer") {
    GIVEN("a call with 10 s of grace and 1 mood a second after it") {
        GameState g = kettle_game();
        apply(g, intent::OpenScenario{0});
        apply(g, intent::StartCall{Mode::coach});
        WHEN("the trainee is silent for 10 seconds") {
            advance_time(g, 10.0);
            THEN("the mood holds") { CHECK(g.call->runner.state().mood == 40); }
        }
        WHEN("the trainee is silent for 15 seconds in small steps") {
            for (int i = 0; i < 60; ++i) advance_time(g, 0.25);
            THEN("five seconds past the grace cost five mood") { CHECK(g.call->runner.state().mood == 35); }
        }
        WHEN("silence costs mood before the first answer, and the trainee then retries from that turn") {
            advance_time(g, 15.0);  // five seconds past the grace
            REQUIRE(g.call->runner.state().mood == 35);
            apply(g, intent::Choose{1});
            apply(g, intent::Choose{1});
            REQUIRE(g.screen == Screen::debrief);
            apply(g, intent::RetryFromTurn{0});
            THEN("the call stands exactly where it was before that answer: the silence already charged stays") {
                REQUIRE(g.screen == Screen::call);
                CHECK(g.call->runner.path().empty());
                CHECK(g.call->runner.state().mood == 35);
                CHECK(g.call->runner.silence() == Approx(15.0));
                CHECK(g.call->runner.transcript().back().kind == TranscriptEntry::Kind::dead_air);
            }
        }
        WHEN("a broken save's errors are on screen (hot reload) for a minute") {
            g.reload_diagnostics = DiagnosticList("kettle.yaml");
            g.reload_diagnostics.error(codes::yaml_syntax, {3, 1}, "YAML could not be read");
            advance_time(g, 60.0);
            THEN("the author reading them costs the customer nothing") { CHECK(g.call->runner.state().mood == 40); }
        }
        WHEN("the game is paused (window unfocused) for a minute") {
            g.paused = true;
            advance_time(g, 60.0);
            THEN("nothing drains") { CHECK(g.call->runner.state().mood == 40); }
        }
        WHEN("the trainee says nothing for 45 seconds") {
            advance_time(g, 45.0);
            THEN("Robin walks out and the debrief says so") {
                REQUIRE(g.screen == Screen::debrief);
                CHECK(g.call->score->outcome == Outcome::lost);
                CHECK(g.call->debrief->walked_out);
                CHECK(g.call->debrief->mood_curve.back() < 10);
            }
        }
    }
}

SCENARIO("the library: filters, next scenario, broken files and a results provider") {
    GIVEN("a folder with a good and a broken scenario") {
        GameOptions o;
        o.scenario_paths = {data};
        GameState g = make_game_state(o);
        REQUIRE(g.library.size() == 2);
        int broken = g.library[0].ok() ? 1 : 0;
        int kettle = 1 - broken;
        // As the results link fills it from the store when a trainee is chosen.
        g.results.best[result_key(library_entry(g, kettle).scenario())] =
            BestResult{80, 90, Quadrant::best_in_class, Outcome::delighted, 3};
        THEN("the broken one keeps its diagnostics, with positions") {
            REQUIRE_FALSE(library_entry(g, broken).ok());
            const auto& items = library_entry(g, broken).loaded.diagnostics.items();
            REQUIRE_FALSE(items.empty());
            CHECK(format_diagnostic(items[0]).find("broken.yaml:21:15: error:") != std::string::npos);
        }
        THEN("opening the broken one shows its diagnostics, not a briefing") {
            apply(g, intent::OpenScenario{broken});
            CHECK(g.screen == Screen::diagnostics);
        }
        THEN("the store's best result is shown") {
            auto best = best_result_for(g, kettle);
            REQUIRE(best);
            CHECK(best->attempts == 3);
        }
        THEN("filtering by a skill hides what does not practise it") {
            apply(g, intent::SetSkillFilter{"manage-expectations"});
            CHECK(visible_library(g) == std::vector<int>{kettle});
            apply(g, intent::SetSkillFilter{"say-no"});
            CHECK(visible_library(g).empty());
            apply(g, intent::SetSkillFilter{""});
            CHECK(visible_library(g).size() == 2);
        }
        THEN("next scenario skips files that did not load") {
            apply(g, intent::OpenScenario{kettle});
            CHECK(next_scenario_index(g) == -1);
        }
    }
    GIVEN("a file that does not exist, opened directly") {
        GameOptions o;
        o.open_directly = data / "no-such-file.yaml";
        GameState g = make_game_state(o);
        THEN("it is shown as a problem, not a blank screen") {
            REQUIRE(g.library.size() == 1);
            CHECK(g.screen == Screen::diagnostics);
            CHECK(g.single_scenario);
        }
    }
}

SCENARIO("the language setting plays the library's scenarios translated") {
    GIVEN("a scenario with a French catalogue") {
        GameOptions o;
        o.scenario_paths = {std::filesystem::path(FRONTLINE_I18N_TEST_DATA) / "kettle.yaml"};
        o.no_shuffle = true;
        GameState g = make_game_state(o);
        REQUIRE(g.library.size() == 1);
        REQUIRE(g.library[0].ok());
        CHECK(g.languages == std::vector<std::string>{"fr"});
        CHECK(g.library[0].scenario().title == "The Broken Kettle");
        WHEN("the trainer picks French in the settings") {
            Settings s = g.settings;
            s.language = "fr";
            apply(g, intent::ChangeSettings{s});
            THEN("the briefing, the call, the feedback and the debrief are in French") {
                CHECK(g.library[0].scenario().title == "La bouilloire en panne");
                apply(g, intent::OpenScenario{0});
                apply(g, intent::StartCall{Mode::coach});
                REQUIRE(g.call);
                CHECK(g.call->runner.transcript().back().text.find("Bonjour. J'ai acheté") == 0);
                apply(g, intent::Choose{1});
                REQUIRE(g.call->runner.finished());
                bool french_feedback = false;
                for (const auto& t : g.call->runner.transcript())
                    if (t.kind == TranscriptEntry::Kind::choice)
                        french_feedback = t.feedback.find("Les deux besoins") == 0;
                CHECK(french_feedback);
                CHECK(g.call->runner.transcript().back().text.find("Pat repart avec une bouilloire neuve") == 0);
                CHECK(g.library[0].scenario().debrief[0].find("Croyez d'abord") == 0);
                CHECK(g.library[0].scenario().endings[0].text.find("Pat repart avec une bouilloire neuve") == 0);
            }
            AND_WHEN("they switch back during a call") {
                apply(g, intent::OpenScenario{0});
                apply(g, intent::StartCall{Mode::coach});
                Settings back = g.settings;
                back.language.clear();
                apply(g, intent::ChangeSettings{back});
                THEN("the call goes on in French, and the library is as written once it is left") {
                    CHECK(g.library[0].scenario().title == "La bouilloire en panne");
                    apply(g, intent::BackToLibrary{});
                    CHECK(g.library[0].scenario().title == "The Broken Kettle");
                }
            }
        }
    }
}
