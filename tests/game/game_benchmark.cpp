// Measures the game against the targets (not a test: numbers depend on
// the machine). Run headless:
//   SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software build/tests/game/frontline_game_benchmark
// Targets: first frame < 300 ms, < 1 ms CPU per frame on the call screen,
// RSS < 40 MB with the software renderer, idle < 1% CPU.
#include "scripted_game.hpp"

#include <SDL.h>
#include <sys/resource.h>

#include <chrono>
#include <thread>
#include <cstdio>

using namespace frontline;
using namespace frontline::game;

namespace {

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    GameOptions o;
    o.scenario_paths = {argc > 1 ? argv[1] : FRONTLINE_SCENARIOS_DIR};
    auto t0 = std::chrono::steady_clock::now();
    std::string error;
    auto game = ScriptedGame::start(o, 1280, 720, error, {}, true);
    if (!game) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    double startup_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("start-up incl. loading scenarios and 2 frames: %.1f ms; first frame presented %.1f ms after SDL "
                "started\n",
                startup_ms, game->app().first_frame_ms());

    int index = -1;
    for (size_t i = 0; i < game->game().library.size(); ++i)
        if (game->game().library[i].ok()) index = static_cast<int>(i);
    if (index < 0) return 1;
    game->click("card " + std::to_string(index));
    game->click("start");
    game->click("choice 1");
    // The game's own work per frame (state, layout, ImGui draw lists), then the
    // same frames rasterised by SDL's software renderer and presented.
    for (bool raster : {false, true}) {
        game->app().set_rasterize(raster);
        const int frames = raster ? 100 : 1000;
        double c0 = cpu_seconds();
        game->frames(frames, 0.001);
        double cpu_ms = (cpu_seconds() - c0) * 1000.0 / frames;
        std::printf("call screen, %s: %.3f ms CPU per frame (%d frames)\n",
                    raster ? "with software rasterising + present" : "game + ImGui, no rasterising", cpu_ms, frames);
    }
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(peak_rss_kb()) / 1024.0);

    // Idle: the real loop's wait, with nothing happening, for two seconds.
    double i0 = cpu_seconds();
    auto iw = std::chrono::steady_clock::now();
    SDL_Event ev;
    while (std::chrono::steady_clock::now() - iw < std::chrono::seconds(2)) SDL_WaitEventTimeout(&ev, 1000);
    double idle = (cpu_seconds() - i0) / 2.0 * 100.0;
    std::printf("idle (SDL_WaitEventTimeout, %s driver): %.2f%% CPU\n", SDL_GetCurrentVideoDriver(), idle);
    return 0;
}
