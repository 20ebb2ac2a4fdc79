// A facilitator runs a 3-team hot-seat workshop through the GUI, closes the
// laptop mid-way (the game state is dropped) and resumes it to the summary.
#include "gui_support.hpp"

#include "app.hpp"

#include <SDL.h>

using namespace frontline;
using namespace frontline::game;
using namespace frontline::game::test;

namespace {

/// Plays the current team's call to its end with the best path for the person.
void play_call(ScriptedGame& game) {
    GameState& g = game.game();
    REQUIRE(g.workshop);
    std::vector<int> path = planned_path(g.workshop->scenario(), Need::personal);
    for (size_t i = g.workshop->call().path().size(); i < path.size(); ++i) {
        REQUIRE(game.has("facilitator panel"));
        click(game, "choice " + std::to_string(visible_number(g.workshop->call(), path[i])));
    }
    REQUIRE(game.has("call ended"));
    click(game, "continue");
}

}  // namespace

SCENARIO("a 3-team workshop, run end to end with a crash in the middle") {
    const auto dir = std::filesystem::path(FRONTLINE_TEST_TMP) / "gui-workshop";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    GameOptions o = bundled();
    o.results_data = (dir / "results.db").string();
    int cold = -1;
    uint64_t seed = 0;
    {
        auto game = start_game(o);
        GameState& g = game->game();
        cold = index_of(g, "cold-meal");
        click(*game, "workshop");
        REQUIRE(g.screen == Screen::workshop_setup);
        click(*game, "queue " + std::to_string(cold));
        click(*game, "start workshop");
        REQUIRE(g.screen == Screen::workshop);
        REQUIRE(g.workshop->record().teams.size() == 3);
        CHECK(g.settings.ui_scale_percent >= 150);  // projector default
        game->screenshot(std::filesystem::path(FRONTLINE_TEST_TMP) / "workshop-start.png");  // for a human to look at
        for (const char* w : {"timer", "pause", "reveal", "summary", "library", "scoreboard"}) {
            INFO(w << "; widgets: " << widgets_of(game->ui()));
            CHECK(game->has(w));
        }
        click(*game, "reveal");
        CHECK(g.workshop->revealed);
        click(*game, "pause");
        CHECK(g.workshop->paused);
        click(*game, "pause");
        play_call(*game);  // Team A
        // The lid closes in the middle of Team B's call, one (good) decision in.
        click(*game, "choice " + std::to_string(visible_number(g.workshop->call(), planned_path(g.workshop->scenario(), Need::personal)[0])));
        CHECK(g.workshop->play().team == 1);
        REQUIRE(g.workshop->record().shuffle_seed);  // the room sees one shuffled order
        seed = *g.workshop->record().shuffle_seed;
    }
    auto game = start_game(o);
    GameState& g = game->game();
    REQUIRE(g.results.unfinished_workshops.size() == 1);
    const auto id = g.results.unfinished_workshops[0].id;
    click(*game, "resume workshop " + std::to_string(id));
    REQUIRE(g.screen == Screen::workshop);
    CHECK(g.workshop->play().team == 1);
    CHECK(g.workshop->call().path().size() == 1);
    CHECK(g.workshop->record().shuffle_seed == seed);  // resumed, the room sees the same order
    CHECK(g.workshop->call().order() == ChoiceOrder::shuffled(seed));
    play_call(*game);  // Team B finishes
    play_call(*game);  // Team C
    REQUIRE(g.screen == Screen::workshop_summary);
    CHECK(game->has("scoreboard"));
    CHECK(game->has("hurtful choices"));
    WorkshopSummary s = g.workshop->summary();
    REQUIRE(s.scoreboard.size() == 3);
    for (const TeamStanding& t : s.scoreboard) CHECK(t.calls == 1);
    REQUIRE(s.results.size() == 3);
    // Every team followed the best path for the person: the scoreboard is level on it.
    double b = 0;
    for (const TeamStanding& t : s.scoreboard)
        if (t.team == 1) b = t.personal_percent;
    for (const TeamStanding& t : s.scoreboard) CHECK(t.personal_percent >= b);
    CHECK(s.scoreboard.front().personal_percent >= s.scoreboard.back().personal_percent);
    CHECK(g.results.store->unfinished_workshops()->empty());  // finished and saved
    game.reset();
    std::filesystem::remove_all(dir);
}

SCENARIO("the decision timer counts down on the projector with nobody touching anything") {
    GameOptions o = bundled();
    GameState state = make_game_state(o);
    const int cold = index_of(state, "cold-meal");
    REQUIRE(cold >= 0);
    results::WorkshopRecord r;
    r.title = "Timer";
    r.style = "hot-seat";
    r.decision_seconds = 90;
    for (int t = 0; t < 2; ++t) r.teams.push_back({"Team " + std::to_string(t + 1), team_colors()[static_cast<size_t>(t)]});
    const Scenario& s = library_entry(state, cold).scenario();
    r.queue.push_back({s.id, s.content_hash, s.title});
    apply(state, intent::StartWorkshop{r});
    REQUIRE(state.screen == Screen::workshop);
    PlatformConfig config;  // the real SDL event loop and the real clock
    std::string error;
    auto app = App::create(std::move(state), config, error);
    INFO(error);
    REQUIRE(app);
    WHEN("the loop runs for 2.5 seconds with no input at all") {
        SDL_TimerID quit = SDL_AddTimer(
            2500,
            [](Uint32, void*) -> Uint32 {
                SDL_Event e{};
                e.type = SDL_QUIT;
                SDL_PushEvent(&e);
                return 0;
            },
            nullptr);
        app->run();
        SDL_RemoveTimer(quit);
        THEN("the timer moved by the seconds that passed, redrawn as each one turned over, and the loop slept between") {
            const double remaining = app->game().workshop->remaining();
            CHECK(remaining < 88.5);
            CHECK(remaining > 86.5);
            CHECK(app->frames_drawn() >= 4);   // the first frames, then at least two new seconds
            CHECK(app->frames_drawn() <= 20);  // not a busy loop
        }
    }
    WHEN("the timer is paused") {
        apply(app->game(), intent::WorkshopPause{});
        THEN("the loop sleeps until something happens") { CHECK(app->wake_after_ms() == -1); }
    }
}

SCENARIO("a class vote with 23 hands for one answer, on a laptop at the projector's scale") {
    GameOptions o = bundled();
    auto game = start_game(o);
    GameState& g = game->game();
    const int cold = index_of(g, "cold-meal");
    click(*game, "workshop");
    click(*game, "class vote");
    THEN("class vote asks for no team names") { CHECK_FALSE(game->has("team name 0")); }
    click(*game, "queue " + std::to_string(cold));
    click(*game, "start workshop");
    REQUIRE(g.screen == Screen::workshop);
    CHECK(g.settings.ui_scale_percent == 150);
    WHEN("the facilitator types the counts") {
        const WidgetRect plus_before = game->ui().widgets.at("more votes 1");
        REQUIRE(game->type_into("votes 1", "23"));
        game->frames(2);
        REQUIRE(game->type_into("votes 2", "4"));
        game->frames(2);
        THEN("the counts are taken as typed, the buttons beside them did not move, and the decision is on screen") {
            CHECK(game->ui().votes[0] == 23);
            CHECK(game->ui().votes[1] == 4);
            CHECK(game->ui().widgets.at("more votes 1").min.x == plus_before.min.x);
            REQUIRE(game->has("proceed"));
            const WidgetRect& proceed = game->ui().widgets.at("proceed");
            CHECK(proceed.max.y <= 720);
        }
        AND_WHEN("the room's choice goes ahead and the facilitator leaves the workshop") {
            click(*game, "proceed");
            CHECK(g.workshop->record().steps.size() == 1);
            CHECK(g.workshop->record().steps[0].votes == std::vector<int>{23, 4, 0, 0});
            click(*game, "library");
            THEN("the laptop gets its own scale back") {
                CHECK(g.screen == Screen::library);
                CHECK(g.settings.ui_scale_percent == 100);
            }
        }
    }
}

SCENARIO("the scoreboard and the next workshop") {
    GameOptions o = bundled();
    auto game = start_game(o);
    GameState& g = game->game();
    const int cold = index_of(g, "cold-meal");
    click(*game, "workshop");
    REQUIRE(game->type_into("team name 0", "Night shift"));
    game->frames(2);
    click(*game, "queue " + std::to_string(cold));
    click(*game, "start workshop");
    REQUIRE(g.screen == Screen::workshop);
    THEN("teams that have not played show 'no calls yet', not 0%") {
        const WorkshopSummary sum = g.workshop->summary();
        for (const TeamStanding& t : sum.scoreboard) CHECK(t.calls == 0);
        CHECK(game->has("scoreboard"));
    }
    WHEN("the facilitator leaves and sets up the next workshop") {
        click(*game, "library");
        click(*game, "workshop");
        THEN("the team names are offered again") {
            CHECK(std::string(game->ui().team_names[0]) == "Night shift");
            CHECK(g.settings.team_names.at(0) == "Night shift");
        }
    }
}

SCENARIO("frontline workshop opens the game straight into a workshop") {
    GameOptions o;
    o.scenario_paths = {scenarios_dir / "cold-meal.yaml", scenarios_dir / "late-checkout.yaml"};
    GameOptions::WorkshopStart start;
    start.teams = 4;
    start.decision_seconds = 60;
    o.workshop = start;
    auto game = start_game(o);
    GameState& g = game->game();
    THEN("the first decision is on screen, with Team 1..4 and both scenarios queued in order") {
        REQUIRE(g.screen == Screen::workshop);
        REQUIRE(g.workshop);
        CHECK(g.workshop->record().teams.size() == 4);
        CHECK(g.workshop->record().teams[0].name == "Team 1");
        REQUIRE(g.workshop->record().queue.size() == 2);
        CHECK(g.workshop->record().queue[0].scenario_id == "cold-meal");
        CHECK(g.workshop->record().queue[1].scenario_id == "late-checkout");
        CHECK(game->has("timer"));
        AND_THEN("its timer runs") {
            game->wait(5, 1.0);
            CHECK(g.workshop->remaining() == Approx(55).margin(0.5));
        }
    }
}
