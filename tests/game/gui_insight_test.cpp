// Insight in the game: the debrief shows how other trainees answered each turn
// (once five have), the author map overlays those shares and flags where calls
// were abandoned, and the progress screen shows the replay gain.
#include "gui_support.hpp"

#include "frontline/reader.hpp"
#include "frontline/results/store.hpp"

using namespace frontline;
using namespace frontline::game;
using namespace frontline::game::test;

namespace {

struct TempFolder {
    std::filesystem::path path;
    explicit TempFolder(const std::string& name) : path(std::filesystem::path(FRONTLINE_TEST_TMP) / name) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

/// Other trainees' calls on the cold meal, recorded as the game would: `finished` of
/// them along the path best for the person, and one left after two answers.
void others_played(const std::filesystem::path& db, int finished) {
    LoadedScenario loaded = load_scenario(scenarios_dir / "cold-meal.yaml");
    REQUIRE(loaded.scenario);
    const Scenario& s = *loaded.scenario;
    auto store = results::ResultsStore::open(db);
    REQUIRE(store.ok());
    const std::vector<int> path = planned_path(s, Need::personal);
    for (int i = 0; i < finished; ++i) {
        Runner run(s);
        for (int c : path) REQUIRE(run.choose(c, 2.0));
        REQUIRE(store->record_finished_attempt("Other " + std::to_string(i), s, results::AttemptMode::practice, "game", run,
                                               score_attempt(s, *loaded.bounds, run))
                    .ok());
    }
    auto open = store->start_attempt("Quitter", s, results::AttemptMode::practice, "game");
    REQUIRE(open.ok());
    Runner run(s);
    for (size_t i = 0; i < 2; ++i) {
        REQUIRE(run.choose(path[i], 2.0));
        REQUIRE(store->record_choice(*open, s, *run.last_choice()).ok());
    }
}

void play_cold_meal(ScriptedGame& game, bool worst) {
    GameState& g = game.game();
    const int cold = index_of(g, "cold-meal");
    const Scenario& s = g.library[static_cast<size_t>(cold)].scenario();
    if (g.screen != Screen::library) click(game, "library");
    click(game, "card " + std::to_string(cold));
    click(game, "start");
    for (int choice : planned_path(s, Need::personal, worst))
        click(game, "choice " + std::to_string(visible_number(g.call->runner, choice)));
    REQUIRE(g.screen == Screen::debrief);
}

}  // namespace

SCENARIO("the debrief shows how other trainees answered at each turn, once five have") {
    TempFolder dir("insight-debrief");
    const auto db = dir.path / "results.db";
    GameOptions o = bundled();
    o.results_data = db.string();

    GIVEN("three other trainees' calls and one left half-way: four answers at the opening") {
        others_played(db, 3);
        auto game = start_game(o);
        REQUIRE(game->game().results.on());
        REQUIRE(game->type_into("trainee name", "Ana"));
        click(*game, "use trainee");
        WHEN("Ana finishes a call") {
            play_cold_meal(*game, true);
            THEN("the first turn says the shares come from five answers, and shows none") {
                REQUIRE(game->game().results.others_answers);
                CHECK(game->game().results.others_answers->points.front().answers == 4);
                const GameState& g = game->game();
                CHECK_FALSE(g.results.others_answers->points.front().shown);
                scroll_to(*game, "review", "others 1");
            }
        }
    }
    GIVEN("five other trainees' calls, all along the path best for the person") {
        others_played(db, 5);
        Settings author;  // an author reviewing her scenario: the map is an author tool
        author.author_tools = true;
        auto game = start_game(o, 1280, 720, author);
        REQUIRE(game->type_into("trainee name", "Ana"));
        click(*game, "use trainee");
        WHEN("Ana finishes a call along the worst path") {
            play_cold_meal(*game, true);
            const GameState& g = game->game();
            THEN("her own answers do not count, and each shown turn puts hers next to theirs") {
                REQUIRE(g.results.others_answers);
                const results::ScenarioInsight& others = *g.results.others_answers;
                CHECK(others.attempts == 6);  // five finished and the one left half-way; Ana's own are not among them
                const auto& first = others.points.front();
                CHECK(first.shown);
                CHECK(first.answers == 6);
                const TurnReview& turn = g.call->debrief->turns.front();
                const auto hers = std::find_if(first.options.begin(), first.options.end(),
                                               [&](const results::AnswerShare& a) { return a.choice_index == turn.choice; });
                REQUIRE(hers != first.options.end());
                CHECK(hers->share == Approx(0.0));  // nobody else took the worst opening
                scroll_to(*game, "review", "others 1");
            }
            AND_WHEN("she opens the author map and turns the shares on") {
                game->press(SDL_SCANCODE_M);
                REQUIRE(g.screen == Screen::author_map);
                REQUIRE(g.results.map_answers);
                click(*game, "answer shares");
                THEN("the node where a call was abandoned is flagged") {
                    const results::ScenarioInsight& all = *g.results.map_answers;
                    REQUIRE(all.stopped.size() == 1);
                    CHECK(all.stopped.front().second == 1);
                    scroll_to(*game, "map", "map stopped " + all.stopped.front().first);
                }
            }
        }
    }
}

SCENARIO("the progress screen shows the replay gain") {
    TempFolder dir("insight-progress");
    const auto db = dir.path / "results.db";
    GameOptions o = bundled();
    o.results_data = db.string();
    auto game = start_game(o);
    REQUIRE(game->type_into("trainee name", "Ben"));
    click(*game, "use trainee");
    GIVEN("a poor call on the cold meal, then a good one") {
        play_cold_meal(*game, true);
        play_cold_meal(*game, false);
        WHEN("Ben opens his progress") {
            click(*game, "library");
            click(*game, "progress");
            const GameState& g = game->game();
            REQUIRE(g.screen == Screen::progress);
            THEN("the cold meal shows the gain from the first call to the best, reached at the second") {
                const results::ReplayGainSummary& gain = g.results.progress.gain;
                CHECK(gain.replayed == 1);
                REQUIRE(gain.pairs.size() == 1);
                CHECK(gain.pairs[0].attempts_to_best == 2);
                CHECK(gain.pairs[0].personal_gain() > 0);
                REQUIRE(gain.median_personal_gain);
                CHECK(*gain.median_personal_gain == Approx(gain.pairs[0].personal_gain()));
                scroll_to(*game, "needs over time", "replay gain");
            }
        }
    }
}
