// Hot reload: a saved file is noticed, the call keeps its place, a broken save
// shows diagnostics and keeps the last good version.
#include "fixtures.hpp"

#include "frontline/scenario_watcher.hpp"

#include <fstream>
#include <thread>

using namespace frontline;
using frontline::test::scenario_header;

namespace {

const std::string version_one = scenario_header + R"(start: a
nodes:
  a:
    customer: Hi.
    choices:
      - say: Hello there.
        next: b
      - say: What?
        next: done
  b:
    customer: I need help.
    choices:
      - say: Of course.
        next: done
endings:
  done: {outcome: satisfied, text: Done.}
)";

struct TempFile {
    std::filesystem::path path;
    explicit TempFile(const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("frontline-watch-" + std::to_string(::getpid()) + "-" + name)) {}
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
    void write(const std::string& text) const {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << text;
    }
};

std::string replace(std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
}

}  // namespace

SCENARIO("the watcher notices saved changes, not touches") {
    GIVEN("a watched file") {
        TempFile file("a.yaml");
        file.write("one");
        ScenarioWatcher watcher(file.path, std::chrono::milliseconds(0));
        THEN("nothing has changed yet") { CHECK_FALSE(watcher.check_now()); }
        WHEN("it is saved with new content") {
            file.write("two, longer");
            THEN("the change is reported once") {
                CHECK(watcher.check_now());
                CHECK_FALSE(watcher.check_now());
            }
        }
        WHEN("it is saved with the same content") {
            std::filesystem::last_write_time(file.path, std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
            THEN("it is not a change") { CHECK_FALSE(watcher.check_now()); }
        }
        WHEN("polled faster than its interval") {
            ScenarioWatcher slow(file.path, std::chrono::hours(1));
            file.write("three, longer still");
            THEN("poll waits, check_now does not") {
                CHECK_FALSE(slow.poll());
                CHECK(slow.check_now());
            }
        }
    }
}

SCENARIO("reloading keeps the trainee's path where the choices still exist") {
    GIVEN("a call two choices in") {
        LoadedScenario first = frontline::test::load_clean(version_one);
        Runner run(*first.scenario);
        REQUIRE(run.choose(0));
        std::vector<ReplayStep> steps = replay_steps(run);
        WHEN("a choice is reordered and another reworded") {
            std::string edited = replace(version_one, "      - say: Hello there.\n        next: b\n      - say: What?\n        next: done\n",
                                         "      - say: What?\n        next: done\n      - say: Hello there.\n        next: b\n");
            LoadedScenario second = frontline::test::load_clean(edited);
            ReloadedCall call = reload_keeping_path(steps, *second.scenario);
            THEN("the same text is found in its new place") {
                CHECK(call.kept == 1);
                CHECK(call.dropped == 0);
                CHECK(call.runner.node()->id == "b");
            }
        }
        WHEN("the choice is reworded in place") {
            LoadedScenario second = frontline::test::load_clean(replace(version_one, "Hello there.", "Hi, hello."));
            ReloadedCall call = reload_keeping_path(steps, *second.scenario);
            THEN("the same index is used") {
                CHECK(call.kept == 1);
                CHECK(call.runner.node()->id == "b");
            }
        }
        WHEN("the choice is gone") {
            // Its text is gone and its slot now holds a choice that is never shown.
            std::string edited = replace(version_one, "      - say: Hello there.\n        next: b\n", "      - say: Hm.\n        if: mood > 100\n        next: b\n");
            LoadedScenario second = frontline::test::load_clean(edited);
            ReloadedCall call = reload_keeping_path(steps, *second.scenario);
            THEN("the call restarts from there and says how much was dropped") {
                CHECK(call.kept == 0);
                CHECK(call.dropped == 1);
                REQUIRE(call.runner.node());
                CHECK(call.runner.node()->id == "a");
            }
        }
    }
}

SCENARIO("a live scenario survives a broken save") {
    GIVEN("a live scenario with a call in progress") {
        TempFile file("live.yaml");
        file.write(version_one);
        LiveScenario live(file.path, std::chrono::milliseconds(0));
        REQUIRE(live.scenario());
        REQUIRE(live.runner()->choose(0));
        WHEN("the author saves a broken file") {
            file.write(replace(version_one, "next: done\n  b:", "next: nowhere\n  b:"));
            REQUIRE(live.update());
            THEN("the diagnostics are there to show and the call goes on") {
                CHECK(live.broken());
                CHECK(live.diagnostics().items().at(0).code == "FL020");
                REQUIRE(live.scenario());
                CHECK(live.runner()->node()->id == "b");
            }
            AND_WHEN("the author fixes it with new wording") {
                file.write(replace(version_one, "I need help.", "I really need help."));
                REQUIRE(live.update());
                THEN("the new version is live at the same place") {
                    CHECK_FALSE(live.broken());
                    CHECK(live.runner()->node()->customer[0].text == "I really need help.");
                    CHECK(live.dropped_steps() == 0);
                }
            }
        }
    }
}
