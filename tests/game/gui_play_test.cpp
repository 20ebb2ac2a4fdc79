// Whole calls played through the real GUI: keyboard only, mouse only, every
// bundled scenario, and the patience timer on an injected clock.
#include "gui_support.hpp"

#include "frontline/analysis.hpp"

#include <map>

using namespace frontline;
using namespace frontline::game;
using namespace frontline::game::test;

SCENARIO("the cold meal, played with the keyboard only") {
    auto game = start_game(bundled());
    GameState& g = game->game();
    int cold = index_of(g, "cold-meal");
    REQUIRE(cold >= 0);
    const Scenario& s = g.library[static_cast<size_t>(cold)].scenario();
    std::vector<int> path = planned_path(s, Need::personal);
    REQUIRE_FALSE(path.empty());

    // Arrow keys to the card, Enter for the briefing, Enter to take the call.
    std::vector<int> shown = visible_library(g);
    int position = static_cast<int>(std::find(shown.begin(), shown.end(), cold) - shown.begin());
    for (int i = 0; i < position; ++i) game->press(SDL_SCANCODE_RIGHT);
    CHECK(game->ui().library_cursor == position);
    game->press(SDL_SCANCODE_RETURN);
    REQUIRE(g.screen == Screen::briefing);
    REQUIRE(g.current == cold);
    game->press(SDL_SCANCODE_RETURN);
    REQUIRE(g.screen == Screen::call);
    CHECK(g.mode == Mode::coach);
    CHECK(game->has("feedback") == false);  // nothing said yet

    for (size_t turn = 0; turn < path.size(); ++turn) {
        REQUIRE(g.screen == Screen::call);
        CHECK(game->has("meters"));
        press_choice(*game, visible_number(g.call->runner, path[turn]));
        if (g.screen == Screen::call) CHECK(game->has("feedback"));  // coach mode: feedback after each choice
    }

    THEN("the call ends on the best path and the debrief shows it") {
        REQUIRE(g.screen == Screen::debrief);
        REQUIRE(g.call->runner.finished());
        CHECK(g.call->runner.path() == path);
        Runner again = replay(s, path);
        AttemptScore expected = score_attempt(s, *g.library[static_cast<size_t>(cold)].loaded.bounds, again);
        CHECK(g.call->score->quadrant == expected.quadrant);
        CHECK(g.call->score->outcome == expected.outcome);
        CHECK(g.call->score->personal_percent == Approx(100));
        REQUIRE(g.call->debrief->turns.size() == path.size());
        CHECK(g.call->debrief->path.size() == path.size() + 1);
        CHECK(g.call->debrief->ending_id == again.ending()->id);
        for (const char* w : {"retry", "quadrant", "quadrant chart", "mood curve", "ending", "library"})
            CHECK(game->has(w));
        CHECK(game->has("review"));
    }
    AND_THEN("R retries the call from the start") {
        game->press(SDL_SCANCODE_R);
        CHECK(g.screen == Screen::call);
        CHECK(g.call->runner.path().empty());
        CHECK(g.call->runner.state().mood == s.customer.mood);
    }
    AND_THEN("Esc goes back to the library, which now shows the result") {
        game->press(SDL_SCANCODE_ESCAPE);
        CHECK(g.screen == Screen::library);
        auto best = best_result_for(g, cold);
        REQUIRE(best);
        CHECK(best->quadrant == g.session_best.begin()->second.quadrant);
    }
}

SCENARIO("the cold meal, played with the mouse only, in assessment mode") {
    auto game = start_game(bundled());
    GameState& g = game->game();
    int cold = index_of(g, "cold-meal");
    REQUIRE(cold >= 0);
    const Scenario& s = g.library[static_cast<size_t>(cold)].scenario();
    // The worst path for the technical need: a different ending than the best one.
    std::vector<int> path = planned_path(s, Need::technical, true);
    REQUIRE_FALSE(path.empty());

    click(*game, "card " + std::to_string(cold));
    REQUIRE(g.screen == Screen::briefing);
    click(*game, "assessment");
    CHECK(g.mode == Mode::assessment);
    click(*game, "start");
    REQUIRE(g.screen == Screen::call);
    for (size_t turn = 0; turn < path.size(); ++turn) {
        REQUIRE(g.screen == Screen::call);
        CHECK_FALSE(game->has("meters"));    // assessment: no meters
        CHECK_FALSE(game->has("feedback"));  // and no feedback until the debrief
        click(*game, "choice " + std::to_string(visible_number(g.call->runner, path[turn])));
    }
    REQUIRE(g.screen == Screen::debrief);
    CHECK(g.call->runner.path() == path);
    CHECK(g.call->debrief->turns.size() == path.size());
    // The debrief reveals everything the assessment held back.
    for (const TurnReview& t : g.call->debrief->turns) CHECK_FALSE(t.feedback.empty());

    WHEN("the trainee retries from turn 2 with the mouse") {
        REQUIRE(path.size() >= 2);
        scroll_to(*game, "review", "retry from 2");
        click(*game, "retry from 2");
        THEN("turn 1 is replayed and the call continues from turn 2") {
            CHECK(g.screen == Screen::call);
            CHECK(g.call->runner.path() == std::vector<int>{path[0]});
            CHECK(g.mode == Mode::assessment);
        }
    }
    WHEN("the trainee clicks next scenario") {
        click(*game, "next");
        THEN("the next scenario's briefing opens") {
            CHECK(g.screen == Screen::briefing);
            CHECK(g.current != cold);
        }
    }
}

namespace {

/// One path (node choice indices) to each ending the call can reach, shortest first found.
std::map<int, std::vector<int>> paths_to_endings(const Scenario& s) {
    const StateGraph g = explore_states(s);
    std::vector<std::vector<int>> path_to(g.states.size());
    std::vector<bool> seen(g.states.size(), false);
    std::map<int, std::vector<int>> out;
    std::vector<int> queue{0};
    seen[0] = true;
    for (size_t q = 0; q < queue.size(); ++q) {
        const int st = queue[q];
        for (const StateEdge& e : g.edges_of(static_cast<size_t>(st))) {
            std::vector<int> path = path_to[static_cast<size_t>(st)];
            path.push_back(e.choice);
            if (e.to < 0) out.try_emplace(e.ending, path);
            else if (!seen[static_cast<size_t>(e.to)]) {
                seen[static_cast<size_t>(e.to)] = true;
                path_to[static_cast<size_t>(e.to)] = std::move(path);
                queue.push_back(e.to);
            }
        }
    }
    return out;
}

}  // namespace

SCENARIO("every bundled scenario plays to each of its endings through the GUI") {
    auto game = start_game(bundled());
    GameState& g = game->game();
    REQUIRE(g.library.size() >= 12);
    bool kept_shown = false;
    for (size_t i = 0; i < g.library.size(); ++i) {
        const LibraryEntry& e = g.library[i];
        INFO(e.path.string());
        for (const auto& d : e.loaded.diagnostics.items()) UNSCOPED_INFO(format_diagnostic(d));
        REQUIRE(e.ok());
        const auto endings = paths_to_endings(e.scenario());
        CHECK(endings.size() == e.scenario().endings.size());
        for (const auto& [ending, path] : endings) {
            INFO("ending " << e.scenario().endings[static_cast<size_t>(ending)].id);
            REQUIRE_FALSE(path.empty());
            scroll_library_to(*game, "card " + std::to_string(i));
            click(*game, "card " + std::to_string(i));
            REQUIRE(g.screen == Screen::briefing);
            game->press(SDL_SCANCODE_RETURN);
            for (int choice : path) {
                REQUIRE(g.screen == Screen::call);
                int n = visible_number(g.call->runner, choice);
                REQUIRE(n >= 1);
                if (n <= 9) press_choice(*game, n);
                else click(*game, "choice " + std::to_string(n));
            }
            REQUIRE(g.screen == Screen::debrief);
            CHECK(g.call->runner.finished());
            CHECK(g.call->runner.state().ending == ending);
            CHECK(g.call->debrief->turns.size() == path.size());
            CHECK(game->has("quadrant chart"));
            // Where the technical need cannot be fully met, the debrief says how much could be.
            CHECK(game->has("most technical") == (most_possible_percent(*e.loaded.bounds, Need::technical) < 99.5));
            // The debrief never contradicts itself: the ending's outcome fits the quadrant.
            CHECK(outcome_fits(g.call->debrief->outcome, g.call->score->quadrant));
            // Kept for a human to look at: a debrief where the need could not be met.
            if (g.call->score->quadrant == Quadrant::kept_the_customer && game->has("most technical") && !kept_shown)
                kept_shown = game->screenshot(std::filesystem::path(FRONTLINE_TEST_TMP) / "debrief-kept-the-customer.png");
            game->press(SDL_SCANCODE_ESCAPE);
            REQUIRE(g.screen == Screen::library);
        }
    }
}

SCENARIO("the patience timer runs on the injected clock") {
    GameOptions o;
    o.open_directly = data_dir / "kettle.yaml";
    auto game = start_game(o);
    GameState& g = game->game();
    REQUIRE(g.screen == Screen::briefing);
    game->press(SDL_SCANCODE_RETURN);
    REQUIRE(g.screen == Screen::call);
    CHECK(game->has("patience"));
    const int mood = g.call->runner.state().mood;

    WHEN("the trainee thinks for 8 seconds, within the grace") {
        game->wait(8.0);
        THEN("no mood is lost, and the wait is the thinking time of the next choice") {
            CHECK(g.call->runner.state().mood == mood);
            press_choice(*game, 1);
            const auto& t = g.call->runner.transcript();
            auto it = std::find_if(t.begin(), t.end(),
                                   [](const TranscriptEntry& e) { return e.kind == TranscriptEntry::Kind::choice; });
            REQUIRE(it != t.end());
            CHECK(it->seconds == Approx(8.0).margin(0.2));
        }
    }
    WHEN("the trainee is silent 16 seconds") {
        game->wait(16.0);
        THEN("six seconds past the grace cost six mood, shown in the conversation") {
            CHECK(g.call->runner.state().mood == Approx(mood - 6).margin(1));
            CHECK(g.call->runner.transcript().back().kind == TranscriptEntry::Kind::dead_air);
        }
    }
    WHEN("the trainee is silent for a minute") {
        game->wait(60.0, 1.0);
        THEN("Robin walks out and the debrief opens") {
            CHECK(g.screen == Screen::debrief);
            CHECK(g.call->score->outcome == Outcome::lost);
            CHECK(g.call->debrief->walked_out);
        }
    }
    WHEN("the app asks the loop when to wake") {
        THEN("it wakes for the timer during a call with patience") { CHECK(game->app().wake_after_ms() > 0); }
    }
}

SCENARIO("one quick double input answers one turn, not two") {
    GameOptions o;
    o.scenario_paths = {data_dir / "kettle.yaml"};
    auto game = start_game(o);
    GameState& g = game->game();
    click(*game, "card 0");
    click(*game, "start");
    REQUIRE(g.screen == Screen::call);
    game->read_answers();
    WHEN("'1' is pressed twice, 150 ms apart") {
        game->press(SDL_SCANCODE_1);  // down and up take 100 ms
        game->frames(1, 0.05);
        game->press(SDL_SCANCODE_1);
        THEN("only the first turn is answered; the second press met answers not yet readable") {
            CHECK(g.call->runner.path().size() == 1);
            CHECK(g.screen == Screen::call);
        }
        AND_WHEN("the trainee reads the next answers, then presses") {
            game->read_answers();
            game->press(SDL_SCANCODE_1);
            THEN("that press answers the second turn") { CHECK(g.call->runner.path().size() == 2); }
        }
    }
    WHEN("an answer is double-clicked") {
        REQUIRE(game->click("choice 1"));
        REQUIRE(game->click("choice 1"));
        THEN("one turn is answered") { CHECK(g.call->runner.path().size() == 1); }
    }
    WHEN("a key is held down across the new turn") {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[SDL_SCANCODE_1] = true;
        game->frames(30);  // a second of key repeat
        io.KeysDown[SDL_SCANCODE_1] = false;
        game->frames(2);
        THEN("it counts once") { CHECK(g.call->runner.path().size() == 1); }
    }
}

SCENARIO("the keyboard in a call: arrows and Enter answer, Esc asks before leaving, F2 anywhere") {
    GameOptions o;
    o.scenario_paths = {data_dir / "kettle.yaml"};
    o.no_shuffle = true;
    auto game = start_game(o);
    GameState& g = game->game();
    click(*game, "card 0");
    click(*game, "start");
    REQUIRE(g.screen == Screen::call);
    game->read_answers();
    WHEN("the trainee presses Down twice and Enter") {
        game->press(SDL_SCANCODE_DOWN);
        game->press(SDL_SCANCODE_DOWN);
        game->press(SDL_SCANCODE_RETURN);
        THEN("the second answer is said") {
            REQUIRE(g.call->runner.path().size() == 1);
            CHECK(g.call->runner.path()[0] == 1);
        }
    }
    WHEN("the trainee presses Esc") {
        game->press(SDL_SCANCODE_ESCAPE);
        THEN("the call asks first, and stays") {
            CHECK(g.screen == Screen::call);
            CHECK(game->has("confirm leave"));
            AND_WHEN("Esc again") {
                game->press(SDL_SCANCODE_ESCAPE);
                THEN("the call goes on, answers taking input again") {
                    CHECK(g.screen == Screen::call);
                    CHECK_FALSE(game->has("confirm leave"));
                    game->read_answers();
                    press_choice(*game, 1);
                    CHECK(g.call->runner.path().size() == 1);
                }
            }
            AND_WHEN("Enter") {
                game->press(SDL_SCANCODE_RETURN);
                THEN("the call is left for the library") { CHECK(g.screen == Screen::library); }
            }
        }
    }
    WHEN("F2 is pressed while the library's name field has the keyboard") {
        game->press(SDL_SCANCODE_ESCAPE);
        game->press(SDL_SCANCODE_RETURN);
        REQUIRE(g.screen == Screen::library);
        if (game->has("trainee name")) {
            REQUIRE(game->type_into("trainee name", "Sam"));
            REQUIRE(ImGui::GetIO().WantTextInput);
        }
        game->press(SDL_SCANCODE_F2);
        THEN("the settings open") { CHECK(g.screen == Screen::settings); }
    }
}

SCENARIO("a debrief opens at its top and the keyboard scrolls it") {
    auto game = start_game(bundled());
    GameState& g = game->game();
    const int cold = index_of(g, "cold-meal");
    const Scenario& s = g.library[static_cast<size_t>(cold)].scenario();
    apply(g, intent::OpenScenario{cold});
    game->frames(1);
    click(*game, "start");
    for (int choice : planned_path(s, Need::personal)) press_choice(*game, visible_number(g.call->runner, choice));
    REQUIRE(g.screen == Screen::debrief);
    const float top = game->ui().widgets.at("review").min.y;
    REQUIRE(game->has("mood curve"));
    const float curve_at = game->ui().widgets.at("mood curve").min.y;
    WHEN("End is pressed") {
        game->press(SDL_SCANCODE_END);
        THEN("the review scrolls to the bottom: the mood curve moves up out of view") {
            CHECK((!game->has("mood curve") || game->ui().widgets.at("mood curve").min.y < curve_at));
        }
        AND_WHEN("the next call ends") {
            click(*game, "retry");
            for (int choice : planned_path(s, Need::personal))
                press_choice(*game, visible_number(g.call->runner, choice));
            REQUIRE(g.screen == Screen::debrief);
            game->frames(2);
            THEN("its debrief opens at the top again") {
                REQUIRE(game->has("mood curve"));
                CHECK(game->ui().widgets.at("mood curve").min.y == Approx(curve_at));
                CHECK(game->ui().widgets.at("review").min.y == Approx(top));
            }
        }
    }
}

SCENARIO("Tab moves between the controls and Space presses the one in focus") {
    GameOptions o;
    o.scenario_paths = {data_dir / "kettle.yaml"};
    auto game = start_game(o);
    GameState& g = game->game();
    click(*game, "card 0");
    REQUIRE(g.screen == Screen::briefing);
    WHEN("the trainee tabs through the briefing") {
        std::vector<std::string> visited;
        for (int i = 0; i < 12; ++i) {
            game->press(SDL_SCANCODE_TAB);
            visited.push_back(game->ui().focused_widget);
        }
        THEN("the focus visits the settings, the modes and the start button, in drawing order") {
            CHECK(std::find(visited.begin(), visited.end(), "settings") != visited.end());
            CHECK(std::find(visited.begin(), visited.end(), "assessment") != visited.end());
            CHECK(std::find(visited.begin(), visited.end(), "start") != visited.end());
        }
    }
    WHEN("the focus is on 'start' and Space is pressed") {
        for (int i = 0; i < 20 && game->ui().focused_widget != "start"; ++i) game->press(SDL_SCANCODE_TAB);
        REQUIRE(game->ui().focused_widget == "start");
        game->press(SDL_SCANCODE_SPACE);
        THEN("the call starts, as a click would") { CHECK(g.screen == Screen::call); }
    }
}
