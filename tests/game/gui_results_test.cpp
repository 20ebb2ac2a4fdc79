// The game and the results store: a call committed choice by choice, the game
// "killed" mid-call and reopened to resume it; a corrupt database left untouched
// with results off on screen; the progress screen and library cards across sessions.
#include "gui_support.hpp"

#include <fstream>
#include <iterator>

using namespace frontline;
using namespace frontline::game;
using namespace frontline::game::test;

namespace {

/// A fresh folder under the test build dir, removed at scope end.
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

GameOptions with_results(const std::filesystem::path& db) {
    GameOptions o = bundled();
    o.results_data = db.string();
    return o;
}

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void sign_in(ScriptedGame& game, const std::string& name) {
    REQUIRE(game.type_into("trainee name", name));
    click(game, "use trainee");
    REQUIRE(game.game().results.trainee == name);
}

}  // namespace

SCENARIO("a call is committed choice by choice, survives the game being killed, and resumes") {
    TempFolder dir("results-resume");
    const auto db = dir.path / "results.db";
    std::vector<int> path;
    int recorded_before_kill = 0;
    int64_t attempt = 0;

    {  // Given a trainee who makes three choices of the cold meal, then the game dies
        // (not a section: every branch below starts from this same database).
        auto game = start_game(with_results(db));
        GameState& g = game->game();
        REQUIRE(g.results.on());
        sign_in(*game, "Ana");
        int cold = index_of(g, "cold-meal");
        const Scenario& s = g.library[static_cast<size_t>(cold)].scenario();
        path = planned_path(s, Need::personal);
        REQUIRE(path.size() > 3);
        click(*game, "card " + std::to_string(cold));
        click(*game, "start");
        REQUIRE(g.results.recording());
        attempt = *g.results.call.attempt();
        for (int turn = 0; turn < 3; ++turn) {
            click(*game, "choice " + std::to_string(visible_number(g.call->runner, path[static_cast<size_t>(turn)])));
            // Each choice is in the file before the next is made.
            auto store = results::ResultsStore::open(db, results::ResultsStore::Access::read_only);
            REQUIRE(store.ok());
            auto detail = store->attempt(attempt);
            REQUIRE(detail.ok());
            CHECK(static_cast<int>(detail->choices.size()) == turn + 1);
            recorded_before_kill = static_cast<int>(detail->choices.size());
        }
        // "Killed": the game state is dropped with no finish, no goodbye.
    }
    REQUIRE(recorded_before_kill == 3);

    WHEN("the game is opened again and the trainee picks her name from the recent list") {
        auto game = start_game(with_results(db));
        GameState& g = game->game();
        click(*game, "trainee Ana");
        REQUIRE(g.results.unfinished.size() == 1);
        CHECK(g.results.unfinished[0].id == attempt);
        CHECK(game->has("discard " + std::to_string(attempt)));

        THEN("resuming replays the three choices and the rest of the call is recorded to the same attempt") {
            click(*game, "resume " + std::to_string(attempt));
            REQUIRE(g.screen == Screen::call);
            REQUIRE(g.call->runner.path().size() == 3);
            CHECK(std::equal(path.begin(), path.begin() + 3, g.call->runner.path().begin()));
            for (size_t turn = 3; turn < path.size(); ++turn)
                click(*game, "choice " + std::to_string(visible_number(g.call->runner, path[turn])));
            REQUIRE(g.screen == Screen::debrief);
            auto store = results::ResultsStore::open(db, results::ResultsStore::Access::read_only);
            auto detail = store->attempt(attempt);
            REQUIRE(detail.ok());
            CHECK(detail->summary.finished());
            CHECK(detail->path() == path);
            CHECK(detail->summary.score->quadrant == g.call->score->quadrant);
            CHECK(g.results.unfinished.empty());
        }
        AND_THEN("discarding deletes it instead") {
            click(*game, "discard " + std::to_string(attempt));
            CHECK(g.results.unfinished.empty());
            auto store = results::ResultsStore::open(db, results::ResultsStore::Access::read_only);
            CHECK_FALSE(store->attempt(attempt).ok());
        }
    }
}

SCENARIO("a corrupt results database: the game runs with results off and the file untouched") {
    TempFolder dir("results-corrupt");
    const auto db = dir.path / "results.db";
    {
        std::ofstream out(db, std::ios::binary);
        out << "SQLite format 3";  // looks like a header, is not a database
        for (int i = 0; i < 4096; ++i) out.put(static_cast<char>((i * 37) & 0xFF));
    }
    const std::string before = file_bytes(db);

    auto game = start_game(with_results(db));
    GameState& g = game->game();
    CHECK_FALSE(g.results.on());
    CHECK(g.results.off_reason.find(db.string()) != std::string::npos);
    CHECK(game->has("results off"));
    CHECK_FALSE(game->has("trainee name"));  // nothing to sign in to

    // The game goes on: a whole call, with "Results off" still said on screen.
    int cold = index_of(g, "cold-meal");
    const Scenario& s = g.library[static_cast<size_t>(cold)].scenario();
    click(*game, "card " + std::to_string(cold));
    click(*game, "start");
    for (int choice : planned_path(s, Need::personal)) {
        CHECK(game->has("results off"));
        click(*game, "choice " + std::to_string(visible_number(g.call->runner, choice)));
    }
    CHECK(g.screen == Screen::debrief);
    CHECK(game->has("results off"));
    game.reset();
    CHECK(file_bytes(db) == before);
    CHECK_FALSE(std::filesystem::exists(db.string() + "-wal"));
}

SCENARIO("progress across sessions: the progress screen and the library cards") {
    TempFolder dir("results-progress");
    const auto db = dir.path / "results.db";
    int cold = -1;
    {
        auto game = start_game(with_results(db));
        GameState& g = game->game();
        sign_in(*game, "Ben");
        cold = index_of(g, "cold-meal");
        const Scenario& s = g.library[static_cast<size_t>(cold)].scenario();
        for (bool worst : {true, false}) {
            click(*game, "card " + std::to_string(cold));
            click(*game, "start");
            for (int choice : planned_path(s, Need::personal, worst))
                click(*game, "choice " + std::to_string(visible_number(g.call->runner, choice)));
            REQUIRE(g.screen == Screen::debrief);
            click(*game, "library");
        }
    }
    auto game = start_game(with_results(db));
    GameState& g = game->game();
    CHECK_FALSE(best_result_for(g, cold));  // nobody signed in yet
    click(*game, "trainee Ben");
    auto best = best_result_for(g, cold);
    REQUIRE(best);
    CHECK(best->attempts == 2);
    CHECK(best->personal_percent == Approx(100));

    click(*game, "progress");
    REQUIRE(g.screen == Screen::progress);
    const ProgressModel& m = g.results.progress;
    CHECK(m.trainee == "Ben");
    REQUIRE(m.attempts.size() == 2);
    CHECK(m.attempts[0].score->personal_percent < m.attempts[1].score->personal_percent);
    REQUIRE(m.best.size() == 1);
    CHECK(m.best[0].scenario_id == "cold-meal");
    int counted = 0;
    for (const auto& q : m.quadrants) counted += q.attempts;
    CHECK(counted == 2);
    REQUIRE(m.skills.size() >= known_skills().size());
    int practised = 0;
    for (const auto& k : m.skills) practised += k.choices;
    CHECK(practised > 0);
    for (const char* w : {"progress quadrant", "needs over time", "best per scenario", "library"}) CHECK(game->has(w));
    scroll_to(*game, "needs over time", "skill profile");
    click(*game, "library");
    CHECK(g.screen == Screen::library);
}

SCENARIO("the game opened for a named trainee records as them (play --gui --trainee)") {
    TempFolder dir("results-named");
    const auto db = dir.path / "results.db";
    GIVEN("the game started with a trainee's name") {
        GameOptions o = with_results(db);
        o.trainee = "Noor";
        auto game = start_game(o);
        GameState& g = game->game();
        THEN("that trainee is chosen, as the library's name field would") {
            REQUIRE(g.results.on());
            CHECK(g.results.trainee == "Noor");
        }
        WHEN("a call is played") {
            const int cold = index_of(g, "cold-meal");
            apply(g, intent::OpenScenario{cold});
            apply(g, intent::StartCall{Mode::coach});
            for (int choice : planned_path(g.library[static_cast<size_t>(cold)].scenario(), Need::personal))
                apply(g, intent::Choose{visible_number(g.call->runner, choice)});
            REQUIRE(g.screen == Screen::debrief);
            THEN("it is saved under their name, with the order they saw") {
                auto store = results::ResultsStore::open(db, results::ResultsStore::Access::read_only);
                REQUIRE(store.ok());
                auto attempts = store->attempts();
                REQUIRE(attempts.ok());
                REQUIRE(attempts->size() == 1);
                CHECK(attempts->front().trainee == "Noor");
                CHECK(attempts->front().finished());
                CHECK(attempts->front().shuffle_seed == g.call->runner.order().seed);
            }
        }
    }
    GIVEN("no results store (play --gui --no-record)") {
        GameOptions o = bundled();
        o.trainee = "Noor";
        auto game = start_game(o);
        THEN("nothing is recorded and no file is made") {
            CHECK_FALSE(game->game().results.on());
            CHECK_FALSE(std::filesystem::exists(db));
        }
    }
}
