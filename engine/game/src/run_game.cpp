// run_game(): settings, scenarios, then the window's loop (or the screenshot tour).
#include "frontline/game.hpp"

#include "app.hpp"

#include <SDL.h>

#include <cstdio>

namespace frontline {

std::optional<std::filesystem::path> default_settings_file() { return game::default_settings_path(); }

int run_game(const GameOptions& options) {
    using namespace game;
    PlatformConfig config;
    config.asset_dirs = options.asset_dirs;
    std::optional<std::filesystem::path> settings_path =
        options.settings_file ? options.settings_file : default_settings_file();
    LoadedSettings loaded = settings_path ? load_settings(*settings_path) : LoadedSettings{};
    for (const std::string& w : loaded.warnings) std::fprintf(stderr, "frontline: warning: %s\n", w.c_str());
    if (settings_path) config.settings_file = *settings_path;

    GameState state = make_game_state(options);
    if (state.phones) {  // `frontline workshop --phones`: where the room joins, for the facilitator's notes
        if (state.phones->server)
            std::printf("Phones join at %s (room code %s)\n", state.phones->join_address.c_str(),
                        state.phones->code.c_str());
        else std::fprintf(stderr, "frontline: phones are off: %s\n", state.phones->error.c_str());
        std::fflush(stdout);
    }
    state.settings = loaded.settings;
    if (options.language) state.settings.language = *options.language;
    state.notices = loaded.warnings;
    apply_language(state);  // the settings' language, once they are known
    apply_interface_language(state);
    std::string error;
    auto app = App::create(std::move(state), config, error);
    if (!app) {
        std::fprintf(stderr, "frontline: %s\n", error.c_str());
        return 1;
    }
    app->run();
    return 0;
}

}  // namespace frontline
