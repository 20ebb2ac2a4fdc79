// frontline_screenshots SCENARIOS_DIR OUT_DIR: regenerates the README's
// screenshots headless (the `screenshots` CMake target runs it).
#include "scripted_game.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s SCENARIOS_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    frontline::GameOptions options;
    options.scenario_paths = {argv[1]};
    options.asset_dirs = {FRONTLINE_SOURCE_ASSETS};  // the interface's translations (i18n/)
    return frontline::game::take_screenshots(options, argv[2]);
}
