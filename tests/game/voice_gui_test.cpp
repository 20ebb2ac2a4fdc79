// The running game speaks: a phone call rings, then the customer's first line is
// synthesised off the render thread and queued to SDL audio (the dummy driver),
// measured; the voice volume in the settings reaches the mix, and muted is silence.
#include "gui_support.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <thread>

using namespace frontline;
using namespace frontline::game;

namespace {

const std::vector<std::filesystem::path> build_assets = {FRONTLINE_BUILD_ASSETS};

/// Frames until the game has queued `lines` voice lines or the worker is idle with none
/// to come; bounded, so a voice that never comes fails instead of hanging.
void frames_until_spoken(ScriptedGame& game, int lines) {
    for (int i = 0; i < 1000; ++i) {
        game.frames(1);
        if (game.app().sound()->voiced() >= lines) return;
        if (game.app().voice_worker()->busy() == 0 && i > 20) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

int peak(const std::vector<uint8_t>& b) {
    int m = 0;
    for (size_t i = 0; i + 1 < b.size(); i += 2) {
        int16_t v = 0;
        std::memcpy(&v, &b[i], 2);
        m = std::max(m, std::abs(static_cast<int>(v)));
    }
    return m;
}

std::unique_ptr<ScriptedGame> take_the_call(const Settings& settings) {
    GameOptions o;
    o.scenario_paths = {test::data_dir / "kettle.yaml"};
    o.asset_dirs = build_assets;
    auto game = test::start_game(o, 1280, 720, settings);
    REQUIRE(game->app().sound());
    REQUIRE(game->app().voice_worker());
    apply(game->app().game(), intent::OpenScenario{0});
    game->frames(1);
    test::click(*game, "start");
    game->frames(1);
    REQUIRE(game->app().game().screen == Screen::call);
    return game;
}

}  // namespace

SCENARIO("a phone call rings, then the customer speaks their line") {
    GIVEN("the game with the build's sounds and the voice at its default volume") {
        auto game = take_the_call(Settings{});
        WHEN("the worker has spoken the first line") {
            frames_until_spoken(*game, 1);
            const SoundPlayer& sound = *game->app().sound();
            THEN("the ring and one line reached the audio device, the line as long and loud as speech") {
                CHECK(sound.played() == 1);
                REQUIRE(sound.voiced() == 1);
                const double seconds = static_cast<double>(sound.last_voice().size()) /
                                       (2.0 * sound.device_channels() * sound.device_rate());
                CHECK(seconds > 1.5);  // "This kettle leaks. I bought it here last week."
                CHECK(seconds < 8.0);
                CHECK(peak(sound.last_voice()) > 2000);
            }
            AND_WHEN("the trainee answers and the next line comes") {
                test::press_choice(*game, 1);
                frames_until_spoken(*game, 2);
                THEN("it is spoken too") { CHECK(game->app().sound()->voiced() == 2); }
            }
        }
    }
    GIVEN("the voice turned down to Quiet") {
        Settings quiet;
        quiet.voice_volume_percent = 40;
        auto game = take_the_call(quiet);
        frames_until_spoken(*game, 1);
        THEN("the line is spoken, more softly than at Loud") {
            REQUIRE(game->app().sound()->voiced() == 1);
            const int soft = peak(game->app().sound()->last_voice());
            game.reset();  // one game (one ImGui context) at a time
            Settings loud;
            loud.voice_volume_percent = 100;
            auto again = take_the_call(loud);
            frames_until_spoken(*again, 1);
            REQUIRE(again->app().sound()->voiced() == 1);
            CHECK(soft < peak(again->app().sound()->last_voice()));
        }
    }
    GIVEN("the voice muted in the settings") {
        Settings muted;
        muted.voice_volume_percent = 0;
        auto game = take_the_call(muted);
        frames_until_spoken(*game, 1);
        THEN("the phone still rings but nothing is spoken; the line is on screen") {
            CHECK(game->app().sound()->played() == 1);
            CHECK(game->app().sound()->voiced() == 0);
            CHECK(game->app().voice_worker()->busy() == 0);
            CHECK(game->app().game().call->runner.transcript().front().text ==
                  "This kettle leaks. I bought it here last week.");
        }
    }
}
