// Workshop state without a window: turns, votes and the tie rule, the timer,
// scoreboard and summary, and a save/resume round trip through a temp database.
#include "gui_support.hpp"

#include "frontline/results/store.hpp"

using namespace frontline;
using namespace frontline::game;
using namespace frontline::game::test;

namespace {

struct Library {
    std::vector<LoadedScenario> loaded;
    Library() {
        for (const char* id : {"cold-meal", "late-checkout"})
            loaded.push_back(load_scenario(scenarios_dir / (std::string(id) + ".yaml")));
    }
    std::vector<WorkshopScenario> scenarios() const {
        std::vector<WorkshopScenario> out;
        for (const auto& l : loaded) out.push_back({&*l.scenario, &*l.bounds});
        return out;
    }
    results::WorkshopRecord setup(const std::string& style, int teams) const {
        results::WorkshopRecord r;
        r.title = "Test";
        r.style = style;
        r.decision_seconds = 60;
        for (int t = 0; t < teams; ++t) r.teams.push_back({"Team " + std::to_string(t), team_colors()[static_cast<size_t>(t)]});
        for (const auto& l : loaded) r.queue.push_back({l.scenario->id, l.scenario->content_hash, l.scenario->title});
        return r;
    }
};

/// Plays the current call to its end choosing the first visible option.
void play_out_first(Workshop& w) {
    size_t at = w.play_index();
    while (!w.finished() && w.play_index() == at) REQUIRE(w.choose(1));
}

}  // namespace

TEST_CASE("vote tally: majority wins, a tie goes to the option listed first and says so") {
    CHECK(tally({1, 5, 2})->winner == 2);
    CHECK_FALSE(tally({1, 5, 2})->tie_broken);
    auto tie = tally({0, 4, 4, 1});
    REQUIRE(tie);
    CHECK(tie->winner == 2);
    CHECK(tie->tie_broken);
    CHECK_FALSE(tally({0, 0, 0}));   // nobody voted
    CHECK_FALSE(tally({2, -1}));     // a negative count is a typo, not a vote
}

SCENARIO("hot seat: each team takes each call, the first seat rotating round by round") {
    Library lib;
    std::string error;
    auto w = Workshop::restore(lib.setup("hot-seat", 3), lib.scenarios(), error);
    REQUIRE(w);
    REQUIRE(w->plays().size() == 6);
    std::vector<int> order;
    for (const WorkshopPlay& p : w->plays()) order.push_back(p.team);
    CHECK(order == std::vector<int>{0, 1, 2, 1, 2, 0});
    CHECK_FALSE(w->vote({1, 0}));  // not a class vote

    WHEN("the timer runs, pauses and resets on a decision") {
        w->advance(20);
        CHECK(w->remaining() == Approx(40));
        w->paused = true;
        w->advance(100);
        CHECK(w->remaining() == Approx(40));
        w->paused = false;
        w->advance(50);
        CHECK(w->time_up());
        w->revealed = true;
        REQUIRE(w->choose(1));
        CHECK(w->remaining() == Approx(60));
        CHECK_FALSE(w->revealed);  // each decision is the room's before anything shows
    }
    WHEN("every team plays both calls") {
        while (!w->finished()) play_out_first(*w);
        WorkshopSummary s = w->summary();
        REQUIRE(s.scoreboard.size() == 3);
        REQUIRE(s.results.size() == 6);
        for (const TeamStanding& t : s.scoreboard) CHECK(t.calls == 2);
        // Same choices, same scores: the board is a tie kept in team order.
        CHECK(s.scoreboard[0].team == 0);
        CHECK(s.scoreboard[0].personal_percent == Approx(s.scoreboard[2].personal_percent));
        CHECK(s.splits.empty());
    }
}

SCENARIO("class vote: the majority proceeds, the split is recorded, and the summary ranks the splits") {
    Library lib;
    std::string error;
    auto w = Workshop::restore(lib.setup("class-vote", 2), lib.scenarios(), error);
    REQUIRE(w);
    REQUIRE(w->plays().size() == 2);
    CHECK(w->play().team == -1);
    CHECK_FALSE(w->choose(1));
    size_t options = w->call().choices().size();
    REQUIRE(options >= 2);
    std::vector<int> votes(options, 0);
    votes[0] = 3;
    votes[1] = 3;  // a tie: the first listed goes ahead
    int first = w->call().choices()[0];
    auto step = w->vote(votes);
    REQUIRE(step);
    CHECK(step->tie_broken);
    CHECK(step->choice_index == first);
    CHECK(step->votes == votes);
    std::vector<int> unanimous(w->call().choices().size(), 0);
    unanimous.back() = 9;
    REQUIRE(w->vote(unanimous));
    WorkshopSummary s = w->summary();
    REQUIRE(s.splits.size() == 1);  // the unanimous vote is not a split
    CHECK(s.splits[0].votes == votes);
    CHECK(s.splits[0].winner == 1);
    CHECK(s.splits[0].options.size() == options);
}

SCENARIO("a workshop saved step by step resumes exactly where it stopped") {
    const auto dir = std::filesystem::path(FRONTLINE_TEST_TMP) / "workshop-resume";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    Library lib;
    auto store = results::ResultsStore::open(dir / "results.db");
    REQUIRE(store.ok());
    results::WorkshopRecord setup = lib.setup("hot-seat", 3);
    auto id = store->create_workshop(setup);
    REQUIRE(id.ok());
    std::string error;
    auto w = Workshop::restore(setup, lib.scenarios(), error);
    REQUIRE(w);
    play_out_first(*w);  // team 0's whole call
    for (int i = 0; i < 2; ++i) REQUIRE(w->choose(2));
    for (const auto& s : w->record().steps) REQUIRE(store->record_workshop_step(*id, s).ok());

    auto saved = store->unfinished_workshops();
    REQUIRE(saved.ok());
    REQUIRE(saved->size() == 1);
    CHECK((*saved)[0].teams.size() == 3);
    CHECK((*saved)[0].steps.size() == w->record().steps.size());
    auto again = Workshop::restore((*saved)[0], lib.scenarios(), error);
    INFO(error);
    REQUIRE(again);
    CHECK(again->play_index() == w->play_index());
    CHECK(again->play().team == 1);
    CHECK(again->call().path() == w->call().path());
    CHECK(again->summary().results.size() == 1);

    REQUIRE(store->finish_workshop(*id).ok());
    CHECK(store->unfinished_workshops()->empty());
    CHECK_FALSE(store->record_workshop_step(*id, w->record().steps[0]).ok());
    std::filesystem::remove_all(dir);
}

SCENARIO("in hot seat, a team's phone votes are kept with its choice, which must be their majority") {
    Library lib;
    std::string error;
    auto w = Workshop::restore(lib.setup("hot-seat", 2), lib.scenarios(), error);
    REQUIRE(w);
    const size_t options = w->call().presented().size();
    REQUIRE(options >= 2);
    std::vector<int> votes(options, 0);
    votes[0] = 1;
    votes[1] = 1;                                          // a tie: the first listed goes ahead
    CHECK_FALSE(w->choose(2, votes));                      // not their majority
    CHECK_FALSE(w->choose(1, std::vector<int>(options)));  // nobody voted
    CHECK_FALSE(w->choose(1, {1}));                        // not one count per option
    CHECK(w->record().steps.empty());
    auto step = w->choose(1, votes);
    REQUIRE(step);
    CHECK(step->team == 0);
    CHECK(step->votes == votes);
    CHECK(step->tie_broken);
}

SCENARIO("a workshop keeps the port its phones joined on") {
    const auto dir = std::filesystem::path(FRONTLINE_TEST_TMP) / "workshop-phone-port";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    Library lib;
    auto store = results::ResultsStore::open(dir / "results.db");
    REQUIRE(store.ok());
    auto id = store->create_workshop(lib.setup("class-vote", 1));
    REQUIRE(id.ok());
    CHECK_FALSE(store->workshop(*id)->phone_port);  // typed votes
    REQUIRE(store->set_workshop_phone_port(*id, 48123).ok());
    CHECK(store->workshop(*id)->phone_port == 48123);
    CHECK((*store->unfinished_workshops())[0].phone_port == 48123);
    CHECK_FALSE(store->set_workshop_phone_port(*id, 70000).ok());
    CHECK_FALSE(store->set_workshop_phone_port(*id + 1, 8080).ok());
    REQUIRE(store->set_workshop_phone_port(*id, std::nullopt).ok());
    CHECK_FALSE(store->workshop(*id)->phone_port);
    std::filesystem::remove_all(dir);
}
