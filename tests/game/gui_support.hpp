// Shared helpers for the GUI tests: start the real game headless, find scenarios.
#pragma once

#include "scripted_game.hpp"

#include <catch2/catch.hpp>

#include <SDL_scancode.h>

namespace frontline::game::test {

inline const std::filesystem::path data_dir = FRONTLINE_GAME_TEST_DATA;
inline const std::filesystem::path scenarios_dir = FRONTLINE_SCENARIOS_DIR;

inline std::unique_ptr<ScriptedGame> start_game(const GameOptions& options, int width = 1280, int height = 720,
                                                const Settings& settings = {}) {
    std::string error;
    auto game = ScriptedGame::start(options, width, height, error, settings);
    INFO(error);
    REQUIRE(game);
    return game;
}

inline GameOptions bundled() {
    GameOptions o;
    o.scenario_paths = {scenarios_dir};
    return o;
}

inline int index_of(const GameState& g, const std::string& id) {
    for (size_t i = 0; i < g.library.size(); ++i)
        if (g.library[i].ok() && g.library[i].scenario().id == id) return static_cast<int>(i);
    return -1;
}

/// Every widget the screen drew, for failure messages.
inline std::string widgets_of(const UiState& ui) {
    std::string out;
    for (const auto& [name, rect] : ui.widgets) out += "'" + name + "' ";
    return out;
}

/// Clicks a widget that must be on screen; an answer only once the trainee could
/// have read it (the guard against double input; raw clicks are game.click).
inline void click(ScriptedGame& game, const std::string& widget) {
    if (widget.rfind("choice ", 0) == 0 || widget == "proceed") game.read_answers();
    INFO("clicking '" << widget << "' on screen " << static_cast<int>(game.game().screen) << "; widgets: "
                      << widgets_of(game.ui()));
    REQUIRE(game.click(widget));
}

/// Scrolls `area` down until `widget` is on screen (as a trainee would with the wheel).
inline void scroll_to(ScriptedGame& game, const std::string& area, const std::string& widget) {
    for (int i = 0; i < 40 && !game.has(widget); ++i) REQUIRE(game.scroll(area, -3.0f));
    INFO("scrolling '" << area << "' to '" << widget << "'; widgets: " << widgets_of(game.ui()));
    REQUIRE(game.has(widget));
}

/// Scrolls the library's cards with the wheel (over whichever card shows) until
/// `card` ("card N") is on screen, as a trainee with a long library would.
inline void scroll_library_to(ScriptedGame& game, const std::string& card) {
    const int want = std::stoi(card.substr(5));
    for (int i = 0; i < 40 && !game.has(card); ++i) {
        int lowest = -1, highest = -1;
        std::string any;
        for (const auto& [name, rect] : game.ui().widgets) {
            if (name.rfind("card ", 0) != 0) continue;
            const int at = std::stoi(name.substr(5));
            if (lowest < 0 || at < lowest) lowest = at;
            if (at > highest) highest = at;
            any = name;
        }
        INFO("scrolling the library to '" << card << "'; widgets: " << widgets_of(game.ui()));
        REQUIRE_FALSE(any.empty());
        REQUIRE(game.scroll(any, want > highest ? -3.0f : 3.0f));
    }
    INFO("scrolling the library to '" << card << "'; widgets: " << widgets_of(game.ui()));
    REQUIRE(game.has(card));
}

/// Presses the key for a visible choice number (1-9).
inline void press_choice(ScriptedGame& game, int number) {
    REQUIRE(number >= 1);
    REQUIRE(number <= 9);
    game.read_answers();
    game.press(SDL_SCANCODE_1 + number - 1);
}

}  // namespace frontline::game::test
