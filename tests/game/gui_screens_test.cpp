// Screens that are not a call: diagnostics, settings, layout at projector
// scales and 4K, and the screenshots the README shows.
#include "gui_support.hpp"

#include <SDL.h>

#include <fstream>

using namespace frontline;
using namespace frontline::game;
using namespace frontline::game::test;

SCENARIO("a scenario that fails to load shows its diagnostics in the game") {
    GIVEN("`frontline play --gui broken.yaml`") {
        GameOptions o;
        o.open_directly = data_dir / "broken.yaml";
        auto game = start_game(o);
        THEN("the diagnostics screen lists file:line:col, and Esc quits") {
            CHECK(game->game().screen == Screen::diagnostics);
            CHECK(game->has("diagnostics"));
            const auto& items = game->game().library[0].loaded.diagnostics.items();
            REQUIRE_FALSE(items.empty());
            CHECK(format_diagnostic(items[0]).find("broken.yaml:21:15") != std::string::npos);
            game->press(SDL_SCANCODE_ESCAPE);
            CHECK(game->game().quit);
        }
    }
    GIVEN("a library with a broken file in it") {
        GameOptions o;
        o.scenario_paths = {data_dir};
        auto game = start_game(o);
        GameState& g = game->game();
        int broken = g.library[0].ok() ? 1 : 0;
        THEN("its card opens the diagnostics and Esc comes back") {
            click(*game, "card " + std::to_string(broken));
            CHECK(g.screen == Screen::diagnostics);
            game->press(SDL_SCANCODE_ESCAPE);
            CHECK(g.screen == Screen::library);
        }
        THEN("the skill filter hides it and a click on 'All skills' brings it back") {
            click(*game, "filter manage-expectations");
            CHECK(visible_library(g).size() == 1);
            CHECK_FALSE(game->has("card " + std::to_string(broken)));
            click(*game, "filter all");
            CHECK(game->has("card " + std::to_string(broken)));
        }
    }
}

SCENARIO("settings change the game at once") {
    GameOptions o;
    o.scenario_paths = {data_dir / "kettle.yaml"};
    auto game = start_game(o);
    GameState& g = game->game();
    WHEN("the trainer opens settings with F2 and picks 150%, high contrast and reduced motion") {
        game->press(SDL_SCANCODE_F2);
        REQUIRE(g.screen == Screen::settings);
        click(*game, "scale 150");
        click(*game, "high contrast");
        click(*game, "reduced motion");
        THEN("the settings hold them and the fonts were rebuilt at 150%") {
            CHECK(g.settings.ui_scale_percent == 150);
            CHECK(g.settings.high_contrast);
            CHECK(g.settings.reduced_motion);
            CHECK(ImGui::GetFontSize() == Approx(30.0f));
            game->press(SDL_SCANCODE_ESCAPE);
            click(*game, "card 0");
            game->press(SDL_SCANCODE_RETURN);
            CHECK(g.screen == Screen::call);
            CHECK(game->screenshot(std::filesystem::path(FRONTLINE_TEST_TMP) / "high-contrast-150-call.png"));
        }
        AND_WHEN("Esc closes settings") {
            game->press(SDL_SCANCODE_ESCAPE);
            THEN("the library is back") { CHECK(g.screen == Screen::library); }
        }
    }
    WHEN("Ctrl+Plus is pressed twice and Ctrl+Minus once") {
        game->press(SDL_SCANCODE_EQUALS, true);
        game->press(SDL_SCANCODE_EQUALS, true);
        game->press(SDL_SCANCODE_MINUS, true);
        THEN("the scale is 125%") { CHECK(g.settings.ui_scale_percent == 125); }
    }
}

SCENARIO("the call and debrief layouts survive 1280x720 at 200% and 4K at 100%") {
    struct Case {
        int w, h, scale;
    };
    for (Case c : {Case{1280, 720, 200}, Case{3840, 2160, 100}, Case{960, 600, 150}}) {
        GIVEN(std::to_string(c.w) + "x" + std::to_string(c.h) + " at " + std::to_string(c.scale) + "%") {
            Settings s;
            s.ui_scale_percent = c.scale;
            auto game = start_game(bundled(), c.w, c.h, s);
            GameState& g = game->game();
            int cold = index_of(g, "cold-meal");
            REQUIRE(cold >= 0);
            scroll_library_to(*game, "card " + std::to_string(cold));
            click(*game, "card " + std::to_string(cold));
            click(*game, "start");
            REQUIRE(g.screen == Screen::call);
            // Kept for a human to look at when this fails.
            const std::string name = std::to_string(c.w) + "x" + std::to_string(c.h) + "-" + std::to_string(c.scale);
            game->screenshot(std::filesystem::path(FRONTLINE_TEST_TMP) / ("layout-" + name + "-call.png"));
            THEN("the first choice shows, and every choice is on screen or a scroll away inside the window") {
                CHECK(game->has("choice 1"));
                size_t n = g.call->runner.choices().size();
                for (size_t i = 1; i <= n; ++i) {
                    std::string id = "choice " + std::to_string(i);
                    scroll_to(*game, "choices", id);
                    const WidgetRect& r = game->ui().widgets.at(id);
                    CHECK(r.min.x >= 0);
                    CHECK(r.max.x <= static_cast<float>(c.w));
                    CHECK(r.max.y <= static_cast<float>(c.h));
                }
                CHECK(game->has("leave"));
                CHECK(game->has("meters"));
            }
            THEN("after a call the debrief's buttons and charts are on screen") {
                for (int choice : planned_path(g.library[static_cast<size_t>(cold)].scenario(), Need::personal))
                    press_choice(*game, visible_number(g.call->runner, choice));
                REQUIRE(g.screen == Screen::debrief);
                game->screenshot(std::filesystem::path(FRONTLINE_TEST_TMP) / ("layout-" + name + "-debrief.png"));
                for (const char* w : {"retry", "library", "quadrant chart"}) CHECK(game->has(w));
            }
        }
    }
}

SCENARIO("the README's screenshots are regenerated by one call") {
    auto dir = std::filesystem::path(FRONTLINE_TEST_TMP) / "screenshots";
    std::filesystem::remove_all(dir);
    GameOptions o = bundled();
    CHECK(take_screenshots(o, dir) == 0);
    for (const char* name : {"library.png", "call.png", "debrief.png", "chat.png"}) {
        INFO(name);
        std::ifstream in(dir / name, std::ios::binary);
        REQUIRE(in);
        char sig[8] = {};
        in.read(sig, 8);
        CHECK(std::string(sig, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
        CHECK(std::filesystem::file_size(dir / name) > 10000);
    }
    // Each picture shows its own screen (a click that missed would leave the library).
    CHECK(std::filesystem::file_size(dir / "chat.png") != std::filesystem::file_size(dir / "library.png"));
}

SCENARIO("a missing font file falls back to ImGui's default font with a warning") {
    GameOptions o;
    o.scenario_paths = {data_dir / "kettle.yaml"};
    std::string error;
    auto game = ScriptedGame::start(o, 1280, 720, error, {}, false, "/nonexistent/DejaVuSans.ttf");
    REQUIRE(game);
    THEN("the game runs and tells the trainer why the text looks different") {
        REQUIRE(game->game().notices.size() == 1);
        CHECK(game->game().notices[0].find("fonts-dejavu-core") != std::string::npos);
        click(*game, "card 0");
        CHECK(game->game().screen == Screen::briefing);
    }
}

SCENARIO("the real event loop sleeps, draws after input and quits on SDL_QUIT") {
    GameOptions o;
    o.scenario_paths = {data_dir / "kettle.yaml"};
    GameState state = make_game_state(o);
    PlatformConfig config;  // real SDL input path, real clock
    std::string error;
    auto app = App::create(std::move(state), config, error);
    INFO(error);
    REQUIRE(app);
    WHEN("a key press and then a quit are queued") {
        SDL_Event key{};
        key.type = SDL_KEYDOWN;
        key.key.keysym.scancode = SDL_SCANCODE_RETURN;
        SDL_PushEvent(&key);
        key.type = SDL_KEYUP;
        SDL_PushEvent(&key);
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        SDL_PushEvent(&quit);
        app->run();
        THEN("the loop returns, having drawn the first frames only") {
            CHECK(app->game().quit);
            CHECK(app->frames_drawn() >= 1);
            CHECK(app->frames_drawn() <= 4);
            CHECK(app->first_frame_ms() >= 0);
        }
    }
    WHEN("nothing is happening in the library") {
        THEN("the loop would sleep until the next event") { CHECK(app->wake_after_ms() == -1); }
    }
}

SCENARIO("every screen fits a 1280x720 laptop from 100% to 200%") {
    for (int scale : {100, 150, 200}) {
        GIVEN("1280x720 at " + std::to_string(scale) + "%") {
            Settings s;
            s.ui_scale_percent = scale;
            auto game = start_game(bundled(), 1280, 720, s);
            GameState& g = game->game();
            const std::string tag = "fit-" + std::to_string(scale);
            auto shot = [&](const std::string& screen) {
                game->screenshot(std::filesystem::path(FRONTLINE_TEST_TMP) / (tag + "-" + screen + ".png"));
            };
            auto on_screen = [&](const std::string& widget) {
                INFO(widget << " at " << scale << "%; widgets: " << widgets_of(game->ui()));
                REQUIRE(game->has(widget));
                const WidgetRect& r = game->ui().widgets.at(widget);
                CHECK(r.min.x >= 0);
                CHECK(r.max.x <= 1280.5f);
                CHECK(r.max.y <= 720.5f);
            };
            shot("library");
            on_screen("card 0");
            on_screen("workshop");
            const int cold = index_of(g, "cold-meal");
            apply(g, intent::OpenScenario{cold});
            game->frames(2);
            shot("briefing");
            on_screen("start");
            click(*game, "start");
            REQUIRE(g.screen == Screen::call);
            game->read_answers();
            shot("call");
            // Every answer of the first turn is on screen, or (at 200%, where the window is
            // two answers' height short) a wheel turn away inside the window.
            for (size_t i = 1; i <= g.call->runner.presented().size(); ++i) {
                const std::string id = "choice " + std::to_string(i);
                if (scale == 200) scroll_to(*game, "choices", id);
                on_screen(id);
            }
            if (scale == 200) {  // back to the top, as the trainee left it
                for (int k = 0; k < 10; ++k) game->scroll("choices", 3.0f);
            }
            on_screen("leave");
            for (int choice : planned_path(g.library[static_cast<size_t>(cold)].scenario(), Need::personal))
                press_choice(*game, visible_number(g.call->runner, choice));
            REQUIRE(g.screen == Screen::debrief);
            shot("debrief");
            for (const char* w : {"retry", "library", "quadrant"}) on_screen(w);
            game->press(SDL_SCANCODE_F2);
            REQUIRE(g.screen == Screen::settings);
            shot("settings");
            on_screen("done");
        }
    }
}
