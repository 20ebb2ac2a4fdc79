// Author tools in the game: hot reload of the open scenario while a call is in
// progress (watch mode), played through the real GUI on an injected clock.
#include "gui_support.hpp"

#include <fstream>
#include <regex>

using namespace frontline;
using namespace frontline::game;
using namespace frontline::game::test;

namespace {

// The kettle, without patience or walkout so the clock and mood never end the call.
std::string kettle(const std::string& angry_line, int overfill_personal) {
    return R"(id: kettle
title: The Leaking Kettle
summary: A customer brings back a kettle that leaks.
difficulty: 1
skills: [human-touch]
customer:
  name: Robin
  mood: 40
needs:
  technical: A working kettle today.
  personal: To be believed, not blamed.
start: opening
nodes:
  opening:
    customer: "This kettle leaks. I bought it here last week."
    choices:
      - say: "I'm sorry. Let me swap it for you right now."
        technical: 2
        personal: 2
        next: satisfied
      - say: "Did you overfill it?"
        personal: )" + std::to_string(overfill_personal) + R"(
        mood: -5
        next: angry
  angry:
    customer: ")" + angry_line + R"("
    choices:
      - say: "Not at all, I'm sorry. Let me swap it."
        technical: 2
        personal: 1
        next: satisfied
      - say: "Let me just read the manual first."
        mood: -5
        next: angry
endings:
  satisfied: {outcome: satisfied, text: "Robin leaves with a new kettle."}
)";
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::string last_customer_line(const Runner& r) {
    for (auto it = r.transcript().rbegin(); it != r.transcript().rend(); ++it)
        if (it->kind == TranscriptEntry::Kind::customer) return it->text;
    return "";
}

}  // namespace

SCENARIO("an author saves the scenario mid-call and the game reloads it, keeping the path") {
    const std::filesystem::path dir = std::filesystem::path(FRONTLINE_TEST_TMP) / "hot-reload";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::filesystem::path file = dir / "kettle.yaml";
    write_file(file, kettle("Are you saying it's my fault?", -2));

    GIVEN("the scenario opened with watch on and two choices made") {
        GameOptions o;
        o.open_directly = file;
        o.watch = true;
        o.no_shuffle = true;  // the author's order: the keys below name choices by position
        auto game = start_game(o);
        GameState& g = game->game();
        REQUIRE(g.watch);
        REQUIRE(g.screen == Screen::briefing);
        game->press(SDL_SCANCODE_RETURN);
        REQUIRE(g.screen == Screen::call);
        press_choice(*game, 2);  // "Did you overfill it?"
        press_choice(*game, 2);  // "Let me just read the manual first."
        REQUIRE(g.call->runner.path() == std::vector<int>{1, 1});
        CHECK(g.call->runner.state().personal == -2);

        WHEN("the file is saved with a new customer line and new points") {
            write_file(file, kettle("So this is my fault now, is it?", -3));
            game->wait(1.0);  // the game polls every 250 ms of its clock

            THEN("the same two choices are replayed on the new version and the new line shows") {
                REQUIRE(g.screen == Screen::call);
                CHECK(g.call->runner.path() == std::vector<int>{1, 1});
                CHECK(g.call->runner.state().personal == -3);
                CHECK(g.call->runner.state().technical == 0);
                CHECK(last_customer_line(g.call->runner) == "So this is my fault now, is it?");
                CHECK(current_scenario(g).nodes[1].customer[0].text == "So this is my fault now, is it?");
                CHECK(g.reload_dropped == 0);
                CHECK(g.call->runner.path().size() == 2);
                CHECK_FALSE(game->has("reload diagnostics"));
            }

            AND_WHEN("a broken version is saved") {
                write_file(file, kettle("So this is my fault now, is it?", -3) + "        next: nowhere_at_all\n");
                game->wait(1.0);

                THEN("the overlay lists file:line:col diagnostics and the last good version still plays") {
                    REQUIRE(game->has("reload diagnostics"));
                    REQUIRE(game->has("reload diagnostic 1"));
                    REQUIRE_FALSE(g.reload_diagnostics.items().empty());
                    const std::string first = format_diagnostic(g.reload_diagnostics.items().front());
                    INFO(first);
                    CHECK(std::regex_search(first, std::regex(R"(kettle\.yaml:\d+:\d+)")));
                    REQUIRE(g.screen == Screen::call);
                    CHECK(g.call->runner.path() == std::vector<int>{1, 1});
                    // The box sits left of the customer's line and the answers, never over them.
                    const float box_right = game->ui().widgets.at("reload diagnostics").max.x;
                    CHECK(box_right <= game->ui().widgets.at("choice 1").min.x);
                    click(*game, "choice 1");  // the overlay lets clicks through: "Not at all, I'm sorry."
                    REQUIRE(g.screen == Screen::debrief);
                    CHECK(g.call->runner.ending()->id == "satisfied");
                    CHECK(game->has("reload diagnostics"));  // still broken on disk

                    AND_WHEN("the file is fixed") {
                        write_file(file, kettle("Fixed: is it my fault?", -3));
                        game->wait(1.0);
                        THEN("the overlay goes and the debrief shows the call on the fixed version") {
                            CHECK_FALSE(game->has("reload diagnostics"));
                            CHECK(g.reload_diagnostics.items().empty());
                            REQUIRE(g.screen == Screen::debrief);
                            CHECK(g.call->runner.path() == std::vector<int>{1, 1, 0});
                            CHECK(current_scenario(g).nodes[1].customer[0].text == "Fixed: is it my fault?");
                        }
                    }
                }
            }
        }
    }
}

SCENARIO("watch is an author toggle in the settings") {
    GameOptions o;
    o.open_directly = data_dir / "kettle.yaml";
    auto game = start_game(o);
    GameState& g = game->game();
    CHECK_FALSE(g.watch);
    CHECK(game->app().wake_after_ms() < 0);  // idle: sleeps until input
    game->press(SDL_SCANCODE_F2);
    REQUIRE(g.screen == Screen::settings);
    click(*game, "watch");
    game->frames(2);
    CHECK(g.watch);
    CHECK(game->app().wake_after_ms() == 250);  // wakes four times a second to poll, no busy loop
    click(*game, "watch");
    game->frames(2);
    CHECK_FALSE(g.watch);
}

namespace {

int node_index(const Scenario& s, const std::string& id) {
    for (size_t i = 0; i < s.nodes.size(); ++i)
        if (s.nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

int var_index(const Scenario& s, const std::string& name) {
    for (size_t i = 0; i < s.vars.size(); ++i)
        if (s.vars[i].name == name) return static_cast<int>(i);
    return -1;
}

}  // namespace

SCENARIO("the author map of the cold meal, and a playtest from one of its nodes") {
    Settings author;
    author.author_tools = true;
    auto game = start_game(bundled(), 1280, 720, author);
    GameState& g = game->game();
    const int cold = index_of(g, "cold-meal");
    REQUIRE(cold >= 0);
    const Scenario& s = g.library[static_cast<size_t>(cold)].scenario();
    apply(g, intent::OpenScenario{cold});
    game->frames(2);
    REQUIRE(g.screen == Screen::briefing);
    CHECK(game->has("author map"));  // the briefing has a button for it
    click(*game, "author map");
    REQUIRE(g.screen == Screen::author_map);
    CHECK(game->ui().map_current == g.author_map->box_of({Target::Kind::node, s.start}));  // no call yet: the start
    game->press(SDL_SCANCODE_ESCAPE);
    REQUIRE(g.screen == Screen::briefing);
    click(*game, "start");
    REQUIRE(g.screen == Screen::call);
    const int promised = node_index(s, "promised_wait");
    REQUIRE(promised >= 0);
    // The opening answer that promises a time nobody checked leads to promised_wait.
    const auto& opening = s.nodes[static_cast<size_t>(s.start)].choices;
    const auto unchecked = std::find_if(opening.begin(), opening.end(), [&](const Choice& c) {
        return c.next == Target{Target::Kind::node, promised};
    });
    REQUIRE(unchecked != opening.end());
    press_choice(*game, visible_number(g.call->runner, static_cast<int>(unchecked - opening.begin())));
    REQUIRE(g.call->runner.state().node == promised);

    WHEN("the author presses M during the call") {
        game->press(SDL_SCANCODE_M);
        REQUIRE(g.screen == Screen::author_map);
        REQUIRE(g.author_map);
        const AuthorMap& m = *g.author_map;

        THEN("the layout has every node and ending, endings last, and the best path from the start") {
            CHECK(m.boxes.size() == s.nodes.size() + s.endings.size());
            for (const MapBox& b : m.boxes) {
                if (b.target.is_ending()) CHECK(b.layer == m.layers - 1);
                else CHECK(b.layer < m.layers - 1);
            }
            CHECK(m.boxes[static_cast<size_t>(m.box_of({Target::Kind::node, s.start}))].layer == 0);
            CHECK(m.boxes[static_cast<size_t>(m.box_of({Target::Kind::node, s.start}))].on_best_path);
            CHECK(std::any_of(m.boxes.begin(), m.boxes.end(), [](const MapBox& b) { return b.target.is_ending() && b.on_best_path; }));
            CHECK(std::any_of(m.edges.begin(), m.edges.end(), [](const MapEdge& e) { return e.on_best_path; }));
            for (const Node& n : s.nodes) CHECK(game->has("map node " + n.id));
            for (const Ending& e : s.endings) CHECK(game->has("map ending " + e.id));
        }
        THEN("the current node is the one highlighted") {
            CHECK(game->ui().map_current == m.box_of({Target::Kind::node, promised}));
        }
        THEN("M goes back to the call where it was") {
            game->press(SDL_SCANCODE_M);
            CHECK(g.screen == Screen::call);
            CHECK(g.call->runner.state().node == promised);
        }

        AND_WHEN("a node is clicked, a variable and the mood are set and the playtest starts") {
            const int bill = node_index(s, "bill_time");
            const int comped = var_index(s, "comped");
            REQUIRE(bill >= 0);
            REQUIRE(comped >= 0);
            scroll_to(*game, "map", "map node bill_time");
            click(*game, "map node bill_time");
            game->frames(2);
            REQUIRE(game->has("playtest form"));
            CHECK(game->ui().playtest_draft.node == bill);
            click(*game, "var comped");
            REQUIRE(game->type_into("mood", "30"));
            game->frames(1);
            CHECK(game->ui().playtest_draft.mood == 30);
            click(*game, "start playtest");
            game->frames(1);

            THEN("the call is at that node with those values, and plays to an ending unrecorded") {
                REQUIRE(g.screen == Screen::call);
                CHECK(in_playtest(g));
                CHECK(g.call->runner.state().node == bill);
                CHECK(g.call->runner.state().vars[static_cast<size_t>(comped)] == 1);
                CHECK(g.call->runner.state().mood == 30);
                CHECK(g.call->runner.transcript().front().node == bill);
                // The best play from here, whatever the order on screen.
                const int start_node = g.call->runner.state().node;
                for (int turn = 0; turn < 20 && g.screen == Screen::call; ++turn) {
                    const std::vector<int> best = planned_path_from(s, g.call->runner.state());
                    REQUIRE_FALSE(best.empty());
                    press_choice(*game, visible_number(g.call->runner, best.front()));
                }
                REQUIRE(g.screen == Screen::debrief);
                CHECK(g.call->runner.finished());
                CHECK(g.session_best.empty());  // a playtest is nobody's result
                AND_THEN("it is scored from where it started: the best play from there is 100% on both needs") {
                    CHECK(g.call->score->technical_percent == Approx(100));
                    CHECK(g.call->score->personal_percent == Approx(100));
                    CHECK(game->has("playtest note"));
                }
                AND_WHEN("Retry is pressed") {
                    click(*game, "retry");
                    THEN("the playtest starts again from its node with its values, still unrecorded") {
                        REQUIRE(g.screen == Screen::call);
                        CHECK(in_playtest(g));
                        CHECK(g.call->runner.path().empty());
                        CHECK(g.call->runner.state().node == start_node);
                        CHECK(g.call->runner.state().mood == 30);
                    }
                }
            }
        }
    }
}

SCENARIO("trainees never see the author map in assessment mode, and in coach mode only with author tools on") {
    GIVEN("the default settings (author tools off)") {
        auto game = start_game(bundled());
        GameState& g = game->game();
        apply(g, intent::OpenScenario{index_of(g, "cold-meal")});
        game->frames(2);
        THEN("the briefing offers no map, and M does nothing, in either mode") {
            CHECK_FALSE(game->has("author map"));
            game->press(SDL_SCANCODE_M);
            CHECK(g.screen == Screen::briefing);
            click(*game, "start");
            REQUIRE(g.screen == Screen::call);
            game->press(SDL_SCANCODE_M);
            CHECK(g.screen == Screen::call);
        }
    }
    GIVEN("author tools switched on in the settings") {
        Settings author;
        author.author_tools = true;
        auto game = start_game(bundled(), 1280, 720, author);
        GameState& g = game->game();
        apply(g, intent::OpenScenario{index_of(g, "cold-meal")});
        game->frames(2);
        WHEN("the call is taken in assessment mode") {
            click(*game, "assessment");
            THEN("the briefing hides the map") { CHECK_FALSE(game->has("author map")); }
            click(*game, "start");
            REQUIRE(g.screen == Screen::call);
            game->press(SDL_SCANCODE_M);
            THEN("M during the call does not open it, nor does the intent") {
                CHECK(g.screen == Screen::call);
                apply(g, intent::OpenMap{});
                CHECK(g.screen == Screen::call);
            }
        }
        WHEN("in coach mode") {
            THEN("the map is offered") { CHECK(game->has("author map")); }
        }
    }
}
