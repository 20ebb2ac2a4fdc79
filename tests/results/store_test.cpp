// The results store as the game and `play` use it: recording, resuming,
// discarding, and the progress screen's queries.
#include "fixtures.hpp"

#include "frontline/results/data_path.hpp"
#include "frontline/results/uuid.hpp"

#include <set>

using namespace frontline;
using namespace frontline::results;
using namespace frontline::results::testing;

namespace {
// cold-meal: the best call for the person is best in class; the worst is not.
const std::vector<int>& cold_meal_best() {
    static const std::vector<int> script = best_script(bundled("cold-meal"));
    return script;
}
const std::vector<int>& cold_meal_worst() {
    static const std::vector<int> script = worst_script(bundled("cold-meal"));
    return script;
}
}  // namespace

SCENARIO("a trainee's call is recorded choice by choice") {
    TempDir dir;
    GIVEN("a new store in a folder that does not exist yet") {
        const auto file = dir.path() / "nested" / "results.db";
        auto store = ResultsStore::open(file);
        REQUIRE(store.ok());
        CHECK(std::filesystem::exists(file));
        const Fixture& f = bundled("cold-meal");

        WHEN("a call is started and two choices are made") {
            auto id = store->start_attempt("  Ana  ", f.scenario, AttemptMode::practice, "terminal");
            REQUIRE(id.ok());
            Runner run(f.scenario);
            for (int n : {cold_meal_best()[0], cold_meal_best()[1]}) {
                REQUIRE(run.choose_visible(n, 4.25));
                REQUIRE(store->record_choice(*id, f.scenario, last_choice(run)).ok());
            }
            THEN("the attempt is unfinished, with both choices, their deltas and skills") {
                auto d = store->attempt(*id);
                REQUIRE(d.ok());
                CHECK(d->summary.trainee == "Ana");
                CHECK(d->summary.scenario_id == "cold-meal");
                CHECK(d->summary.content_hash == f.scenario.content_hash);
                CHECK(is_uuid(d->summary.registration));
                CHECK_FALSE(d->summary.finished());
                REQUIRE(d->choices.size() == 2);
                const TranscriptEntry& second = last_choice(run);
                CHECK(d->choices[1].turn == 1);
                CHECK(d->choices[1].node == f.scenario.node(second.node).id);
                CHECK(d->choices[1].say == second.text);
                CHECK(d->choices[1].technical == second.technical);
                CHECK(d->choices[1].mood_after == second.mood_after);
                CHECK(d->choices[1].seconds == Approx(4.25));
                // The store keeps skills as a set (one row each); compare them as sets.
                auto stored = d->choices[1].skills;
                auto written = f.scenario.node(second.node).choice(second.choice).skills;
                std::sort(stored.begin(), stored.end());
                std::sort(written.begin(), written.end());
                CHECK(stored == written);
                CHECK(d->path() == run.path());
            }
            THEN("it is listed as unfinished for the trainee, whatever the case of the name") {
                auto open = store->unfinished_attempts("ANA");
                REQUIRE(open.ok());
                REQUIRE(open->size() == 1);
                CHECK(open->front().id == *id);
                CHECK(open->front().choices == 2);
            }
            AND_WHEN("the call is resumed by replaying the stored path and finished") {
                auto d = store->attempt(*id);
                REQUIRE(d.ok());
                Runner resumed = replay(f.scenario, d->path());
                CHECK(resumed.state() == run.state());
                for (size_t i = 2; i < cold_meal_best().size() && !resumed.finished(); ++i) {
                    REQUIRE(resumed.choose_visible(cold_meal_best()[i], 1.0));
                    REQUIRE(store->record_choice(*id, f.scenario, last_choice(resumed)).ok());
                }
                const AttemptScore score = score_attempt(f.scenario, f.bounds, resumed);
                REQUIRE(store->finish_attempt(*id, f.scenario, score).ok());
                THEN("it is finished with the scores, ending and quadrant") {
                    auto done = store->attempt(*id);
                    REQUIRE(done.ok());
                    REQUIRE(done->summary.score);
                    const StoredScore& s = *done->summary.score;
                    CHECK(s.quadrant == score.quadrant);
                    CHECK(s.technical == score.technical);
                    CHECK(s.personal_percent == Approx(score.personal_percent));
                    CHECK(s.technical_pass == f.scenario.pass.technical);
                    CHECK(s.ending == f.scenario.ending(score.ending).id);
                    CHECK(s.mood == score.mood);
                    CHECK(store->unfinished_attempts("Ana")->empty());
                }
                THEN("no more choices or a second finish are accepted") {
                    auto again = store->finish_attempt(*id, f.scenario, score);
                    REQUIRE_FALSE(again.ok());
                    CHECK(again.error().kind == StoreError::Kind::invalid);
                    CHECK(again.error().message.find("already finished") != std::string::npos);
                }
            }
            AND_WHEN("the attempt is discarded") {
                REQUIRE(store->discard_attempt(*id).ok());
                THEN("it and its choices are gone, and discarding again says there is no such attempt") {
                    CHECK_FALSE(store->attempt(*id).ok());
                    CHECK(store->attempts()->empty());
                    auto again = store->discard_attempt(*id);
                    REQUIRE_FALSE(again.ok());
                    CHECK(again.error().kind == StoreError::Kind::invalid);
                }
            }
        }
        WHEN("a trainee name is empty or has control characters") {
            const Fixture& cm = bundled("cold-meal");
            THEN("the attempt is refused with a reason") {
                auto empty = store->start_attempt("   ", cm.scenario, AttemptMode::practice, "terminal");
                REQUIRE_FALSE(empty.ok());
                CHECK(empty.error().kind == StoreError::Kind::invalid);
                CHECK_FALSE(store->add_trainee("a\nb").ok());
            }
        }
    }
}

SCENARIO("the progress screen's queries") {
    TempDir dir;
    auto store = ResultsStore::open(dir.db());
    REQUIRE(store.ok());
    const Fixture& cold = bundled("cold-meal");
    const Fixture& sold = bundled("sold-out-order");
    GIVEN("Ana played cold-meal badly, then well, and sold-out-order once; Ben played once") {
        const AttemptId worst = record_call(*store, "Ana", cold, cold_meal_worst());
        const AttemptId best = record_call(*store, "Ana", cold, cold_meal_best(), AttemptMode::assessment);
        // No thinking time: record_finished_attempt dates the start that much before now.
        Runner sold_run = play_path(sold.scenario, best_script(sold), 0.0);
        REQUIRE(store->record_finished_attempt("Ana", sold.scenario, AttemptMode::practice, "game", sold_run,
                                               score_attempt(sold.scenario, sold.bounds, sold_run))
                    .ok());
        record_call(*store, "Ben", cold, cold_meal_worst());
        REQUIRE(store->start_attempt("Ana", cold.scenario, AttemptMode::practice, "game").ok());  // unfinished

        THEN("trainees are listed with their counts") {
            auto t = store->trainees();
            REQUIRE(t.ok());
            REQUIRE(t->size() == 2);
            CHECK(t->at(0).name == "Ana");
            CHECK(t->at(0).attempts == 4);
            CHECK(t->at(0).finished == 3);
            CHECK(t->at(1).name == "Ben");
        }
        THEN("attempts over time come oldest first, filtered by trainee") {
            AttemptFilter f;
            f.trainee = "Ana";
            f.finished_only = true;
            auto a = store->attempts(f);
            REQUIRE(a.ok());
            REQUIRE(a->size() == 3);
            CHECK(a->at(0).id == worst);
            CHECK(a->at(1).id == best);
            CHECK(a->at(1).mode == AttemptMode::assessment);
            CHECK(a->at(2).front_end == "game");
            CHECK(a->at(0).started_at <= a->at(1).started_at);
        }
        THEN("the best per scenario is the best-in-class attempt, with the number of tries") {
            auto b = store->best_per_scenario("Ana");
            REQUIRE(b.ok());
            REQUIRE(b->size() == 2);
            const ScenarioBest& c = b->at(0).scenario_id == "cold-meal" ? b->at(0) : b->at(1);
            CHECK(c.best.id == best);
            CHECK(c.attempts == 2);
            CHECK(c.best.score->quadrant == Quadrant::best_in_class);
            auto one = store->best_for_scenario("Ana", "cold-meal", cold.scenario.content_hash);
            REQUIRE(one.ok());
            REQUIRE(one->has_value());
            CHECK((*one)->best.id == best);
            CHECK_FALSE(store->best_for_scenario("Ana", "cold-meal", "another-version")->has_value());
        }
        THEN("the quadrant counts cover all four quadrants and every finished attempt") {
            auto q = store->quadrant_counts("Ana");
            REQUIRE(q.ok());
            REQUIRE(q->size() == 4);
            int total = 0;
            for (const auto& c : *q) total += c.attempts;
            CHECK(total == 3);
            CHECK(q->at(0).quadrant == Quadrant::best_in_class);
            CHECK(q->at(0).attempts >= 1);
        }
        THEN("the skill profile lists the known skills first and counts choices tagged with each") {
            auto p = store->skill_profile("Ana");
            REQUIRE(p.ok());
            REQUIRE(p->size() >= known_skills().size());
            for (size_t i = 0; i < known_skills().size(); ++i) CHECK(p->at(i).skill == known_skills()[i]);
            // Count the tags on Ana's recorded choices independently.
            std::map<std::string, int> expected;
            auto details = store->attempt_details({"Ana", "", false, false});
            REQUIRE(details.ok());
            for (const AttemptDetail& d : *details)
                for (const ChoiceRecord& c : d.choices)
                    for (const std::string& s : c.skills) expected[s] += 1;
            int nonzero = 0;
            for (const SkillCount& c : *p) {
                CHECK(c.choices == expected[c.skill]);
                nonzero += c.choices > 0;
            }
            CHECK(nonzero >= 3);
        }
    }
}

TEST_CASE("registration and statement ids are random version 4 UUIDs") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        auto u = random_uuid();
        REQUIRE(u);
        CHECK(is_uuid(*u));
        CHECK((*u)[14] == '4');
        CHECK(std::string("89ab").find((*u)[19]) != std::string::npos);
        seen.insert(*u);
    }
    CHECK(seen.size() == 200);
}

TEST_CASE("the data path: explicit, then FRONTLINE_DATA, then XDG_DATA_HOME, then ~/.local/share") {
    TempDir dir;
    // Restores the variables this test changes, so no later test sees them.
    struct SavedEnv {
        std::vector<std::pair<std::string, std::optional<std::string>>> saved;
        SavedEnv() {
            for (const char* name : {"FRONTLINE_DATA", "XDG_DATA_HOME", "HOME"}) {
                const char* v = std::getenv(name);
                saved.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
            }
        }
        ~SavedEnv() {
            for (auto& [name, value] : saved) value ? setenv(name.c_str(), value->c_str(), 1) : unsetenv(name.c_str());
        }
    } saved_env;
    CHECK(results_path((dir.path() / "x.db").string()) == dir.path() / "x.db");
    CHECK(results_path(dir.path().string()) == dir.path() / "results.db");  // a folder means results.db in it
    setenv("FRONTLINE_DATA", (dir.path() / "env.db").c_str(), 1);
    CHECK(results_path() == dir.path() / "env.db");
    unsetenv("FRONTLINE_DATA");
    setenv("XDG_DATA_HOME", dir.path().c_str(), 1);
    CHECK(results_path() == dir.path() / "frontline" / "results.db");
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    setenv("HOME", "/home/someone", 1);
    CHECK(results_path() == std::filesystem::path("/home/someone/.local/share/frontline/results.db"));
}

SCENARIO("the order a trainee saw is kept with the attempt") {
    TempDir dir;
    auto store = ResultsStore::open(dir.db());
    REQUIRE(store.ok());
    const Fixture& f = bundled("cold-meal");
    GIVEN("a call shown in the shuffled order of seed 4711, answered by screen position") {
        const ChoiceOrder order = ChoiceOrder::shuffled(4711);
        auto id = store->start_attempt("Ana", f.scenario, AttemptMode::practice, "terminal", order);
        REQUIRE(id.ok());
        Runner run(f.scenario, order);
        REQUIRE(run.choose_presented(2, 1.0));
        REQUIRE(store->record_choice(*id, f.scenario, last_choice(run)).ok());
        THEN("the seed, and where the choice was on screen and in the file, come back") {
            auto d = store->attempt(*id);
            REQUIRE(d.ok());
            REQUIRE(d->summary.shuffle_seed);
            CHECK(*d->summary.shuffle_seed == 4711);
            REQUIRE(d->choices.size() == 1);
            CHECK(d->choices[0].presented == 2);
            CHECK(d->choices[0].shown == last_choice(run).shown);
            AND_THEN("replaying with that seed shows the trainee the same order again") {
                Runner again = replay(f.scenario, d->path(), nullptr, ChoiceOrder::shuffled(*d->summary.shuffle_seed));
                CHECK(again.transcript()[1].presented == 2);
            }
        }
    }
    GIVEN("a call in the author's order") {
        auto id = store->start_attempt("Ben", f.scenario, AttemptMode::practice, "terminal");
        REQUIRE(id.ok());
        THEN("no seed is stored") { CHECK_FALSE(store->attempt(*id)->summary.shuffle_seed); }
    }
    GIVEN("a finished call on a scenario whose technical need cannot be fully met") {
        const Fixture& sold = bundled("sold-out-order");
        const AttemptId id = record_call(*store, "Cat", sold, best_script(sold));
        THEN("the full marks the percentages were taken of are kept beside the best achievable") {
            // A copy: attempt() returns by value, so a reference into it would dangle.
            const StoredScore s = *store->attempt(id)->summary.score;
            CHECK(s.full_technical == sold.bounds.full_technical);
            CHECK(s.best_technical == sold.bounds.best_technical);
            CHECK(s.technical_percent == Approx(100.0 * static_cast<double>(s.technical) / static_cast<double>(s.full_technical)));
        }
    }
}
