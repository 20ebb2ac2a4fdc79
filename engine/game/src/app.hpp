// The platform layer: one SDL window and renderer, the ImGui context, and the
// event-driven loop. It owns a GameState and applies the intents the screens
// return. Input can come from SDL (the real game) or be set by a script on
// ImGui's io (tests, screenshots); time always comes from an injected clock.
#pragma once

#include "game_state.hpp"
#include "sound.hpp"
#include "widgets.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <tuple>

struct SDL_Window;
struct SDL_Renderer;

namespace frontline::game {

/// DejaVu Sans from fonts-dejavu-core (set at build time).
std::string default_font_path();

struct PlatformConfig {
    int width = 1280;
    int height = 720;
    /// Tests and the screenshot tour set io.MousePos / MouseDown / KeysDown
    /// themselves; the SDL backend then never overwrites them.
    bool scripted_input = false;
    /// Seconds, monotonic. Default: SDL's performance counter.
    std::function<double()> clock;
    /// The game's assets (fonts/DejaVuSans.ttf is preferred to font_path when an
    /// assets folder has it, as the Windows build's does; sounds/).
    std::vector<std::filesystem::path> asset_dirs;
    std::string font_path = default_font_path();
    /// Open an audio device for the cues (when asset_dirs has the sounds).
    bool sound = true;
    /// Speak the customer's lines (with an audio device). The synthesiser is made on
    /// the voice worker's thread; empty = espeak-ng. Tests pass their own.
    bool speak_lines = true;
    voice::VoiceWorker::Factory voice_factory;
    /// Where settings are saved; empty = do not save (tests, screenshots).
    std::filesystem::path settings_file;
    /// Rasterise every frame. Scripted runs turn it off: ImGui's layout and hit
    /// testing do not depend on pixels, and the software rasteriser is ~98% of a
    /// frame's cost. Frames captured to PNG are always rasterised.
    bool rasterize = true;
};

class App {
public:
    /// Creates the window, renderer and ImGui context. nullptr + `error` on failure.
    static std::unique_ptr<App> create(GameState state, const PlatformConfig& config, std::string& error);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// One frame: pass time, draw, apply the intent, present. With `capture`,
    /// the frame is also written there as a PNG (read back before presenting).
    /// Returns false only if the capture could not be written.
    bool frame(const std::filesystem::path* capture = nullptr);

    /// The event-driven loop of the real game: sleeps in SDL_WaitEventTimeout,
    /// draws a few frames after each input, wakes for the patience timer.
    /// Returns when the trainee quits.
    void run();

    GameState& game() { return game_; }
    const GameState& game_state() const { return game_; }
    const UiState& ui_state() const { return ui_; }
    UiState& ui() { return ui_; }
    const Intent& last_intent() const { return last_intent_; }
    int frames_drawn() const { return frames_drawn_; }
    /// Milliseconds from create() to the first frame presented.
    double first_frame_ms() const { return first_frame_ms_; }
    /// While set, each frame writes every text it draws (labels, buttons, wrapped text,
    /// through ImGui's log) to `into`: what tests read to see what the trainee sees.
    void capture_text(std::string* into) { text_capture_ = into; }
    void resize(int width, int height);
    /// Turns rasterising every frame on or off (see PlatformConfig::rasterize).
    void set_rasterize(bool on) { config_.rasterize = on; }
    SDL_Window* window() const { return window_; }
    /// The sound player, or null when the game is silent (no sounds, no device).
    const SoundPlayer* sound() const { return sound_.get(); }
    /// The voice worker, or null when the game does not speak (no sound, or turned off).
    const voice::VoiceWorker* voice_worker() const { return voice_.get(); }
    /// Plays the lines the voice worker has finished and asks it for the customer's new
    /// lines. Never waits for synthesis; the loop calls it with the cues.
    void speak();

    /// How long the loop may sleep before something on screen must change.
    /// -1 = until the next event.
    int wake_after_ms() const;

private:
    /// One turn of the event loop: handle what came, draw when something changed.
    /// `wait` lets it sleep until an event or the next wake-up (the desktop); the
    /// browser's loop calls it once per animation frame and must not block.
    void step(bool wait);
    App() = default;
    void apply_settings();
    void after_intent(const Intent& asked);
    /// Plays (or, muted, drops) the cues the game asked for since the last call.
    void play_cues();
    /// Reads the clock and passes the time to the game; returns the step.
    double pass_time();
    /// What a timer tick could change on screen, coarsely: the loop redraws
    /// only when it differs (a software-rendered frame costs tens of ms).
    std::tuple<int, int, int, size_t, int, int, int> visible_signature() const;

    GameState game_;
    UiState ui_;
    PlatformConfig config_;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::unique_ptr<SoundPlayer> sound_;
    std::unique_ptr<voice::VoiceWorker> voice_;
    size_t voiced_upto_ = 0;  ///< transcript entries of the current call already sent to the voice
    bool voice_warned_ = false;
    bool imgui_ready_ = false;
    bool platform_ready_ = false;
    bool renderer_backend_ready_ = false;
    int applied_scale_ = -1;
    bool applied_fullscreen_ = false;
    double last_time_ = -1;
    double created_at_ = 0;
    double first_frame_ms_ = -1;
    int frames_drawn_ = 0;
    std::string* text_capture_ = nullptr;
    Intent last_intent_;
    int pending_ = 0;        ///< frames still to draw while ImGui settles after input
    double last_tick_ = -1;  ///< browser loop: when the wake-up timer last fired
};

/// Writes the renderer's current back buffer as PNG; "" or an error message.
std::string write_png(SDL_Renderer* renderer, const std::filesystem::path& path);

/// Peak resident set size of this process in kB (Linux), or -1.
long peak_rss_kb();

}  // namespace frontline::game
