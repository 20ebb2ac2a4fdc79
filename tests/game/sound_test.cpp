// The ring and the patience cue: asked for by the game's rules, played through SDL
// audio (the dummy driver here: a device that accepts samples and plays nothing).
#include "game_state.hpp"
#include "gui_support.hpp"
#include "sound.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>

using namespace frontline;
using namespace frontline::game;

namespace {

const std::filesystem::path data = FRONTLINE_GAME_TEST_DATA;
const std::vector<std::filesystem::path> build_assets = {FRONTLINE_BUILD_ASSETS};

GameState one_scenario(const std::filesystem::path& file) {
    GameOptions o;
    o.scenario_paths = {file};
    o.no_shuffle = true;
    GameState g = make_game_state(o);
    REQUIRE(g.library.size() == 1);
    REQUIRE(g.library[0].ok());
    return g;
}

}  // namespace

SCENARIO("the game asks for the ring and the patience cue at the right moments") {
    GIVEN("a phone call with 10 s of patience") {
        GameState g = one_scenario(data / "kettle.yaml");
        apply(g, intent::OpenScenario{0});
        WHEN("the call starts") {
            apply(g, intent::StartCall{Mode::coach});
            THEN("the phone rings once") { CHECK(g.cues == std::vector<Cue>{Cue::ring}); }
        }
        WHEN("the trainee is silent past three quarters of the grace, in small steps") {
            apply(g, intent::StartCall{Mode::coach});
            g.cues.clear();
            for (int i = 0; i < 36; ++i) advance_time(g, 0.25);  // 9 s
            THEN("the soft cue sounds once, not every tick") {
                CHECK(g.cues == std::vector<Cue>{Cue::patience_low});
            }
            AND_WHEN("the trainee answers and is silent again at the next node") {
                apply(g, intent::Choose{1});
                g.cues.clear();
                advance_time(g, 5.0);
                CHECK(g.cues.empty());
                advance_time(g, 3.0);
                THEN("the cue sounds again for the new silence") {
                    CHECK(g.cues == std::vector<Cue>{Cue::patience_low});
                }
            }
        }
        WHEN("the call is retried from the debrief") {
            apply(g, intent::StartCall{Mode::coach});
            advance_time(g, 45.0);  // Robin walks out
            REQUIRE(g.screen == Screen::debrief);
            g.cues.clear();
            apply(g, intent::Retry{});
            THEN("it rings again") { CHECK(g.cues == std::vector<Cue>{Cue::ring}); }
        }
    }
    GIVEN("a desk visit") {
        GameState g = one_scenario(test::scenarios_dir / "cold-meal.yaml");
        apply(g, intent::OpenScenario{0});
        WHEN("it starts") {
            apply(g, intent::StartCall{Mode::coach});
            THEN("no phone rings at a desk") { CHECK(g.cues.empty()); }
        }
    }
}

SCENARIO("the cues play through SDL audio at the volume in the settings") {
    GIVEN("the sounds the build synthesised and SDL's dummy audio driver") {
        std::vector<std::string> warnings;
        auto player = SoundPlayer::open(build_assets, warnings);
        INFO((warnings.empty() ? std::string() : warnings.front()));
        REQUIRE(player);
        CHECK(warnings.empty());
        WHEN("the ring plays at full and at half volume") {
            player->play(Cue::ring, 100);
            const std::vector<uint8_t> loud = player->last_mix();
            player->play(Cue::ring, 50);
            const std::vector<uint8_t>& soft = player->last_mix();
            THEN("both reach the device, the second quieter") {
                CHECK(player->played() == 2);
                REQUIRE(loud.size() == soft.size());
                REQUIRE(loud.size() > 44100);  // over a second of 16-bit stereo
                auto peak = [](const std::vector<uint8_t>& b) {
                    int m = 0;
                    for (size_t i = 0; i + 1 < b.size(); i += 2) {
                        int16_t v = 0;
                        std::memcpy(&v, &b[i], 2);
                        m = std::max(m, std::abs(static_cast<int>(v)));
                    }
                    return m;
                };
                CHECK(peak(loud) > 1000);
                CHECK(peak(soft) < peak(loud));
            }
        }
        WHEN("the game is muted") {
            player->play(Cue::patience_low, 0);
            THEN("nothing is queued") { CHECK(player->played() == 0); }
        }
    }
    GIVEN("assets without sounds") {
        std::vector<std::string> warnings;
        auto player = SoundPlayer::open({data}, warnings);
        THEN("the game is silent and says why once") {
            CHECK_FALSE(player);
            REQUIRE(warnings.size() == 1);
            CHECK(warnings[0].find("sounds not found") != std::string::npos);
        }
    }
}

SCENARIO("the running game rings when a phone call starts") {
    GIVEN("the game with the build's assets") {
        GameOptions o;
        o.scenario_paths = {data / "kettle.yaml"};
        o.asset_dirs = build_assets;
        auto game = test::start_game(o);
        REQUIRE(game->app().sound());
        WHEN("the trainee opens the call and takes it") {
            game->app().game().cues.clear();
            apply(game->app().game(), intent::OpenScenario{0});
            game->frames(1);
            test::click(*game, "start");
            game->frames(1);
            THEN("the ring was queued to the audio device") {
                CHECK(game->app().game().screen == Screen::call);
                CHECK(game->app().sound()->played() == 1);
                CHECK(game->app().game().cues.empty());
            }
        }
    }
}
