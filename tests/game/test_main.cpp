// Headless, deterministic and private: set before anything touches SDL or settings.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

int main(int argc, char** argv) {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    setenv("SDL_FRAMEBUFFER_ACCELERATION", "0", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);  // the sound tests queue cues to a device that plays nothing
    std::filesystem::create_directories(FRONTLINE_TEST_TMP "/config");
    setenv("XDG_CONFIG_HOME", FRONTLINE_TEST_TMP "/config", 1);
    return Catch::Session().run(argc, argv);
}
