// The game's test interface, not part of the shipped game (the frontline_game_testing
// library; the `frontline` executable does not link it). Drives the real game without
// a human: a manual clock and scripted input set on ImGui's io, exactly where the SDL
// backend would put them. Tests use it to click and type through whole calls; the
// screenshot tool uses it to pose frames.
#pragma once

#include "app.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace frontline::game {

class ScriptedGame {
public:
    /// Starts the game headless-capable (whatever SDL_VIDEODRIVER says) with a
    /// manual clock at 0 and draws the first frame. nullptr + `error` on failure.
    /// `rasterize`: draw pixels every frame (benchmarks); tests leave it off.
    static std::unique_ptr<ScriptedGame> start(const GameOptions& options, int width, int height, std::string& error,
                                               const Settings& settings = {}, bool rasterize = false,
                                               const std::string& font_path = default_font_path());

    /// Draws `n` frames, advancing the clock by `step` seconds before each.
    void frames(int n = 1, double step = 1.0 / 30);
    /// Moves the mouse over a remembered widget, presses and releases it.
    /// False (and nothing clicked) if the widget is not on screen.
    bool click(const std::string& widget);
    /// Turns the mouse wheel over a remembered widget (negative = down). False if absent.
    bool scroll(const std::string& widget, float wheel);
    /// Presses and releases a key (SDL scancode), optionally with Ctrl held.
    void press(int scancode, bool ctrl = false);
    /// Clicks a text field and types `text` over what it holds (select all, then type),
    /// as the SDL backend would deliver it.
    bool type_into(const std::string& field, const std::string& text);
    /// Lets time pass, a frame at a time, until the answers on screen take input (the
    /// guard after a new turn is drawn), as a trainee reading them would. Clicking
    /// or pressing without it is the quick double input the guard is there for.
    void read_answers();
    /// Lets `seconds` pass in steps of `step`, drawing a frame each step.
    void wait(double seconds, double step = 0.25);
    /// Runs the real event loop (App::run: it sleeps until an event or the next
    /// timer) for `seconds` of wall time, the clock following real time meanwhile;
    /// for benchmarks of the idle game. Returns the frames it drew.
    int run_loop(double seconds);
    bool has(const std::string& widget) const;
    /// Draws one frame and returns every text on it, as drawn (one line per row of text).
    std::string frame_text();
    bool screenshot(const std::filesystem::path& png);
    void resize(int width, int height);

    GameState& game() { return app_->game(); }
    UiState& ui() { return app_->ui(); }
    App& app() { return *app_; }
    double now() const { return *clock_; }

private:
    ScriptedGame() = default;
    std::shared_ptr<double> clock_;
    /// While run_loop() runs: the clock reads real time from this start (else clock_).
    std::shared_ptr<std::optional<std::chrono::steady_clock::time_point>> real_time_;
    std::unique_ptr<App> app_;
};

/// Node choice indices, turn by turn, of the best (or worst) path for `need`
/// from the start to an ending, from the state exploration. Empty if none.
std::vector<int> planned_path(const Scenario& s, Need need, bool worst = false);
/// The best path on both needs at once (each counted as a share of its best) from
/// `from` to an ending: what a playtest's best play is. Empty if none.
std::vector<int> planned_path_from(const Scenario& s, const CallState& from);

/// The 1-based number the trainee sees for node choice `choice` now, or 0.
int visible_number(const Runner& r, int choice);

/// The screenshot tour: library, a call in coach mode, a debrief, written as
/// library.png, call.png and debrief.png into `dir`. Returns an exit code.
int take_screenshots(const GameOptions& options, const std::filesystem::path& dir);

}  // namespace frontline::game
